/* validate.h - `herodotus validate`: the field's validation records
 * (PETRARCH XML) coded and compared with their expected events */
#ifndef HERODOTUS_VALIDATE_H
#define HERODOTUS_VALIDATE_H
#include "dict.h"
#include "models.h"

int validate_main(int argc, char **argv);

/* Read the validation file `file` (no network, external DTD or entity)
 * and code its <Sentence sentence="true"> records with the models loaded
 * (pipeline_load_models) and dict, or, when dict is NULL, the dictionaries
 * its <Environment> names, beside the file; print each failing record
 * (unless quiet), the counts per category and 'N passed, M failed' on
 * stdout.  Returns 0 when every record passed, else 1 (also after a
 * message when the file is no well-formed XML or names no dictionary). */
int validate_file(const char *file, const Dict *dict, const Models *models, int quiet, int debug, int use_parse);

#endif
