/* when.h - stage 8a: the day an event happened, from the words of its
 * sentence resolved against the publication date ("on Monday",
 * "yesterday", "last week", "earlier this month", "May 12", "12th May,
 * 2024", "2024-05-12", "three days ago"), else the publication date.
 *
 * A weekday is the most recent one on or before publication, unless the
 * event is to come and the day is named after its verb ("will meet on
 * Monday": the next one after publication; "said on Monday it will send":
 * the last).  A week or a month ("last week", "earlier this month")
 * stands for its first day, and the words say how precise that is; a year
 * is too wide to stand for a day. */
#ifndef HERODOTUS_WHEN_H
#define HERODOTUS_WHEN_H
#include <stdint.h>
#include "doc.h"

typedef struct When {
    int ymd;                /* yyyymmdd, 0 when the sentence gives none */
    uint32_t start, end;    /* its words: tokens [start, end) */
} When;

/* The date expression starting at token i of s (pub: the publication
 * date, yyyymmdd, 0 unknown; future: the event is to come); ymd 0 when
 * none starts there. */
When when_at(const Sentence *s, uint32_t i, int pub, int future);

/* Where the date expressions of s that resolve against pub start, once a
 * sentence (Sentence.dates, in arena). */
void when_find(Sentence *s, Arena *a, int pub);

/* The date expression of s nearest to token near (when_find first, once
 * a sentence); ymd 0 when s has none. */
When when_near(Sentence *s, Arena *a, uint32_t near, int pub, int future);

#endif
