/* percep.h - averaged perceptron over hashed features, shared by the
 * tagger and the dependency parser.
 *
 * A feature is a 64-bit hash of a template and its values ("the word on
 * top of the stack is 'said' and the next word's tag is DT").  A model
 * maps each feature to the few classes it has a weight for; scoring a
 * state adds those weights into one score per class.
 *
 * Training keeps, for every (feature, class), the weight, its running sum
 * and the step it last changed (the averaging trick of Daumé), then
 * writes a compact read-only model: an open-addressed table of features
 * and their (class, weight) runs, one block of memory. */
#ifndef HERODOTUS_PERCEP_H
#define HERODOTUS_PERCEP_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Mix a template number and up to three values into a feature. */
static inline uint64_t feat_mix(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = tmpl * 0x9e3779b97f4a7c15ull ^ a;
    h = (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9ull ^ b;
    h = (h ^ (h >> 29)) * 0x94d049bb133111ebull ^ c;
    h = (h ^ (h >> 32)) * 0xd6e8feb86659fd93ull;
    return h ^ (h >> 32);
}

/* The read-only model.  Each weight is an 8-bit code for one of 255
 * integer values (the model's codebook, chosen for it when written), times
 * one scale.  A model of at most four classes keeps its codes in the
 * feature's slot, six bytes with 16 bits of the feature to tell it (one
 * cache line read per feature; a feature the model lacks passes for one
 * it has about once in 4,000); larger ones keep per slot 32 bits of the
 * feature and a run of (class, code) pairs. */
typedef struct PDense {
    uint16_t key;       /* 16 bits of the feature (not those it is placed by) | 1; 0 empty */
    uint8_t w[4];
} PDense;

typedef struct PModel {
    uint32_t nclass;
    uint32_t slots;
    float scale;
    const int16_t *value;   /* per code: the weight (code 0: none) */
    const PDense *dense;    /* nclass <= 4: per slot */
    const uint32_t *key;    /* else per slot: high 32 bits of the feature | 1; 0 empty */
    const uint32_t *run;    /* per slot: start << 8 | length */
    const uint8_t *w;       /* per weight: its code */
    const uint8_t *cls;     /* per weight: class */
    uint32_t nfeat, nweight;
} PModel;

/* Add the weights of n features into score[0..nclass). */
void pmodel_score(const PModel *m, const uint64_t *f, size_t n, float *score);
/* The same, before scaling: the integer weights added into acc[0..nclass)
 * (exact in any order and any split of the features); score[c] is then
 * acc[c] * m->scale. */
void pmodel_acc(const PModel *m, const uint64_t *f, size_t n, int32_t *acc);

/* Training. */
typedef struct PTrain PTrain;
PTrain *ptrain_new(uint32_t nclass);
void    ptrain_free(PTrain *t);
void    ptrain_score(const PTrain *t, const uint64_t *f, size_t n, float *score);
/* One update: the features f voted for class bad where good was right. */
void    ptrain_update(PTrain *t, const uint64_t *f, size_t n, uint32_t good, uint32_t bad);
/* Add delta to the weights of the features f for class cls (the halves
 * of a structured update, whose two sides have features of their own). */
void    ptrain_add(PTrain *t, const uint64_t *f, size_t n, uint32_t cls, float delta);
void    ptrain_tick(PTrain *t);         /* one training example seen */
/* Write the averaged weights as a compact model, dropping weights whose
 * magnitude is below min_abs (or that round to 0) and features that took
 * part in fewer than min_updates updates.  Returns bytes written, 0 on
 * error. */
size_t  ptrain_write(PTrain *t, FILE *out, float min_abs, uint32_t min_updates);

/* Map a model written by ptrain_write from memory at p (len bytes);
 * returns bytes used, 0 when malformed.  m points into p. */
size_t  pmodel_map(PModel *m, const void *p, size_t len);

#endif
