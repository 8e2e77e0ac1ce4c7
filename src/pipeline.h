/* pipeline.h - runs the stages on one document, and loads what they need */
#ifndef HERODOTUS_PIPELINE_H
#define HERODOTUS_PIPELINE_H
#include "dict.h"
#include "doc.h"
#include "parse.h"
#include "read.h"


/* Load tagger, lemmas, CAMEO table and dictionaries.  Returns 0, or -1
 * with why in err (a dictionary's own problems, FILE:LINE, go to the
 * dictionary's diagnostics stream, Dict.errs). */
int  pipeline_load(Dict *dict, const Options *o, char *err, size_t errsz);
/* Only the models every coding needs: tagger, lemmas, CAMEO table. */
int  pipeline_load_models(char *err, size_t errsz);
/* The dependency parser (data/en_ewt.model), for Options.tree; 0 or -1
 * with why in err. */
int  pipeline_load_parser(char *err, size_t errsz);
void pipeline_unload(Dict *dict);      /* dict may be NULL (models only) */
const char *pipeline_datadir(void);
/* Code one document; err gets a message when it returns -1 (unreadable). */
int  pipeline_run(Doc *d, Arena *a, const RawDoc *raw, const Dict *dict, const Options *o,
                  char *err, size_t errsz, int *cut_sentences);

/* Code sentences parsed elsewhere (words and tags given); raw gives the
 * document's metadata (its text is not read). */
int  pipeline_run_parsed(Doc *d, Arena *a, const RawDoc *raw, const ParsedSentence *ps, size_t n, const Dict *dict,
                         const Options *o);

#endif
