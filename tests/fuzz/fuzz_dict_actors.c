/* fuzz_dict_actors.c - a actors dictionary (the format of dict/NAME.actors.txt) through
 * dict_load_file, then the fixture sentence coded with it (fuzz.h). */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_dict_input(data, size, DK_ACTORS, "fuzz.actors.txt");
}
