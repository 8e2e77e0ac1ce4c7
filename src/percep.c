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

/* the slot a feature starts probing at: its low 32 bits scaled to slots */
static inline uint32_t home(uint64_t f, uint32_t slots) { return (uint32_t)(((uint64_t)(uint32_t)f * slots) >> 32); }
static inline uint32_t tag32(uint64_t f) { return (uint32_t)(f >> 32) | 1u; }
_Static_assert(sizeof(PDense) == 6, "a dense slot in six bytes");
static inline uint16_t tag16(uint64_t f) { return (uint16_t)((f >> 48) | 1u); }

void pmodel_score(const PModel *m, const uint64_t *f, size_t n, float *score)
{
    int32_t acc[256] = {0};
    pmodel_acc(m, f, n, acc);
    for (uint32_t c = 0; c < m->nclass; c++) score[c] += (float)acc[c] * m->scale;
}

void pmodel_acc(const PModel *m, const uint64_t *f, size_t n, int32_t *acc)
{
    uint32_t at[128];
    if (n > 128) n = 128;
    /* the slots miss the cache: ask for all of them first, then read */
    for (size_t j = 0; j < n; j++) {
        at[j] = home(f[j], m->slots);
        if (m->dense) __builtin_prefetch(&m->dense[at[j]]);
        else __builtin_prefetch(&m->key[at[j]]), __builtin_prefetch(&m->run[at[j]]);
    }
    if (m->dense) {
        for (size_t j = 0; j < n; j++) {
            uint16_t want = tag16(f[j]);
            for (uint32_t i = at[j];;) {
                const PDense *d = &m->dense[i];
                if (d->key == want) {
                    const int16_t *v = m->value;
                    acc[0] += v[d->w[0]], acc[1] += v[d->w[1]], acc[2] += v[d->w[2]], acc[3] += v[d->w[3]];
                    break;
                }
                if (!d->key) break;
                if (++i == m->slots) i = 0;
            }
        }
    } else {
        uint32_t start[128], len[128];
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            uint32_t want = tag32(f[j]);
            for (uint32_t i = at[j];;) {
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
                if (++i == m->slots) i = 0;
            }
        }
        for (size_t j = 0; j < k; j++) {
            const uint8_t *c = m->cls + start[j], *w = m->w + start[j];
            for (uint32_t q = 0; q < len[j]; q++) acc[c[q]] += m->value[w[q]];
        }
    }
}

#define MAGIC 0x334d5048u   /* "HPM3" */
#define HEADER (28 + 512)   /* 7 words, the codebook */

size_t pmodel_map(PModel *m, const void *p, size_t len)
{
    const uint32_t *h = p;
    if (len < HEADER || h[0] != MAGIC) return 0;
    uint32_t nclass = h[1], slots = h[2], nfeat = h[3], nweight = h[4], dense = h[5];
    float scale;
    memcpy(&scale, &h[6], sizeof scale);
    if (!slots || !nclass || nclass > 256 || nfeat >= slots || (dense && nclass > 4)) return 0;
    size_t need = dense ? HEADER + (size_t)slots * sizeof(PDense)
                        : HEADER + (size_t)slots * 8 + (size_t)nweight * 2;
    need = (need + 3) & ~(size_t)3;
    if (need > len) return 0;
    memset(m, 0, sizeof *m);
    m->nclass = nclass;
    m->slots = slots;
    m->scale = scale;
    m->nfeat = nfeat;
    m->nweight = nweight;
    m->value = (const int16_t *)(const void *)(h + 7);
    if (m->value[0]) return 0;
    /* a lookup probes until it meets the feature or an empty slot: one
     * must be there */
    if (dense) {
        m->dense = (const PDense *)(const void *)(h + HEADER / 4);
        size_t i = 0;
        while (i < slots && m->dense[i].key) i++;
        return i < slots ? need : 0;
    }
    m->key = h + HEADER / 4;
    m->run = m->key + slots;
    m->w = (const uint8_t *)(const void *)(m->run + slots);
    m->cls = m->w + nweight;
    size_t empty = 0;
    for (size_t i = 0; i < slots; i++) {     /* runs stay inside the weights */
        uint32_t r = m->run[i];
        empty += !m->key[i];
        if (m->key[i] && (size_t)(r >> 8) + (r & 0xff) > nweight) return 0;
    }
    if (!empty) return 0;
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

void ptrain_add(PTrain *t, const uint64_t *f, size_t n, uint32_t cls, float delta)
{
    for (size_t j = 0; j < n; j++) {
        Feat *ft = get_feat(t, f[j], 1);
        ft->updates++;
        bump(t, ft, cls, delta);
    }
}

void ptrain_tick(PTrain *t) { t->now++; }

static void put32(FILE *out, uint32_t v) { fwrite(&v, 4, 1, out); }

enum { LEVELS = 127 };      /* magnitudes: codes 1..127 positive, 129..255 their negatives */

/* The codebook of the weights q[0..n) (16-bit, none 0): LEVELS
 * magnitudes spaced evenly on a log scale from 1 to the largest (each
 * at least one above the one before), so that every weight keeps its
 * size to a few percent; value[] the codebook, code[m] the code of the
 * level nearest magnitude m.  (Levels placed by Lloyd's algorithm, for
 * the least squared error, lost 0.1 of the tagger's XPOS on EWT test.) */
static void codebook(const int16_t *q, size_t n, int16_t value[256], uint8_t *code)
{
    int max = 1;
    for (size_t i = 0; i < n; i++) {
        int m = q[i] < 0 ? -q[i] : q[i];
        if (m > max) max = m;
    }
    double level[LEVELS + 2];
    level[0] = 0;
    for (int c = 1; c <= LEVELS; c++) {
        double v = pow((double)max, (double)(c - 1) / (LEVELS - 1));
        level[c] = c > 1 && v < level[c - 1] + 1 ? level[c - 1] + 1 : v;
    }
    memset(value, 0, 256 * sizeof *value);
    for (int c = 1; c <= LEVELS; c++) {
        long v = lrint(level[c]);
        value[c] = (int16_t)(v > 32767 ? 32767 : v);
        value[c + 128] = (int16_t)-value[c];
    }
    int c = 1;
    for (int m = 1; m < 32768; m++) {
        while (c < LEVELS && m - value[c] > value[c + 1] - m) c++;
        code[m] = (uint8_t)c;
    }
}

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
    float max = 0;
    for (size_t i = 0; i < t->nfeat; i++) {
        Feat *f = &t->feat[i];
        start[i] = (uint32_t)nw;
        for (uint32_t k = 0; k < f->n && f->updates >= min_updates; k++) {
            Wt *x = &f->w[k];
            double avg = (x->tot + (double)(t->now - x->ts) * x->w) / now;
            if (fabs(avg) < min_abs) continue;
            w[nw] = (float)avg;
            cls[nw] = (uint8_t)x->cls;
            if (fabsf(w[nw]) > max) max = fabsf(w[nw]);
            nw++;
        }
        len[i] = (uint8_t)(nw - start[i]);
    }
    float scale = max > 0 ? max / 32767.0f : 1.0f;
    /* to 16 bits; weights that round to 0 go */
    int16_t *q = xrealloc(NULL, (nw ? nw : 1) * sizeof *q);
    size_t nq = 0;
    for (size_t i = 0; i < t->nfeat; i++) {
        uint32_t s0 = start[i], l = len[i];
        start[i] = (uint32_t)nq;
        for (uint32_t k = 0; k < l; k++) {
            long v = lrintf(w[s0 + k] / scale);
            if (!v) continue;
            q[nq] = (int16_t)v;
            cls[nq] = cls[s0 + k];
            nq++;
        }
        len[i] = (uint8_t)(nq - start[i]);
        if (len[i]) nf++;
    }
    nw = nq;
    int16_t value[256];
    uint8_t *code = xrealloc(NULL, 32768), *qc = xrealloc(NULL, nw ? nw : 1);
    codebook(q, nw, value, code);
    for (size_t i = 0; i < nw; i++) qc[i] = q[i] > 0 ? code[q[i]] : (uint8_t)(128 + code[-q[i]]);
    free(code);
    if (nw >= 1u << 24) {
        fputs("herodotus: model too large (2^24 weights at most)\n", stderr);
        return 0;
    }
    uint32_t dense = t->nclass <= 4, slots = (uint32_t)(nf + nf / 3 + 64);   /* load factor 3/4 */
    PDense *dslot = dense ? xrealloc(NULL, (size_t)slots * sizeof *dslot) : NULL;
    uint32_t *key = dense ? NULL : xrealloc(NULL, (size_t)slots * 4), *run = dense ? NULL : xrealloc(NULL, (size_t)slots * 4);
    if (dense) memset(dslot, 0, (size_t)slots * sizeof *dslot);
    else memset(key, 0, (size_t)slots * 4), memset(run, 0, (size_t)slots * 4);
    for (size_t i = 0; i < t->nfeat; i++) {
        if (!len[i]) continue;
        uint64_t f = t->feat[i].key;
        uint32_t k = tag32(f), s = home(f, slots);
        if (dense) {
            uint16_t k16 = tag16(f);
            while (dslot[s].key && dslot[s].key != k16) s = s + 1 == slots ? 0 : s + 1;
            if (dslot[s].key) continue;     /* two features near each other share 16 bits: keep the first */
            dslot[s].key = k16;
            for (uint32_t j = 0; j < len[i]; j++) dslot[s].w[cls[start[i] + j]] = qc[start[i] + j];
        } else {
            while (key[s] && key[s] != k) s = s + 1 == slots ? 0 : s + 1;
            if (key[s]) continue;
            key[s] = k;
            run[s] = start[i] << 8 | len[i];
        }
    }
    put32(out, MAGIC);
    put32(out, t->nclass);
    put32(out, slots);
    put32(out, (uint32_t)nf);
    put32(out, (uint32_t)nw);
    put32(out, dense);
    fwrite(&scale, sizeof scale, 1, out);
    fwrite(value, sizeof *value, 256, out);
    size_t bytes = HEADER;
    if (dense) {
        fwrite(dslot, sizeof *dslot, slots, out);
        bytes += (size_t)slots * sizeof *dslot;
    } else {
        fwrite(key, 4, slots, out);
        fwrite(run, 4, slots, out);
        fwrite(qc, 1, nw, out);
        fwrite(cls, 1, nw, out);
        bytes += (size_t)slots * 8 + nw * 2;
    }
    while (bytes & 3) fputc(0, out), bytes++;
    free(w), free(cls), free(start), free(len), free(key), free(run), free(q), free(qc), free(dslot);
    return ferror(out) ? 0 : bytes;
}
