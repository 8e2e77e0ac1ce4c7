/* fuzz_conllu.c - CoNLL-U through parse_conllu and the sentences it reads
 * through pipeline_run_parsed (with their own trees, or herodotus's when
 * they have none) and every renderer. */
#include <stdlib.h>
#include "fuzz.h"
#include "parse.h"
#include "pipeline.h"

static const Dict *dict;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(1);
    dict = fuzz_builtin_dict();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_str(data, size);
    Arena a;
    arena_init(&a);
    ParsedSentence *ps;
    char err[512];
    long n = parse_conllu(text, size, &a, &ps, err, sizeof err);
    if (n > 0) {
        Options o = {.tree = 1, .notes = 1};
        RawDoc raw = {"fuzz.conllu", 0, "fuzz", NULL, NULL, NULL, NULL, text, size};
        Doc d;
        pipeline_run_parsed(&d, &a, &raw, ps, (size_t)n, dict, &o);
        fuzz_render(&d, dict);
    }
    arena_free(&a);
    free(text);
    return 0;
}
