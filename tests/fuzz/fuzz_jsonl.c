/* fuzz_jsonl.c - a JSON Lines file through input_each (its line reading,
 * byte-order mark, blank lines, JSON and metadata checks) and each of its
 * articles through the pipeline and every renderer; then the same bytes on
 * standard input (JSON Lines read a line at a time as they come, anything
 * else one article). */
#include <stdio.h>
#include "fuzz.h"
#include "input.h"
#include "pipeline.h"

static const Dict *dict;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    dict = fuzz_builtin_dict();
    return 0;
}

static int on_doc(const RawDoc *raw, void *ctx)
{
    (void)ctx;
    Options o = {.notes = 1, .keep_untargeted = 1};
    Arena a;
    arena_init(&a);
    Doc d;
    char err[512];
    int cut, bad = pipeline_run(&d, &a, raw, dict, fuzz_models(0), &o, NULL, err, sizeof err, &cut);
    if (!bad) fuzz_render(&d, dict);
    arena_free(&a);
    return bad;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Input in = {on_doc, NULL, 0, NULL, NULL, INPUT_MAX_DOC_DEFAULT, NULL, 0};   /* messages unsaid */
    const char *path = fuzz_file("in.jsonl", data, size);
    input_read(&in, path);
    if (freopen(path, "rb", stdin)) input_read(&in, "-");
    return 0;
}
