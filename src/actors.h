/* actors.h - stage 4: actor mentions by longest match over the tokens:
 * countries, capitals, demonyms, office holders (dated), organisations and
 * generic agents combined with a country ("Russia's foreign minister",
 * "Chinese police" -> RUSGOV, CHNCOP); simple pronoun resolution. */
#ifndef HERODOTUS_ACTORS_H
#define HERODOTUS_ACTORS_H
#include "dict.h"
#include "doc.h"
#include "places.h"
#include "wordlist.h"

/* gaz (may be NULL) gives the cities the dictionaries lack, where the text
 * names them as places ("targets in Jericho", "near the town of Samarra") */
void find_actors(Doc *d, const Dict *dict, const WordList *words, const Gazetteer *gaz, const Options *o);
/* Country part (first three letters) of an actor code; 0 if none. */
Sym  actor_country(Sym code);
/* Does a place name go on at token e over "de", "del", "da", ... and a
 * capitalised word ("Santiago de Cuba", "Rio de Janeiro")? */
int  name_goes_on(const Sentence *s, uint32_t e);
/* "in", "at", "near", "outside", "across", "through": a place may follow */
int  is_place_prep(const Token *t);
/* "after", "before", "as", "when", "while", "because", "since", "until",
 * "once": a word that opens a clause hanging on another */
int  is_subordinator(const Token *t);
/* Is the place preposition at token p where someone is ("was in Kenya")? */
int  whereabouts(const Sentence *s, uint32_t p);
/* Is the place preposition at token p the whereabouts of a speaker
 * ("officials in Nairobi said")? */
int  speaker_place(const Sentence *s, uint32_t p);
/* "capital", "city", "town", "port", ...: the kind of place in "the city of X" */
int  is_place_noun(const Token *t);

#endif
