/* tag.c - stage 3a: HMM part-of-speech tagger (Viterbi) */
#include "tag.h"
#include "lemma.h"
#include "words.h"
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include "buf.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const PENN[T_NTAGS] = {
    "", "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP",
    "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
    "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", ",", ".", ":", "``", "''", "-LRB-",
    "-RRB-", "$", "#"};

/* The model's own tag names, in Penn order where they differ. */
static int model_tag_slow(const char *s, size_t n)
{
    static const struct { const char *m; int t; } map[] = {
        {"det", T_DT}, {"pp", T_PERIOD}, {"ppc", T_COMMA}, {"ppd", T_DOLLAR}, {"ppl", T_LQUOTE},
        {"ppr", T_RQUOTE}, {"pps", T_COLON}, {"prps", T_PRPS}, {"lrb", T_LRB}, {"rrb", T_RRB},
        {"wps", T_WPS}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strlen(map[i].m) == n && !memcmp(map[i].m, s, n)) return map[i].t;
    char up[8];
    if (n >= sizeof up) return 0;
    for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)s[i]);
    return tag_from_name(up, n);
}

/* model tag names are short: pack up to 4 bytes and look them up in a
 * small cache filled by the slow path */
static int model_tag(const char *s, size_t n)
{
    static struct { uint32_t key; int tag; } cache[64];
    static int ncache;
    if (n == 0 || n > 4) return model_tag_slow(s, n);
    uint32_t key = (uint32_t)n;
    for (size_t i = 0; i < n; i++) key = key << 8 | (unsigned char)s[i];
    for (int i = 0; i < ncache; i++)
        if (cache[i].key == key) return cache[i].tag;
    int t = model_tag_slow(s, n);
    if (ncache < 64) cache[ncache].key = key, cache[ncache].tag = t, ncache++;
    return t;
}

const char *tag_name(int tag) { return tag > 0 && tag < T_NTAGS ? PENN[tag] : ""; }

int tag_from_name(const char *s, size_t n)
{
    for (int t = 1; t < T_NTAGS; t++)
        if (strlen(PENN[t]) == n && !memcmp(PENN[t], s, n)) return t;
    return 0;
}

typedef struct { uint8_t tag; float score; } Emit;

struct Tagger {
    float trans[T_NTAGS][T_NTAGS];   /* log P(next | prev) */
    float prior[T_NTAGS];            /* log P(tag) */
    uint32_t *lex;                   /* by Sym: 1 + index of its first Emit, 0 none */
    uint32_t nlex;                   /* symbols the array covers (the words the model knows come first) */
    Emit *emit;                      /* runs of emissions, ended by tag 0 */
    size_t nemit, capemit;
    uint32_t unk[12];                /* unknown-word classes -> 1 + Emit index */
    uint32_t num, ord, lrb, rrb, lcb, rcb;
};

/* The model's emissions for word w: 1 + index of the first, 0 none */
static uint32_t lex_get(const Tagger *M, Sym w) { return w < M->nlex ? M->lex[w] : 0; }


enum { U_ABR, U_CAP, U_ED, U_HYP, U_HYPADJ, U_ING, U_LY, U_S, U_SYM, U_TION, U_UNK, U_N };
static const char *const UNK_NAMES[U_N] = {"-abr-", "-cap-", "-ed-", "-hyp-", "-hyp-adj-", "-ing-",
                                          "-ly-", "-s-", "-sym-", "-tion-", "-unknown-"};


static void emit_push(Tagger *M, uint8_t tag, float score)
{
    if (M->nemit == M->capemit) {
        M->capemit = M->capemit ? M->capemit * 2 : 65536;
        M->emit = realloc(M->emit, M->capemit * sizeof *M->emit);
        if (!M->emit) abort();
    }
    M->emit[M->nemit].tag = tag;
    M->emit[M->nemit].score = score;
    M->nemit++;
}

/* Parse "{ a: 1, b: 2 }" at p; call back with (tag, value). Returns end. */
typedef void (*PairFn)(int tag, double v, void *ctx);
static const char *parse_pairs(const char *p, PairFn fn, void *ctx)
{
    while (*p && *p != '{' && *p != '\n') p++;
    if (*p != '{') return p;
    p++;
    for (;;) {
        while (*p == ' ' || *p == ',') p++;
        if (*p == '}' || *p == '\n' || !*p) break;
        const char *k = p;
        while (*p && *p != ':' && *p != '\n') p++;
        if (*p != ':') break;
        int tag = model_tag(k, (size_t)(p - k));
        p++;
        while (*p == ' ') p++;
        double v;
        if (*p >= '0' && *p <= '9') {   /* counts are integers: parse them fast */
            long x = 0;
            const char *q = p;
            while (*q >= '0' && *q <= '9') x = x * 10 + (*q++ - '0');
            if (*q == '.' || *q == 'e' || *q == 'E') {
                char *end;
                v = strtod(p, &end);
                q = end;
            } else {
                v = (double)x;
            }
            p = q;
        } else {
            break;
        }
        if (tag) fn(tag, v, ctx);
    }
    while (*p && *p != '\n') p++;
    return p;
}

typedef struct { int tag[T_NTAGS]; double v[T_NTAGS]; int n; } Pairs;
static void collect(int tag, double v, void *ctx)
{
    Pairs *ps = ctx;
    if (ps->n < T_NTAGS) {
        ps->tag[ps->n] = tag;
        ps->v[ps->n++] = v;
    }
}
typedef struct TransRow {
    Tagger *M;
    int prev;
} TransRow;

static void trans_row(int tag, double v, void *ctx)
{
    TransRow *r = ctx;
    r->M->trans[r->prev][tag] = (float)log(v > 0 ? v : 1e-7);
}

/* Add an emission run for counts; P(tag|word)/P(tag) in log space. */
static uint32_t add_run(Tagger *M, const Pairs *ps)
{
    double tot = 0;
    for (int i = 0; i < ps->n; i++) tot += ps->v[i];
    if (tot <= 0) return 0;
    uint32_t at = (uint32_t)M->nemit + 1;
    for (int i = 0; i < ps->n; i++)
        emit_push(M, (uint8_t)ps->tag[i], (float)(log(ps->v[i] / tot) - M->prior[ps->tag[i]]));
    emit_push(M, 0, 0);
    return at;
}

Tagger *tagger_load(const char *dir, char *err, size_t errsz)
{
    Tagger *M = calloc(1, sizeof *M);
    if (!M) abort();
    char path[4096];
    size_t len;
    /* transitions */
    snprintf(path, sizeof path, "%s/tags.yml", dir);
    char *t = read_file(path, &len);
    if (!t) {
        snprintf(err, errsz, "%s: cannot read the tagger model (install liblingua-en-tagger-perl)", path);
        {
            tagger_free(M);
            return NULL;
        }
    }
    for (int a = 0; a < T_NTAGS; a++)
        for (int b = 0; b < T_NTAGS; b++) M->trans[a][b] = (float)log(1e-7);
    for (const char *p = t; *p;) {
        const char *k = p;
        while (*p && *p != ':' && *p != '\n') p++;
        int prev = *p == ':' ? model_tag(k, (size_t)(p - k)) : 0;
        TransRow row = {M, prev};
        if (prev) p = parse_pairs(p, trans_row, &row);
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    free(t);
    /* lexicon: two passes, first tag totals for the prior */
    snprintf(path, sizeof path, "%s/words.yml", dir);
    char *w = read_file(path, &len);
    if (!w) {
        snprintf(err, errsz, "%s: cannot read the tagger lexicon", path);
        {
            tagger_free(M);
            return NULL;
        }
    }
    double tagtot[T_NTAGS] = {0}, all = 0;
    /* one pass: rows and their pairs kept, tag totals summed */
    typedef struct { const char *k; size_t kn; uint32_t first, n; } Row;
    size_t nrows = 0, caprows = 65536, npairs = 0, cappairs = 1 << 17;
    Row *rows = malloc(caprows * sizeof *rows);
    Pairs *tmp = malloc(sizeof *tmp);
    int *ptag = malloc(cappairs * sizeof *ptag);
    double *pval = malloc(cappairs * sizeof *pval);
    if (!rows || !tmp || !ptag || !pval) abort();
    for (const char *p = w; *p;) {
        const char *k = p, *ke;
        if (*p == '"') {
            k = ++p;
            while (*p && *p != '"' && *p != '\n') p++;
            ke = p;
            if (*p == '"') p++;
        } else {
            while (*p && *p != '\n' && !(p[0] == ':' && p[1] == ' ' && p[2] == '{')) p++;
            ke = p;
        }
        if (*p == ':' && ke > k && k != w) {
            tmp->n = 0;
            p = parse_pairs(p, collect, tmp);
            if (nrows == caprows) rows = realloc(rows, (caprows *= 2) * sizeof *rows);
            if (npairs + T_NTAGS > cappairs) {
                cappairs *= 2;
                ptag = realloc(ptag, cappairs * sizeof *ptag);
                pval = realloc(pval, cappairs * sizeof *pval);
            }
            if (!rows || !ptag || !pval) abort();
            rows[nrows] = (Row){k, (size_t)(ke - k), (uint32_t)npairs, (uint32_t)tmp->n};
            nrows++;
            for (int i = 0; i < tmp->n; i++) {
                ptag[npairs] = tmp->tag[i];
                pval[npairs++] = tmp->v[i];
                tagtot[tmp->tag[i]] += tmp->v[i];
                all += tmp->v[i];
            }
        }
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    for (int i = 1; i < T_NTAGS; i++) M->prior[i] = (float)log(tagtot[i] > 0 ? tagtot[i] / all : 1e-7);
    for (size_t r = 0; r < nrows; r++) {
        tmp->n = (int)rows[r].n;
        for (uint32_t i = 0; i < rows[r].n; i++) {
            tmp->tag[i] = ptag[rows[r].first + i];
            tmp->v[i] = pval[rows[r].first + i];
        }
        uint32_t at = add_run(M, tmp);
        if (!at) continue;
        Sym word = sym_intern(rows[r].k, rows[r].kn);
        if (word >= M->nlex) {
            uint32_t now = word * 2 + 1024;
            uint32_t *q = realloc(M->lex, now * sizeof *q);
            if (!q) abort();
            memset(q + M->nlex, 0, (now - M->nlex) * sizeof *q);
            M->lex = q;
            M->nlex = now;
        }
        M->lex[word] = at;
    }
    free(rows);
    free(tmp);
    free(ptag);
    free(pval);
    free(w);
    M->num = lex_get(M, sym_find("*NUM*", 5));
    M->ord = lex_get(M, sym_find("*ORD*", 5));
    M->lrb = lex_get(M, sym_find("*LRB*", 5));
    M->rrb = lex_get(M, sym_find("*RRB*", 5));
    M->lcb = lex_get(M, sym_find("*LCB*", 5));
    M->rcb = lex_get(M, sym_find("*RCB*", 5));
    /* unknown-word classes */
    snprintf(path, sizeof path, "%s/unknown.yml", dir);
    char *u = read_file(path, &len);
    if (!u) {
        snprintf(err, errsz, "%s: cannot read the tagger's unknown-word model", path);
        {
            tagger_free(M);
            return NULL;
        }
    }
    for (const char *p = u; *p;) {
        const char *k = p;
        if (*p == '"') k = ++p;
        while (*p && *p != '"' && *p != ':' && *p != '\n') p++;
        for (int c = 0; c < U_N; c++)
            if (strlen(UNK_NAMES[c]) == (size_t)(p - k) && !memcmp(UNK_NAMES[c], k, (size_t)(p - k))) {
                Pairs ps = {{0}, {0}, 0};
                parse_pairs(p, collect, &ps);
                M->unk[c] = add_run(M, &ps);
            }
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    free(u);
    if (!M->unk[U_UNK] || !M->num) {
        snprintf(err, errsz, "%s: the tagger model is incomplete", dir);
        {
            tagger_free(M);
            return NULL;
        }
    }
    return M;
}

void tagger_free(Tagger *M)
{
    if (!M) return;
    free(M->lex);
    free(M->emit);
    free(M);
}

static int is_number(const Token *t)
{
    size_t digits = 0;
    for (size_t i = 0; i < t->n; i++) {
        char c = t->s[i];
        if (isdigit((unsigned char)c)) digits++;
        else if (c != ',' && c != '.' && c != '-' && c != '/' && c != ':' && !(i == t->n - 1 && (c == 's')))
            return 0;
    }
    return digits > 0;
}

static int ends_with(const Token *t, const char *suf)
{
    size_t k = strlen(suf);
    return t->n > k && !memcmp(t->s + t->n - k, suf, k);
}

static uint32_t unknown_class(const Tagger *M, const Token *t, int first)
{
    int cap = isupper((unsigned char)t->s[0]);
    int has_digit = 0, has_hyph = 0, alpha = 0;
    for (size_t i = 0; i < t->n; i++) {
        has_digit |= isdigit((unsigned char)t->s[i]) != 0;
        has_hyph |= t->s[i] == '-';
        alpha |= isalpha((unsigned char)t->s[i]) != 0;
    }
    if (!alpha && !has_digit) return M->unk[U_SYM];
    if (ends_with(t, ".") && cap) return M->unk[U_ABR];
    if (has_hyph && !cap) return M->unk[U_HYP];
    if (cap && (!first || t->n > 1)) return M->unk[U_CAP];
    if (ends_with(t, "ing")) return M->unk[U_ING];
    if (ends_with(t, "ed")) return M->unk[U_ED];
    if (ends_with(t, "ly")) return M->unk[U_LY];
    if (ends_with(t, "tion") || ends_with(t, "sion")) return M->unk[U_TION];
    if (ends_with(t, "s")) return M->unk[U_S];
    (void)first;
    return M->unk[U_UNK];
}

/* The emission run for token i; *nnp_boost asks to add an NNP reading. */
static uint32_t emissions(const Tagger *M, const Lemmas *L, const Token *t, int first, int *nnp_boost)
{
    *nnp_boost = 0;
    if (t->n == 5 && t->s[0] == '-') {                 /* Treebank bracket tokens */
        if (!memcmp(t->s, "-LRB-", 5)) return M->lrb;
        if (!memcmp(t->s, "-RRB-", 5)) return M->rrb;
        if (!memcmp(t->s, "-LCB-", 5)) return M->lcb;
        if (!memcmp(t->s, "-RCB-", 5)) return M->rcb;
    }
    if (t->n == 1 && (t->s[0] == '(' || t->s[0] == '[')) return M->lrb;
    if (t->n == 1 && (t->s[0] == ')' || t->s[0] == ']')) return M->rrb;
    uint32_t e = lex_get(M, t->exact);
    if (e) return e;
    if (is_number(t)) return M->num;
    if (isdigit((unsigned char)t->s[0]) && (ends_with(t, "st") || ends_with(t, "nd") || ends_with(t, "rd") || ends_with(t, "th")))
        return M->ord ? M->ord : M->num;
    e = lex_get(M, t->lower);
    if (e) {
        if (!first && isupper((unsigned char)t->s[0])) *nnp_boost = 1;
        return e;
    }
    /* a lower-case word the lexicon lacks but WordNet knows as a verb */
    if (!isupper((unsigned char)t->s[0]) && lemma_is_verb(L, t->lower)) *nnp_boost = 2;
    return unknown_class(M, t, first);
}

static void correct(Token *tok, size_t n);


#define MAXS 48
static void viterbi(const Tagger *M, const Lemmas *L, Token *tok, size_t n, float *score, uint8_t *tags,
                    uint8_t *ntags, uint8_t *back, uint32_t *run);

/* The scratch of a sentence of up to this many tokens is on the stack
 * (about 37 KB); a longer one's is allocated for it.  Nothing is kept
 * between calls: any number of threads tag at once. */
enum { STACK_TOKENS = 128 };

void tag_tokens(const Tagger *M, const Lemmas *L, Token *tok, size_t n)
{
    if (!n || !M) return;
    if (n <= STACK_TOKENS) {
        float score[STACK_TOKENS * MAXS];
        uint8_t tags[STACK_TOKENS * MAXS], ntags[STACK_TOKENS], back[STACK_TOKENS * MAXS];
        uint32_t run[STACK_TOKENS];
        viterbi(M, L, tok, n, score, tags, ntags, back, run);
        return;
    }
    float *score = malloc(n * MAXS * sizeof *score);
    uint8_t *tags = malloc(n * MAXS), *ntags = malloc(n), *back = malloc(n * MAXS);
    uint32_t *run = malloc(n * sizeof *run);
    if (!score || !tags || !ntags || !back || !run) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    viterbi(M, L, tok, n, score, tags, ntags, back, run);
    free(run);
    free(score);
    free(tags);
    free(ntags);
    free(back);
}

/* Can token t be tag: a regular verb's form in -ed (its past and its
 * participle alike), or one of the n tags the lexicon allows it? */
static int ed_form_or(const Token *t, const uint8_t *tags, int n, int tag)
{
    int ok = t->n > 3 && !memcmp(t->s + t->n - 2, "ed", 2);
    for (int k = 0; k < n && !ok; k++) ok = tags[k] == tag;
    return ok;
}

/* Viterbi over the tags each token can take, then the corrections a
 * first-order model cannot make */
static void viterbi(const Tagger *M, const Lemmas *L, Token *tok, size_t n, float *score, uint8_t *tags,
                    uint8_t *ntags, uint8_t *back, uint32_t *run)
{
    memset(ntags, 0, n);
    /* every token's emission run first, its first entry fetched early: the
     * lexicon's and the runs' lookups miss the cache, and made together
     * they wait for memory side by side, not one after the other */
    for (size_t i = 0; i < n; i++) {
        int boost;
        uint32_t e = emissions(M, L, &tok[i], i == 0, &boost);
        run[i] = e | (uint32_t)boost << 30;
        __builtin_prefetch(&M->emit[e - 1]);
    }
    for (size_t i = 0; i < n; i++) {
        int boost = (int)(run[i] >> 30);
        uint32_t e = run[i] & ((1u << 30) - 1);
        int k = 0;
        for (const Emit *em = &M->emit[e - 1]; em->tag && k < MAXS - 1; em++) {
            tags[i * MAXS + k] = em->tag;
            score[i * MAXS + k] = em->score;
            k++;
        }
        if (boost == 2 && k + 2 < MAXS) {
            tags[i * MAXS + k] = T_VB;
            score[i * MAXS + k] = (float)log(0.5) - M->prior[T_VB];
            k++;
            tags[i * MAXS + k] = T_VBP;
            score[i * MAXS + k] = (float)log(0.2) - M->prior[T_VBP];
            k++;
        } else if (boost) {
            int found = 0;
            for (int j = 0; j < k; j++)
                if (tags[i * MAXS + j] == T_NNP) {
                    found = 1;
                    if (score[i * MAXS + j] < -M->prior[T_NNP] + (float)log(0.5)) score[i * MAXS + j] = -M->prior[T_NNP] + (float)log(0.5);
                }
            if (!found) {
                tags[i * MAXS + k] = T_NNP;
                score[i * MAXS + k] = -M->prior[T_NNP] + (float)log(0.5);
                k++;
            }
        }
        ntags[i] = (uint8_t)k;
        /* the previous token's readings: their count read once (a byte
         * array may alias anything and would be read after every store) */
        const uint8_t *ptag = i ? &tags[(i - 1) * MAXS] : NULL;
        const float *psc = i ? &score[(i - 1) * MAXS] : NULL;
        const int kp = i ? ntags[i - 1] : 0;
        for (int j = 0; j < k; j++) {
            int c = tags[i * MAXS + j];
            float best;
            int arg = 0;
            if (!i) {
                best = M->trans[T_PERIOD][c];   /* a sentence starts as if after a full stop */
            } else {
                best = psc[0] + M->trans[ptag[0]][c];
                for (int p = 1; p < kp; p++) {
                    float v = psc[p] + M->trans[ptag[p]][c];
                    if (v > best) best = v, arg = p;
                }
            }
            score[i * MAXS + j] += best;
            back[i * MAXS + j] = (uint8_t)arg;
        }
    }
    int arg = 0;
    float best = -1e30f;
    size_t last = n - 1;
    for (int j = 0; j < ntags[last]; j++)
        if (score[last * MAXS + j] > best) best = score[last * MAXS + j], arg = j;
    for (size_t i = n; i-- > 0;) {
        tok[i].tag = tok[i].hmm = tags[i * MAXS + arg];
        arg = back[i * MAXS + arg];
    }
    /* "after crowds trashed its embassy": a present-tense verb right before
     * a past-tense one is the plural noun it can also be */
    for (size_t i = 0; i + 1 < n; i++) {
        if (!((tok[i].tag == T_VBZ || tok[i].tag == T_VBP) && (tok[i + 1].tag == T_VBD || tok[i + 1].tag == T_VBN)))
            continue;
        if (tok[i].n <= 4) continue;   /* is, has, does, gets: auxiliaries */
        int noun = tok[i].tag == T_VBZ ? T_NNS : T_NN;
        int can = 0;
        for (int j = 0; j < ntags[i]; j++) can |= tags[i * MAXS + j] == noun;
        /* "Gunmen abducted": a plural in -men no lexicon lists */
        if (!can && tok[i].n > 4 && !memcmp(tok[i].s + tok[i].n - 3, "men", 3)) can = 1, noun = T_NNS;
        if (can) {
            tok[i].tag = (uint8_t)noun;
            if (tok[i + 1].tag == T_VBN) tok[i + 1].tag = T_VBD;
        }
    }
    /* "U.N. weapons inspectors": a present tense in -s right after a
     * plural noun disagrees with it; it is the plural noun it can be */
    for (size_t i = 1; i < n; i++) {
        if (tok[i].tag != T_VBZ || tok[i - 1].tag != T_NNS || tok[i].n <= 4) continue;
        for (int j = 0; j < ntags[i]; j++)
            if (tags[i * MAXS + j] == T_NNS) {
                tok[i].tag = T_NNS;
                break;
            }
    }
    /* "has celebrated": after a form of "have" (adverbs between), a word
     * that can be a past participle is one */
    for (size_t i = 0; i + 1 < n; i++) {
        const Token *h = &tok[i];
        int have = h->exact == W_HAS || h->exact == W_HAD || h->exact == W_HAVE || h->exact == W_VE;
        if (!have || !TAG_IS_VERB(h->tag)) continue;
        size_t j = i + 1;
        while (j < n && (tok[j].tag == T_RB || tok[j].tag == T_RBR)) j++;
        if (j >= n || tok[j].tag == T_VBN || !(tok[j].tag == T_JJ || tok[j].tag == T_VBD || tok[j].tag == T_NN))
            continue;
        int vbn = 0;
        for (int k = 0; k < ntags[j]; k++) vbn |= tags[j * MAXS + k] == T_VBN;
        /* the lexicon may lack the participle reading of a regular verb */
        if (!vbn && tok[j].n > 3 && !memcmp(tok[j].s + tok[j].n - 2, "ed", 2))
            vbn = lemma_is_verb(L, lemma_of(L, tok[j].s, tok[j].n, T_VBN));
        /* ... or an irregular one WordNet's exceptions know ("have retaken") */
        if (!vbn && tok[j].n > 3 && (!memcmp(tok[j].s + tok[j].n - 2, "en", 2) || !memcmp(tok[j].s + tok[j].n - 2, "wn", 2))) {
            Sym l = lemma_of(L, tok[j].s, tok[j].n, T_VBN);
            vbn = lemma_is_verb(L, l) && l != lemma_of(L, tok[j].s, tok[j].n, T_NN);
        }
        if (vbn) tok[j].tag = T_VBN;
    }
    /* "condemned ... and promised aid": a past participle or adjective
     * right after "and", when the clause's verb is past tense, is that
     * verb's coordinated twin */
    for (size_t i = 1; i + 1 < n; i++) {
        if (tok[i].exact != W_AND) continue;
        Token *t = &tok[i + 1];
        if (!(t->tag == T_JJ || t->tag == T_VBN) || tok[i - 1].tag == T_JJ) continue;
        int past = 0;
        for (size_t j = i; j-- > 0;)
            if (TAG_IS_VERB(tok[j].tag) || tok[j].tag == T_MD) {
                /* over an infinitive: "urged the authorities to show
                 * restraint and called for ..." joins "urged" */
                if (tok[j].tag == T_VB && j > 0 && tok[j - 1].tag == T_TO) continue;
                past = tok[j].tag == T_VBD;
                break;
            }
        if (!past) continue;
        for (int j = 0; j < ntags[i + 1]; j++)
            if (tags[(i + 1) * MAXS + j] == T_VBD) {
                t->tag = T_VBD;
                break;
            }
    }
    /* "Kenyan police abused": in news "police" is the force, not a verb,
     * unless "to" or a modal asks for one ("to police the border") */
    for (size_t i = 0; i < n; i++)
        if (tok[i].lower == W_POLICE && TAG_IS_VERB(tok[i].tag) &&
            !(i > 0 && (tok[i - 1].tag == T_TO || tok[i - 1].tag == T_MD)))
            tok[i].tag = T_NNS;
    /* "Gunmen abducted more than 100 students", "police abused detainees":
     * a word in -ed the model took for a noun, or an adjective before a
     * noun, right after its subject, is the verb whose past it is */
    for (size_t i = 1; i < n; i++) {
        Token *t = &tok[i];
        if (!(t->tag == T_NN || t->tag == T_JJ) || t->n <= 5 || memcmp(t->s + t->n - 2, "ed", 2)) continue;
        int p = tok[i - 1].tag;
        if (!(p == T_NNS || p == T_NNP || p == T_NNPS || p == T_PRP || (p == T_NN && t->tag == T_NN))) continue;
        if (t->tag == T_JJ && !(i + 1 < n && (TAG_IS_NOUN(tok[i + 1].tag) || tok[i + 1].tag == T_DT))) continue;
        if (i >= 2 && (tok[i - 2].tag == T_DT || tok[i - 2].tag == T_IN) && p != T_NNS && p != T_NNP) continue;
        if (lemma_is_verb(L, lemma_of(L, t->s, t->n, T_VBD))) t->tag = T_VBD;
    }
    /* "clashed with army troops and allied militias": "allied" or "armed"
     * right before a noun, after a conjunction, a preposition or a
     * determiner, describes it */
    for (size_t i = 1; i + 1 < n; i++) {
        Token *t = &tok[i];
        if (!(t->tag == T_VBD || t->tag == T_VBN) || !TAG_IS_NOUN(tok[i + 1].tag)) continue;
        int p = tok[i - 1].tag;
        if (!(p == T_CC || p == T_IN || p == T_DT || p == T_COMMA)) continue;
        if ((t->n == 6 && !strncasecmp(t->s, "allied", 6)) || (t->n == 5 && !strncasecmp(t->s, "armed", 5)))
            t->tag = T_JJ;
    }
    /* "prevented a demonstration staged by students", "suspended an aid
     * program for Bosnia aimed at bringing ...": a past form right after the
     * object of the clause's finite verb, before "by" or a preposition of
     * place, aim or time, is the participle of a reduced relative clause,
     * not a second finite verb */
    static const Sym PREPS[] = {W_BY, W_AT, W_IN, W_ON, W_TO, W_FOR, W_WITH, W_FROM, W_AGAINST, W_INTO, W_NEAR,
                                W_DURING, W_ACROSS};
    for (size_t i = 2; i + 1 < n; i++) {
        Token *t = &tok[i];
        if (t->tag != T_VBD ||
            !(tok[i - 1].tag == T_NN || tok[i - 1].tag == T_NNS || tok[i - 1].tag == T_NNP || tok[i - 1].tag == T_NNPS))
            continue;
        int prep = 0;
        for (size_t k = 0; k < sizeof PREPS / sizeof *PREPS; k++) prep |= tok[i + 1].lower == PREPS[k];
        if (!prep) continue;
        int vbn = ed_form_or(t, tags + i * MAXS, ntags[i], T_VBN);
        /* not a clause said or thought: "said the rebels attacked by night" */
        static const Sym SPEECH[] = {W_SAY, W_TELL, W_REPORT, W_ANNOUNCE, W_CLAIM, W_BELIEVE, W_THINK, W_STATE,
                                     W_ADD, W_CONFIRM, W_DENY, W_INSIST, W_NOTE, W_ACKNOWLEDGE, W_SUGGEST,
                                     W_ARGUE, W_EXPLAIN, W_WRITE, W_HOPE, W_EXPECT};
        int finite = 0;
        for (size_t j = i - 1; j-- > 0 && !finite;) {
            int g = tok[j].tag;
            if (g == T_COMMA || g == T_WDT || g == T_WP || g == T_CC || g == T_COLON || tok[j].exact == W_THAT) break;
            if (!(g == T_VBD || g == T_VBZ || g == T_VBP || g == T_MD)) continue;
            finite = 1;
            Sym l = lemma_of(L, tok[j].s, tok[j].n, (int)g);
            for (size_t k = 0; k < sizeof SPEECH / sizeof *SPEECH; k++) finite &= l != SPEECH[k];
            if (!finite) break;
        }
        if (vbn && finite) t->tag = T_VBN;
    }
    /* "would boycott", "will not strike": after a modal (adverbs between)
     * a word that can be a bare verb is one */
    for (size_t i = 0; i + 1 < n; i++) {
        if (tok[i].tag != T_MD) continue;
        size_t j = i + 1;
        while (j < n && (tok[j].tag == T_RB || tok[j].tag == T_RBR)) j++;
        if (j >= n || !(tok[j].tag == T_NN || tok[j].tag == T_NNP || tok[j].tag == T_JJ || tok[j].tag == T_VBP))
            continue;
        if (tok[j].tag == T_NNP && !(tok[j].flags & TOK_ALLCAP)) continue;
        int vb = 0;
        for (int k = 0; k < ntags[j]; k++) vb |= tags[j * MAXS + k] == T_VB;
        /* the lexicon may lack the verb reading: the verb list has it */
        if (!vb && tok[j].tag == T_NN) vb = lemma_is_verb(L, lemma_of(L, tok[j].s, tok[j].n, T_VB));
        if (vb || tok[j].tag == T_VBP) tok[j].tag = T_VB;
    }
    /* a sentence with no finite verb: "Israeli tanks fired at targets in
     * Jericho" - a participle right after the subject, before its object or
     * "at", with no auxiliary, is the past tense ("Protesters arrested in
     * Cairo", a headline's passive, stays) */
    int finite_verbs = 0;
    for (size_t i = 0; i < n; i++)
        finite_verbs += tok[i].tag == T_VBD || tok[i].tag == T_VBZ || tok[i].tag == T_VBP || tok[i].tag == T_MD;
    for (size_t i = 1; !finite_verbs && i + 1 < n; i++) {
        Token *t = &tok[i];
        int p = tok[i - 1].tag, q = tok[i + 1].tag;
        if (t->tag != T_VBN || !(p == T_NNS || p == T_NNP || p == T_NNPS || p == T_NN)) continue;
        /* ... or a particle and its object: "handed over 700 kg of medicine" */
        static const char *const particles[] = {"over", "up", "off", "out", "down", "back", NULL};
        int particle = i + 2 < n && tok_is_any(&tok[i + 1], particles) &&
                       (tok[i + 2].tag == T_DT || tok[i + 2].tag == T_CD || tok[i + 2].tag == T_PRPS ||
                        tok[i + 2].tag == T_NNS || tok[i + 2].tag == T_NN);
        if (!(q == T_DT || q == T_PRPS || q == T_CD || q == T_NN || q == T_NNS || q == T_NNP || tok[i + 1].exact == W_AT ||
              particle))
            continue;
        if (ed_form_or(t, tags + i * MAXS, ntags[i], T_VBD)) t->tag = T_VBD;
        break;
    }
    /* a sentence with no verb at all: "Ethiopia act on a resolution",
     * "Ethiopia departs from Libya" - the first noun after the subject
     * that is also a verb is the verb */
    int verbs = 0;
    for (size_t i = 0; i < n; i++) verbs += TAG_IS_VERB(tok[i].tag) || tok[i].tag == T_MD;
    for (size_t i = 1; !verbs && i + 1 < n; i++) {
        Token *t = &tok[i];
        if (!(t->tag == T_NN || t->tag == T_NNS) || !(tok[i - 1].tag == T_NNP || tok[i - 1].tag == T_NNPS)) continue;
        if (!lemma_is_verb(L, lemma_of(L, t->s, t->n, t->tag == T_NNS ? T_VBZ : T_VBP))) continue;
        t->tag = t->tag == T_NNS ? T_VBZ : T_VBP;
        verbs = 1;
    }
    correct(tok, n);
}

/* Contextual corrections the first-order model cannot see. */
static void correct(Token *tok, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        Token *t = &tok[i];
        /* "tear gas" is a noun compound, not the verb "tear" */
        if (t->exact == W_TEAR && tok[i + 1].exact == W_GAS)
            t->tag = T_NN;
        /* "is about to leave": Treebank tags this "about" IN */
        if (t->exact == W_ABOUT && tok[i + 1].tag == T_TO && i > 0 &&
            (TAG_IS_VERB(tok[i - 1].tag) || tok[i - 1].tag == T_RB))
            t->tag = T_IN;
    }
}

void tag_sentence(const Tagger *M, const Lemmas *L, Sentence *s) { tag_tokens(M, L, s->tok, s->ntok); }

int tag_lexicon(const Tagger *M, const char *s, size_t n, uint8_t *tags, int max, int *lower)
{
    *lower = 0;
    if (!M || !n) return 0;
    Sym e = sym_find(s, n);
    uint32_t at = lex_get(M, e);
    if (!at && n < 64) {
        *lower = 1;
        char low[64];
        for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)s[i]);
        e = sym_find(low, n);
        at = lex_get(M, e);
    }
    if (!at) return 0;
    int k = 0;
    uint8_t t[T_NTAGS];
    float p[T_NTAGS];
    for (const Emit *x = &M->emit[at - 1]; x->tag && k < T_NTAGS; x++) {
        float share = expf(x->score + M->prior[x->tag]);   /* P(tag | word) */
        if (share < 0.05f) continue;
        int j = k++;
        for (; j > 0 && p[j - 1] < share; j--) p[j] = p[j - 1], t[j] = t[j - 1];
        p[j] = share;
        t[j] = x->tag;
    }
    if (k > max) k = max;
    memcpy(tags, t, (size_t)k);
    return k;
}
