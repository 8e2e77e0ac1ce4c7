/* fuzz_text.c - a plain-text article through the whole pipeline
 * (read_article -> segment -> tag -> actors -> verbs -> nouns -> events,
 * with trees where the events stage asks for them) and its events through
 * every renderer, with the built-in dictionaries. */
#include <stdlib.h>
#include "fuzz.h"
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
    Options o = {.tree = 1, .notes = 1};
    RawDoc raw = {"fuzz.txt", 0, "fuzz", NULL, NULL, NULL, NULL, text, size, NULL};
    Arena a;
    arena_init(&a);
    Doc d;
    char err[512];
    int cut;
    if (!pipeline_run(&d, &a, &raw, dict, fuzz_models(1), &o, NULL, err, sizeof err, &cut)) fuzz_render(&d, dict);
    arena_free(&a);
    free(text);
    return 0;
}
