/* parsecmd.h - herodotus parse: CoNLL-U out, and --eval against a gold file */
#ifndef HERODOTUS_PARSECMD_H
#define HERODOTUS_PARSECMD_H
#include "depparse.h"

int parse_main(int argc, char **argv);
/* The tagger and parser model at path (NULL: the installed one), or NULL
 * after printing why. */
UdModel *parse_load_model(const Models *env, const char *path);

#endif
