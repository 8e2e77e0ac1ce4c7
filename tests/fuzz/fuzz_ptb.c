/* fuzz_ptb.c - Penn Treebank trees through parse_ptb and the sentences it reads
 * through pipeline_run_parsed (with herodotus's trees where the events
 * stage asks for them) and every renderer. */
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
    return fuzz_parsed_input(data, size, parse_ptb, "fuzz.ptb");
}
