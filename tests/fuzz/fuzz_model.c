/* fuzz_model.c - a tagger and parser model file (`--model FILE`) through
 * udmodel_load, and, when it loads, a sentence tagged and parsed with
 * it, by the greedy parser and by the beams' vote: a model that loads
 * gives a tree with one root and heads inside the sentence. */
#include <stdlib.h>
#include <string.h>
#include "depparse.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512];
    UdModel *m = udmodel_load(fuzz_file("fuzz.model", data, size), fuzz_models(0), err, sizeof err);
    if (!m) return 0;
    static const char *const words[] = {"Police", "arrested", "five", "protesters", "in", "Nairobi", "."};
    enum { N = sizeof words / sizeof *words };
    UdWord w[N];
    for (size_t i = 0; i < N; i++) w[i] = (UdWord){words[i], (uint32_t)strlen(words[i])};
    Arena a;
    arena_init(&a);
    for (int beam = 1; beam <= 4 && ud_has_parser(m); beam += 3) {
        uint8_t tag[N], lab[N];
        int head[N], roots = 0;
        ud_set_beam(m, beam);
        ud_tag(m, w, N, NULL, tag, NULL, &a);
        ud_parse(m, w, tag, N, head, lab, &a);
        for (size_t i = 0; i < N; i++) {
            if (head[i] < 0 || head[i] > (int)N || head[i] == (int)i + 1) abort();
            roots += head[i] == 0;
        }
        if (roots != 1) abort();
        arena_reset(&a);
    }
    arena_free(&a);
    udmodel_free(m);
    return 0;
}
