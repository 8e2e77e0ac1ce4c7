/* dict.c - loading verb, actor, agent and discard dictionaries */
#include "dict.h"
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "doc.h"
#include "segment.h"
#include "utf8.h"

#define GROW(arr, n, cap)                                                      \
    do {                                                                       \
        if ((n) == (cap)) {                                                    \
            (cap) = (cap) ? (cap) * 2 : 64;                                    \
            void *np_ = realloc((arr), (size_t)(cap) * sizeof *(arr));         \
            if (!np_) abort();                                                 \
            (arr) = np_;                                                       \
        }                                                                      \
    } while (0)

void dict_init(Dict *d)
{
    memset(d, 0, sizeof *d);
    arena_init(&d->arena);
    for (int t = 0; t < TRIE_N; t++) d->nodes[t] = 1;
    d->errs = stderr;
}

void dict_free(Dict *d)
{
    for (int t = 0; t < TRIE_N; t++) {
        u64map_free(&d->edge[t]);
        free(d->node[t]);
        free(d->first[t].bits);
    }
    u64map_free(&d->verb);
    u64map_free(&d->noun);
    free(d->noun_head.bits);
    u64map_free(&d->support);
    free(d->nouns);
    free(d->supports);
    u64map_free(&d->synset_by_name);
    u64map_free(&d->country);
    u64map_free(&d->synset_end[0]);
    u64map_free(&d->synset_end[1]);
    for (uint32_t i = 0; i < d->nblocks; i++) {
        free(d->blocks[i].pat);
        free(d->blocks[i].key);
    }
    for (uint32_t i = 0; i < d->nsynsets; i++) free(d->synsets[i].ph);
    free(d->blocks);
    free(d->ventries);
    free(d->transforms);
    free(d->synsets);
    free(d->actors);
    free(d->codes);
    free(d->agents);
    free(d->discard_story);
    free(d->files);
    arena_free(&d->arena);
}

int dict_kind_of(const char *name)
{
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    if (b[0] == '.') return DK_NONE;
    if (strstr(b, "nouns") || strstr(b, "Nouns")) return DK_NOUNS;
    if (strstr(b, "verbs") || strstr(b, "Verbs") || !strncmp(b, "CAMEO", 5)) return DK_VERBS;
    if (strstr(b, "actors") || strstr(b, "Actors")) return DK_ACTORS;
    if (strstr(b, "agents") || strstr(b, "Agents")) return DK_AGENTS;
    if (strstr(b, "discards") || strstr(b, "Discards")) return DK_DISCARDS;
    if (strstr(b, "ssue")) return DK_ISSUES;
    return DK_NONE;
}

static void problem(Dict *d, uint32_t file, long line, const char *what)
{
    d->problems++;
    if (d->errs) fprintf(d->errs, "%s:%ld: %s\n", d->files[file], line, what);
}

/* The next line of f into line (size n): 1, or 0 at the end.  A line
 * longer than the buffer is reported as one problem at its own line number
 * and skipped whole, never split into fragments. */
static int next_line(Dict *d, FILE *f, uint32_t file, char *line, size_t n, long *ln)
{
    while (fgets(line, (int)n, f)) {
        ++*ln;
        size_t len = strlen(line);
        if (len + 1 < n || line[len - 1] == '\n' || feof(f)) return 1;
        int c;
        while ((c = getc(f)) != EOF && c != '\n') {}
        char what[96];
        snprintf(what, sizeof what, "line longer than %zu bytes: skipped", n - 2);
        problem(d, file, *ln, what);
    }
    return 0;
}

/* Split a dictionary phrase (words joined by '_' or spaces, upper case) into
 * lower-case word symbols, interned.  Returns the count (max cap). */
static size_t phrase_syms(const char *s, size_t n, Sym *out, size_t cap)
{
    char buf[1024];
    if (n >= sizeof buf) n = sizeof buf - 1;
    for (size_t i = 0; i < n; i++) buf[i] = s[i] == '_' ? ' ' : s[i];
    Token tok[64];
    size_t nt = tokenize(buf, n, tok, 64), k = 0;
    for (size_t i = 0; i < nt && k < cap; i++) {
        char low[256];
        size_t ln = utf8_lower(tok[i].s, tok[i].n, low, sizeof low);
        if (ln) out[k++] = sym_intern(low, ln);
    }
    return k;
}

static void *grown(void *p, size_t old, size_t now, size_t size)
{
    char *q = realloc(p, now * size);
    if (!q) abort();
    memset(q + old * size, 0, (now - old) * size);
    return q;
}

static void symset_add(SymSet *set, Sym w)
{
    if (w >> 6 >= set->nwords) {
        size_t now = (w >> 6) * 2 + 64;
        set->bits = grown(set->bits, set->nwords, now, sizeof *set->bits);
        set->nwords = now;
    }
    set->bits[w >> 6] |= 1ull << (w & 63);
}

/* room in the trie's node array for node */
static void node_room(Dict *d, int trie, uint32_t node)
{
    if (node < d->capnode[trie]) return;
    uint32_t now = node * 2 + 64;
    d->node[trie] = grown(d->node[trie], d->capnode[trie], now, sizeof *d->node[trie]);
    d->capnode[trie] = now;
}

static uint32_t trie_insert(Dict *d, int trie, const Sym *w, size_t n)
{
    uint32_t node = 1;
    if (n) symset_add(&d->first[trie], w[0]);
    for (size_t i = 0; i < n; i++) {
        uint64_t key = (uint64_t)node << 32 | w[i];
        uint32_t c = u64map_get(&d->edge[trie], key);
        if (!c) {
            c = ++d->nodes[trie];
            u64map_put(&d->edge[trie], key, c);
            node_room(d, trie, c);
            d->node[trie][node].kids |= kid_bit(w[i]);
        }
        node = c;
    }
    return node;
}

/* The entry that ends at node is leaf, unless one does already (keep says) */
static void trie_leaf(Dict *d, int trie, uint32_t node, uint32_t leaf, int keep)
{
    node_room(d, trie, node);
    if (!keep || !d->node[trie][node].leaf) d->node[trie][node].leaf = leaf;
}

static uint32_t add_file(Dict *d, const char *path)
{
    GROW(d->files, d->nfiles, d->capfiles);
    d->files[d->nfiles] = arena_strndup(&d->arena, path, strlen(path));
    return d->nfiles++;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
    return s;
}

/* '#' opens a comment at the start of a line or after white space; inside
 * a word ("[###]") it is text */
static void strip_comment(char *s)
{
    for (char *h = s; (h = strchr(h, '#')); h++)
        if (h == s || h[-1] == ' ' || h[-1] == '\t') {
            *h = '\0';
            return;
        }
}

/* Cut "{...}" out of s: *inside gets its text (NULL when none).  Returns
 * -1 when the brace is not closed. */
static int cut_braces(char *s, char **inside)
{
    *inside = NULL;
    char *lb = strchr(s, '{');
    if (!lb) return 0;
    char *rb = strchr(lb, '}');
    if (!rb) return -1;
    *rb = '\0';
    *inside = lb + 1;
    *lb = '\0';
    return 0;
}

/* yymmdd or yyyymmdd -> yyyymmdd */
static int parse_ymd(const char *s, const char **end)
{
    int v = 0, k = 0;
    for (; isdigit((unsigned char)s[k]); k++)
        if (k < 8) v = v * 10 + (s[k] - '0');   /* more digits are no date (and would overflow) */
    *end = s + k;
    if (k == 6) v += (v / 10000 < 50 ? 20000000 : 19000000);
    else if (k != 8) return -1;
    return v;
}

/* "[RUSGOV >20040309]" -> code; returns 0 on success */
static int parse_code(Dict *d, const char *s, ActorCode *out)
{
    while (*s == ' ' || *s == '\t') s++;
    if (*s != '[') return -1;
    s++;
    while (*s == ' ') s++;
    const char *c = s;
    while (*s && *s != ' ' && *s != ']' && *s != '\t') s++;
    if (s == c) return -1;
    char up[64];
    size_t n = (size_t)(s - c);
    if (n >= sizeof up) return -1;
    for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)c[i]);
    out->code = (n == 3 && !memcmp(up, "---", 3)) ? 0 : sym_intern(up, n);
    out->from = out->to = 0;
    while (*s == ' ' || *s == '\t') s++;
    const char *e;
    if (*s == '>' || *s == '<') {
        int gt = *s == '>';
        s++;
        while (*s == ' ') s++;
        int v = parse_ymd(s, &e);
        if (v < 0) return -1;
        if (gt) out->from = v;
        else out->to = v;
        s = e;
    } else if (isdigit((unsigned char)*s)) {
        if ((out->from = parse_ymd(s, &e)) < 0) return -1;
        while (*e == ' ') e++;
        if (*e != '-') return -1;
        e++;
        while (*e == ' ') e++;
        if ((out->to = parse_ymd(e, &e)) < 0) return -1;
        s = e;
    }
    while (*s == ' ') s++;
    (void)d;
    return *s == ']' ? 0 : -1;
}

static int guess_kind(const char *file, Sym code)
{
    const char *c = sym_name(code);
    size_t n = strlen(c);
    if (n == 3) return 1;   /* MK_COUNTRY */
    /* organisations, and the armed groups, parties and missions of
     * international.actors.txt and groups.actors.txt: "it" and "they",
     * never "he" or "she"; the file's own name, not its directory's */
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (!strncmp(c, "IGO", 3) || !strncmp(c, "NGO", 3) || !strncmp(c, "IMG", 3) || strstr(base, "nternational") ||
        strstr(base, "groups"))
        return 3;           /* MK_ORG */
    return 2;               /* MK_PERSON or named body */
}

/* ---------------- actors ---------------- */

typedef struct {
    Sym w[64];
    size_t n;
} PhraseBuf;

static void actors_flush(Dict *d, PhraseBuf *names, size_t nnames, uint32_t first_code, uint32_t file, long line)
{
    if (!nnames) return;
    if (d->ncodes == first_code) {
        problem(d, file, line, "actor entry has no [CODE] line");
        return;
    }
    GROW(d->actors, d->nactors, d->capactors);
    ActorEntry *e = &d->actors[d->nactors];
    e->first_code = first_code;
    e->ncodes = d->ncodes - first_code;
    e->ref = file << 20 | (uint32_t)(line & 0xFFFFF);
    e->kind = (uint8_t)guess_kind(d->files[file], d->codes[first_code].code);
    d->nactors++;
    const ActorCode *c = &d->codes[first_code];
    if (e->kind == MK_COUNTRY && e->ncodes == 1 && !c->from && !c->to && !u64map_get(&d->country, c->code))
        u64map_put(&d->country, c->code, d->nactors);
    for (size_t i = 0; i < nnames; i++) {
        if (!names[i].n) continue;
        uint32_t node = trie_insert(d, TRIE_ACTOR, names[i].w, names[i].n);
        trie_leaf(d, TRIE_ACTOR, node, d->nactors, 1);
    }
}

static int load_actors(Dict *d, FILE *f, uint32_t file)
{
    char line[4096];
    long ln = 0, entry_line = 0;
    PhraseBuf *names = NULL;
    size_t nnames = 0, capnames = 0;
    uint32_t first_code = d->ncodes;
    int in_xml_comment = 0;
    while (next_line(d, f, file, line, sizeof line, &ln)) {
        if (in_xml_comment) {
            if (strstr(line, "-->")) in_xml_comment = 0;
            continue;
        }
        char *s = line;
        int indented = (*s == ' ' || *s == '\t');
        s = trim(s);
        if (!strncmp(s, "<!--", 4)) {
            if (!strstr(s, "-->")) in_xml_comment = 1;
            continue;
        }
        strip_comment(s);
        s = trim(s);
        if (!*s || *s == '<') continue;
        if (*s == '[' || (indented && *s == '[')) {
            if (!nnames) {
                problem(d, file, ln, "code line with no actor name before it");
                continue;
            }
            ActorCode c;
            if (parse_code(d, s, &c)) {
                problem(d, file, ln, "malformed code: expected [CODE], [CODE >YYYYMMDD], [CODE <YYYYMMDD] or [CODE YYYYMMDD-YYYYMMDD]");
                continue;
            }
            GROW(d->codes, d->ncodes, d->capcodes);
            d->codes[d->ncodes++] = c;
            continue;
        }
        if (*s == '+') {
            if (!nnames) {
                problem(d, file, ln, "synonym ('+') with no actor entry before it");
                continue;
            }
            s++;
        } else if (!nnames || d->ncodes > first_code) {
            /* a new entry (names on lines of their own before a code block
             * are one entry: "IVO_JOSIPOVIC_ / JOSIPOVIC_ / [HRVGOV ...]") */
            actors_flush(d, names, nnames, first_code, file, entry_line);
            nnames = 0;
            first_code = d->ncodes;
            entry_line = ln;
        }
        char *br = strchr(s, '[');
        if (br) {
            ActorCode c;
            if (parse_code(d, br, &c)) {
                problem(d, file, ln, "malformed code: expected [CODE] after the name");
            } else {
                GROW(d->codes, d->ncodes, d->capcodes);
                d->codes[d->ncodes++] = c;
            }
            *br = '\0';
            s = trim(s);
        }
        GROW(names, nnames, capnames);
        names[nnames].n = phrase_syms(s, strlen(s), names[nnames].w, 64);
        if (!names[nnames].n) {
            problem(d, file, ln, "empty actor name");
            continue;
        }
        nnames++;
    }
    actors_flush(d, names, nnames, first_code, file, entry_line);
    free(names);
    return 0;
}

/* ---------------- agents ---------------- */

static void add_agent_phrase(Dict *d, const char *name, Sym code, int prefix, uint32_t file, long ln)
{
    Sym w[64];
    size_t n = phrase_syms(name, strlen(name), w, 64);
    if (!n) return;
    GROW(d->agents, d->nagents, d->capagents);
    AgentEntry *a = &d->agents[d->nagents++];
    a->code = code;
    a->prefix = (uint8_t)prefix;
    a->ref = file << 20 | (uint32_t)(ln & 0xFFFFF);
    uint32_t node = trie_insert(d, TRIE_AGENT, w, n);
    trie_leaf(d, TRIE_AGENT, node, d->nagents, 1);
}

static void regular_plural(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '_' || s[n - 1] == ' ')) n--;
    if (n + 3 >= cap) {
        out[0] = '\0';
        return;
    }
    memcpy(out, s, n);
    char last = (char)toupper((unsigned char)(n ? s[n - 1] : 0));
    char prev = (char)toupper((unsigned char)(n > 1 ? s[n - 2] : 0));
    if (last == 'Y' && !strchr("AEIOU", prev)) {
        memcpy(out + n - 1, "IES", 4);
    } else if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S'))) {
        memcpy(out + n, "ES", 3);
    } else if (last == 'N' && prev == 'A' && n >= 3 && toupper((unsigned char)s[n - 3]) == 'M') {
        memcpy(out + n - 2, "EN", 3);   /* policeman -> policemen */
    } else {
        memcpy(out + n, "S", 2);
    }
}

static int load_agents(Dict *d, FILE *f, uint32_t file)
{
    char line[4096];
    long ln = 0;
    /* substitution sets: !NAME! = A, B, C */
    struct { char name[64]; char vals[1024]; } subs[32];
    int nsubs = 0;
    while (next_line(d, f, file, line, sizeof line, &ln)) {
        char *s = trim(line);
        if (!strncmp(s, "<!--", 4) || *s == '<') continue;
        strip_comment(s);
        s = trim(s);
        if (!*s) continue;
        if (*s == '!' && strchr(s, '=') && (!strchr(s, '[') || strchr(s, '=') < strchr(s, '['))) {
            char *eq = strchr(s, '=');
            char *bang = strchr(s + 1, '!');
            if (eq && bang && bang < eq && nsubs < 32) {
                size_t nn = (size_t)(bang + 1 - s);
                if (nn < sizeof subs[0].name) {
                    memcpy(subs[nsubs].name, s, nn);
                    subs[nsubs].name[nn] = '\0';
                    snprintf(subs[nsubs].vals, sizeof subs[nsubs].vals, "%s", trim(eq + 1));
                    nsubs++;
                    continue;
                }
            }
            problem(d, file, ln, "malformed substitution set: expected !NAME! = WORD, WORD");
            continue;
        }
        char *br = strrchr(s, '[');
        if (!br || !strchr(br, ']')) {
            problem(d, file, ln, "agent entry without [~CODE]");
            continue;
        }
        char *code = br + 1;
        while (*code == ' ') code++;
        char *ce = strchr(code, ']');
        *ce = '\0';
        code = trim(code);
        int prefix = 0;
        if (*code == '~') code++;
        else if (code[0] && code[strlen(code) - 1] == '~') {
            prefix = 1;
            code[strlen(code) - 1] = '\0';
        } else {
            problem(d, file, ln, "agent code must be [~CODE] or [CODE~]");
            continue;
        }
        char up[32];
        size_t cn = strlen(code);
        if (cn == 0 || cn >= sizeof up) {
            problem(d, file, ln, "empty agent code");
            continue;
        }
        for (size_t i = 0; i < cn; i++) up[i] = (char)toupper((unsigned char)code[i]);
        Sym csym = sym_intern(up, cn);
        *br = '\0';
        char *plurals;
        if (cut_braces(s, &plurals)) {
            problem(d, file, ln, "unclosed '{' in plural forms");
            continue;
        }
        char *name = trim(s);
        if (!*name) {
            problem(d, file, ln, "agent entry without a name");
            continue;
        }
        /* expand one substitution set if the name uses it */
        char names[16][512];
        int nnames = 0;
        char *bang = strchr(name, '!');
        int expanded = 0;
        if (bang) {
            for (int k = 0; k < nsubs && !expanded; k++) {
                char *at = strstr(name, subs[k].name);
                if (!at) continue;
                expanded = 1;
                char vals[1024];
                snprintf(vals, sizeof vals, "%s", subs[k].vals);
                char *sv;
                for (char *v = strtok_r(vals, ",", &sv); v && nnames < 16; v = strtok_r(NULL, ",", &sv)) {
                    v = trim(v);
                    snprintf(names[nnames++], sizeof names[0], "%.*s%s%s", (int)(at - name), name, v,
                             at + strlen(subs[k].name));
                }
            }
            if (!expanded) {
                problem(d, file, ln, "unknown substitution set in agent name");
                continue;
            }
        } else {
            snprintf(names[nnames++], sizeof names[0], "%s", name);
        }
        /* plurals: "{A B}" lists them, "{}" says there are none, no braces
         * means the regular plural */
        for (int k = 0; k < nnames; k++) {
            add_agent_phrase(d, names[k], csym, prefix, file, ln);
            char pl[600];
            regular_plural(names[k], pl, sizeof pl);
            if (pl[0] && !plurals) add_agent_phrase(d, pl, csym, prefix, file, ln);
        }
        if (plurals) {
            char *sp;
            for (char *p = strtok_r(plurals, " \t", &sp); p; p = strtok_r(NULL, " \t", &sp))
                add_agent_phrase(d, p, csym, prefix, file, ln);
        }
    }
    return 0;
}

/* ---------------- discards ---------------- */

static int load_discards(Dict *d, FILE *f, uint32_t file)
{
    char line[4096];
    long ln = 0;
    while (next_line(d, f, file, line, sizeof line, &ln)) {
        char *s = trim(line);
        if (*s == '<') continue;
        strip_comment(s);
        s = trim(s);
        if (!*s) continue;
        int story = *s == '+';
        if (story) s++;
        Sym w[64];
        size_t n = phrase_syms(s, strlen(s), w, 64);
        if (!n) {
            problem(d, file, ln, "empty discard phrase");
            continue;
        }
        GROW(d->discard_story, d->ndiscards, d->capdiscards);
        d->discard_story[d->ndiscards++] = (uint8_t)story;
        uint32_t node = trie_insert(d, TRIE_DISCARD, w, n);
        trie_leaf(d, TRIE_DISCARD, node, d->ndiscards, 0);
    }
    return 0;
}

/* ---------------- verbs ---------------- */

/* "[042]", "[042:043]" (the target answers with 043), "[---]"; old
 * dictionaries also hold "[+++]", "[def]", "[025?]": kept as written,
 * without the '?'.  Returns 0, or -1 when malformed. */
static int parse_event_code(Dict *d, const char *s, const char **code, const char **code2)
{
    *code = *code2 = NULL;
    while (*s == ' ' || *s == '\t') s++;
    if (*s != '[') return -1;
    s++;
    for (int part = 0; part < 2; part++) {
        while (*s == ' ') s++;
        const char *c = s;
        while (*s && *s != ']' && *s != ':' && *s != ' ' && *s != '?') s++;
        size_t n = (size_t)(s - c);
        if (!n && part == 0 && *s != ':') return -1;   /* "[:173]": only the target's side */
        const char *v = (n == 0 || (n == 3 && !memcmp(c, "---", 3))) ? NULL : arena_strndup(&d->arena, c, n);
        if (part == 0) *code = v;
        else *code2 = v;
        while (*s == '?' || *s == ' ') s++;
        if (*s != ':') break;
        s++;
    }
    return 0;
}

static uint32_t synset_index(Dict *d, const char *name, size_t n)
{
    char up[128];
    while (n > 1 && name[n - 1] == '_') n--;   /* "&PREPOSIT1_" is "&PREPOSIT1" */
    if (n >= sizeof up) n = sizeof up - 1;
    for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)name[i]);
    Sym s = sym_intern(up, n);
    uint32_t k = u64map_get(&d->synset_by_name, s);
    if (k) return k - 1;
    GROW(d->synsets, d->nsynsets, d->capsynsets);
    Synset *ss = &d->synsets[d->nsynsets];
    memset(ss, 0, sizeof *ss);
    ss->name = arena_strndup(&d->arena, up, n);
    u64map_put(&d->synset_by_name, s, d->nsynsets + 1);
    return d->nsynsets++;
}

/* Parse pattern words into elements; returns count.  Words joined by '_'
 * must stand next to each other in the text ("IN_*", "FAILED_TO_*");
 * words separated by spaces may have a few words between them. */
static size_t pattern_elems(Dict *d, char *s, PatElem *out, size_t cap, int *star)
{
    size_t k = 0;
    int next_adj = 0;        /* the next element must follow directly */
    *star = -1;
    char *sv;
    for (char *chunk = strtok_r(s, " \t", &sv); chunk && k < cap; chunk = strtok_r(NULL, " \t", &sv)) {
        while (*chunk == '(' || *chunk == '{') chunk++;
        size_t n = strlen(chunk);
        while (n && (chunk[n - 1] == ')' || chunk[n - 1] == '}')) chunk[--n] = '\0';
        next_adj = 0;
        if (!strcmp(chunk, "^")) {
            out[k++] = (PatElem){PE_SKIP, 0, 0, 1, 0};
            continue;
        }
        if (!strcmp(chunk, "%")) {
            out[k++] = (PatElem){PE_COMPOUND, 0, 0, 0, 0};
            continue;
        }
        for (char *w = chunk; w && k < cap;) {
            char *us = strchr(w, '_');
            if (us) *us = '\0';
            char *next = us ? us + 1 : NULL;
            if (!*w) {               /* a trailing or doubled '_' */
                w = next;
                continue;
            }
            if (!strcmp(w, "*")) {
                *star = (int)k;
                if (next_adj && k > 0) out[k - 1].adj_next = 1;   /* "IN_*" */
                next_adj = next != NULL;                            /* "*_OUT" */
                w = next;
                continue;
            }
            PatElem e = {PE_WORD, 0, 0, (uint8_t)next_adj, 0};
            if (w[0] == '+' || w[0] == '$') {
                /* "+" alone, or "+TALKS": the target (source) is at this word */
                PatElem t = {(uint8_t)(w[0] == '+' ? PE_TARGET : PE_SOURCE), 0, 0, (uint8_t)next_adj, 0};
                out[k++] = t;
                w++;
                e.adj = 1;
                if (!*w || k >= cap) {
                    next_adj = next != NULL;
                    w = next;
                    continue;
                }
            }
            if (w[0] == '&') {
                e.kind = PE_SYNSET;
                e.synset = synset_index(d, w, strlen(w));
                out[k++] = e;
            } else {
                Sym ws[32];
                size_t nw = phrase_syms(w, strlen(w), ws, 32);
                for (size_t i = 0; i < nw && k < cap; i++) {
                    e.word = ws[i];
                    out[k++] = e;
                    e.adj = 1;
                }
            }
            next_adj = next != NULL;
            w = next;
        }
    }
    return k;
}

static void add_pattern(Dict *d, VerbBlock *b, PatElem *el, size_t n, int star, const char *code, uint32_t ref)
{
    uint32_t cap = b->cappat;
    GROW(b->pat, b->npat, b->cappat);
    if (b->cappat != cap) {
        PatKey *k = realloc(b->key, b->cappat * sizeof *k);
        if (!k) abort();
        b->key = k;
    }
    Pattern *p = &b->pat[b->npat++];
    if (star < 0) star = 0;
    p->npre = (uint8_t)star;
    p->npost = (uint8_t)(n - (size_t)star);
    p->pre = arena_alloc(&d->arena, (p->npre + 1) * sizeof *p->pre);
    p->post = arena_alloc(&d->arena, (p->npost + 1) * sizeof *p->post);
    memcpy(p->pre, el, p->npre * sizeof *el);
    memcpy(p->post, el + star, p->npost * sizeof *el);
    p->code = code;
    p->code2 = NULL;
    p->negated = 0;
    p->ref = ref;
    PatKey *k = &b->key[b->npat - 1];
    *k = (PatKey){.len = (uint32_t)(p->npre + p->npost)};
    for (uint32_t i = 0; i < p->npre; i++)
        if (p->pre[i].kind == PE_WORD) word_bits_add(&k->need_pre, p->pre[i].word);
    for (uint32_t i = 0; i < p->npost; i++)
        if (p->post[i].kind == PE_WORD) word_bits_add(&k->need_post, p->post[i].word);
}

static int is_negation_word(Sym w)
{
    static const char *const neg[] = {"not", "n't", "never", "no"};
    for (size_t j = 0; j < 4; j++)
        if (w == sym_find(neg[j], strlen(neg[j]))) return 1;
    return 0;
}

/* Mark the patterns that hold a negation themselves ("- WILL NOT *",
 * "- &NEGATVAUXVRB *"): their events stand although the verb is negated.
 * Synonym sets may be defined after the patterns that use them, so this
 * runs once a file is loaded. */
static void mark_negated_patterns(Dict *d)
{
    for (uint32_t b = 0; b < d->nblocks; b++)
        for (uint32_t k = 0; k < d->blocks[b].npat; k++) {
            Pattern *p = &d->blocks[b].pat[k];
            p->negated = 0;
            for (int side = 0; side < 2; side++) {
                const PatElem *el = side ? p->post : p->pre;
                uint32_t n = side ? p->npost : p->npre;
                for (uint32_t i = 0; i < n; i++) {
                    if (el[i].kind == PE_WORD && is_negation_word(el[i].word)) p->negated = 1;
                    if (el[i].kind != PE_SYNSET) continue;
                    const Synset *ss = &d->synsets[el[i].synset];
                    for (uint32_t q = 0; q < ss->n; q++)
                        for (uint32_t w = 0; w < ss->ph[q].n; w++)
                            if (is_negation_word(ss->ph[q].w[w])) p->negated = 1;
                }
            }
        }
}

static Sym upper_sym(const char *s, size_t n)
{
    char up[128];
    if (n >= sizeof up) n = sizeof up - 1;
    for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)s[i]);
    return sym_intern(up, n);
}

/* "~ a (a b ATTACK) SAY = a b 015" */
static int parse_transform(Dict *d, const char *s, uint32_t ref)
{
    char osrc, isrc, itgt, rsrc, rtgt, iv[64], ov[64], code[32];
    if (sscanf(s, "~ %c ( %c %c %63[^ )] ) %63s = %c %c %31s", &osrc, &isrc, &itgt, iv, ov, &rsrc, &rtgt, code) != 8)
        return -1;
    GROW(d->transforms, d->ntransforms, d->captransforms);
    Transform *t = &d->transforms[d->ntransforms++];
    t->osrc = osrc;
    t->isrc = isrc;
    t->itgt = itgt;
    t->rsrc = rsrc;
    t->rtgt = rtgt;
    t->iverb = strcmp(iv, "Q") ? upper_sym(iv, strlen(iv)) : 0;
    t->overb = upper_sym(ov, strlen(ov));
    t->rcode = strcmp(code, "Q") ? arena_strndup(&d->arena, code, strlen(code)) : NULL;
    t->ref = ref;
    return 0;
}

/* Register "WIRE_+TAP" (or a plain "TALK") as a verb of block b. */
static int add_verb(Dict *d, const char *spec, uint32_t b)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *p = buf; *p; p++)
        if (*p == '_') *p = ' ';
    Sym w[16];
    size_t n = 0, head = SIZE_MAX;
    char *sv;
    for (char *word = strtok_r(buf, " \t", &sv); word && n < 16; word = strtok_r(NULL, " \t", &sv)) {
        if (*word == '+') {
            word++;
            head = n;
        }
        if (!*word) continue;
        Sym ws[8];
        size_t k = phrase_syms(word, strlen(word), ws, 8);
        for (size_t i = 0; i < k && n < 16; i++) w[n++] = ws[i];
    }
    if (!n) return -1;
    if (head == SIZE_MAX || head >= n) head = 0;
    GROW(d->ventries, d->nventries, d->capventries);
    VerbEntry *e = &d->ventries[d->nventries];
    memset(e, 0, sizeof *e);
    e->block = b;
    for (size_t i = 0; i < head && e->npre < 4; i++) e->pre[e->npre++] = w[i];
    for (size_t i = head + 1; i < n && e->npost < 4; i++) e->post[e->npost++] = w[i];
    /* append to the chain of this head word, keeping file order */
    uint32_t first = u64map_get(&d->verb, w[head]);
    if (!first) {
        u64map_put(&d->verb, w[head], d->nventries + 1);
    } else {
        uint32_t k = first;
        while (d->ventries[k - 1].next) k = d->ventries[k - 1].next;
        d->ventries[k - 1].next = d->nventries + 1;
    }
    d->nventries++;
    return 0;
}

static int load_verbs(Dict *d, FILE *f, uint32_t file)
{
    char line[4096];
    long ln = 0;
    VerbBlock *cur = NULL;
    int cur_idx = -1;
    int in_synset = -1;
    int in_xml_comment = 0;
    while (next_line(d, f, file, line, sizeof line, &ln)) {
        if (in_xml_comment) {
            if (strstr(line, "-->")) in_xml_comment = 0;
            continue;
        }
        char *s = trim(line);
        if (!strncmp(s, "<!--", 4)) {
            if (!strstr(s, "-->")) in_xml_comment = 1;
            continue;
        }
        if (*s == '<') continue;
        if (!*s) {               /* a blank line ends a synonym set; a comment does not */
            in_synset = -1;
            continue;
        }
        strip_comment(s);
        s = trim(s);
        if (!*s) continue;
        uint32_t ref = file << 20 | (uint32_t)(ln & 0xFFFFF);
        if (!strncmp(s, "---", 3)) {
            /* --- NAME [code] --- */
            char *p = s + 3;
            while (*p == ' ') p++;
            char *ne = p;
            while (*ne && *ne != ' ' && *ne != '[') ne++;
            char *br = strchr(ne, '[');
            const char *code = NULL, *code2 = NULL;
            if (!br || parse_event_code(d, br, &code, &code2)) {
                problem(d, file, ln, "verb block header: expected --- NAME [CODE] ---");
                cur = NULL;
                continue;
            }
            GROW(d->blocks, d->nblocks, d->capblocks);
            cur_idx = (int)d->nblocks++;
            cur = &d->blocks[cur_idx];
            memset(cur, 0, sizeof *cur);
            cur->name = arena_strndup(&d->arena, p, (size_t)(ne - p));
            cur->label = upper_sym(p, (size_t)(ne - p));
            cur->code = code;
            cur->code2 = code2;
            cur->ref = ref;
            in_synset = -1;
            continue;
        }
        if (*s == '~') {
            if (parse_transform(d, s, ref)) problem(d, file, ln, "transformation: expected ~ a (b c VERB) VERB = a b CODE");
            cur = NULL;
            in_synset = -1;
            continue;
        }
        if (*s == '&') {
            char *e = s;
            while (*e && !isspace((unsigned char)*e)) e++;
            in_synset = (int)synset_index(d, s, (size_t)(e - s));
            cur = NULL;
            continue;
        }
        if (*s == '+' && in_synset >= 0) {
            Synset *ss = &d->synsets[in_synset];
            Sym w[64];
            size_t n = phrase_syms(s + 1, strlen(s + 1), w, 64);
            if (!n) continue;
            GROW(ss->ph, ss->n, ss->cap);
            ss->ph[ss->n].w = arena_alloc(&d->arena, n * sizeof(Sym));
            memcpy(ss->ph[ss->n].w, w, n * sizeof(Sym));
            ss->ph[ss->n].n = (uint32_t)n;
            ss->n++;
            uint64_t set = (uint64_t)(in_synset + 1) << 32;
            u64map_put(&d->synset_end[0], set | w[0], 1);
            u64map_put(&d->synset_end[1], set | w[n - 1], 1);
            continue;
        }
        if (!cur) {
            problem(d, file, ln, "line outside a verb block or synonym set");
            continue;
        }
        if (*s == '-') {
            /* pattern: - words * words [code] */
            char *br = strrchr(s, '[');
            const char *code = NULL, *code2 = NULL;
            if (!br || parse_event_code(d, br, &code, &code2)) {
                problem(d, file, ln, "verb pattern: expected - WORDS * WORDS [CODE]");
                continue;
            }
            *br = '\0';
            PatElem el[64];
            int star;
            size_t n = pattern_elems(d, s + 1, el, 64, &star);
            if (star < 0) {
                problem(d, file, ln, "verb pattern without '*' for the verb");
                continue;
            }
            add_pattern(d, cur, el, n, star, code, ref);
            cur->pat[cur->npat - 1].code2 = code2;
            continue;
        }
        /* a verb of the block: WORD {IRREGULAR FORMS}; a multi-word verb
         * marks its inflected word with '+' (WIRE_+TAP, +CORDON_OFF) */
        char *forms;
        if (cut_braces(s, &forms)) {
            problem(d, file, ln, "unclosed '{' in verb forms");
            continue;
        }
        /* a verb of its own code: "DOWNPLAY [014]" */
        const char *vcode = NULL, *vcode2 = NULL;
        char *vb = strchr(s, '[');
        if (vb) {
            if (parse_event_code(d, vb, &vcode, &vcode2)) {
                problem(d, file, ln, "verb code: expected [CODE] after the verb");
                continue;
            }
            *vb = '\0';
        }
        if (add_verb(d, s, (uint32_t)cur_idx)) {
            problem(d, file, ln, "empty verb");
            continue;
        }
        if (vb) {
            d->ventries[d->nventries - 1].code = vcode;
            d->ventries[d->nventries - 1].code2 = vcode2;
        }
        if (forms) {
            char *sf;
            for (char *p = strtok_r(forms, " \t", &sf); p; p = strtok_r(NULL, " \t", &sf)) add_verb(d, p, (uint32_t)cur_idx);
        }
    }
    return 0;
}

/* ---------------- nouns ---------------- */

/* One frame word: "$'S", "$ADJ", "$LED", "$BY", "+ON", "%WITH",
 * "%BETWEEN".  Returns 0, or -1 when it is none of these. */
static int parse_frame(Dict *d, char *w, NounFrame *f)
{
    memset(f, 0, sizeof *f);
    char *eq = strchr(w, '=');
    if (eq) {   /* "+ON=190" */
        *eq = '\0';
        size_t n = strlen(eq + 1);
        if (!n || n > 8) return -1;
        for (const char *c = eq + 1; *c; c++)
            if (*c < '0' || *c > '9') return -1;
        f->code = arena_strndup(&d->arena, eq + 1, n);
    }
    f->role = w[0] == '$' ? NR_SOURCE : w[0] == '+' ? NR_TARGET : w[0] == '%' ? NR_MUTUAL : 0;
    if (!f->role || !w[1]) return -1;
    w++;
    if (!strcasecmp(w, "'S")) f->kind = NF_POSS;
    else if (!strcasecmp(w, "ADJ")) f->kind = NF_ADJ;
    else if (!strcasecmp(w, "LED")) f->kind = NF_LED;
    else {
        for (const char *c = w; *c; c++)
            if (!isalpha((unsigned char)*c)) return -1;
        char low[32];
        size_t n = strlen(w);
        if (n >= sizeof low) return -1;
        for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)w[i]);
        f->kind = NF_PREP;
        f->prep = sym_intern(low, n);
        return 0;
    }
    /* who acts before the noun is a source: "+'S" would be the victim
     * ("Navalny's arrest"), which no frame here names an actor for */
    return f->role == NR_SOURCE ? 0 : -1;
}

/* "&SUPPORT" then "+CARRY OUT" lines: support verbs; "NOUN [CODE] FRAMES"
 * lines: event nouns (the format is documented at the top of
 * dict/herodotus.nouns.txt). */
static int load_nouns(Dict *d, FILE *f, uint32_t file)
{
    char line[4096];
    long ln = 0;
    int in_support = 0;
    while (next_line(d, f, file, line, sizeof line, &ln)) {
        char *s = trim(line);
        if (!*s) {               /* a blank line ends the set */
            in_support = 0;
            continue;
        }
        strip_comment(s);
        s = trim(s);
        if (!*s) continue;
        uint32_t ref = file << 20 | (uint32_t)(ln & 0xFFFFF);
        if (*s == '&') {
            in_support = !strcasecmp(s, "&SUPPORT");
            if (!in_support) problem(d, file, ln, "unknown set: only &SUPPORT (the support verbs) is known");
            continue;
        }
        if (*s == '+') {
            if (!in_support) {
                problem(d, file, ln, "'+' member outside &SUPPORT");
                continue;
            }
            Sym w[8];
            size_t n = phrase_syms(s + 1, strlen(s + 1), w, 8);
            if (!n || n > 4) {
                problem(d, file, ln, n ? "support verb longer than four words" : "empty support verb");
                continue;
            }
            GROW(d->supports, d->nsupports, d->capsupports);
            SupportVerb *v = &d->supports[d->nsupports];
            memset(v, 0, sizeof *v);
            v->verb = w[0];
            for (size_t i = 1; i < n; i++) v->post[v->npost++] = w[i];
            v->gathering = v->npost && v->post[0] == sym_intern("for", 3);
            v->ref = ref;
            v->next = u64map_get(&d->support, w[0]);
            u64map_put(&d->support, w[0], ++d->nsupports);
            continue;
        }
        in_support = 0;
        char *br = strchr(s, '[');
        const char *code = NULL, *code2 = NULL;
        if (!br) {
            problem(d, file, ln, "noun entry: expected NOUN [CODE] FRAMES");
            continue;
        }
        char *rb = strchr(br, ']');
        if (!rb || parse_event_code(d, br, &code, &code2) || !code || code2) {
            problem(d, file, ln, "noun entry: malformed code, expected [CODE] (one CAMEO code)");
            continue;
        }
        *br = '\0';
        char *name = trim(s);
        Sym w[8];
        size_t n = phrase_syms(name, strlen(name), w, 8);
        if (!n || n > 4) {
            problem(d, file, ln, n ? "noun entry: a noun of more than four words" : "noun entry without a noun");
            continue;
        }
        NounEntry e;
        memset(&e, 0, sizeof e);
        e.head = w[n - 1];
        for (size_t i = 0; i + 1 < n; i++) e.pre[e.npre++] = w[i];
        e.code = code;
        e.ref = ref;
        int bad = 0;
        char *sv;
        for (char *fw = strtok_r(rb + 1, " \t", &sv); fw; fw = strtok_r(NULL, " \t", &sv)) {
            if (e.nframes == NOUN_MAX_FRAMES) {
                problem(d, file, ln, "noun entry: too many frames");
                bad = 1;
                break;
            }
            if (parse_frame(d, fw, &e.frame[e.nframes])) {
                char msg[160];
                snprintf(msg, sizeof msg, "noun entry: unknown frame '%.40s' (expected $'S, $ADJ, $LED, $PREP, +PREP or %%PREP, optionally =CODE)", fw);
                problem(d, file, ln, msg);
                bad = 1;
                break;
            }
            e.nframes++;
        }
        if (bad) continue;
        GROW(d->nouns, d->nnouns, d->capnouns);
        e.next = u64map_get(&d->noun, e.head);
        d->nouns[d->nnouns] = e;
        u64map_put(&d->noun, e.head, ++d->nnouns);
        symset_add(&d->noun_head, e.head);
    }
    return 0;
}

/* everything a dictionary file can add */
static size_t entries(const Dict *d)
{
    return (size_t)d->nactors + d->nagents + d->nblocks + d->nventries + d->ndiscards + d->nnouns + d->nsupports +
           d->nsynsets + d->ntransforms + d->nissues;
}

/* A block's patterns longest first (in file order among equals), so that
 * the matcher stops at the first pattern no longer than its best match:
 * the winner, the first longest pattern that matches, is the same. */
static void sort_patterns(Dict *d)
{
    for (uint32_t bi = 0; bi < d->nblocks; bi++) {
        VerbBlock *b = &d->blocks[bi];
        int sorted = 1;
        for (uint32_t q = 1; q < b->npat && sorted; q++) sorted = b->key[q - 1].len >= b->key[q].len;
        if (sorted) continue;
        /* a stable insertion sort: blocks hold hundreds of patterns at most */
        for (uint32_t q = 1; q < b->npat; q++) {
            Pattern p = b->pat[q];
            PatKey k = b->key[q];
            uint32_t j = q;
            for (; j > 0 && b->key[j - 1].len < k.len; j--) {
                b->pat[j] = b->pat[j - 1];
                b->key[j] = b->key[j - 1];
            }
            b->pat[j] = p;
            b->key[j] = k;
        }
    }
}

/* The first words of the phrases of the first synonym set among a
 * pattern's elements (a phrase of the set begins with one of them); none
 * without a set */
static WordBits first_synset_bits(const Dict *d, const PatElem *el, uint32_t n)
{
    WordBits bits = {{0, 0}};
    for (uint32_t i = 0; i < n; i++)
        if (el[i].kind == PE_SYNSET) {
            const Synset *ss = &d->synsets[el[i].synset];
            for (uint32_t p = 0; p < ss->n; p++)
                if (ss->ph[p].n) word_bits_add(&bits, ss->ph[p].w[0]);
            break;
        }
    return bits;
}

/* The patterns' synonym-set filters, once the sets are known (a verbs file
 * may use a set before it defines it, or add phrases to another's) */
static void key_synsets(Dict *d)
{
    for (uint32_t bi = 0; bi < d->nblocks; bi++) {
        VerbBlock *b = &d->blocks[bi];
        for (uint32_t q = 0; q < b->npat; q++) {
            b->key[q].syn_pre = first_synset_bits(d, b->pat[q].pre, b->pat[q].npre);
            b->key[q].syn_post = first_synset_bits(d, b->pat[q].post, b->pat[q].npost);
        }
    }
}

int dict_load_file(Dict *d, const char *path, int kind)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        d->problems++;
        if (d->errs) fprintf(d->errs, "%s: cannot open dictionary\n", path);
        return -1;
    }
    uint32_t file = add_file(d, path);
    size_t before = entries(d);
    switch (kind) {
    case DK_VERBS:
        load_verbs(d, f, file);
        mark_negated_patterns(d);
        sort_patterns(d);
        key_synsets(d);
        break;
    case DK_ACTORS: load_actors(d, f, file); break;
    case DK_AGENTS: load_agents(d, f, file); break;
    case DK_DISCARDS: load_discards(d, f, file); break;
    case DK_NOUNS: load_nouns(d, f, file); break;
    case DK_ISSUES: {
        char line[4096];
        while (fgets(line, sizeof line, f)) d->nissues += line[0] != '#' && line[0] != '\n';
        break;
    }
    default: break;
    }
    fclose(f);
    if (entries(d) == before) {
        /* an empty or all-comment file is a mistake, not a dictionary */
        d->problems++;
        if (d->errs) fprintf(d->errs, "%s: no entries (an empty dictionary file)\n", path);
    }
    return 0;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int dict_load_dir(Dict *d, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) return -1;
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) && n < 256)
        if (dict_kind_of(e->d_name) != DK_NONE) names[n++] = strdup(e->d_name);
    closedir(dp);
    qsort(names, (size_t)n, sizeof *names, cmpstr);
    int loaded = 0;
    /* verbs first so that synonym sets exist before patterns use them is
     * not needed (sets are made on first use); order only for stable refs */
    for (int i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (dict_load_file(d, path, dict_kind_of(names[i])) == 0) loaded++;
        free(names[i]);
    }
    return loaded;
}

Sym dict_actor_code(const Dict *d, const ActorEntry *e, int ymd)
{
    Sym fallback = 0;
    for (uint32_t i = 0; i < e->ncodes; i++) {
        const ActorCode *c = &d->codes[e->first_code + i];
        if (!c->from && !c->to) {
            if (!fallback) fallback = c->code;
            continue;
        }
        if (!ymd) continue;
        if (c->from && ymd < c->from) continue;
        if (c->to && ymd > c->to) continue;
        return c->code;
    }
    return fallback;
}

const char *dict_ref_file(const Dict *d, uint32_t ref)
{
    uint32_t f = ref >> 20;
    if (ref == DICT_REF_GAZETTEER) return "gazetteer (libgeonames)";
    return f < d->nfiles ? d->files[f] : "?";
}
