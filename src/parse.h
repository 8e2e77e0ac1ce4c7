/* parse.h - sentences parsed elsewhere: Penn Treebank trees and CoNLL-U.
 * Their words and tags replace herodotus's own tokens and tagger. */
#ifndef HERODOTUS_PARSE_H
#define HERODOTUS_PARSE_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct ParsedSentence {
    const char **words;
    unsigned char *tags;        /* Tag values */
    size_t n;
    int16_t *head;              /* CoNLL-U: the word each depends on (0-based), -1 the root */
    uint8_t *rel;               /* CoNLL-U: its Rel (doc.h) */
    int has_tree;               /* every word has a head and a relation */
} ParsedSentence;

/* Read every bracketed tree in text ("(ROOT (S (NP (NNP Arnor)) ...))").
 * Returns the number of sentences (in *out, arena-allocated), or -1 with
 * err set (unbalanced brackets, a leaf without a tag). */
long parse_ptb(const char *text, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz);
/* Read CoNLL-U: one token per line (ID FORM LEMMA UPOS XPOS ...), blank
 * lines between sentences; XPOS when it is a Penn tag, else UPOS mapped;
 * HEAD and DEPREL, when every word of a sentence has them, as its tree. */
long parse_conllu(const char *text, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz);

#endif
