/* fuzz_conllu.c - CoNLL-U through parse_conllu and the sentences it reads
 * through pipeline_run_parsed (with their own trees, or herodotus's when
 * they have none) and every renderer. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(1);
    fuzz_builtin_dict();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_parsed_input(data, size, parse_conllu, "fuzz.conllu");
}
