/* depparse.h - stage 4: part-of-speech tags and Universal Dependencies
 * trees, from one model trained on UD English EWT.
 *
 *   words -> tags (XPOS and UPOS, one greedy averaged perceptron)
 *         -> tree (arc-eager transitions, the root at the buffer's end:
 *            greedy, averaged perceptrons trained with a dynamic oracle;
 *            or two beam searches, one reading the words left to right
 *            and one right to left, whose moves and relations are scored
 *            together, trained globally with the update at the largest
 *            violation; the three trees vote on each word's head and the
 *            best projective tree of the votes wins)
 *
 * The model is one read-only object, shared by threads; every call takes
 * an arena for its scratch memory. */
#ifndef HERODOTUS_DEPPARSE_H
#define HERODOTUS_DEPPARSE_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "doc.h"
#include "models.h"

typedef struct UdModel UdModel;

typedef struct UdWord {
    const char *s;
    uint32_t n;
} UdWord;

/* Load the model file (tags, labels, tagger and parser weights).  Returns
 * NULL with err set when missing or malformed. */
UdModel *udmodel_load(const char *path, const Models *env, char *err, size_t errsz);
void     udmodel_free(UdModel *m);

int         ud_ntags(const UdModel *m);
int         ud_has_parser(const UdModel *m);
int         ud_nlabels(const UdModel *m);
const char *ud_xpos(const UdModel *m, int tag);    /* "NNP" */
const char *ud_upos(const UdModel *m, int tag);    /* "PROPN" */
int         ud_penn_tag(const UdModel *m, int tag);  /* its Tag (doc.h): HYPH -> T_COLON ... */
const char *ud_label(const UdModel *m, int label); /* "nsubj:pass" */
int         ud_label_id(const UdModel *m, const char *name);  /* -1 none */

/* Tag n words: tag[i] is an index for ud_xpos/ud_upos.  penn: the HMM
 * tagger's own tags of the words (Token.hmm: before its repairs), a
 * feature; NULL to run it here.
 * memo: the thread's (below), or NULL. */
void ud_tag(const UdModel *m, const UdWord *w, size_t n, const uint8_t *penn, uint8_t *tag, UdMemo *memo,
            Arena *scratch);
/* Parse n tagged words: head[i] is 1-based (0: the root), label[i] an
 * index for ud_label.  Always a tree with one root. */
void ud_parse(const UdModel *m, const UdWord *w, const uint8_t *tag, size_t n, int *head, uint8_t *label,
              Arena *scratch);

/* The projective tree of highest score over words 1..n with one word on
 * the root: score[h * (n + 1) + d] scores the arc h -> d (h 0: the root;
 * d 1..n); head[d - 1] gets d's head.  O(n^3) time, O(n^2) scratch. */
void ud_best_tree(const float *score, int n, int *head, Arena *scratch);

/* The beam the parser searches with: 1 is the greedy parser; more, the
 * beam parser when the model has one (by default the beam it was trained
 * with).  Set it before the model is shared. */
int  ud_beam(const UdModel *m);
void ud_set_beam(UdModel *m, int k);
/* With a beam, whether the left-to-right and right-to-left beam parsers
 * and the greedy one vote on each word's head (ud_best_tree over their
 * votes; the default when the model has all three) or the first beam
 * parser's tree is taken as it is. */
void ud_set_vote(UdModel *m, int on);

/* What the tagger keeps of the words it has tagged, from one sentence and
 * document to the next: the same tags, faster.  One per thread, never
 * shared; ud_memo_new(NULL) (no parser loaded) is NULL, which
 * parse_sentence takes as none. */
typedef struct UdMemo UdMemo;
UdMemo *ud_memo_new(const UdModel *m);
void    ud_memo_free(UdMemo *memo);

/* Stage 4 in the pipeline: the sentence's tree over its tokens and their
 * (HMM) tags: each token's head and Rel.  memo: the thread's, or NULL. */
void parse_sentence(const UdModel *m, Sentence *s, UdMemo *memo, Arena *scratch);
/* The name of a Rel (doc.h): "nsubj:pass"; a relation's Rel by its name,
 * else by the part before its ':' ("obl:tmod" -> REL_OBL), else REL_OTHER */
const char *rel_name(int rel);
int         rel_from_name(const char *name);

/* ---- training (tools/train.c) ---- */

typedef struct UdTrainSet {
    size_t nsent;
    const uint32_t *first, *len;    /* sentence s: words [first[s], first[s] + len[s]) */
    const UdWord *word;
    const uint8_t *tag;             /* gold tags (tagger) or predicted (parser) */
    const uint8_t *penn;            /* the HMM tagger's own tags (Token.hmm), NULL: tagged as needed */
    const int *head;                /* gold, 1-based, 0 root */
    const uint8_t *label;
} UdTrainSet;

/* The set with every sentence backwards (word i of n becomes word
 * n + 1 - i, heads likewise), for the right-to-left parser: written into
 * the caller's arrays, each as long as the set's words; the set's penn
 * tags are not carried. */
UdTrainSet udtrain_reverse(const UdTrainSet *d, UdWord *word, uint8_t *tag, int *head, uint8_t *label);

typedef struct UdTrainer UdTrainer;

/* ntags tags named "XPOS UPOS", nlabels relation names. */
UdTrainer *udtrain_new(const Models *env, const char *const *tags, int ntags, const char *const *labels, int nlabels);
void       udtrain_free(UdTrainer *t);
/* Train the tagger for epochs passes over the sentences listed (a
 * permutation per epoch is drawn from seed); reset starts it anew. */
void udtrain_tagger(UdTrainer *t, const UdTrainSet *d, const uint32_t *sents, size_t nsents, int epochs,
                    uint64_t seed);
void udtrain_reset_tagger(UdTrainer *t);
/* One epoch of the parser; explore: follow the model's own mistakes
 * with this probability (the dynamic oracle's exploration). */
void udtrain_parser_epoch(UdTrainer *t, const UdTrainSet *d, int epoch, double explore, uint64_t seed);
/* Global training with a beam of k states (udtrain_set_beam; the model
 * then parses with that beam): one epoch. */
void udtrain_set_beam(UdTrainer *t, int k);
/* The weights written of the greedy parser (beam_parser 0) or the beam
 * parser (1): of features in at least min_updates updates, averaging at
 * least min_abs in magnitude. */
void udtrain_set_prune(UdTrainer *t, int beam_parser, float min_abs, uint32_t min_updates);
/* rtl: train the right-to-left beam parser instead, on d's sentences
 * written backwards (the caller reverses them: word i is word n + 1 - i).
 * The two directions have tables and scratch of their own: two threads
 * may train one each at once, with nothing else using the trainer. */
void udtrain_parser_epoch_beam(UdTrainer *t, const UdTrainSet *d, int epoch, uint64_t seed, int rtl);

/* The model as trained so far (averaged), usable with ud_tag/ud_parse. */
UdModel *udtrain_model(UdTrainer *t, int with_parser);
/* Write the model file; returns 0 or -1. */
int udtrain_write(UdTrainer *t, const char *path, char *err, size_t errsz);

#endif
