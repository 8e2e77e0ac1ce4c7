/* nouns.h - stage 6: events named by nouns ("clashes between police and
 * protesters", "Lavrov's visit to Beijing", "carried out an attack on the
 * embassy"): the event noun by the noun dictionary (longest match), its
 * noun phrase, the frames that name its actors (possessive, prenominal,
 * X-led, by, on/against/to/of, with, between), its support verb, negation
 * and modality.  The events stage makes Events of what it finds. */
#ifndef HERODOTUS_NOUNS_H
#define HERODOTUS_NOUNS_H
#include "dict.h"
#include "doc.h"

/* Fills Sentence.nn; nothing under the validation suite's conventions
 * (Options.petrarch), whose expectations know no event nouns. */
void find_nouns(Doc *d, const Dict *dict, const Options *o);

#endif
