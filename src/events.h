/* events.h - stage 8: events from verb phrases and mentions: who acts
 * (subject, passive agent, coordinated subject, reported speaker), who is
 * acted upon, compound actors, negation, intent, and the date. */
#ifndef HERODOTUS_EVENTS_H
#define HERODOTUS_EVENTS_H
#include "dict.h"
#include "doc.h"

void make_events(Doc *d, const Dict *dict, const Options *o);

#endif
