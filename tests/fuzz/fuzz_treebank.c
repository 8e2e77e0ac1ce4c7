/* fuzz_treebank.c - a UD treebank (CoNLL-U with gold heads, as `make
 * model` trains on and `herodotus parse --eval` scores) through
 * treebank_read, and its sentences tagged, parsed and scored by
 * treebank_eval with the committed model. */
#include <stdlib.h>
#include "depparse.h"
#include "fuzz.h"
#include "pipeline.h"
#include "treebank.h"

static UdModel *model;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);
    char path[4200], err[4300];
    char dir[4096];
    snprintf(path, sizeof path, "%s/data/en_ewt.model", pipeline_datadir(dir, sizeof dir));
    model = udmodel_load(path, fuzz_models(0), err, sizeof err);
    if (!model) {
        fprintf(stderr, "fuzz: %s\n", err);
        return 1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Treebank tb = {0};
    char err[512];
    if (!treebank_read(&tb, fuzz_file("fuzz.conllu", data, size), err, sizeof err)) {
        TbScores sc;
        treebank_eval(&tb, model, &sc);
        if (sc.words > tb.nword || sc.uas > sc.words || sc.las > sc.uas) abort();
    }
    treebank_free(&tb);
    return 0;
}
