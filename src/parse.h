/* parse.h - sentences parsed elsewhere: Penn Treebank trees and CoNLL-U.
 * Their words and tags replace herodotus's own tokens and tagger. */
#ifndef HERODOTUS_PARSE_H
#define HERODOTUS_PARSE_H
#include <stddef.h>
#include "arena.h"

typedef struct ParsedSentence {
    const char **words;
    unsigned char *tags;        /* Tag values */
    size_t n;
} ParsedSentence;

/* Read every bracketed tree in text ("(ROOT (S (NP (NNP Arnor)) ...))").
 * Returns the number of sentences (in *out, arena-allocated), or -1 with
 * err set (unbalanced brackets, a leaf without a tag). */
long parse_ptb(const char *text, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz);
/* Read CoNLL-U: one token per line (ID FORM LEMMA UPOS XPOS ...), blank
 * lines between sentences; XPOS when it is a Penn tag, else UPOS mapped. */
long parse_conllu(const char *text, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz);

#endif
