/* fuzz_validate_xml.c - a validation file (PETRARCH XML) through
 * validate_file: the XML read with entities refused, its <Config> options,
 * expectations and records, each record coded (from its text, and from its
 * <Parse> as `validate --parse` does) with the fixture dictionaries. */
#include <stdio.h>
#include "fuzz.h"
#include "validate.h"

static Dict dict;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);
    dict_init(&dict);
    fuzz_fixture_dicts(&dict, DK_NONE);
    if (!freopen("/dev/null", "w", stdout)) return 1;   /* the counts and failing records */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("fuzz.xml", data, size);
    validate_file(path, &dict, fuzz_models(0), 0, 1, size % 2);
    return 0;
}
