/* fuzz_ptb.c - Penn Treebank trees through parse_ptb and the sentences it reads
 * through pipeline_run_parsed (with herodotus's trees where the events
 * stage asks for them) and every renderer. */
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
    long n = parse_ptb(text, size, &a, &ps, err, sizeof err);
    if (n > 0) {
        Options o = {.tree = 1, .notes = 1};
        RawDoc raw = {"fuzz.ptb", 0, "fuzz", NULL, NULL, NULL, NULL, text, size};
        Doc d;
        pipeline_run_parsed(&d, &a, &raw, ps, (size_t)n, dict, &o);
        fuzz_render(&d, dict);
    }
    arena_free(&a);
    free(text);
    return 0;
}
