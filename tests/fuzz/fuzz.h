/* fuzz.h - what the libFuzzer targets (tests/fuzz/fuzz_*.c) share.
 *
 * Each target is one reader of outside input, driven by
 * LLVMFuzzerTestOneInput; models and dictionaries are loaded once, in
 * LLVMFuzzerInitialize.  `make fuzz FUZZ_SECONDS=N` runs every target on a
 * copy of its seeds (tests/fuzz/corpus/TARGET/); tests/fuzz.sh runs every
 * seed once in `make check`. */
#ifndef HERODOTUS_FUZZ_H
#define HERODOTUS_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include "dict.h"
#include "doc.h"
#include "models.h"
#include "parse.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tagger, lemmas, word list and CAMEO table (and, with parser, the
 * dependency parser), loaded once; the process exits when they cannot be. */
const Models *fuzz_models(int parser);   /* loaded once; the parser too when asked */
/* The built-in dictionaries (dict/), loaded once with the models. */
const Dict *fuzz_builtin_dict(void);
/* The fixture dictionaries of tests/fixtures/ of every kind but skip
 * (DK_NONE: all of them) loaded into d, dict_init'ed by the caller. */
void fuzz_fixture_dicts(Dict *d, int skip);

/* data as a NUL-terminated string in a block of exactly size + 1 bytes
 * (so that a read past its end is seen); free() it. */
char *fuzz_str(const uint8_t *data, size_t size);
/* Write data to the target's scratch file NAME (in a private directory
 * under $TMPDIR, removed at exit); returns its path. */
const char *fuzz_file(const char *name, const uint8_t *data, size_t size);

/* Every event (and note) of d through event_view and each renderer, and
 * debug_doc; the output is dropped. */
void fuzz_render(const Doc *d, const Dict *dict);

/* A dictionary target: data as a dictionary file NAME of kind (DK_*)
 * through dict_load_file, with the fixture dictionaries of the other kinds,
 * then fuzz_sentence coded with them and its events rendered. */
int fuzz_dict_input(const uint8_t *data, size_t size, int kind, const char *name);

/* A parsed-input target: data through parse (parse_conllu, parse_ptb),
 * the sentences it reads through pipeline_run_parsed with the built-in
 * dictionaries (--tree where they come without one), and every renderer. */
typedef long (*ParsedReader)(const char *t, size_t len, Arena *a, ParsedSentence **out, char *err, size_t errsz);
int fuzz_parsed_input(const uint8_t *data, size_t size, ParsedReader parse, const char *name);

/* The sentence the dictionary targets code with a dictionary loaded: it
 * names the fixture dictionaries' actors, agents, verbs and nouns. */
extern const char fuzz_sentence[];

#endif
