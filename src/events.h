/* events.h - stage 6: events from verb phrases and mentions: who acts
 * (subject, passive agent, coordinated subject, reported speaker), who is
 * acted upon, compound actors, negation, intent, and the date. */
#ifndef HERODOTUS_EVENTS_H
#define HERODOTUS_EVENTS_H
#include "dict.h"
#include "doc.h"

void make_events(Doc *d, const Dict *dict, const Options *o);
/* The day of an event at token near of sentence s (when.h): the date
 * expression nearest to it, resolved against the publication date; 0 none. */
int  sentence_date(const Doc *d, const Sentence *s, uint32_t near, int future);

#endif
