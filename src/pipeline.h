/* pipeline.h - runs the stages on one document, and loads what they need */
#ifndef HERODOTUS_PIPELINE_H
#define HERODOTUS_PIPELINE_H
#include "dict.h"
#include "doc.h"
#include "models.h"
#include "parse.h"
#include "read.h"


/* Everything coding reads, made once and then only read: the
 * dictionaries, the models, the options.  Any number of threads code with
 * one coder at once (each document in its own Doc and arena). */
typedef struct Coder {
    Dict dict;
    Models models;
    Options opt;
} Coder;

/* Load the models, the CAMEO table and the dictionaries c->opt names (and
 * the parser with c->opt.tree).  Returns 0, or -1 with why in err (a
 * dictionary's own problems, FILE:LINE, go to the dictionary's diagnostics
 * stream, Dict.errs). */
int  pipeline_load(Coder *c, char *err, size_t errsz);
void pipeline_unload(Coder *c);
/* Only the models every coding needs (tagger, lemmas, word list) and the
 * CAMEO table. */
int  pipeline_load_models(Models *m, char *err, size_t errsz);
/* The dependency parser (data/en_ewt.model) into m, for Options.tree; 0
 * or -1 with why in err. */
int  pipeline_load_parser(Models *m, char *err, size_t errsz);
void pipeline_unload_models(Models *m);
/* dict/ and data/: $HERODOTUS_DATA, else beside the binary, else the
 * build-time path; written into buf */
const char *pipeline_datadir(char *buf, size_t cap);
/* Code one document; err gets a message when it returns -1 (unreadable).
 * memo: the calling thread's (ud_memo_new of m->parser; NULL: none). */
int  pipeline_run(Doc *d, Arena *a, const RawDoc *raw, const Dict *dict, const Models *m, const Options *o,
                  UdMemo *memo, char *err, size_t errsz, int *cut_sentences);

/* Code sentences parsed elsewhere (words and tags given); raw gives the
 * document's metadata (its text is not read). */
int  pipeline_run_parsed(Doc *d, Arena *a, const RawDoc *raw, const ParsedSentence *ps, size_t n, const Dict *dict,
                         const Models *m, const Options *o);

#endif
