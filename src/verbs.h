/* verbs.h - stage 5: verb groups (auxiliaries, negation, modality, voice)
 * and their CAMEO codes from the verb dictionary's patterns. */
#ifndef HERODOTUS_VERBS_H
#define HERODOTUS_VERBS_H
#include "dict.h"
#include "doc.h"

void find_verbs(Doc *d, const Dict *dict, const Options *o);

#endif
