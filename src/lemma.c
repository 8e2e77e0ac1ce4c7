/* lemma.c - stage 3b: WordNet-based lemmatiser (morphy rules in memory) */
#include "lemma.h"
#include <stdio.h>
#include "buf.h"
#include <stdlib.h>
#include <string.h>
#include "utf8.h"

struct Lemmas {
    U64Map verb;            /* verb lemma sym -> 1 */
    U64Map vexc, nexc;      /* inflected sym -> base sym */
    /* by lower-case word, made once the dictionaries are in (lemma_freeze):
     * its lemma read as a verb, and as a plural noun */
    Sym *as_verb, *as_noun;
    uint32_t nwords;
};                          /* loaded once, then only read */



/* WordNet writes multi-word lemmas with '_'; we keep single words only. */
static int load_index(const char *dir, const char *file, U64Map *set, char *err, size_t errsz)
{
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *b = read_file(path, &len);
    if (!b) {
        snprintf(err, errsz, "%s: cannot read WordNet (install wordnet-base)", path);
        return -1;
    }
    for (char *p = b; *p;) {
        if (*p != ' ') {
            char *e = p;
            while (*e && *e != ' ' && *e != '\n') e++;
            if (!memchr(p, '_', (size_t)(e - p))) u64map_put(set, sym_intern(p, (size_t)(e - p)), 1);
            p = e;
        }
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    free(b);
    return 0;
}

static int load_exc(const char *dir, const char *file, U64Map *map, char *err, size_t errsz)
{
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    char *b = read_file(path, &len);
    if (!b) {
        snprintf(err, errsz, "%s: cannot read WordNet (install wordnet-base)", path);
        return -1;
    }
    for (char *p = b; *p;) {
        char *e = p;
        while (*e && *e != ' ' && *e != '\n') e++;
        char *q = e;
        while (*q == ' ') q++;
        char *qe = q;
        while (*qe && *qe != ' ' && *qe != '\n') qe++;
        if (qe > q && !memchr(p, '_', (size_t)(e - p))) {
            Sym from = sym_intern(p, (size_t)(e - p));
            if (!u64map_get(map, from)) u64map_put(map, from, sym_intern(q, (size_t)(qe - q)));
        }
        p = qe;
        while (*p && *p != '\n') p++;
        if (*p) p++;
    }
    free(b);
    return 0;
}

Lemmas *lemma_load(const char *dir, char *err, size_t errsz)
{
    Lemmas *L = calloc(1, sizeof *L);
    if (!L) abort();
    /* Noun lemmas are checked against the symbols already known (tagger
     * lexicon, dictionaries) instead of WordNet's 117,000-line noun index:
     * a lemma no dictionary or lexicon knows can match nothing anyway, and
     * loading stays fast. */
    if (load_index(dir, "index.verb", &L->verb, err, errsz) ||
        load_exc(dir, "verb.exc", &L->vexc, err, errsz) || load_exc(dir, "noun.exc", &L->nexc, err, errsz)) {
        lemma_free(L);
        return NULL;
    }
    /* words WordNet lacks but news uses as verbs */
    static const char *const extra[] = {"re-elect", "co-operate", "cooperate", "shell", "airstrike"};
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++)
        u64map_put(&L->verb, sym_intern(extra[i], strlen(extra[i])), 1);
    return L;
}

void lemma_free(Lemmas *L)
{
    if (!L) return;
    u64map_free(&L->verb);
    u64map_free(&L->vexc);
    u64map_free(&L->nexc);
    free(L->as_verb);
    free(L->as_noun);
    free(L);
}

int lemma_is_verb(const Lemmas *L, Sym s) { return s && L && u64map_get(&L->verb, s) != 0; }

void lemma_add_verbs(Lemmas *L, const U64Map *words)
{
    for (size_t i = 0; i < words->cap; i++)
        if (words->slot[i].val) u64map_put(&L->verb, words->slot[i].key, 1);
}

typedef struct { const char *suf, *rep; } Rule;
static const Rule VRULES[] = {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"},
                              {"ed", ""}, {"ing", "e"}, {"ing", ""}, {NULL, NULL}};
static const Rule NRULES[] = {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
                              {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {NULL, NULL}};

static Sym morphy(const char *w, size_t n, const U64Map *set, const U64Map *exc, const Rule *rules)
{
    Sym s = sym_find(w, n);
    if (s) {
        uint32_t b = u64map_get(exc, s);
        if (b) return b;
    }
    char buf[128];
    for (const Rule *r = rules; r->suf; r++) {
        size_t k = strlen(r->suf), m = strlen(r->rep);
        if (n <= k || memcmp(w + n - k, r->suf, k) || n - k + m >= sizeof buf) continue;
        memcpy(buf, w, n - k);
        memcpy(buf + n - k, r->rep, m);
        size_t bn = n - k + m;
        Sym c = sym_find(buf, bn);
        if (c && (!set || u64map_get(set, c))) return c;
        /* stopped -> stop, planning -> plan */
        if (m == 0 && bn >= 3 && buf[bn - 1] == buf[bn - 2]) {
            c = sym_find(buf, bn - 1);
            if (c && (!set || u64map_get(set, c))) return c;
        }
    }
    return s;
}

Sym lemma_of(const Lemmas *L, const char *word, size_t n, int tag)
{
    char low[128];
    size_t ln = utf8_lower(word, n, low, sizeof low);
    if (!ln) return 0;
    if (TAG_IS_VERB(tag) || tag == T_MD) return morphy(low, ln, &L->verb, &L->vexc, VRULES);
    if (tag == T_NNS || tag == T_NNPS) return morphy(low, ln, NULL, &L->nexc, NRULES);
    return sym_find(low, ln);
}

void lemma_freeze(Lemmas *L)
{
    uint32_t n = sym_count();
    Sym *v = realloc(L->as_verb, (n + 1) * sizeof *v), *no = realloc(L->as_noun, (n + 1) * sizeof *no);
    if (!v || !no) abort();
    L->as_verb = v;
    L->as_noun = no;
    v[0] = no[0] = 0;
    for (Sym w = 1; w < n; w++) {
        const char *name = sym_name(w);
        size_t len = sym_len(w);
        /* a word in capitals is no token's lower-case form; one that ends in
         * none of the rules' suffixes and has no exception is its own lemma */
        int plain = 1;
        for (size_t i = 0; i < len && plain; i++) plain = !(name[i] >= 'A' && name[i] <= 'Z');
        if (!plain || len >= 128) {
            v[w] = no[w] = w;
            continue;
        }
        char last = len ? name[len - 1] : 0;
        int inflected = last == 's' || last == 'd' || last == 'g' || last == 'n';
        v[w] = inflected || u64map_get(&L->vexc, w) ? morphy(name, len, &L->verb, &L->vexc, VRULES) : w;
        no[w] = inflected || u64map_get(&L->nexc, w) ? morphy(name, len, NULL, &L->nexc, NRULES) : w;
    }
    L->nwords = n;
}

void lemmatise(const Lemmas *L, Sentence *s)
{
    for (uint32_t i = 0; i < s->ntok; i++) {
        Token *t = &s->tok[i];
        int cls = TAG_IS_VERB(t->tag) || t->tag == T_MD ? 1 : (t->tag == T_NNS || t->tag == T_NNPS) ? 2 : 0;
        if (cls == 0) {
            t->lemma = t->lower;
            continue;
        }
        if (t->lower && t->lower < L->nwords) t->lemma = cls == 1 ? L->as_verb[t->lower] : L->as_noun[t->lower];
        else t->lemma = lemma_of(L, t->s, t->n, t->tag);
    }
}
