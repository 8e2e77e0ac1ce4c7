/* tag.h - stage 3a: Penn Treebank part-of-speech tags.
 *
 * A first-order hidden Markov model decoded with Viterbi.  Its parameters
 * are the word/tag counts and tag-transition probabilities that Debian's
 * liblingua-en-tagger-perl ships (words.yml, tags.yml, unknown.yml), read
 * at start-up; unknown words fall back to suffix and shape classes. */
#ifndef HERODOTUS_TAG_H
#define HERODOTUS_TAG_H
#include <stddef.h>
#include "doc.h"

#define TAGGER_DIR_DEFAULT "/usr/share/perl5/Lingua/EN/Tagger"

typedef struct Tagger Tagger;
typedef struct Lemmas Lemmas;

/* The model in dir; NULL with a message in err when it cannot be read */
Tagger     *tagger_load(const char *dir, char *err, size_t errsz);
void        tagger_free(Tagger *tg);
/* Tag a sentence with model tg (lm: the lemmatiser, whose verbs help with
 * words the model lacks) */
void        tag_sentence(const Tagger *tg, const Lemmas *lm, Sentence *s);
/* Tag a token array in place (used by tests on gold tokens). */
void        tag_tokens(const Tagger *tg, const Lemmas *lm, Token *tok, size_t n);
/* The tags the lexicon gives a word (its form, else in lower case: *lower
 * set) with a share of at least 1/20, most likely first; returns how many
 * (0: the lexicon lacks the word). */
int         tag_lexicon(const Tagger *tg, const char *s, size_t n, uint8_t *tags, int max, int *lower);
const char *tag_name(int tag);              /* "NNP", "PRP$", "," ... */
int         tag_from_name(const char *s, size_t n);   /* Penn name -> Tag, 0 none */

#endif
