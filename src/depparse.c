/* depparse.c - stage 4: tagger and arc-eager dependency parser */
#include "depparse.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "percep.h"
#include "lemma.h"
#include "models.h"
#include "segment.h"
#include "tag.h"
#include "wordlist.h"

#define MAX_FEAT 128

struct UdModel {
    const Models *env;          /* the tagger, lemmas and word list its features read */
    char *mem;                  /* the whole file */
    size_t memlen;
    int mapped;                 /* mem is mapped (munmap), else malloc'd */
    int ntag, nlabel;
    const char **xpos, **upos, **label;
    PModel tagger;
    PModel moves, labels;       /* the greedy parser: which move (SHIFT REDUCE LEFT RIGHT); an arc's relation */
    PModel bmoves, blabels;     /* the beam parser's (trained globally, scored together); slots 0: none */
    PModel rmoves, rlabels;     /* a second beam parser, reading right to left; slots 0: none */
    int vote;                   /* the beam parsers and the greedy one vote on each head */
    int root_label, parataxis_label;
    int beam;                   /* states kept while parsing (1: the greedy parser) */
    uint8_t verb[256], finite[256];     /* tags that are verbs (XPOS VB*, MD); finite ones */
    uint8_t penn[256];          /* the Penn tag (doc.h) of each XPOS */
    uint8_t rel[64];            /* the Rel (doc.h) of each relation */
};

static const char *const REL_NAMES[REL_N] = {
    "", "root", "nsubj", "nsubj:pass", "csubj", "obj", "iobj", "obl", "obl:agent", "obl:unmarked", "nmod",
    "nmod:poss", "appos", "conj", "cc", "xcomp", "ccomp", "advcl", "acl", "acl:relcl", "aux", "aux:pass", "cop",
    "mark", "case", "det", "amod", "nummod", "compound", "compound:prt", "flat", "advmod", "parataxis", "punct",
    "other"};

_Static_assert(sizeof REL_NAMES / sizeof *REL_NAMES == REL_N, "a name for every Rel of doc.h");

const char *rel_name(int rel) { return rel >= 0 && rel < REL_N ? REL_NAMES[rel] : ""; }

int rel_from_name(const char *name)
{
    for (int r = 1; r < REL_OTHER; r++)
        if (!strcmp(REL_NAMES[r], name)) return r;
    size_t n = strcspn(name, ":");
    for (int r = 1; r < REL_OTHER; r++)
        if (strlen(REL_NAMES[r]) == n && !strncmp(REL_NAMES[r], name, n)) return (uint8_t)r;
    return REL_OTHER;
}

/* ---- words as features ---- */

#define REGULAR_ED 0x5eedu   /* the lexicon class of "arrested", "burned" */

typedef struct WordF {
    uint64_t w;         /* lower case, digits as 0 */
    uint64_t cased;     /* as written, digits as 0 */
    uint64_t suf[4], pre[3];
    uint64_t shape;
    uint64_t lex;       /* the tags the lexicon gives it, in order (0: none) */
    uint64_t lex1;      /* the first of them */
    uint64_t wl;        /* how the word list writes it (WL_*), with its case here */
    uint64_t hmm;       /* the Penn tag the lexicon's HMM tagger gives it (+1) */
    uint64_t fin_right; /* the HMM tagger sees a finite verb after it */
} WordF;

static uint64_t hash_str(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ^ (h >> 31);
}

/* full: all of them (the tagger); else only what the parser reads (the
 * word, suffixes, the word list's casing) */
static void word_features(const Models *env, const UdWord *w, WordF *f, int full)
{
    char low[64], cas[64], shape[16];
    size_t n = w->n < sizeof low ? w->n : sizeof low, ns = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w->s[i];
        char sc;
        if (c >= '0' && c <= '9') c = '0', sc = 'd';
        else if (c >= 'A' && c <= 'Z') sc = 'X';
        else if (c >= 'a' && c <= 'z') sc = 'x';
        else if (c >= 0x80) sc = 'u';
        else sc = (char)c;
        cas[i] = (char)c;
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        /* "Xxxxx" -> "Xxx": runs of one class kept to two */
        if (ns < sizeof shape && !(ns >= 2 && shape[ns - 1] == sc && shape[ns - 2] == sc)) shape[ns++] = sc;
    }
    f->w = hash_str(low, n);
    for (size_t k = 0; k < 4; k++) {
        size_t m = k + 1 < n ? k + 1 : n;
        f->suf[k] = hash_str(low + n - m, m) + k + 1;
    }
    int here = w->n && w->s[0] >= 'A' && w->s[0] <= 'Z' ? (w->n > 1 && w->s[1] >= 'A' && w->s[1] <= 'Z' ? 2 : 1) : 0;
    f->wl = (uint64_t)wordlist_case(env->words, w->s, w->n) << 2 | (uint64_t)here;
    if (!full) return;
    f->cased = hash_str(cas, n) ^ 0x5bd1e995u;
    for (size_t k = 0; k < 3; k++) {
        size_t m = k + 1 < n ? k + 1 : n;
        f->pre[k] = hash_str(low, m) + 7 * (k + 1);
    }
    f->shape = hash_str(shape, ns);
    uint8_t lt[4];
    int lower = 0, nl = tag_lexicon(env->tagger, w->s, w->n, lt, 4, &lower);
    f->lex = nl ? hash_str((const char *)lt, (size_t)nl) + (uint64_t)lower : 0;
    f->lex1 = nl ? lt[0] : 0;
    /* a regular verb's -ed form is past tense or participle whatever the
     * lexicon saw ("arrested": only VBN in its counts) */
    if (n > 3 && low[n - 2] == 'e' && low[n - 1] == 'd' && (nl != 1 || lt[0] == T_VBN || lt[0] == T_VBD) &&
        lemma_is_verb(env->lemmas, lemma_of(env->lemmas, w->s, w->n, T_VBD)) &&
        lemma_of(env->lemmas, w->s, w->n, T_VBD) != sym_find(low, n)) {
        f->lex = REGULAR_ED;
        f->lex1 = 0;
    }
}

/* ---- the tagger's features ---- */

enum { B_BEFORE = 0x1001, B_AFTER = 0x2002 };   /* words beyond the sentence */

/* The tagger's features come in two kinds: those of the word alone (its
 * form and the HMM's tag for it), the same wherever the word stands, and
 * those of its context. */
enum { TF_WORD = 1, TF_CONTEXT = 2, TF_ALL = 3 };

/* want: which kinds (TF_*); pred: the tags chosen so far, left of i;
 * fin_left: a finite verb among them in this clause */
static size_t tag_features(const WordF *wf, size_t n, size_t i, const uint8_t *pred, int fin_left, int want, uint64_t *f)
{
    size_t k = 0;
#define WORD(x) (want & TF_WORD ? (void)(f[k++] = (x)) : (void)0)
#define CTX(x) (want & TF_CONTEXT ? (void)(f[k++] = (x)) : (void)0)
    uint64_t t1 = i > 0 ? pred[i - 1] + 1u : 0, t2 = i > 1 ? pred[i - 2] + 1u : 0;
#define W(j) ((j) < 0 ? (uint64_t)B_BEFORE + (uint64_t)(-(j)) : (size_t)(j) >= n ? (uint64_t)B_AFTER + (uint64_t)(j) - n : wf[j].w)
#define SUF3(j) ((j) < 0 || (size_t)(j) >= n ? (uint64_t)B_BEFORE : wf[j].suf[2])
#define SHAPE(j) ((j) < 0 || (size_t)(j) >= n ? (uint64_t)B_AFTER : wf[j].shape)
    long j = (long)i;
    const WordF *x = &wf[i];
    WORD(feat_mix(1, 0, 0, 0));
    WORD(feat_mix(2, x->w, 0, 0));
    WORD(feat_mix(3, x->cased, 0, 0));
    for (int s = 0; s < 4; s++) WORD(feat_mix(4 + (uint64_t)s, x->suf[s], 0, 0));
    for (int s = 0; s < 3; s++) WORD(feat_mix(8 + (uint64_t)s, x->pre[s], 0, 0));
    WORD(feat_mix(11, x->shape, 0, 0));
    CTX(feat_mix(12, t1, 0, 0));
    CTX(feat_mix(13, t1, t2, 0));
    CTX(feat_mix(14, t1, x->w, 0));
    CTX(feat_mix(15, W(j - 1), 0, 0));
    CTX(feat_mix(16, SUF3(j - 1), 0, 0));
    CTX(feat_mix(17, W(j - 2), 0, 0));
    CTX(feat_mix(18, W(j + 1), 0, 0));
    CTX(feat_mix(19, SUF3(j + 1), 0, 0));
    CTX(feat_mix(20, W(j + 2), 0, 0));
    CTX(feat_mix(21, W(j - 1), x->w, 0));
    CTX(feat_mix(22, x->w, W(j + 1), 0));
    CTX(feat_mix(23, SHAPE(j - 1), x->shape, SHAPE(j + 1)));
    CTX(feat_mix(24, i == 0, x->shape, 0));
    CTX(feat_mix(25, t1, x->suf[2], 0));
    CTX(feat_mix(26, W(j + 1), W(j + 2), 0));
    CTX(feat_mix(27, t1, W(j + 1), 0));
    CTX(feat_mix(28, SHAPE(j + 1), x->suf[1], 0));
    CTX(feat_mix(29, W(j - 1), W(j + 1), 0));
    uint64_t lp = j > 0 ? wf[j - 1].lex : 1, ln = (size_t)j + 1 < n ? wf[j + 1].lex : 1;
    WORD(feat_mix(30, x->lex, 0, 0));
    WORD(feat_mix(31, x->lex1, x->suf[2], 0));
    CTX(feat_mix(32, x->lex, t1, 0));
    CTX(feat_mix(33, x->lex, ln, 0));
    CTX(feat_mix(34, lp, x->lex, 0));
    WORD(feat_mix(35, x->lex, x->shape, 0));
    CTX(feat_mix(36, ln, 0, 0));
    uint64_t ln2 = (size_t)j + 2 < n ? wf[j + 2].lex : 1;
    CTX(feat_mix(37, lp, x->lex, ln));
    CTX(feat_mix(38, ln, ln2, 0));
    CTX(feat_mix(39, W(j + 1), x->suf[2], 0));
    CTX(feat_mix(40, t1, x->lex, ln));
    CTX(feat_mix(41, t2, t1, x->lex));
    /* the HMM tagger, trained on news, as a second opinion */
    uint64_t hp = j > 0 ? wf[j - 1].hmm : 0, hn = (size_t)j + 1 < n ? wf[j + 1].hmm : 0;
    WORD(feat_mix(60, x->hmm, 0, 0));
    WORD(feat_mix(61, x->hmm, x->w, 0));
    CTX(feat_mix(62, hp, x->hmm, hn));
    CTX(feat_mix(63, x->hmm, t1, 0));
    WORD(feat_mix(64, x->hmm, x->lex, 0));
    WORD(feat_mix(65, x->hmm, x->suf[2], 0));
    CTX(feat_mix(66, hn, 0, 0));
    /* a clause needs its finite verb: "Police arrested five protesters" */
    uint64_t fl = (uint64_t)fin_left * 2 + x->fin_right;
    CTX(feat_mix(67, fl, x->lex, 0));
    CTX(feat_mix(68, fl, x->suf[1], t1));
    CTX(feat_mix(69, fl, x->hmm, 0));
    CTX(feat_mix(70, fl, x->w, 0));
    CTX(feat_mix(71, x->lex, t1, hn));     /* "crowds trashed its embassy" */
    CTX(feat_mix(72, x->lex, fl, hn));
    uint64_t wlp = j > 0 ? wf[j - 1].wl : 99, wln = (size_t)j + 1 < n ? wf[j + 1].wl : 99;
    WORD(feat_mix(50, x->wl, 0, 0));
    WORD(feat_mix(51, x->wl, x->lex, 0));
    CTX(feat_mix(52, x->wl, t1, 0));
    CTX(feat_mix(53, wlp, x->wl, wln));
    WORD(feat_mix(54, x->wl, x->suf[1], 0));
    CTX(feat_mix(55, x->wl, i == 0, 0));
#undef W
#undef SUF3
#undef WORD
#undef CTX
#undef SHAPE
    return k;
}

/* ---- the parser's state ---- */

typedef struct PState {
    int n;              /* words 1..n; n + 1 is the root, at the buffer's end */
    int *stack, sp;
    int b;              /* first word of the buffer */
    int *head;          /* 0: none yet */
    uint8_t *lab;
    int *lc1, *lc2, *rc1, *rc2;     /* leftmost, second leftmost, rightmost ... children */
    uint8_t *nl, *nr;               /* left, right children */
    uint64_t *lset, *rset;          /* labels of left, right children */
} PState;

static void state_init(PState *st, int n, Arena *a)
{
    size_t m = (size_t)n + 2;
    st->n = n;
    st->stack = arena_alloc(a, m * sizeof(int));
    st->sp = 0;
    st->b = 1;
    st->head = arena_alloc(a, m * sizeof(int));
    st->lab = arena_alloc(a, m);
    st->lc1 = arena_alloc(a, m * sizeof(int));
    st->lc2 = arena_alloc(a, m * sizeof(int));
    st->rc1 = arena_alloc(a, m * sizeof(int));
    st->rc2 = arena_alloc(a, m * sizeof(int));
    st->nl = arena_alloc(a, m);
    st->nr = arena_alloc(a, m);
    st->lset = arena_alloc(a, m * sizeof(uint64_t));
    st->rset = arena_alloc(a, m * sizeof(uint64_t));
}

/* dst (made by state_init for as many words) becomes a copy of src. */
static void state_copy(PState *dst, const PState *src)
{
    size_t m = (size_t)src->n + 2;
    dst->sp = src->sp;
    dst->b = src->b;
    memcpy(dst->stack, src->stack, (size_t)src->sp * sizeof(int));
    memcpy(dst->head, src->head, m * sizeof(int));
    memcpy(dst->lab, src->lab, m);
    memcpy(dst->lc1, src->lc1, m * sizeof(int));
    memcpy(dst->lc2, src->lc2, m * sizeof(int));
    memcpy(dst->rc1, src->rc1, m * sizeof(int));
    memcpy(dst->rc2, src->rc2, m * sizeof(int));
    memcpy(dst->nl, src->nl, m);
    memcpy(dst->nr, src->nr, m);
    memcpy(dst->lset, src->lset, m * sizeof(uint64_t));
    memcpy(dst->rset, src->rset, m * sizeof(uint64_t));
}

enum { SHIFT, REDUCE, LEFT, RIGHT, NMOVES };

static void add_arc(PState *st, int h, int d, int l)
{
    st->head[d] = h;
    st->lab[d] = (uint8_t)l;
    if (d < h) {
        if (!st->lc1[h] || d < st->lc1[h]) st->lc2[h] = st->lc1[h], st->lc1[h] = d;
        else if (!st->lc2[h] || d < st->lc2[h]) st->lc2[h] = d;
        if (st->nl[h] < 255) st->nl[h]++;
        st->lset[h] |= 1ull << (l & 63);
    } else {
        if (!st->rc1[h] || d > st->rc1[h]) st->rc2[h] = st->rc1[h], st->rc1[h] = d;
        else if (!st->rc2[h] || d > st->rc2[h]) st->rc2[h] = d;
        if (st->nr[h] < 255) st->nr[h]++;
        st->rset[h] |= 1ull << (l & 63);
    }
}

/* Make move t; an arc gets relation l. */
static void apply(PState *st, int t, int l)
{
    int s0 = st->sp ? st->stack[st->sp - 1] : 0;
    if (t == SHIFT) {
        st->stack[st->sp++] = st->b++;
    } else if (t == REDUCE) {
        st->sp--;
    } else if (t == LEFT) {             /* s0 <- b */
        add_arc(st, st->b, s0, l);
        st->sp--;
    } else {                            /* s0 -> b */
        add_arc(st, s0, st->b, l);
        st->stack[st->sp++] = st->b++;
    }
}

static int terminal(const PState *st) { return st->b == st->n + 1 && st->sp == 0; }

/* Which moves are allowed: SHIFT, REDUCE, LEFT, RIGHT (labels apart). */
static void valid_moves(const PState *st, int ok[4])
{
    int s0 = st->sp ? st->stack[st->sp - 1] : 0, at_root = st->b == st->n + 1;
    ok[0] = !at_root;
    ok[1] = s0 && st->head[s0];
    ok[2] = s0 && !st->head[s0];
    ok[3] = s0 && !at_root;
}

/* ---- the parser's features (after Zhang and Nivre 2011, arc-eager) ---- */

typedef struct PCtx {
    const WordF *wf;
    const uint8_t *tag;
    int n;
    const UdWord *w;
    const uint8_t *verb;        /* per tag: a verb or auxiliary */
} PCtx;

#define NONE_W 0x9e3779b9ull
#define ROOT_W 0x7f4a7c15ull

static inline uint64_t WD(const PCtx *c, int i) { return !i ? NONE_W : i > c->n ? ROOT_W : c->wf[i - 1].w; }
static inline uint64_t TG(const PCtx *c, int i) { return !i ? 0 : i > c->n ? 255 : c->tag[i - 1] + 1u; }
static inline uint64_t LB(const PState *st, int i) { return i && st->head[i] ? st->lab[i] + 1u : 0; }

static uint64_t dist_bucket(int d) { return d <= 4 ? (uint64_t)d : d <= 7 ? 5 : d <= 12 ? 6 : 7; }

static size_t parse_features(const PCtx *c, const PState *st, uint64_t *f)
{
    size_t k = 0;
    int n = c->n;
    int s0 = st->sp ? st->stack[st->sp - 1] : 0, s1 = st->sp > 1 ? st->stack[st->sp - 2] : 0;
    int n0 = st->b <= n + 1 ? st->b : 0, n1 = n0 && n0 + 1 <= n + 1 ? n0 + 1 : 0,
        n2 = n1 && n1 + 1 <= n + 1 ? n1 + 1 : 0;
    int s0h = s0 ? st->head[s0] : 0, s0h2 = s0h && s0h <= n ? st->head[s0h] : 0;
    int s0l = s0 ? st->lc1[s0] : 0, s0r = s0 ? st->rc1[s0] : 0, s0l2 = s0 ? st->lc2[s0] : 0,
        s0r2 = s0 ? st->rc2[s0] : 0;
    int n0l = n0 ? st->lc1[n0] : 0, n0l2 = n0 ? st->lc2[n0] : 0;
    uint64_t s0w = WD(c, s0), s0p = TG(c, s0), n0w = WD(c, n0), n0p = TG(c, n0), n1w = WD(c, n1),
             n1p = TG(c, n1), n2w = WD(c, n2), n2p = TG(c, n2);
    uint64_t s0wp = s0w * 31 + s0p, n0wp = n0w * 31 + n0p, n1wp = n1w * 31 + n1p;
    uint64_t d = s0 && n0 ? (n0 > n ? 8 : dist_bucket(n0 - s0)) : 0;
    /* one word */
    f[k++] = feat_mix(1, s0wp, 0, 0);
    f[k++] = feat_mix(2, s0w, 0, 0);
    f[k++] = feat_mix(3, s0p, 0, 0);
    f[k++] = feat_mix(4, n0wp, 0, 0);
    f[k++] = feat_mix(5, n0w, 0, 0);
    f[k++] = feat_mix(6, n0p, 0, 0);
    f[k++] = feat_mix(7, n1wp, 0, 0);
    f[k++] = feat_mix(8, n1w, 0, 0);
    f[k++] = feat_mix(9, n1p, 0, 0);
    f[k++] = feat_mix(10, n2w * 31 + n2p, 0, 0);
    f[k++] = feat_mix(11, n2w, 0, 0);
    f[k++] = feat_mix(12, n2p, 0, 0);
    /* two words */
    f[k++] = feat_mix(13, s0wp, n0wp, 0);
    f[k++] = feat_mix(14, s0wp, n0w, 0);
    f[k++] = feat_mix(15, s0w, n0wp, 0);
    f[k++] = feat_mix(16, s0wp, n0p, 0);
    f[k++] = feat_mix(17, s0p, n0wp, 0);
    f[k++] = feat_mix(18, s0w, n0w, 0);
    f[k++] = feat_mix(19, s0p, n0p, 0);
    f[k++] = feat_mix(20, n0p, n1p, 0);
    /* three tags */
    f[k++] = feat_mix(21, n0p, n1p, n2p);
    f[k++] = feat_mix(22, s0p, n0p, n1p);
    f[k++] = feat_mix(23, TG(c, s0h), s0p, n0p);
    f[k++] = feat_mix(24, s0p, TG(c, s0l), n0p);
    f[k++] = feat_mix(25, s0p, TG(c, s0r), n0p);
    f[k++] = feat_mix(26, s0p, n0p, TG(c, n0l));
    /* distance */
    f[k++] = feat_mix(27, s0w, d, 0);
    f[k++] = feat_mix(28, s0p, d, 0);
    f[k++] = feat_mix(29, n0w, d, 0);
    f[k++] = feat_mix(30, n0p, d, 0);
    f[k++] = feat_mix(31, s0w, n0w, d);
    f[k++] = feat_mix(32, s0p, n0p, d);
    /* valency */
    uint64_t s0vr = s0 ? st->nr[s0] : 0, s0vl = s0 ? st->nl[s0] : 0, n0vl = n0 ? st->nl[n0] : 0;
    f[k++] = feat_mix(33, s0w, s0vr, 0);
    f[k++] = feat_mix(34, s0p, s0vr, 0);
    f[k++] = feat_mix(35, s0w, s0vl, 0);
    f[k++] = feat_mix(36, s0p, s0vl, 0);
    f[k++] = feat_mix(37, n0w, n0vl, 0);
    f[k++] = feat_mix(38, n0p, n0vl, 0);
    /* second-order: heads and children */
    f[k++] = feat_mix(39, WD(c, s0h), 0, 0);
    f[k++] = feat_mix(40, TG(c, s0h), 0, 0);
    f[k++] = feat_mix(41, LB(st, s0), 0, 0);
    f[k++] = feat_mix(42, WD(c, s0l), 0, 0);
    f[k++] = feat_mix(43, TG(c, s0l), 0, 0);
    f[k++] = feat_mix(44, LB(st, s0l), 0, 0);
    f[k++] = feat_mix(45, WD(c, s0r), 0, 0);
    f[k++] = feat_mix(46, TG(c, s0r), 0, 0);
    f[k++] = feat_mix(47, LB(st, s0r), 0, 0);
    f[k++] = feat_mix(48, WD(c, n0l), 0, 0);
    f[k++] = feat_mix(49, TG(c, n0l), 0, 0);
    f[k++] = feat_mix(50, LB(st, n0l), 0, 0);
    /* third-order */
    f[k++] = feat_mix(51, WD(c, s0h2), 0, 0);
    f[k++] = feat_mix(52, TG(c, s0h2), 0, 0);
    f[k++] = feat_mix(53, LB(st, s0h), 0, 0);
    f[k++] = feat_mix(54, WD(c, s0l2), 0, 0);
    f[k++] = feat_mix(55, TG(c, s0l2), 0, 0);
    f[k++] = feat_mix(56, LB(st, s0l2), 0, 0);
    f[k++] = feat_mix(57, WD(c, s0r2), 0, 0);
    f[k++] = feat_mix(58, TG(c, s0r2), 0, 0);
    f[k++] = feat_mix(59, LB(st, s0r2), 0, 0);
    f[k++] = feat_mix(60, WD(c, n0l2), 0, 0);
    f[k++] = feat_mix(61, TG(c, n0l2), 0, 0);
    f[k++] = feat_mix(62, LB(st, n0l2), 0, 0);
    f[k++] = feat_mix(63, s0p, TG(c, s0l), TG(c, s0l2));
    f[k++] = feat_mix(64, s0p, TG(c, s0r), TG(c, s0r2));
    f[k++] = feat_mix(65, s0p, TG(c, s0h), TG(c, s0h2));
    f[k++] = feat_mix(66, n0p, TG(c, n0l), TG(c, n0l2));
    /* label sets */
    uint64_t s0sr = s0 ? st->rset[s0] : 0, s0sl = s0 ? st->lset[s0] : 0, n0sl = n0 ? st->lset[n0] : 0;
    f[k++] = feat_mix(67, s0w, s0sr, 0);
    f[k++] = feat_mix(68, s0p, s0sr, 0);
    f[k++] = feat_mix(69, s0w, s0sl, 0);
    f[k++] = feat_mix(70, s0p, s0sl, 0);
    f[k++] = feat_mix(71, n0w, n0sl, 0);
    f[k++] = feat_mix(72, n0p, n0sl, 0);
    /* beyond: the second stack word, the words beside s0 and n0 */
    f[k++] = feat_mix(73, TG(c, s1), s0p, n0p);
    f[k++] = feat_mix(74, WD(c, s1), TG(c, s1), 0);
    f[k++] = feat_mix(75, s0p, s0 < n ? TG(c, s0 + 1) : 0, n0p);
    f[k++] = feat_mix(76, s0p, n0 > 1 ? TG(c, n0 - 1) : 0, n0p);
    f[k++] = feat_mix(77, s0 && st->head[s0] ? 1 : 2, s0p, n0p);
    f[k++] = feat_mix(78, s0w, n0p, n1p);
    f[k++] = feat_mix(79, n0w, n1p, s0p);
    /* what lies between s0 and n0: punctuation, verbs */
    uint64_t commas = 0, verbs = 0;
    if (s0 && n0 && n0 <= n)
        for (int i = s0 + 1; i < n0 && i - s0 < 40; i++) {
            const UdWord *x = &c->w[i - 1];
            commas += x->n == 1 && (x->s[0] == ',' || x->s[0] == ';' || x->s[0] == ':');
            verbs += c->verb && c->verb[c->tag[i - 1]];
        }
    if (commas > 3) commas = 3;
    if (verbs > 2) verbs = 2;
    f[k++] = feat_mix(80, s0p, n0p, commas);
    f[k++] = feat_mix(81, s0p, n0p, verbs * 4 + commas);
    f[k++] = feat_mix(82, s0p, n0p, n1p * 256 + n2p);
    f[k++] = feat_mix(83, LB(st, s0), n0p, s0p);
    f[k++] = feat_mix(84, LB(st, s0r), n0p, s0p);
    f[k++] = feat_mix(85, LB(st, n0l), n0p, s0p);
    f[k++] = feat_mix(86, s0w, n0w, n0p);
    f[k++] = feat_mix(87, TG(c, s1), WD(c, s1), n0p);
    f[k++] = feat_mix(88, s0 ? c->wf[s0 - 1].wl : 0, n0 && n0 <= n ? c->wf[n0 - 1].wl : 0, s0p * 256 + n0p);
    f[k++] = feat_mix(89, n0 && n0 <= n ? c->wf[n0 - 1].suf[2] : 0, s0p, n0p);
    /* a noun with its preposition and what it may hang from: "met in Paris", "talks in Paris" */
    uint64_t n0lw = WD(c, n0l);
    f[k++] = feat_mix(90, s0w, n0lw, n0w);
    f[k++] = feat_mix(91, s0p, n0lw, n0w);
    f[k++] = feat_mix(92, s0w, n0lw, n0p);
    return k;
}

/* The relation of the arc the move t (LEFT or RIGHT) makes: what the
 * two words are, which way, how far, and the children each has so far
 * ("arrested" with an aux:pass child takes an nsubj:pass). */
static size_t label_features(const PCtx *c, const PState *st, int t, uint64_t *f)
{
    size_t k = 0;
    int s0 = st->stack[st->sp - 1], b = st->b;
    int h = t == LEFT ? b : s0, d = t == LEFT ? s0 : b, n = c->n;
    uint64_t dir = (uint64_t)t, hw = WD(c, h), hp = TG(c, h), dw = WD(c, d), dp = TG(c, d);
    uint64_t dist = h > n ? 9 : dist_bucket(h > d ? h - d : d - h);
    uint64_t dsuf = c->wf[d - 1].suf[2];
    f[k++] = feat_mix(101, dir, 0, 0);
    f[k++] = feat_mix(102, hw, dir, 0);
    f[k++] = feat_mix(103, hp, dir, 0);
    f[k++] = feat_mix(104, dw, dir, 0);
    f[k++] = feat_mix(105, dp, dir, 0);
    f[k++] = feat_mix(106, hw, dp, dir);
    f[k++] = feat_mix(107, hp, dw, dir);
    f[k++] = feat_mix(108, hp, dp, dir);
    f[k++] = feat_mix(109, hw, dw, dir);
    f[k++] = feat_mix(110, hp * 131 + dp, dir, dist);
    f[k++] = feat_mix(111, dp, TG(c, st->lc1[d]), TG(c, st->rc1[d]));
    f[k++] = feat_mix(112, dp, st->lset[d], st->rset[d]);
    f[k++] = feat_mix(113, hp, st->lset[h], dir);
    f[k++] = feat_mix(114, hp, st->rset[h], dir);
    f[k++] = feat_mix(115, dp * 131 + hp, d > 1 ? TG(c, d - 1) : 0, d < n ? TG(c, d + 1) : 0);
    f[k++] = feat_mix(116, hp, TG(c, h <= n ? st->head[h] : 0), dp);
    f[k++] = feat_mix(117, dp, LB(st, st->lc1[d]), LB(st, st->lc2[d]));
    f[k++] = feat_mix(118, dw, LB(st, st->lc1[d]), 0);
    f[k++] = feat_mix(119, dsuf, dp, dir);
    f[k++] = feat_mix(120, hp, h <= n ? LB(st, h) : 0, dp);
    f[k++] = feat_mix(121, hw, dw, dp);
    f[k++] = feat_mix(122, dp, LB(st, st->rc1[d]), dir);
    f[k++] = feat_mix(123, hp, LB(st, st->lc1[h]), dp);
    f[k++] = feat_mix(124, dp, st->nl[d], st->nr[d]);
    f[k++] = feat_mix(125, hp * 131 + dp, TG(c, st->lc1[d]), dir);
    f[k++] = feat_mix(126, c->wf[d - 1].wl, dp, hp);
    /* the dependent's first word: "by the police" (obl:agent), "in May" */
    uint64_t fw = WD(c, st->lc1[d]);
    f[k++] = feat_mix(127, fw, hp, dir);
    f[k++] = feat_mix(128, fw, dp, 0);
    f[k++] = feat_mix(129, fw, hw, 0);
    f[k++] = feat_mix(130, fw, dw, 0);
    return k;
}

/* ---- running the model ---- */

static WordF *words_features(const Models *env, const UdWord *w, size_t n, int full, Arena *a)
{
    WordF *wf = arena_alloc(a, (n ? n : 1) * sizeof *wf);
    for (size_t i = 0; i < n; i++) word_features(env, &w[i], &wf[i], full);
    return wf;
}

/* The HMM tagger's tags (penn, or NULL to run it here) as features. */
static void hmm_features(const Models *env, WordF *wf, const UdWord *w, size_t n, const uint8_t *penn, Arena *a)
{
    if (!penn && n) {
        Token *tk = arena_alloc(a, n * sizeof *tk);
        for (size_t i = 0; i < n; i++) {
            tk[i].s = w[i].s;
            tk[i].n = w[i].n;
            token_lookup(&tk[i]);
        }
        tag_tokens(env->tagger, env->lemmas, tk, n);
        for (size_t i = 0; i < n; i++) wf[i].hmm = tk[i].hmm + 1u;
    } else {
        for (size_t i = 0; i < n; i++) wf[i].hmm = penn[i] + 1u;
    }
    uint64_t fin = 0;       /* a finite verb after i in its clause (up to a comma, "and", "that", ...) */
    for (size_t i = n; i-- > 0;) {
        wf[i].fin_right = fin;
        uint64_t t = wf[i].hmm - 1;
        if (t == T_IN || t == T_WDT || t == T_WP || t == T_WRB || t == T_CC || t == T_COMMA || t == T_COLON) fin = 0;
        fin |= t == T_VBD || t == T_VBZ || t == T_VBP || t == T_MD;
        if (wf[i].lex == REGULAR_ED && (t == T_VBD || t == T_VBN)) wf[i].hmm = 0x5eed;  /* its guess is the lexicon's */
    }
}

static int argmax_tag(const float *score, int ntag)
{
    int best = 0;
    for (int t = 1; t < ntag; t++)
        if (score[t] > score[best]) best = t;
    return best;
}

/* The weights of a word's own features (TF_WORD) summed, per form and
 * HMM tag: a news stream's words come back ("the", "said", its names),
 * and their 19 features are a third of the tagger's reads of the model.
 * The sums are integers, so the tags are the same with or without it.
 * Full, it keeps what it has (the words seen first, the common ones). */
enum { MEMO_SLOTS = 16384, MEMO_KEEP = MEMO_SLOTS / 4 * 3, MEMO_WORD = 32 };   /* slots (a power of two);
                                                                           words kept; longest form kept */

typedef struct MemoEntry {
    uint32_t text, n, hmm;  /* the form: memo->text + text, n bytes */
    int32_t *acc;           /* NULL: an empty slot */
} MemoEntry;

struct UdMemo {
    int ntag;
    uint32_t used;
    MemoEntry slot[MEMO_SLOTS];
    int32_t *acc;           /* ntag a filled slot, in order of filling */
    char *text;
    size_t text_used;
};

UdMemo *ud_memo_new(const UdModel *m)
{
    if (!m) return NULL;
    UdMemo *memo = calloc(1, sizeof *memo);
    if (!memo) return NULL;
    memo->ntag = m->ntag;
    memo->acc = malloc((size_t)MEMO_KEEP * (size_t)m->ntag * sizeof *memo->acc);
    memo->text = malloc((size_t)MEMO_KEEP * MEMO_WORD);
    if (!memo->acc || !memo->text) {
        ud_memo_free(memo);
        return NULL;
    }
    return memo;
}

void ud_memo_free(UdMemo *memo)
{
    if (!memo) return;
    free(memo->acc);
    free(memo->text);
    free(memo);
}

/* The entry of the word's form and HMM tag: found (*found 1), else made
 * with its sums zero, to fill, else NULL (full, or a long word).  hash:
 * the form's, as its features have it (WordF.cased). */
static MemoEntry *memo_slot(UdMemo *memo, const UdWord *w, uint64_t hash, uint32_t hmm, int *found)
{
    if (w->n > MEMO_WORD) return NULL;
    uint64_t h = hash ^ (uint64_t)hmm * 0x9e3779b97f4a7c15ull;
    h ^= h >> 29;
    for (uint32_t i = (uint32_t)h & (MEMO_SLOTS - 1);; i = (i + 1) & (MEMO_SLOTS - 1)) {
        MemoEntry *e = &memo->slot[i];
        if (!e->acc) {
            if (memo->used >= MEMO_KEEP) return NULL;
            *e = (MemoEntry){(uint32_t)memo->text_used, (uint32_t)w->n, hmm,
                             memo->acc + (size_t)memo->used * (size_t)memo->ntag};
            memcpy(memo->text + memo->text_used, w->s, w->n);
            memo->text_used += w->n;
            memo->used++;
            memset(e->acc, 0, (size_t)memo->ntag * sizeof *e->acc);
            *found = 0;
            return e;
        }
        if (e->hmm == hmm && e->n == w->n && !memcmp(memo->text + e->text, w->s, w->n)) {
            *found = 1;
            return e;
        }
    }
}

/* Tag words whose features are made (full, with the HMM's tags); memo may
 * be NULL. */
static void tag_words(const UdModel *m, const WordF *wf, const UdWord *w, size_t n, uint8_t *tag, UdMemo *memo)
{
    uint64_t f[MAX_FEAT];
    int32_t acc[256];
    float score[256];
    int fin = 0;
    for (size_t i = 0; i < n; i++) {
        int found = 0;
        MemoEntry *e = memo ? memo_slot(memo, &w[i], wf[i].cased, (uint32_t)wf[i].hmm, &found) : NULL;
        if (e && !found) pmodel_acc(&m->tagger, f, tag_features(wf, n, i, tag, fin, TF_WORD, f), e->acc);
        size_t k = tag_features(wf, n, i, tag, fin, e ? TF_CONTEXT : TF_ALL, f);
        if (e) memcpy(acc, e->acc, sizeof(int32_t) * (size_t)m->ntag);
        else memset(acc, 0, sizeof(int32_t) * (size_t)m->ntag);
        pmodel_acc(&m->tagger, f, k, acc);
        for (int c = 0; c < m->ntag; c++) score[c] = (float)acc[c] * m->tagger.scale;
        tag[i] = (uint8_t)argmax_tag(score, m->ntag);
        fin = m->finite[tag[i]] == 2 ? 0 : fin | m->finite[tag[i]];
    }
}

void ud_tag(const UdModel *m, const UdWord *w, size_t n, const uint8_t *penn, uint8_t *tag, UdMemo *memo,
            Arena *scratch)
{
    WordF *wf = words_features(m->env, w, n, 1, scratch);
    hmm_features(m->env, wf, w, n, penn, scratch);
    tag_words(m, wf, w, n, tag, memo);
}

/* The best allowed move by score. */
static int best_move(const PState *st, const float *score)
{
    int ok[4], best = -1;
    valid_moves(st, ok);
    for (int t = 0; t < NMOVES; t++)
        if (ok[t] && (best < 0 || score[t] > score[best])) best = t;
    return best;
}

/* The best relation for the arc of move t; "root" only toward the root. */
static int best_label(const PState *st, int t, const float *score, int nlabel, int root_label)
{
    if (t == LEFT && st->b == st->n + 1) return root_label;
    int best = -1;
    for (int l = 0; l < nlabel; l++)
        if (l != root_label && (best < 0 || score[l] > score[best])) best = l;
    return best;
}

/* Words attached to the root: the first stays the root, the others hang
 * from it (the parser can leave more than one). */
static void finish_tree(const PState *st, int *head, uint8_t *label, int root_label, int parataxis)
{
    int n = st->n, root = 0;
    for (int i = 1; i <= n; i++) {
        int h = st->head[i];
        if (h == n + 1 || h == 0) {
            if (!root) {
                root = i;
                head[i - 1] = 0;
                label[i - 1] = (uint8_t)root_label;
                continue;
            }
            head[i - 1] = root;
            label[i - 1] = (uint8_t)(parataxis >= 0 ? parataxis : root_label);
        } else {
            head[i - 1] = h;
            label[i - 1] = st->lab[i];
        }
    }
}

/* Parse tagged words whose features are made (the parser's at least). */
static void parse_words(const UdModel *m, const WordF *wf, const UdWord *w, const uint8_t *tag, size_t n, int *head,
                        uint8_t *label, Arena *scratch)
{
    PCtx c = {wf, tag, (int)n, w, m->verb};
    PState st;
    state_init(&st, (int)n, scratch);
    uint64_t f[MAX_FEAT];
    float score[256];
    while (!terminal(&st)) {
        size_t k = parse_features(&c, &st, f);
        memset(score, 0, sizeof(float) * NMOVES);
        pmodel_score(&m->moves, f, k, score);
        int t = best_move(&st, score), l = 0;
        if (t >= LEFT) {
            k = label_features(&c, &st, t, f);
            memset(score, 0, sizeof(float) * (size_t)m->nlabel);
            pmodel_score(&m->labels, f, k, score);
            l = best_label(&st, t, score, m->nlabel, m->root_label);
        }
        apply(&st, t, l);
    }
    finish_tree(&st, head, label, m->root_label, m->parataxis_label);
}

/* ---- beam search ---- */

typedef struct BCand {
    float score;
    int item, move, label;
} BCand;

/* The k best of nc candidates to the front, best first (ties: the earlier
 * item, then the lower move and relation: the same order on every run). */
static int cand_before(const BCand *x, const BCand *y)
{
    if (x->score != y->score) return x->score > y->score;
    if (x->item != y->item) return x->item < y->item;
    if (x->move != y->move) return x->move < y->move;
    return x->label < y->label;
}

static int top_k(BCand *c, int nc, int k)
{
    for (int i = 1; i < nc; i++) {
        BCand x = c[i];
        int j = i;
        while (j > 0 && cand_before(&x, &c[j - 1])) {
            c[j] = c[j - 1];
            j--;
        }
        c[j] = x;
    }
    return nc < k ? nc : k;
}

/* What scores moves and relations: the read-only models, or the
 * trainer's tables while training. */
typedef struct Scorer {
    const PModel *moves, *labels;
    const PTrain *tmoves, *tlabels;
    int nlabel, root_label;
} Scorer;

enum { ARC_LABELS = 2 };     /* relations tried for each arc a state can make */

/* Beam states often look alike where features look: the same words on
 * the stack and in the buffer with the same children.  Scores already
 * computed in this sentence are kept by the hash of their features. */
typedef struct MoveMemo {
    uint64_t key;       /* 0: empty */
    float s[NMOVES];
} MoveMemo;

typedef struct LabelMemo {
    uint64_t key;
    float s[ARC_LABELS], root;
    uint8_t best[ARC_LABELS], nb;
} LabelMemo;

typedef struct Beam {
    int k;
    PState *cur, *nxt;
    float *score, *nscore;
    BCand *cand;
    MoveMemo *mmemo;
    LabelMemo *lmemo;
    uint32_t memo_mask;
} Beam;

static uint64_t features_key(const uint64_t *f, size_t n, uint64_t salt)
{
    uint64_t h = salt * 0x9e3779b97f4a7c15ull + n;
    for (size_t i = 0; i < n; i++) h = (h ^ f[i]) * 0x100000001b3ull, h ^= h >> 29;
    return h | 1;
}

static void beam_init(Beam *b, int k, int n, Arena *a)
{
    b->k = k;
    b->cur = arena_alloc(a, (size_t)k * sizeof *b->cur);
    b->nxt = arena_alloc(a, (size_t)k * sizeof *b->nxt);
    for (int i = 0; i < k; i++) state_init(&b->cur[i], n, a), state_init(&b->nxt[i], n, a);
    b->score = arena_alloc(a, (size_t)k * sizeof *b->score);
    b->nscore = arena_alloc(a, (size_t)k * sizeof *b->nscore);
    b->cand = arena_alloc(a, (size_t)k * (2 + 2 * ARC_LABELS) * sizeof *b->cand);
    uint32_t want = (uint32_t)(2 * n + 2) * (uint32_t)k * 2, size = 64;
    while (size < want && size < 8192) size <<= 1;
    b->memo_mask = size - 1;
    b->mmemo = arena_alloc(a, size * sizeof *b->mmemo);
    b->lmemo = arena_alloc(a, 2 * size * sizeof *b->lmemo);
}

static void score_with(const PModel *m, const PTrain *t, const uint64_t *f, size_t n, float *score)
{
    if (m) pmodel_score(m, f, n, score);
    else ptrain_score(t, f, n, score);
}

/* The candidates of one step: every allowed move of every state kept, an
 * arc with each of its ARC_LABELS best relations, scored by the moves'
 * and the relations' weights together. */
static int beam_expand(Beam *b, int nitem, const PCtx *c, const Scorer *sc)
{
    uint64_t f[MAX_FEAT];
    float ls[256];
    int nc = 0;
    for (int i = 0; i < nitem; i++) {
        const PState *st = &b->cur[i];
        size_t k = parse_features(c, st, f);
        uint64_t key = features_key(f, k, 0);
        MoveMemo *mm = &b->mmemo[key & b->memo_mask];
        if (mm->key != key) {
            mm->key = key;
            memset(mm->s, 0, sizeof mm->s);
            score_with(sc->moves, sc->tmoves, f, k, mm->s);
        }
        int ok[4];
        valid_moves(st, ok);
        for (int t = 0; t < NMOVES; t++) {
            if (!ok[t]) continue;
            float base = b->score[i] + mm->s[t];
            if (t < LEFT) {
                b->cand[nc++] = (BCand){base, i, t, 0};
                continue;
            }
            k = label_features(c, st, t, f);
            key = features_key(f, k, (uint64_t)t);
            LabelMemo *lm = &b->lmemo[key & (2 * b->memo_mask + 1)];
            if (lm->key != key) {
                lm->key = key;
                memset(ls, 0, sizeof(float) * (size_t)sc->nlabel);
                score_with(sc->labels, sc->tlabels, f, k, ls);
                lm->root = ls[sc->root_label];
                int nb = 0;
                for (int l = 0; l < sc->nlabel; l++) {
                    if (l == sc->root_label) continue;
                    int j = nb < ARC_LABELS ? nb++ : ARC_LABELS;
                    if (j == ARC_LABELS && ls[l] <= lm->s[ARC_LABELS - 1]) continue;
                    if (j == ARC_LABELS) j = ARC_LABELS - 1;
                    while (j > 0 && ls[l] > lm->s[j - 1]) lm->best[j] = lm->best[j - 1], lm->s[j] = lm->s[j - 1], j--;
                    lm->best[j] = (uint8_t)l;
                    lm->s[j] = ls[l];
                }
                lm->nb = (uint8_t)nb;
            }
            if (t == LEFT && st->b == st->n + 1) {
                b->cand[nc++] = (BCand){base + lm->root, i, t, sc->root_label};
                continue;
            }
            for (int j = 0; j < lm->nb; j++) b->cand[nc++] = (BCand){base + lm->s[j], i, t, lm->best[j]};
        }
    }
    return nc;
}

/* Take the first nk candidates into the next beam; hist (when given)
 * records each new state's parent, move and relation. */
static void beam_advance(Beam *b, int nk, int *parent, uint8_t *move, uint8_t *lab)
{
    for (int j = 0; j < nk; j++) {
        const BCand *x = &b->cand[j];
        state_copy(&b->nxt[j], &b->cur[x->item]);
        apply(&b->nxt[j], x->move, x->label);
        b->nscore[j] = x->score;
        if (parent) parent[j] = x->item, move[j] = (uint8_t)x->move, lab[j] = (uint8_t)x->label;
    }
    PState *ts = b->cur;
    b->cur = b->nxt;
    b->nxt = ts;
    float *tf = b->score;
    b->score = b->nscore;
    b->nscore = tf;
}

static void parse_words_beam(const UdModel *m, const PModel *moves, const PModel *labels, const WordF *wf,
                             const UdWord *w, const uint8_t *tag, size_t n, int *head, uint8_t *label, Arena *scratch)
{
    PCtx c = {wf, tag, (int)n, w, m->verb};
    Scorer sc = {moves, labels, NULL, NULL, m->nlabel, m->root_label};
    Beam b;
    beam_init(&b, m->beam, (int)n, scratch);
    int nitem = 1;
    while (!terminal(&b.cur[0])) {
        int nc = beam_expand(&b, nitem, &c, &sc);
        nitem = top_k(b.cand, nc, b.k);
        beam_advance(&b, nitem, NULL, NULL, NULL);
    }
    finish_tree(&b.cur[0], head, label, m->root_label, m->parataxis_label);
}

/* Word i of n read backwards is word n + 1 - i; the root stays 0. */
static int mirror(int h, int n) { return h ? n + 1 - h : 0; }

UdTrainSet udtrain_reverse(const UdTrainSet *d, UdWord *word, uint8_t *tag, int *head, uint8_t *label)
{
    for (size_t s = 0; s < d->nsent; s++) {
        uint32_t f = d->first[s], n = d->len[s];
        for (uint32_t j = 0; j < n; j++) {
            uint32_t i = f + n - 1 - j, o = f + j;
            word[i] = d->word[o], tag[i] = d->tag[o], label[i] = d->label[o];
            head[i] = mirror(d->head[o], (int)n);
        }
    }
    UdTrainSet r = {d->nsent, d->first, d->len, word, tag, NULL, head, label};
    return r;
}

/* The right-to-left parser reads the words backwards. */
static void parse_words_rtl(const UdModel *m, const WordF *wf, const UdWord *w, const uint8_t *tag, size_t n,
                            int *head, uint8_t *label, Arena *scratch)
{
    WordF *rwf = arena_alloc(scratch, n * sizeof *rwf);
    UdWord *rw = arena_alloc(scratch, n * sizeof *rw);
    uint8_t *rtag = arena_alloc(scratch, n);
    int *rhead = arena_alloc(scratch, n * sizeof *rhead);
    for (size_t i = 0; i < n; i++) rwf[i] = wf[n - 1 - i], rw[i] = w[n - 1 - i], rtag[i] = tag[n - 1 - i];
    parse_words_beam(m, &m->rmoves, &m->rlabels, rwf, rw, rtag, n, rhead, label, scratch);
    for (size_t i = 0, j = n - 1; i < n; i++, j--) head[j] = mirror(rhead[i], (int)n);
    for (size_t i = 0, j = n - 1; i < j; i++, j--) {
        uint8_t x = label[i];
        label[i] = label[j], label[j] = x;
    }
}

enum { VOTE_MAX_WORDS = 160 };  /* longer sentences keep the first parser's tree */

/* ud_best_tree (Eisner 1996): spans [s, t] complete (c) or incomplete
 * (in), their head on the left (1) or the right (0). */
typedef struct Eisner {
    int n;
    const float *sc;
    float *c[2], *in[2];
    int *cb[2], *ib[2];
} Eisner;

#define EI(e, s, t) ((size_t)(s) * (size_t)((e)->n + 1) + (size_t)(t))

static void eisner_back(const Eisner *e, int s, int t, int dir, int complete, int *head)
{
    if (s >= t) return;
    if (complete) {
        int r = e->cb[dir][EI(e, s, t)];
        if (dir) eisner_back(e, s, r, 1, 0, head), eisner_back(e, r, t, 1, 1, head);
        else eisner_back(e, s, r, 0, 1, head), eisner_back(e, r, t, 0, 0, head);
    } else {
        int r = e->ib[dir][EI(e, s, t)];
        if (dir) head[t - 1] = s;
        else head[s - 1] = t;
        eisner_back(e, s, r, 1, 1, head);
        eisner_back(e, r + 1, t, 0, 1, head);
    }
}

void ud_best_tree(const float *sc, int n, int *head, Arena *a)
{
    Eisner e = {n, sc, {0}, {0}, {0}, {0}};
    size_t m = (size_t)(n + 1) * (size_t)(n + 1);
    for (int d = 0; d < 2; d++) {
        e.c[d] = arena_alloc(a, m * sizeof(float));
        e.in[d] = arena_alloc(a, m * sizeof(float));
        e.cb[d] = arena_alloc(a, m * sizeof(int));
        e.ib[d] = arena_alloc(a, m * sizeof(int));
    }
    for (int s = 1; s <= n; s++) e.c[0][EI(&e, s, s)] = e.c[1][EI(&e, s, s)] = 0;
    for (int len = 1; len < n; len++)
        for (int s = 1; s + len <= n; s++) {
            int t = s + len, br = s;
            float best = -1e30f;
            for (int r = s; r < t; r++) {
                float x = e.c[1][EI(&e, s, r)] + e.c[0][EI(&e, r + 1, t)];
                if (x > best) best = x, br = r;
            }
            e.in[0][EI(&e, s, t)] = best + sc[(size_t)t * (size_t)(n + 1) + (size_t)s];
            e.in[1][EI(&e, s, t)] = best + sc[(size_t)s * (size_t)(n + 1) + (size_t)t];
            e.ib[0][EI(&e, s, t)] = e.ib[1][EI(&e, s, t)] = br;
            best = -1e30f, br = s;
            for (int r = s; r < t; r++) {
                float x = e.c[0][EI(&e, s, r)] + e.in[0][EI(&e, r, t)];
                if (x > best) best = x, br = r;
            }
            e.c[0][EI(&e, s, t)] = best, e.cb[0][EI(&e, s, t)] = br;
            best = -1e30f, br = t;
            for (int r = s + 1; r <= t; r++) {
                float x = e.in[1][EI(&e, s, r)] + e.c[1][EI(&e, r, t)];
                if (x > best) best = x, br = r;
            }
            e.c[1][EI(&e, s, t)] = best, e.cb[1][EI(&e, s, t)] = br;
        }
    int root = 1;
    float best = -1e30f;
    for (int r = 1; r <= n; r++) {
        float x = e.c[0][EI(&e, 1, r)] + e.c[1][EI(&e, r, n)] + sc[r];
        if (x > best) best = x, root = r;
    }
    head[root - 1] = 0;
    eisner_back(&e, 1, root, 0, 1, head);
    eisner_back(&e, root, n, 1, 1, head);
}

/* The relation the parsers that hang word d from head vote for (each
 * with its weight; a tie goes to the parser of more weight).  The best
 * projective tree may hold an arc none of them made (where theirs cross):
 * it takes the first parser's relation for d. */
static uint8_t vote_label(int *const h[3], uint8_t *const l[3], const float weight[3], size_t d, int head)
{
    uint8_t best = l[0][d];
    float most = -1;
    for (int p = 0; p < 3; p++) {
        if (h[p][d] != head) continue;
        float sum = 0;
        for (int q = p; q < 3; q++) sum += h[q][d] == head && l[q][d] == l[p][d] ? weight[q] : 0;
        if (sum > most) most = sum, best = l[p][d];
    }
    return best;
}

/* The trees of the left-to-right and right-to-left beam parsers and of
 * the greedy parser vote on each word's head (the first parser's vote
 * weighs most: it breaks ties); the best projective tree of the votes
 * wins, and the parsers that made each of its arcs vote on its relation
 * in the same way. */
static void parse_vote(const UdModel *m, const WordF *wf, const UdWord *w, const uint8_t *tag, size_t n,
                       int *head, uint8_t *label, Arena *scratch)
{
    static const float weight[3] = {1.0f, 0.9f, 0.5f};
    int *h[3];
    uint8_t *l[3];
    for (int p = 0; p < 3; p++) {
        h[p] = arena_alloc(scratch, n * sizeof(int));
        l[p] = arena_alloc(scratch, n);
    }
    parse_words_beam(m, &m->bmoves, &m->blabels, wf, w, tag, n, h[0], l[0], scratch);
    if (n < 3 || n > VOTE_MAX_WORDS) {
        memcpy(head, h[0], n * sizeof *head), memcpy(label, l[0], n);
        return;
    }
    parse_words_rtl(m, wf, w, tag, n, h[1], l[1], scratch);
    parse_words(m, wf, w, tag, n, h[2], l[2], scratch);
    size_t d = 0;
    while (d < n && h[1][d] == h[0][d] && h[2][d] == h[0][d]) d++;
    if (d == n) /* the three trees agree */
        memcpy(head, h[0], n * sizeof *head);
    else {
        size_t stride = n + 1;
        float *sc = arena_alloc(scratch, stride * stride * sizeof *sc);
        memset(sc, 0, stride * stride * sizeof *sc);
        for (d = 0; d < n; d++)
            for (int p = 0; p < 3; p++) sc[(size_t)h[p][d] * stride + d + 1] += weight[p];
        ud_best_tree(sc, (int)n, head, scratch);
    }
    for (d = 0; d < n; d++) {
        uint8_t lab = vote_label(h, l, weight, d, head[d]);
        label[d] = head[d] ? (lab == m->root_label ? (uint8_t)(m->parataxis_label >= 0 ? m->parataxis_label : lab) : lab)
                           : (uint8_t)m->root_label;
    }
}

/* The beam parser when the beam asks for it and the model has one, else
 * the greedy parser. */
static void parse_tagged(const UdModel *m, const WordF *wf, const UdWord *w, const uint8_t *tag, size_t n, int *head,
                         uint8_t *label, Arena *scratch)
{
    if (m->beam > 1 && m->bmoves.slots && m->rmoves.slots && m->vote && m->moves.slots)
        parse_vote(m, wf, w, tag, n, head, label, scratch);
    else if (m->beam > 1 && m->bmoves.slots)
        parse_words_beam(m, &m->bmoves, &m->blabels, wf, w, tag, n, head, label, scratch);
    else parse_words(m, wf, w, tag, n, head, label, scratch);
}

void ud_parse(const UdModel *m, const UdWord *w, const uint8_t *tag, size_t n, int *head, uint8_t *label,
              Arena *scratch)
{
    if (!n || !ud_has_parser(m)) return;
    parse_tagged(m, words_features(m->env, w, n, 0, scratch), w, tag, n, head, label, scratch);
}

int ud_beam(const UdModel *m) { return m->beam; }
void ud_set_beam(UdModel *m, int k) { m->beam = k < 1 ? 1 : k > 64 ? 64 : k; }
void ud_set_vote(UdModel *m, int on) { m->vote = on && m->rmoves.slots; }

void parse_sentence(const UdModel *m, Sentence *s, UdMemo *memo, Arena *a)
{
    size_t n = s->ntok;
    if (!n || !m) return;
    UdWord *w = arena_alloc(a, n * sizeof *w);
    uint8_t *penn = arena_alloc(a, n), *tag = arena_alloc(a, n), *lab = arena_alloc(a, n);
    int *head = arena_alloc(a, n * sizeof *head);
    for (size_t i = 0; i < n; i++) {
        w[i] = (UdWord){s->tok[i].s, s->tok[i].n};
        penn[i] = s->tok[i].hmm;
    }
    WordF *wf = words_features(m->env, w, n, 1, a);     /* one set of features for tagger and parser */
    hmm_features(m->env, wf, w, n, penn, a);
    tag_words(m, wf, w, n, tag, memo);
    if (!ud_has_parser(m)) return;
    parse_tagged(m, wf, w, tag, n, head, lab, a);
    for (size_t i = 0; i < n; i++) {
        s->tok[i].head = (int16_t)(head[i] - 1);
        s->tok[i].rel = m->rel[lab[i] & 63];
    }
    s->parsed = 1;
}

/* ---- the model file ----
 *   "HUD3" ntag nlabel namesbytes (1 | beam << 8 | rtl << 16) | names
 *   (NUL-terminated: "XPOS UPOS" per tag, then labels), padded to 4 | the
 *   tagger model (percep.h) | the greedy parser's move and label models
 *   (absent while training the taggers) | with a beam (> 1), the beam
 *   parser's move and label models | with rtl 1, the right-to-left beam
 *   parser's */

#define UD_MAGIC 0x33445548u

/* verb: XPOS VB* or MD; finite: 1 for VBD, VBZ, VBP or MD, 2 for a
 * word that may open a clause of its own (IN, WDT, WP, WRB, CC, ',', ':') */
static void mark_verbs(uint8_t *verb, uint8_t *finite, const char *const *xpos_upos, int ntag)
{
    static const char *const fin[] = {"VBD", "VBZ", "VBP", "MD"};
    static const char *const open[] = {"IN", "WDT", "WP", "WRB", "CC", ",", ":"};
    for (int t = 0; t < ntag; t++) {
        const char *x = xpos_upos[t];
        size_t n = strcspn(x, " ");
        verb[t] = !strncmp(x, "VB", 2) || !strncmp(x, "MD", 2);
        finite[t] = 0;
        for (size_t i = 0; i < sizeof fin / sizeof *fin; i++)
            if (strlen(fin[i]) == n && !strncmp(x, fin[i], n)) finite[t] = 1;
        for (size_t i = 0; i < sizeof open / sizeof *open; i++)
            if (strlen(open[i]) == n && !strncmp(x, open[i], n)) finite[t] = 2;
    }
}

/* The Penn tag the rest of herodotus knows for an XPOS (EWT adds HYPH,
 * NFP, ADD, AFX, GW, XX to the Treebank's set). */
static int penn_of(const char *xpos)
{
    int t = tag_from_name(xpos, strlen(xpos));
    if (t) return t;
    if (!strcmp(xpos, "HYPH") || !strcmp(xpos, "NFP")) return T_COLON;
    if (!strcmp(xpos, "AFX")) return T_JJ;
    if (!strcmp(xpos, "ADD")) return T_NN;
    return T_FW;
}

static void model_index(UdModel *m)
{
    for (int l = 0; l < m->nlabel; l++) m->rel[l] = (uint8_t)rel_from_name(m->label[l]);
    for (int t = 0; t < m->ntag; t++) m->penn[t] = (uint8_t)penn_of(m->xpos[t]);
    mark_verbs(m->verb, m->finite, m->xpos, m->ntag);
    m->root_label = ud_label_id(m, "root");
    m->parataxis_label = ud_label_id(m, "parataxis");
}

static UdModel *model_from_memory(char *mem, size_t len, char *err, size_t errsz)
{
    const uint32_t *h = (const uint32_t *)(void *)mem;
    if (len < 20 || h[0] != UD_MAGIC) {
        snprintf(err, errsz, "not a herodotus parser model (or one of another version)");
        return NULL;
    }
    uint32_t ntag = h[1], nlabel = h[2], nb = h[3], npass = h[4];
    size_t off = 20 + ((nb + 3) & ~3u);
    uint32_t beam = npass >> 8 & 0xff;  /* the beam the parser was trained with (0: greedy) */
    uint32_t rtl = npass >> 16;     /* 1: a right-to-left beam parser follows the other */
    if (!ntag || ntag > 255 || !nlabel || nlabel > 63 || (npass & 0xff) != 1 || beam > 64 || rtl > 1 || (rtl && beam < 2) || !nb || off > len ||
        mem[20 + nb - 1] != '\0') {
        snprintf(err, errsz, "malformed parser model header");
        return NULL;
    }
    UdModel *m = calloc(1, sizeof *m);
    m->mem = mem;
    m->memlen = len;
    m->ntag = (int)ntag;
    m->nlabel = (int)nlabel;
    m->beam = beam ? (int)beam : 1;
    m->xpos = calloc(ntag, sizeof *m->xpos);
    m->upos = calloc(ntag, sizeof *m->upos);
    m->label = calloc(nlabel, sizeof *m->label);
    char *p = mem + 20, *end = mem + 20 + nb;
    for (uint32_t i = 0; i < ntag + nlabel; i++) {
        if (p >= end) goto bad;
        char *s = p;
        p += strlen(p) + 1;
        if (i < ntag) {
            char *sp = strchr(s, ' ');
            if (!sp) goto bad;
            *sp = '\0';
            m->xpos[i] = s;
            m->upos[i] = sp + 1;
        } else {
            m->label[i - ntag] = s;
        }
    }
    size_t used;
    used = pmodel_map(&m->tagger, mem + off, len - off);
    if (!used || m->tagger.nclass != ntag) goto bad;
    off += used;
    if (off < len) {
        used = pmodel_map(&m->moves, mem + off, len - off);
        if (!used || m->moves.nclass != NMOVES) goto bad;
        off += used;
        used = pmodel_map(&m->labels, mem + off, len - off);
        if (!used || m->labels.nclass != nlabel) goto bad;
        off += used;
        if (beam > 1) {     /* the beam parser's two models follow */
            used = pmodel_map(&m->bmoves, mem + off, len - off);
            if (!used || m->bmoves.nclass != NMOVES) goto bad;
            off += used;
            used = pmodel_map(&m->blabels, mem + off, len - off);
            if (!used || m->blabels.nclass != nlabel) goto bad;
            off += used;
        }
        if (rtl) {
            used = pmodel_map(&m->rmoves, mem + off, len - off);
            if (!used || m->rmoves.nclass != NMOVES) goto bad;
            off += used;
            used = pmodel_map(&m->rlabels, mem + off, len - off);
            if (!used || m->rlabels.nclass != nlabel) goto bad;
            m->vote = 1;
        }
    }
    model_index(m);
    if (m->root_label < 0) goto bad;
    return m;
bad:
    snprintf(err, errsz, "malformed parser model");
    m->mem = NULL;
    udmodel_free(m);
    return NULL;
}

/* The file's bytes: mapped (copy on write: the loader splits the names
 * in place), which costs a fifth of reading it into memory on this
 * machine, else read into a block of its own (a pipe, say).  *mapped
 * says which to release. */
static char *model_bytes(const char *path, size_t *len, int *mapped)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    struct stat st;
    char *mem = NULL;
    *mapped = 0;
    if (!fstat(fd, &st) && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            posix_madvise(p, (size_t)st.st_size, POSIX_MADV_WILLNEED);
            *len = (size_t)st.st_size;
            *mapped = 1;
            close(fd);
            return p;
        }
    }
    size_t cap = 1 << 20, n = 0;
    mem = malloc(cap);
    for (ssize_t k; mem; n += (size_t)k) {
        if (n == cap) {
            char *more = realloc(mem, cap *= 2);
            if (!more) break;
            mem = more;
        }
        k = read(fd, mem + n, cap - n);
        if (k <= 0) {
            close(fd);
            if (k < 0 || !n) break;
            *len = n;
            return mem;
        }
    }
    free(mem);
    close(fd);
    return NULL;
}

UdModel *udmodel_load(const char *path, const Models *env, char *err, size_t errsz)
{
    size_t len = 0;
    int mapped = 0;
    errno = 0;
    char *mem = model_bytes(path, &len, &mapped);
    if (!mem) {
        snprintf(err, errsz, errno == ENOENT || errno == EACCES || errno == EISDIR ? "%s: cannot open the parser model"
                                                                                   : "%s: cannot read the parser model",
                 path);
        return NULL;
    }
    char e2[128];
    UdModel *m = model_from_memory(mem, len, e2, sizeof e2);
    if (!m) {
        if (mapped) munmap(mem, len);
        else free(mem);
        snprintf(err, errsz, "%s: %s", path, e2);
    } else {
        m->env = env;
        m->mapped = mapped;
    }
    return m;
}

void udmodel_free(UdModel *m)
{
    if (!m) return;
    if (m->mapped) munmap(m->mem, m->memlen);
    else free(m->mem);
    free(m->xpos);
    free(m->upos);
    free(m->label);
    free(m);
}

int ud_ntags(const UdModel *m) { return m->ntag; }
int ud_has_parser(const UdModel *m) { return m->moves.slots != 0 || m->bmoves.slots != 0; }
int ud_nlabels(const UdModel *m) { return m->nlabel; }
const char *ud_xpos(const UdModel *m, int t) { return t >= 0 && t < m->ntag ? m->xpos[t] : "_"; }
const char *ud_upos(const UdModel *m, int t) { return t >= 0 && t < m->ntag ? m->upos[t] : "_"; }
const char *ud_label(const UdModel *m, int l) { return l >= 0 && l < m->nlabel ? m->label[l] : "_"; }
int ud_penn_tag(const UdModel *m, int t) { return t >= 0 && t < m->ntag ? m->penn[t] : 0; }

int ud_label_id(const UdModel *m, const char *name)
{
    for (int l = 0; l < m->nlabel; l++)
        if (!strcmp(m->label[l], name)) return l;
    return -1;
}

/* ---- training ---- */

struct UdTrainer {
    const Models *env;
    const char *const *tags, *const *labels;
    int ntag, nlabel, root_label;
    int beam;           /* the beam the parser trains with (1: greedy, dynamic oracle) */
    PTrain *tagt, *movet, *labelt;      /* the tagger; the greedy parser */
    PTrain *bmovet, *blabelt;           /* the beam parser */
    PTrain *rmovet, *rlabelt;           /* the right-to-left beam parser */
    int rtl;                            /* it has been trained */
    Arena rarena;                       /* its scratch (the two beam parsers may train at once) */
    uint8_t verb[256], finite[256];
    float prune_abs[2];         /* the parsers' weights written (greedy, beam): |average| at least this */
    uint32_t prune_updates[2];  /* of features in at least this many updates */
    Arena arena;
};

UdTrainer *udtrain_new(const Models *env, const char *const *tags, int ntags, const char *const *labels, int nlabels)
{
    UdTrainer *t = calloc(1, sizeof *t);
    t->env = env;
    t->tags = tags;
    t->ntag = ntags;
    t->labels = labels;
    t->nlabel = nlabels;
    t->root_label = -1;
    t->beam = 1;
    for (int l = 0; l < nlabels; l++)
        if (!strcmp(labels[l], "root")) t->root_label = l;
    t->tagt = ptrain_new((uint32_t)ntags);
    mark_verbs(t->verb, t->finite, tags, ntags);
    /* features in few updates are mostly noise in the parsers but not in
     * the tagger (those updated once: 0.15 XPOS on EWT dev): the greedy
     * parser's moves keep those of four updates or more (11 to 5 MB; dev
     * UAS -0.05 at three, -0.15 at five), its relations those of two
     * (LAS -0.4 at four); a beam's global updates touch four times the
     * features, and those in fewer than ten updates or averaging under 1
     * go (-0.2 UAS, 41 to 11 MB) */
    t->prune_abs[0] = 1e-3f;
    t->prune_updates[0] = 4;
    t->prune_abs[1] = 1.0f;
    t->prune_updates[1] = 10;
    t->movet = ptrain_new(NMOVES);
    t->labelt = ptrain_new((uint32_t)nlabels);
    t->bmovet = ptrain_new(NMOVES);
    t->blabelt = ptrain_new((uint32_t)nlabels);
    t->rmovet = ptrain_new(NMOVES);
    t->rlabelt = ptrain_new((uint32_t)nlabels);
    arena_init(&t->arena);
    arena_init(&t->rarena);
    return t;
}

void udtrain_free(UdTrainer *t)
{
    if (!t) return;
    ptrain_free(t->tagt);
    ptrain_free(t->movet);
    ptrain_free(t->labelt);
    ptrain_free(t->bmovet);
    ptrain_free(t->blabelt);
    ptrain_free(t->rmovet);
    ptrain_free(t->rlabelt);
    arena_free(&t->arena);
    arena_free(&t->rarena);
    free(t);
}

void udtrain_reset_tagger(UdTrainer *t)
{
    ptrain_free(t->tagt);
    t->tagt = ptrain_new((uint32_t)t->ntag);
}

static uint64_t rng_next(uint64_t *s)
{
    *s += 0x9e3779b97f4a7c15ull;
    uint64_t z = *s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void shuffle(uint32_t *v, size_t n, uint64_t *seed)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng_next(seed) % i);
        uint32_t x = v[i - 1];
        v[i - 1] = v[j];
        v[j] = x;
    }
}

void udtrain_tagger(UdTrainer *t, const UdTrainSet *d, const uint32_t *sents, size_t nsents, int epochs,
                    uint64_t seed)
{
    PTrain *pt = t->tagt;
    uint32_t *order = malloc(nsents * sizeof *order);
    memcpy(order, sents, nsents * sizeof *order);
    uint64_t f[MAX_FEAT];
    float score[256];
    for (int e = 0; e < epochs; e++) {
        shuffle(order, nsents, &seed);
        for (size_t k = 0; k < nsents; k++) {
            uint32_t s = order[k], n = d->len[s];
            const UdWord *w = d->word + d->first[s];
            const uint8_t *gold = d->tag + d->first[s];
            arena_reset(&t->arena);
            WordF *wf = words_features(t->env, w, n, 1, &t->arena);
            hmm_features(t->env, wf, w, n, d->penn ? d->penn + d->first[s] : NULL, &t->arena);
            uint8_t *pred = arena_alloc(&t->arena, n + 1);
            int fin = 0;
            for (uint32_t i = 0; i < n; i++) {
                size_t nf = tag_features(wf, n, i, pred, fin, TF_ALL, f);
                memset(score, 0, sizeof(float) * (size_t)t->ntag);
                ptrain_score(pt, f, nf, score);
                int p = argmax_tag(score, t->ntag);
                ptrain_update(pt, f, nf, gold[i], (uint32_t)p);
                ptrain_tick(pt);
                pred[i] = (uint8_t)p;
                fin = t->finite[p] == 2 ? 0 : fin | t->finite[p];
            }
        }
    }
    free(order);
}

/* Make a gold tree projective by lifting each crossing arc to the head's
 * head until none crosses (the oracle below needs projective trees). */
static void projectivize(int *gh, int n)
{
    for (int changed = 1; changed;) {
        changed = 0;
        for (int d = 1; d <= n && !changed; d++) {
            int h = gh[d], lo = d < h ? d : h, hi = d < h ? h : d;
            for (int k = lo + 1; k < hi; k++) {
                int a = k;          /* is k dominated by h? */
                int steps = 0;
                while (a != h && a != n + 1 && steps++ <= n) a = gh[a];
                if (a != h) {
                    if (h != n + 1) {
                        gh[d] = gh[h];
                        changed = 1;
                    }
                    break;
                }
            }
        }
    }
}

/* The dynamic oracle's cost of each move (Goldberg and Nivre 2012): gold
 * arcs that become unreachable.  gh: gold heads (n + 1 for the root). */
static void move_costs(const PState *st, const int *gh, const uint8_t *gl, int cost[4], int *left_label,
                       int *right_label)
{
    int n = st->n, b = st->b, s0 = st->sp ? st->stack[st->sp - 1] : 0;
    *left_label = *right_label = -1;
    /* SHIFT: b loses heads and dependents in the stack */
    int c = 0, head_in_stack = 0;
    for (int i = 0; i < st->sp; i++) {
        int k = st->stack[i];
        if (gh[b] == k) c++, head_in_stack = 1;
        if (gh[k] == b && !st->head[k]) c++;
    }
    cost[SHIFT] = b <= n ? c : 1000;
    /* REDUCE: s0 loses its dependents in the buffer */
    c = 0;
    if (s0)
        for (int k = b; k <= n; k++)
            if (gh[k] == s0) c++;
    cost[REDUCE] = c;
    /* LEFT: s0 takes b as head; loses a head in the buffer beyond b, and
     * its dependents in the buffer */
    c = 0;
    if (s0) {
        if (gh[s0] != b && gh[s0] >= b) c++;
        for (int k = b; k <= n + 1; k++)
            if (gh[k] == s0) c++;
        if (gh[s0] == b) *left_label = gl[s0];
    }
    cost[2] = c;
    /* RIGHT: b takes s0 as head; loses another head in the stack or the
     * buffer, and its dependents in the stack */
    c = 0;
    if (s0 && b <= n) {
        if (gh[b] != s0 && (gh[b] >= b || head_in_stack)) c++;
        for (int i = 0; i < st->sp; i++) {
            int k = st->stack[i];
            if (gh[k] == b && !st->head[k]) c++;
        }
        if (gh[b] == s0) *right_label = gl[b];
    }
    cost[3] = c;
}

/* The sentences in an epoch's order (seeded: *rs goes on to draw the
 * epoch's other choices); free it. */
static uint32_t *epoch_order(const UdTrainSet *d, int epoch, uint64_t seed, uint64_t *rs)
{
    uint32_t *order = malloc(d->nsent * sizeof *order);
    for (uint32_t s = 0; s < d->nsent; s++) order[s] = s;
    *rs = seed ^ ((uint64_t)epoch * 0x2545f4914f6cdd1dull);
    shuffle(order, d->nsent, rs);
    return order;
}

/* Sentence s of the training set in arena a: its words for
 * the features (*c) and its gold tree made projective: gh the heads (n + 1
 * the root), gl the relations. */
static void gold_sentence(UdTrainer *t, Arena *a, const UdTrainSet *d, uint32_t s, PCtx *c, int **gh, uint8_t **gl)
{
    int n = (int)d->len[s];
    arena_reset(a);
    *c = (PCtx){words_features(t->env, d->word + d->first[s], (size_t)n, 0, a), d->tag + d->first[s], n,
                d->word + d->first[s], t->verb};
    *gh = arena_alloc(a, (size_t)(n + 2) * sizeof **gh);
    *gl = arena_alloc(a, (size_t)n + 2);
    for (int i = 1; i <= n; i++) {
        int h = d->head[d->first[s] + (uint32_t)i - 1];
        (*gh)[i] = h ? h : n + 1;
        (*gl)[i] = d->label[d->first[s] + (uint32_t)i - 1];
    }
    projectivize(*gh, n);
}

void udtrain_parser_epoch(UdTrainer *t, const UdTrainSet *d, int epoch, double explore, uint64_t seed)
{
    uint64_t rs;
    uint32_t *order = epoch_order(d, epoch, seed, &rs);
    uint64_t f[MAX_FEAT], lf[MAX_FEAT];
    float score[256];
    for (size_t k = 0; k < d->nsent; k++) {
        uint32_t s = order[k];
        int n = (int)d->len[s];
        if (!n) continue;
        PCtx c;
        int *gh;
        uint8_t *gl;
        gold_sentence(t, &t->arena, d, s, &c, &gh, &gl);
        PState st;
        state_init(&st, n, &t->arena);
        while (!terminal(&st)) {
            size_t nf = parse_features(&c, &st, f);
            memset(score, 0, sizeof(float) * NMOVES);
            ptrain_score(t->movet, f, nf, score);
            int pred = best_move(&st, score);
            int cost[4], ll, rl, ok[4];
            move_costs(&st, gh, gl, cost, &ll, &rl);
            valid_moves(&st, ok);
            int gold = -1;          /* the best-scoring move of zero cost */
            for (int m = 0; m < NMOVES; m++)
                if (ok[m] && !cost[m] && (gold < 0 || score[m] > score[gold])) gold = m;
            if (gold < 0) gold = pred;      /* every move loses something: follow the model */
            if (cost[pred] > 0) ptrain_update(t->movet, f, nf, (uint32_t)gold, (uint32_t)pred);
            ptrain_tick(t->movet);
            int next = gold;
            if (cost[pred] > 0 && explore > 0 && (double)(rng_next(&rs) >> 11) / 9007199254740992.0 < explore)
                next = pred;
            int l = 0;
            if (next >= LEFT) {     /* the relation, learnt on arcs of the gold tree */
                int want = next == LEFT ? ll : rl;
                size_t nl = label_features(&c, &st, next, lf);
                memset(score, 0, sizeof(float) * (size_t)t->nlabel);
                ptrain_score(t->labelt, lf, nl, score);
                l = best_label(&st, next, score, t->nlabel, t->root_label);
                if (want >= 0) {
                    ptrain_update(t->labelt, lf, nl, (uint32_t)want, (uint32_t)l);
                    ptrain_tick(t->labelt);
                    l = want;
                }
            }
            apply(&st, next, l);
        }
    }
    free(order);
}

/* The gold move of a state (the first of no cost: LEFT, RIGHT, REDUCE,
 * SHIFT) and the relation of its arc. */
static int static_oracle(const PState *st, const int *gh, const uint8_t *gl, int *label)
{
    int cost[4], ll, rl, ok[4];
    move_costs(st, gh, gl, cost, &ll, &rl);
    valid_moves(st, ok);
    static const int order[4] = {LEFT, RIGHT, REDUCE, SHIFT};
    for (int i = 0; i < 4; i++) {
        int t = order[i];
        if (ok[t] && !cost[t]) {
            *label = t == LEFT ? ll : t == RIGHT ? rl : 0;
            if (*label < 0) *label = 0;
            return t;
        }
    }
    for (int i = 0; i < 4; i++)
        if (ok[order[i]]) return *label = 0, order[i];
    return *label = 0, SHIFT;
}

void udtrain_set_prune(UdTrainer *t, int beam_parser, float min_abs, uint32_t min_updates)
{
    t->prune_abs[!!beam_parser] = min_abs;
    t->prune_updates[!!beam_parser] = min_updates;
}

void udtrain_set_beam(UdTrainer *t, int k) { t->beam = k < 1 ? 1 : k > 64 ? 64 : k; }

/* One epoch of global training with a beam (Zhang and Clark 2008; the
 * update at the step of largest violation, Huang et al. 2012): the gold
 * sequence of moves against the best sequence in the beam. */
void udtrain_parser_epoch_beam(UdTrainer *t, const UdTrainSet *d, int epoch, uint64_t seed, int rtl)
{
    PTrain *movet = rtl ? t->rmovet : t->bmovet, *labelt = rtl ? t->rlabelt : t->blabelt;
    if (rtl) t->rtl = 1;
    uint64_t rs;
    uint32_t *order = epoch_order(d, epoch, seed, &rs);
    uint64_t f[MAX_FEAT];
    float score[NMOVES];
    for (size_t si = 0; si < d->nsent; si++) {
        uint32_t s = order[si];
        int n = (int)d->len[s];
        if (!n) continue;
        PCtx c;
        int *gh;
        uint8_t *gl;
        Arena *a = rtl ? &t->rarena : &t->arena;
        gold_sentence(t, a, d, s, &c, &gh, &gl);
        int k = t->beam;
        int steps = 2 * n;
        uint8_t *gmove = arena_alloc(a, (size_t)steps), *glab = arena_alloc(a, (size_t)steps);
        int *par = arena_alloc(a, (size_t)steps * (size_t)k * sizeof *par);
        uint8_t *mv = arena_alloc(a, (size_t)steps * (size_t)k), *lb = arena_alloc(a, (size_t)steps * (size_t)k);
        uint8_t *isgold = arena_alloc(a, (size_t)k), *nisgold = arena_alloc(a, (size_t)k);
        PState g;
        state_init(&g, n, a);
        Beam b;
        beam_init(&b, k, n, a);
        int nitem = 1;
        isgold[0] = 1;
        double gscore = 0, maxv = -1;
        int tstar = -1;
        Scorer sc = {NULL, NULL, movet, labelt, t->nlabel, t->root_label};
        uint64_t lf[MAX_FEAT];
        float ls[256];
        for (int step = 0; step < steps && !terminal(&g); step++) {
            int glabel, gm = static_oracle(&g, gh, gl, &glabel);
            size_t nf = parse_features(&c, &g, f);
            memset(score, 0, sizeof score);
            ptrain_score(movet, f, nf, score);
            gscore += score[gm];
            if (gm >= LEFT) {
                size_t nl = label_features(&c, &g, gm, lf);
                memset(ls, 0, sizeof(float) * (size_t)t->nlabel);
                ptrain_score(labelt, lf, nl, ls);
                gscore += ls[glabel];
            }
            gmove[step] = (uint8_t)gm;
            glab[step] = (uint8_t)glabel;
            apply(&g, gm, glabel);
            int nc = beam_expand(&b, nitem, &c, &sc);
            nitem = top_k(b.cand, nc, k);
            for (int j = 0; j < nitem; j++)
                nisgold[j] = isgold[b.cand[j].item] && b.cand[j].move == gm &&
                             (gm < LEFT || b.cand[j].label == glabel);
            beam_advance(&b, nitem, par + (size_t)step * (size_t)k, mv + (size_t)step * (size_t)k,
                         lb + (size_t)step * (size_t)k);
            memcpy(isgold, nisgold, (size_t)nitem);
            if (!isgold[0] && b.score[0] - gscore >= 0 && b.score[0] - gscore >= maxv) {
                maxv = b.score[0] - gscore;
                tstar = step;
            }
        }
        ptrain_tick(movet);
        ptrain_tick(labelt);
        if (tstar < 0) continue;
        /* the predicted sequence up to tstar, from the back pointers */
        uint8_t *pm = arena_alloc(a, (size_t)tstar + 1), *pl = arena_alloc(a, (size_t)tstar + 1);
        for (int step = tstar, j = 0; step >= 0; step--) {
            pm[step] = mv[(size_t)step * (size_t)k + (size_t)j];
            pl[step] = lb[(size_t)step * (size_t)k + (size_t)j];
            j = par[(size_t)step * (size_t)k + (size_t)j];
        }
        int p = 0;
        while (p <= tstar && pm[p] == gmove[p] && pl[p] == glab[p]) p++;
        PState gs, ps;
        state_init(&gs, n, a);
        state_init(&ps, n, a);
        for (int step = 0; step < p; step++) apply(&gs, gmove[step], glab[step]);
        state_copy(&ps, &gs);
        for (int step = p; step <= tstar; step++) {
            size_t ng = parse_features(&c, &gs, f);
            ptrain_add(movet, f, ng, gmove[step], 1.0f);
            if (gmove[step] >= LEFT) {
                ng = label_features(&c, &gs, gmove[step], lf);
                ptrain_add(labelt, lf, ng, glab[step], 1.0f);
            }
            apply(&gs, gmove[step], glab[step]);
            size_t np = parse_features(&c, &ps, f);
            ptrain_add(movet, f, np, pm[step], -1.0f);
            if (pm[step] >= LEFT) {
                np = label_features(&c, &ps, pm[step], lf);
                ptrain_add(labelt, lf, np, pl[step], -1.0f);
            }
            apply(&ps, pm[step], pl[step]);
        }
    }
    free(order);
}

static int write_model(UdTrainer *t, FILE *out, int with_parser)
{
    size_t nb = 0;
    for (int i = 0; i < t->ntag; i++) nb += strlen(t->tags[i]) + 1;
    for (int i = 0; i < t->nlabel; i++) nb += strlen(t->labels[i]) + 1;
    uint32_t h[5] = {UD_MAGIC, (uint32_t)t->ntag, (uint32_t)t->nlabel, (uint32_t)nb,
                     1u | (uint32_t)(with_parser && t->beam > 1 ? t->beam : 0) << 8 |
                         (uint32_t)(with_parser && t->beam > 1 && t->rtl) << 16};
    fwrite(h, 4, 5, out);
    for (int i = 0; i < t->ntag; i++) fwrite(t->tags[i], 1, strlen(t->tags[i]) + 1, out);
    for (int i = 0; i < t->nlabel; i++) fwrite(t->labels[i], 1, strlen(t->labels[i]) + 1, out);
    while (nb & 3) fputc(0, out), nb++;
    if (!ptrain_write(t->tagt, out, 1e-3f, 1)) return -1;
    if (with_parser && (!ptrain_write(t->movet, out, t->prune_abs[0], t->prune_updates[0]) ||
                        !ptrain_write(t->labelt, out, 1e-3f, 2)))
        return -1;
    if (with_parser && t->beam > 1 &&
        (!ptrain_write(t->bmovet, out, t->prune_abs[1], t->prune_updates[1]) ||
         !ptrain_write(t->blabelt, out, t->prune_abs[1], t->prune_updates[1])))
        return -1;
    if (with_parser && t->beam > 1 && t->rtl &&
        (!ptrain_write(t->rmovet, out, t->prune_abs[1], t->prune_updates[1]) ||
         !ptrain_write(t->rlabelt, out, t->prune_abs[1], t->prune_updates[1])))
        return -1;
    return ferror(out) ? -1 : 0;
}

UdModel *udtrain_model(UdTrainer *t, int with_parser)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (!f) return NULL;
    int rc = write_model(t, f, with_parser);
    fclose(f);
    char err[128];
    UdModel *m = rc ? NULL : model_from_memory(mem, len, err, sizeof err);
    if (!m) free(mem);
    else m->env = t->env;
    return m;
}

int udtrain_write(UdTrainer *t, const char *path, char *err, size_t errsz)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errsz, "%s: cannot write", path);
        return -1;
    }
    int rc = write_model(t, f, 1);
    if (fclose(f) || rc) {
        snprintf(err, errsz, "%s: write failed", path);
        return -1;
    }
    return 0;
}
