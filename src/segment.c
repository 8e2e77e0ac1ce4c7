/* segment.c - stage 2: tokens (Penn Treebank conventions) and sentences */
#include "segment.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "utf8.h"

/* Abbreviations that keep their period and never end a sentence. */
static const char *const TITLES[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "gov", "sen", "rep", "rev", "st", "hon", "pres", "amb", "brig", "cmdr", "cdr", "fr", "sr",
    "jr", "mt", "ft", "no", "nos", "vs", "v", "etc", "inc", "corp", "ltd", "co", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx", "dept", "est", "fig", "e.g",
    "i.e", "al", "ave", "blvd", "ky", "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "ill",
    "ind", "kan", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "sgt", "pvt", "supt", NULL};
/* Words that start a new sentence after an abbreviation such as U.S. */
static const char *const STARTERS[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "but", "and", "this",
    "that", "these", "those", "there", "his", "her", "their", "its", "our", "at", "as", "after",
    "before", "when", "while", "if", "meanwhile", "however", "earlier", "later", "officials",
    "some", "many", "no", "not", "both", "one", "last", "since", "for", "during", "then", "still",
    "already", "under", "with", "without", "although", "officials", "you", "what", NULL};

static int in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncasecmp(*list, s, n) == 0) return 1;
    return 0;
}

/* Multi-byte punctuation we split off: curly quotes, dashes, ellipsis. */
static size_t punct_utf8(const unsigned char *p, size_t n)
{
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
        (p[2] == 0x98 || p[2] == 0x99 || p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x93 ||
         p[2] == 0x94 || p[2] == 0xA6))
        return 3;
    if (n >= 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB)) return 2;   /* guillemets */
    return 0;
}

static int is_apos(const unsigned char *p, size_t n, size_t *len)
{
    if (n >= 1 && p[0] == '\'') { *len = 1; return 1; }
    if (n >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) { *len = 3; return 1; }
    return 0;
}

/* Is the word w (without its final period) an abbreviation? */
/* abbreviations written in lower case; the others (Gen., Jan., No.) are
 * capitalised, so that "the answer was no." still ends a sentence */
static const char *const LOWER_ABBREV[] = {"etc", "vs", "v", "approx", "al", "est", "dept", "fig", NULL};

static int abbrev(const char *w, size_t n)
{
    if (n == 0) return 0;
    if (n == 1 && isupper((unsigned char)w[0])) return 1;                 /* initials */
    int dots = 0, alnum = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') dots++;
        else if (isalpha((unsigned char)w[i])) alnum++;
        else return 0;
    }
    if (dots && alnum) return 2;                                         /* U.S, U.N, e.g */
    if (isupper((unsigned char)w[0])) return in_list(TITLES, w, n);
    return in_list(LOWER_ABBREV, w, n) ? 2 : 0;   /* "etc." may end a sentence too */
}

typedef struct {
    Token *tok;
    size_t n, cap;
    Arena *a;              /* grow in arena when set */
} TokVec;

static void push(TokVec *v, const char *s, size_t n)
{
    if (v->n == v->cap) {
        if (!v->a) return;
        size_t nc = v->cap ? arena_next_cap(v->cap) : 256;
        v->tok = arena_grow(v->a, v->tok, v->cap * sizeof(Token), nc * sizeof(Token));
        v->cap = nc;
    }
    /* the first byte's class as the C locale's ctype tells it, compared inline */
    unsigned char c = (unsigned char)s[0];
    int upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9', lower = c >= 'a' && c <= 'z';
    uint8_t flags = (uint8_t)((upper ? TOK_CAP : 0) | (digit ? TOK_NUM : 0) |
                              (!upper && !digit && !lower && c < 0x80 ? TOK_PUNCT : 0));
    if (c >= 0x80 && punct_utf8((const unsigned char *)s, n) == n) flags |= TOK_PUNCT;
    if (upper && n > 1) {
        int all = 1;
        for (size_t i = 1; i < n; i++)
            if (s[i] >= 'a' && s[i] <= 'z') { all = 0; break; }
        if (all) flags |= TOK_ALLCAP;
    }
    v->tok[v->n++] = (Token){.s = s, .n = (uint32_t)n, .flags = flags, .mention = -1, .head = -1};
}

/* Split one whitespace-delimited chunk into tokens. */
static void split_chunk(TokVec *v, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    /* most chunks are a word of ASCII letters alone, which is one token (no
     * punctuation around it, no clitic), or such a word and a comma */
    size_t letters = 0;
    while (letters < n && (unsigned)((p[letters] | 0x20) - 'a') < 26u) letters++;
    if (letters == n) {
        push(v, s, n);
        return;
    }
    if (letters && letters + 1 == n && p[letters] == ',') {
        push(v, s, letters);
        size_t before = v->n;
        push(v, s + letters, 1);
        if (v->n > before) v->tok[v->n - 1].flags |= TOK_CLOSE;
        return;
    }
    /* leading punctuation */
    for (;;) {
        if (!n) return;
        size_t k = punct_utf8(p, n);
        if (!k && (p[0] == '"' || p[0] == '(' || p[0] == '[' || p[0] == '{' || p[0] == '`' ||
                   (p[0] == '\'' && n > 1 && !isdigit(p[1]) && !(n >= 2 && (p[1] == 's' || p[1] == 'S') && n == 2))))
            k = (p[0] == '`' && n > 1 && p[1] == '`') ? 2 : 1;
        if (!k && n >= 2 && p[0] == '-' && p[1] == '-') { k = 2; while (k < n && p[k] == '-') k++; }
        if (!k) break;
        push(v, s, k);
        s += k; p += k; n -= k;
    }
    /* trailing punctuation, collected right to left */
    size_t tail[16], nt = 0;
    for (;;) {
        if (!n || nt == 16) break;
        unsigned char c = p[n - 1];
        size_t k = 0;
        if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
            c == '}' || c == '"')
            k = 1;
        else if (n >= 3 && punct_utf8(p + n - 3, 3) == 3)
            k = 3;
        else if (n >= 2 && punct_utf8(p + n - 2, 2) == 2)
            k = 2;
        else if (c == '\'' && n >= 2 && p[n - 2] == '\'')
            k = 2;   /* '' closes a quote opened by `` */
        else if (c == '\'' && n > 1 && !(p[n - 2] == 's' || p[n - 2] == 'S'))
            k = 1;
        else if (c == '.') {
            if (n >= 3 && p[n - 2] == '.' && p[n - 3] == '.') k = 3;       /* ... */
            else if (n == 1) k = 1;
            else if (abbrev(s, n - 1)) {
                /* keep the period, but a sentence may still end here: handled
                 * by the sentence splitter looking at the next token */
                k = 0;
            } else
                k = 1;
        }
        if (!k) break;
        tail[nt++] = k;
        n -= k;
        /* a period ends the collection unless a closing quote or bracket
         * stands before it: 'were "useless".', "conditions''." */
        if (k == 1 && c == '.' &&
            !(n && (p[n - 1] == '"' || p[n - 1] == '\'' || p[n - 1] == ')' || p[n - 1] == ']' ||
                    (n >= 3 && punct_utf8(p + n - 3, 3) == 3))))
            break;
    }
    /* the word itself, with clitics split off */
    if (n) {
        size_t cut = n, al;
        /* n't */
        if (n >= 4 && (p[n - 1] == 't' || p[n - 1] == 'T') && is_apos(p + n - 2, 2, &al) &&
            (p[n - 3] == 'n' || p[n - 3] == 'N'))
            cut = n - 3;
        else if (n >= 6 && (p[n - 1] == 't' || p[n - 1] == 'T') && p[n - 4] == 0xE2 && p[n - 3] == 0x80 &&
                 p[n - 2] == 0x99 && (p[n - 5] == 'n' || p[n - 5] == 'N'))
            cut = n - 5;
        else {
            /* 's 're 've 'll 'd 'm and s' */
            for (size_t i = n; i-- > 1;) {
                if (is_apos(p + i, n - i, &al)) {
                    size_t rest = n - i - al;
                    const char *r = s + i + al;
                    if ((rest == 1 && (tolower((unsigned char)r[0]) == 's' || tolower((unsigned char)r[0]) == 'd' ||
                                       tolower((unsigned char)r[0]) == 'm')) ||
                        (rest == 2 && (!strncasecmp(r, "re", 2) || !strncasecmp(r, "ve", 2) || !strncasecmp(r, "ll", 2))) ||
                        (rest == 0 && (p[i - 1] == 's' || p[i - 1] == 'S')))
                        cut = i;
                    break;
                }
                if (!isalpha(p[i]) && p[i] < 0x80) break;
            }
        }
        if (cut < n && cut > 0) {
            /* don't -> do n't, won't -> wo n't, can't -> ca n't, Russia's -> Russia 's */
            push(v, s, cut);
            push(v, s + cut, n - cut);
        } else {
            push(v, s, n);
        }
    }
    size_t off = n;
    while (nt) {
        size_t k = tail[--nt];
        size_t before = v->n;
        push(v, s + off, k);
        if (v->n > before) v->tok[v->n - 1].flags |= TOK_CLOSE;
        off += k;
    }
}

/* A token's two forms to look up: as written (curly quotes and dashes as
 * their ASCII Treebank forms) and in lower case, with their hashes */
typedef struct Forms {
    const char *s;
    size_t n, ln;
    uint64_t he, hl;
    int same;                       /* written in lower case: one lookup for both */
    char tmp[256], low[256];
} Forms;

static void forms_of(const Token *t, Forms *f)
{
    const char *s = t->s;
    size_t n = t->n;
    /* curly quotes and dashes look up as their ASCII Treebank forms */
    if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
        switch ((unsigned char)s[2]) {
        case 0x9C: s = "``"; n = 2; break;
        case 0x9D: s = "''"; n = 2; break;
        case 0x98: s = "`"; n = 1; break;
        case 0x99: s = "'"; n = 1; break;
        case 0x93: case 0x94: s = "--"; n = 2; break;
        case 0xA6: s = "..."; n = 3; break;
        }
    }
    if (n == 1 && s[0] == '"') {
        s = (t->flags & TOK_CLOSE) ? "''" : "``";
        n = 2;
    }
    /* right single quote in clitics ('s) */
    if (n > 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x99 &&
        n < sizeof f->tmp) {
        f->tmp[0] = '\'';
        memcpy(f->tmp + 1, s + 3, n - 3);
        s = f->tmp;
        n -= 2;
    }
    if (n > 4 && s[n - 5] == 'n' && (unsigned char)s[n - 4] == 0xE2 && (unsigned char)s[n - 3] == 0x80 &&
        (unsigned char)s[n - 2] == 0x99 && n < sizeof f->tmp - 1) {
        /* n’t: "n't" (the three bytes of the apostrophe become one) */
        memcpy(f->tmp, s, n - 4);
        f->tmp[n - 4] = '\'';
        f->tmp[n - 3] = s[n - 1];
        s = f->tmp;
        n -= 2;
    }
    f->s = s;
    f->n = n;
    f->ln = utf8_lower(s, n, f->low, sizeof f->low);
    f->same = f->ln == n && !memcmp(f->low, s, n);
    if (f->ln) {
        f->hl = hash_bytes(f->low, f->ln);
        sym_prefetch(f->hl);
    }
    if (!f->same) {
        f->he = hash_bytes(s, n);
        sym_prefetch(f->he);
    }
}

static void forms_look_up(Token *t, const Forms *f)
{
    t->lower = f->ln ? sym_find_hashed(f->low, f->ln, f->hl) : 0;
    t->exact = f->same ? t->lower : sym_find_hashed(f->s, f->n, f->he);
}

/* Look the tokens up in blocks: each block's forms and hashes first, with
 * a prefetch of their slots in the symbol table, then its lookups (the
 * table misses the cache; the misses of a block overlap) */
enum { LOOKUP_BLOCK = 16 };

static void tokens_look_up(Token *tok, size_t n)
{
    Forms f[LOOKUP_BLOCK];
    for (size_t b = 0; b < n; b += LOOKUP_BLOCK) {
        size_t m = n - b < LOOKUP_BLOCK ? n - b : LOOKUP_BLOCK;
        for (size_t i = 0; i < m; i++) forms_of(&tok[b + i], &f[i]);
        for (size_t i = 0; i < m; i++) forms_look_up(&tok[b + i], &f[i]);
    }
}

void token_lookup(Token *t) { tokens_look_up(t, 1); }

size_t tokenize(const char *s, size_t n, Token *tok, size_t cap)
{
    TokVec v = {tok, 0, cap, NULL};
    size_t i = 0;
    while (i < n) {
        while (i < n && isspace((unsigned char)s[i])) i++;
        size_t b = i;
        while (i < n && !isspace((unsigned char)s[i])) i++;
        if (i > b) split_chunk(&v, s + b, i - b);
    }
    tokens_look_up(v.tok, v.n);
    return v.n;
}

static int is_closer(const Token *t)
{
    /* a straight quote closes only where it was split off a word's end
     * ('said."'); one that stands before a word opens the next sentence */
    if (t->n == 1 && (t->s[0] == '"' || t->s[0] == '\'')) return (t->flags & TOK_CLOSE) != 0;
    if (t->n == 1 && (t->s[0] == ')' || t->s[0] == ']')) return 1;
    if (t->n == 3 && (unsigned char)t->s[0] == 0xE2 && (unsigned char)t->s[1] == 0x80 &&
        ((unsigned char)t->s[2] == 0x9D || (unsigned char)t->s[2] == 0x99))
        return 1;
    return 0;
}

static int ends_with_period(const Token *t) { return t->n > 1 && t->s[t->n - 1] == '.'; }

/* The bytes between chunks: white space (as isspace in the C locale) and '_' */
static const uint8_t GAP[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, ['_'] = 1};

/* Most chunks are a short word of ASCII letters then a space: eight bytes
 * at p read as one integer tell how many letters come before the first
 * other byte, and when that byte is a gap the chunk is those letters.
 * Returns their number, 0 when the bytes need reading one by one. */
static size_t short_word(const char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101ull, high = ones << 7;
    uint64_t x;
    memcpy(&x, p, 8);
    uint64_t y = (x | ones << 5) & ~high;                 /* case folded, each byte below 0x80 */
    uint64_t ge_a = y + (0x80 - 'a') * ones;              /* the top bit of a byte: >= 'a' (no carry) */
    uint64_t gt_z = y + (0x80 - 'z' - 1) * ones;          /* ... > 'z' */
    uint64_t other = ~(ge_a & ~gt_z & ~x) & high;         /* bytes that are no ASCII letter */
    if (!other) return 0;                                 /* eight letters: a longer word */
    size_t k = (size_t)__builtin_ctzll(other) >> 3;
    return k && GAP[(unsigned char)p[k]] ? k : 0;
#else
    (void)p;
    return 0;
#endif
}

int segment(Doc *d)
{
    const char *s = d->body;
    size_t n = d->body_len, i = 0;
    /* English news runs about one token to 5-6 bytes: room for one to 3
     * bytes, which seldom grows (a long document's vector is a block of
     * its own whose pages the system maps only when tokens reach them) */
    size_t cap0 = n / 3 + 64;
    TokVec v = {arena_grow(d->arena, NULL, 0, cap0 * sizeof(Token)), 0, cap0, d->arena};
    int para = 1;
    while (i < n) {
        while (i < n && GAP[(unsigned char)s[i]]) para |= s[i++] == '\n';
        size_t b = i, before = v.n, w = i + 8 <= n ? short_word(s + i) : 0;
        if (w) {
            push(&v, s + b, w);
            i += w;
        } else {
            unsigned letters = 1;   /* the chunk is ASCII letters alone: one token, no splitting */
            for (; i < n && !GAP[(unsigned char)s[i]]; i++)   /* "Dol_Amroth": two words */
                letters &= (unsigned)(((unsigned char)s[i] | 0x20) - 'a') < 26u;
            if (i > b && letters) push(&v, s + b, i - b);
            else if (i > b) split_chunk(&v, s + b, i - b);
        }
        if (para && v.n > before) v.tok[before].flags |= TOK_PARA;
        para = 0;
    }
    tokens_look_up(v.tok, v.n);

    /* sentence boundaries */
    arena_shrink(d->arena, v.tok, v.cap * sizeof *v.tok, (v.n + 1) * sizeof *v.tok);
    v.cap = v.n + 1;
    size_t caps = 16, ns = 0, start = 0;
    Sentence *sent = arena_alloc(d->arena, caps * sizeof *sent);
    int cut = 0;
    for (size_t k = 0; k < v.n; k++) {
        const Token *t = &v.tok[k];
        size_t last = k;
        int end = t->n == 1 && (t->s[0] == '.' || t->s[0] == '!' || t->s[0] == '?');
        if (!end && ends_with_period(t) && k + 1 < v.n && abbrev(t->s, t->n - 1) == 2) {
            /* "U.S." then a sentence starter: the period ends the sentence too */
            const Token *nx = &v.tok[k + 1];
            end = (nx->flags & TOK_CAP) && in_list(STARTERS, nx->s, nx->n);
        }
        if (end) {
            while (last + 1 < v.n && is_closer(&v.tok[last + 1]) && !(v.tok[last + 1].flags & TOK_PARA)) last++;
            /* '"Why?" he asked' goes on when a lower-case word follows */
            if (t->s[0] != '.' && last + 1 < v.n && islower((unsigned char)v.tok[last + 1].s[0])) end = 0;
        }
        int brk = last + 1 == v.n || (v.tok[last + 1].flags & TOK_PARA);
        int toolong = last + 1 - start >= MAX_SENTENCE_TOKENS;
        if (!(end || brk || toolong)) continue;
        if (toolong && !end && !brk) cut++;
        if (ns == caps) {
            size_t nc = arena_next_cap(caps);
            sent = arena_grow(d->arena, sent, caps * sizeof *sent, nc * sizeof *sent);
            caps = nc;
        }
        Sentence *se = &sent[ns++];
        memset(se, 0, sizeof *se);
        se->tok = v.tok + start;
        se->ntok = (uint32_t)(last + 1 - start);
        se->off = tok_off(d, &se->tok[0]);
        const Token *lt = &v.tok[last];
        se->len = tok_off(d, lt) + lt->n - se->off;
        k = last;
        start = last + 1;
    }
    d->sent = sent;
    d->nsent = (uint32_t)ns;
    return cut;
}

/* words that count for a clause's length: alphabetic tokens */
static uint32_t words_in(const Sentence *s, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t i = a; i < b; i++) n += isalpha((unsigned char)s->tok[i].s[0]) != 0;
    return n;
}

/* A comma inside a noun phrase is no clause comma: between adjectives
 * ("complete, full ties") or in a list closed by and/or/nor with no verb
 * in it ("Mordor, the Shire, Fornost and Bree"). Needs tags. */
static int phrase_comma(const Sentence *s, uint32_t i)
{
    if (i == 0 || i + 1 >= s->ntok) return 0;
    if (s->tok[i - 1].tag == T_JJ && s->tok[i + 1].tag == T_JJ) return 1;
    if (!TAG_IS_NOUN(s->tok[i - 1].tag)) return 0;
    for (uint32_t j = i + 1; j < s->ntok; j++) {
        const Token *t = &s->tok[j];
        if (TAG_IS_VERB(t->tag) || t->tag == T_MD || t->tag == T_IN || t->tag == T_TO) return 0;
        if (tok_is(t, "and") || tok_is(t, "or") || tok_is(t, "nor"))
            return j + 1 < s->ntok && !TAG_IS_VERB(s->tok[j + 1].tag);
        if (t->tag == T_PERIOD) return 0;
    }
    return 0;
}

void drop_comma_clauses(Sentence *s, const Options *o)
{
    if (!o->comma_max && !o->comma_bmax && !o->comma_emax) return;
    uint32_t commas[64], nc = 0;
    for (uint32_t i = 0; i < s->ntok && nc < 64; i++)
        if (s->tok[i].n == 1 && s->tok[i].s[0] == ',' && !phrase_comma(s, i)) commas[nc++] = i;
    if (!nc) return;
    uint8_t drop[MAX_SENTENCE_TOKENS] = {0};
    uint32_t end = s->ntok;
    while (end > 0 && (s->tok[end - 1].flags & TOK_PUNCT) && s->tok[end - 1].s[0] != ',') end--;
    uint32_t w = words_in(s, 0, commas[0]);
    if (o->comma_bmax && w >= (uint32_t)o->comma_bmin && w <= (uint32_t)o->comma_bmax)
        for (uint32_t i = 0; i <= commas[0]; i++) drop[i] = 1;
    w = words_in(s, commas[nc - 1] + 1, end);
    if (o->comma_emax && w >= (uint32_t)o->comma_emin && w <= (uint32_t)o->comma_emax)
        for (uint32_t i = commas[nc - 1]; i < end; i++) drop[i] = 1;
    for (uint32_t k = 0; k + 1 < nc; k++) {
        w = words_in(s, commas[k] + 1, commas[k + 1]);
        if (o->comma_max && w >= (uint32_t)o->comma_min && w <= (uint32_t)o->comma_max)
            for (uint32_t i = commas[k]; i <= commas[k + 1]; i++) drop[i] = 1;   /* both commas go */
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < s->ntok; i++)
        if (!drop[i]) s->tok[k++] = s->tok[i];
    s->ntok = k;
}

void segment_trees(Doc *d, const int16_t *const *heads, const uint8_t *const *rels)
{
    for (uint32_t k = 0; k < d->nsent; k++) {
        Sentence *s = &d->sent[k];
        if (!heads[k] || !rels[k]) continue;
        for (uint32_t i = 0; i < s->ntok; i++) {
            s->tok[i].head = heads[k][i];
            s->tok[i].rel = rels[k][i];
        }
        s->parsed = 1;
    }
}

void segment_parsed(Doc *d, const char *const *const *words, const unsigned char *const *tags, const size_t *n,
                    size_t nsent)
{
    size_t total = 0, ntok = 0;
    for (size_t k = 0; k < nsent; k++)
        for (size_t i = 0; i < n[k]; i++) total += strlen(words[k][i]) + 1, ntok++;
    char *body = arena_alloc(d->arena, total + 1);
    d->body = body;   /* tokens' offsets are from it */
    size_t bl = 0;
    TokVec v = {arena_alloc(d->arena, (ntok + 1) * sizeof(Token)), 0, ntok + 1, NULL};
    Sentence *sent = arena_alloc(d->arena, (nsent + 1) * sizeof *sent);
    for (size_t k = 0; k < nsent; k++) {
        size_t first = v.n;
        for (size_t i = 0; i < n[k]; i++) {
            size_t wl = strlen(words[k][i]);
            if (bl) body[bl++] = k && i == 0 ? '\n' : ' ';
            memcpy(body + bl, words[k][i], wl);
            push(&v, body + bl, wl);
            v.tok[v.n - 1].tag = v.tok[v.n - 1].hmm = tags[k][i];
            bl += wl;
        }
        Sentence *se = &sent[k];
        se->tok = v.tok + first;
        se->ntok = (uint32_t)(v.n - first);
        se->off = se->ntok ? tok_off(d, &se->tok[0]) : (uint32_t)bl;
        se->len = se->ntok ? tok_off(d, &se->tok[se->ntok - 1]) + se->tok[se->ntok - 1].n - se->off : 0;
    }
    body[bl] = '\0';
    tokens_look_up(v.tok, v.n);
    d->body = body;
    d->body_len = (uint32_t)bl;
    d->sent = sent;
    d->nsent = (uint32_t)nsent;
}
