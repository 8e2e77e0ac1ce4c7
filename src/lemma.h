/* lemma.h - stage 3b: lemmas (met -> meet, talks -> talk), the reading
 * chosen by the part-of-speech tag.  WordNet's index and exception files
 * (Debian's wordnet-base) are loaded into memory once. */
#ifndef HERODOTUS_LEMMA_H
#define HERODOTUS_LEMMA_H
#include <stddef.h>
#include "doc.h"
#include "intern.h"

#define WORDNET_DIR_DEFAULT "/usr/share/wordnet"

typedef struct Lemmas Lemmas;

/* WordNet's tables from dir; NULL with a message in err when unreadable */
Lemmas *lemma_load(const char *dir, char *err, size_t errsz);
void    lemma_free(Lemmas *l);
/* Lemma of word (any case) read as tag; 0 when the lemma is no known word. */
Sym     lemma_of(const Lemmas *l, const char *word, size_t n, int tag);
int     lemma_is_verb(const Lemmas *l, Sym s);   /* s is a WordNet verb lemma, or a dictionary's */
/* The head words of a dictionary's verbs (keys of a map) are verb lemmas
 * too: "lathicharged" is "lathicharge" once a dictionary names it. */
void    lemma_add_verbs(Lemmas *l, const U64Map *words);
void    lemmatise(const Lemmas *l, Sentence *s);
/* Once every dictionary is in: the lemma of every word known so far, as
 * a verb and as a plural noun, in tables lemmatise reads (nothing is
 * cached while coding, so any number of threads may lemmatise at once). */
void    lemma_freeze(Lemmas *l);

#endif
