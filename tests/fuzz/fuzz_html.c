/* fuzz_html.c - a web page through the page reader (html.h: libxml2's
 * HTML parser, metadata, the story's element, its paragraphs) and, when it
 * gives a story, the whole pipeline over it. */
#include <stdlib.h>
#include "fuzz.h"
#include "html.h"
#include "pipeline.h"

static const Dict *dict;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);
    dict = fuzz_builtin_dict();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Page p;
    char err[256];
    (void)html_looks_like((const char *)data, size);
    if (html_read((const char *)data, size, &p, err, sizeof err) == 0) {
        Options o = {0};
        RawDoc raw = {"fuzz.html", 0, "fuzz", p.title, p.date, p.url, p.source, p.text.data, p.text.len, p.author};
        Arena a;
        arena_init(&a);
        Doc d;
        int cut;
        if (!pipeline_run(&d, &a, &raw, dict, fuzz_models(0), &o, NULL, err, sizeof err, &cut)) fuzz_render(&d, dict);
        arena_free(&a);
    }
    page_free(&p);
    return 0;
}
