/* percep.c - averaged perceptron: training table and compact model */
#include "percep.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("herodotus: out of memory\n", stderr);
        abort();
    }
    return q;
}

/* ---- the compact model ---- */

void pmodel_score(const PModel *m, const uint64_t *f, size_t n, float *score)
{
    /* the slots miss the cache: ask for all of them first, then read */
    uint32_t at[128];
    if (n > 128) n = 128;
    for (size_t j = 0; j < n; j++) {
        at[j] = (uint32_t)(f[j] & m->mask);
        __builtin_prefetch(&m->key[at[j]]);
        __builtin_prefetch(&m->run[at[j]]);
    }
    uint32_t start[128], len[128];
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        uint32_t want = (uint32_t)(f[j] >> 32) | 1u;
        for (size_t i = at[j];; i = (i + 1) & m->mask) {
            uint32_t s = m->key[i];
            if (s == want) {
                uint32_t r = m->run[i];
                start[k] = r >> 8;
                len[k] = r & 0xff;
                __builtin_prefetch(m->w + start[k]);
                __builtin_prefetch(m->cls + start[k]);
                k++;
                break;
            }
            if (!s) break;
        }
    }
    for (size_t j = 0; j < k; j++) {
        const uint8_t *c = m->cls + start[j];
        const float *w = m->w + start[j];
        for (uint32_t q = 0; q < len[j]; q++) score[c[q]] += w[q];
    }
}

#define MAGIC 0x314d5048u   /* "HPM1" */

size_t pmodel_map(PModel *m, const void *p, size_t len)
{
    const uint32_t *h = p;
    if (len < 20 || h[0] != MAGIC) return 0;
    uint32_t nclass = h[1], slots = h[2], nfeat = h[3], nweight = h[4];
    if (!slots || (slots & (slots - 1)) || nclass > 256 || nfeat >= slots) return 0;
    size_t need = 20 + (size_t)slots * 8 + (size_t)nweight * 5;
    need = (need + 3) & ~(size_t)3;
    if (need > len) return 0;
    m->nclass = nclass;
    m->mask = slots - 1;
    m->nfeat = nfeat;
    m->nweight = nweight;
    m->key = h + 5;
    m->run = h + 5 + slots;
    m->w = (const float *)(const void *)(h + 5 + 2 * (size_t)slots);
    m->cls = (const uint8_t *)(m->w + nweight);
    for (size_t i = 0; i < slots; i++) {     /* runs stay inside the weights */
        uint32_t r = m->run[i];
        if (m->key[i] && (size_t)(r >> 8) + (r & 0xff) > nweight) return 0;
    }
    for (size_t i = 0; i < nweight; i++)
        if (m->cls[i] >= nclass) return 0;
    return need;
}

/* ---- training ---- */

typedef struct Wt {
    uint32_t cls;
    float w;
    double tot;         /* sum of w over the steps before ts */
    uint64_t ts;        /* step of the last change */
} Wt;

typedef struct Feat {
    uint64_t key;
    uint32_t n, cap;
    uint32_t updates;   /* times it took part in an update */
    Wt *w;
} Feat;

struct PTrain {
    uint32_t nclass;
    uint64_t now;       /* examples seen */
    Feat *feat;         /* in order of first update */
    size_t nfeat, capfeat;
    uint32_t *slot;     /* open addressing: feat index + 1 */
    size_t nslot;
};

PTrain *ptrain_new(uint32_t nclass)
{
    PTrain *t = xrealloc(NULL, sizeof *t);
    memset(t, 0, sizeof *t);
    t->nclass = nclass;
    t->nslot = 1 << 16;
    t->slot = xrealloc(NULL, t->nslot * sizeof *t->slot);
    memset(t->slot, 0, t->nslot * sizeof *t->slot);
    return t;
}

void ptrain_free(PTrain *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->nfeat; i++) free(t->feat[i].w);
    free(t->feat);
    free(t->slot);
    free(t);
}

static size_t find_slot(const PTrain *t, uint64_t key)
{
    size_t i = (size_t)(key ^ (key >> 29)) & (t->nslot - 1);
    while (t->slot[i] && t->feat[t->slot[i] - 1].key != key) i = (i + 1) & (t->nslot - 1);
    return i;
}

static Feat *get_feat(PTrain *t, uint64_t key, int create)
{
    size_t i = find_slot(t, key);
    if (t->slot[i]) return &t->feat[t->slot[i] - 1];
    if (!create) return NULL;
    if ((t->nfeat + 1) * 2 > t->nslot) {
        free(t->slot);
        t->nslot *= 2;
        t->slot = xrealloc(NULL, t->nslot * sizeof *t->slot);
        memset(t->slot, 0, t->nslot * sizeof *t->slot);
        for (size_t k = 0; k < t->nfeat; k++) t->slot[find_slot(t, t->feat[k].key)] = (uint32_t)k + 1;
        i = find_slot(t, key);
    }
    if (t->nfeat == t->capfeat) {
        t->capfeat = t->capfeat ? t->capfeat * 2 : 4096;
        t->feat = xrealloc(t->feat, t->capfeat * sizeof *t->feat);
    }
    Feat *f = &t->feat[t->nfeat++];
    memset(f, 0, sizeof *f);
    f->key = key;
    t->slot[i] = (uint32_t)t->nfeat;
    return f;
}

void ptrain_score(const PTrain *t, const uint64_t *f, size_t n, float *score)
{
    for (size_t j = 0; j < n; j++) {
        size_t i = find_slot(t, f[j]);
        if (!t->slot[i]) continue;
        const Feat *ft = &t->feat[t->slot[i] - 1];
        for (uint32_t k = 0; k < ft->n; k++) score[ft->w[k].cls] += ft->w[k].w;
    }
}

static void bump(PTrain *t, Feat *f, uint32_t cls, float d)
{
    Wt *w = NULL;
    for (uint32_t k = 0; k < f->n; k++)
        if (f->w[k].cls == cls) { w = &f->w[k]; break; }
    if (!w) {
        if (f->n == f->cap) {
            f->cap = f->cap ? f->cap * 2 : 2;
            f->w = xrealloc(f->w, f->cap * sizeof *f->w);
        }
        w = &f->w[f->n++];
        w->cls = cls;
        w->w = 0;
        w->tot = 0;
        w->ts = t->now;
    }
    w->tot += (double)(t->now - w->ts) * w->w;
    w->ts = t->now;
    w->w += d;
}

void ptrain_update(PTrain *t, const uint64_t *f, size_t n, uint32_t good, uint32_t bad)
{
    if (good == bad) return;
    for (size_t j = 0; j < n; j++) {
        Feat *ft = get_feat(t, f[j], 1);
        ft->updates++;
        bump(t, ft, good, 1.0f);
        bump(t, ft, bad, -1.0f);
    }
}

void ptrain_tick(PTrain *t) { t->now++; }

static void put32(FILE *out, uint32_t v) { fwrite(&v, 4, 1, out); }

size_t ptrain_write(PTrain *t, FILE *out, float min_abs, uint32_t min_updates)
{
    double now = t->now ? (double)t->now : 1.0;
    /* averaged weights, kept where they matter */
    size_t cap = 0, nw = 0, nf = 0;
    for (size_t i = 0; i < t->nfeat; i++) cap += t->feat[i].n;
    float *w = xrealloc(NULL, cap * sizeof *w);
    uint8_t *cls = xrealloc(NULL, cap);
    uint32_t *start = xrealloc(NULL, (t->nfeat + 1) * sizeof *start);
    uint8_t *len = xrealloc(NULL, t->nfeat + 1);
    for (size_t i = 0; i < t->nfeat; i++) {
        Feat *f = &t->feat[i];
        start[i] = (uint32_t)nw;
        for (uint32_t k = 0; k < f->n && f->updates >= min_updates; k++) {
            Wt *x = &f->w[k];
            double avg = (x->tot + (double)(t->now - x->ts) * x->w) / now;
            if (fabs(avg) < min_abs) continue;
            w[nw] = (float)avg;
            cls[nw] = (uint8_t)x->cls;
            nw++;
        }
        len[i] = (uint8_t)(nw - start[i]);
        if (len[i]) nf++;
    }
    uint32_t slots = 1024;
    while (slots < nf + nf / 3) slots *= 2;      /* load factor at most 3/4 */
    if (nw >= 1u << 24) {
        fputs("herodotus: model too large (2^24 weights at most)\n", stderr);
        return 0;
    }
    uint32_t *key = xrealloc(NULL, (size_t)slots * 4), *run = xrealloc(NULL, (size_t)slots * 4);
    memset(key, 0, (size_t)slots * 4);
    memset(run, 0, (size_t)slots * 4);
    for (size_t i = 0; i < t->nfeat; i++) {
        if (!len[i]) continue;
        uint64_t f = t->feat[i].key;
        uint32_t k = (uint32_t)(f >> 32) | 1u;
        size_t s = (size_t)f & (slots - 1);
        while (key[s] && key[s] != k) s = (s + 1) & (slots - 1);
        if (key[s]) continue;       /* two features share 32+ bits: keep the first */
        key[s] = k;
        run[s] = start[i] << 8 | len[i];
    }
    put32(out, MAGIC);
    put32(out, t->nclass);
    put32(out, slots);
    put32(out, (uint32_t)nf);
    put32(out, (uint32_t)nw);
    fwrite(key, 4, slots, out);
    fwrite(run, 4, slots, out);
    fwrite(w, sizeof *w, nw, out);
    fwrite(cls, 1, nw, out);
    size_t bytes = 20 + (size_t)slots * 8 + nw * 5;
    while (bytes & 3) fputc(0, out), bytes++;
    free(w), free(cls), free(start), free(len), free(key), free(run);
    return ferror(out) ? 0 : bytes;
}
