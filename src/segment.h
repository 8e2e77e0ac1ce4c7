/* segment.h - stage 2: sentences and Penn-Treebank-style tokens */
#ifndef HERODOTUS_SEGMENT_H
#define HERODOTUS_SEGMENT_H
#include <stddef.h>
#include "doc.h"

#define MAX_SENTENCE_TOKENS 400

/* Split d->body into sentences of tokens.  Returns the number of
 * sentences that had to be cut because they ran past MAX_SENTENCE_TOKENS
 * without an end. */
int segment(Doc *d);

/* Tokenise one string (a dictionary phrase, a test input) into tok,
 * which must hold cap tokens; returns the number of tokens (at most cap). */
size_t tokenize(const char *s, size_t n, Token *tok, size_t cap);

/* Sentences whose words and tags come from a parser: the body is the words
 * joined by spaces, one sentence each. */
void segment_parsed(Doc *d, const char *const *const *words, const unsigned char *const *tags, const size_t *n,
                    size_t nsent);
/* The trees given with them (CoNLL-U): heads and relations of sentence k,
 * or NULL for none. */
void segment_trees(Doc *d, const int16_t *const *heads, const uint8_t *const *rels);

/* Drop comma-delimited clauses by length, as the options ask. */
void drop_comma_clauses(Sentence *s, const Options *o);

/* Look up a token's exact and lower-case symbols (no insertion). */
void token_lookup(Token *t);

#endif
