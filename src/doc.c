/* doc.c - what the stages share about a document: its notes, appended mentions */
#include "doc.h"
#include "arena.h"

void doc_note(Doc *d, uint32_t sent, int kind, uint32_t start, uint32_t end, uint32_t ref, const char *code)
{
    if (!d->keep_notes) return;   /* only --explain reads them: a long document need not hold them */
    if (d->nnotes == d->capnotes) {
        uint32_t nc = d->capnotes ? (uint32_t)arena_next_cap(d->capnotes) : 16;
        d->notes = arena_grow(d->arena, d->notes, d->capnotes * sizeof *d->notes, nc * sizeof *d->notes);
        d->capnotes = nc;
    }
    d->notes[d->nnotes++] = (Note){sent, (uint8_t)kind, start, end, ref, code};
}

uint32_t adjunct_phrase_start(const Sentence *s, uint32_t at, uint32_t floor)
{
    static const char *const span[] = {"hour", "hours", "day", "days", "week", "weeks", "month", "months", "night",
                                       "nights", NULL};
    uint32_t p = at;
    while (p > floor && at - p < 6 &&
           (s->tok[p - 1].tag == T_DT || s->tok[p - 1].tag == T_JJ || s->tok[p - 1].tag == T_CD ||
            tok_is(&s->tok[p - 1], "of") || tok_is_any(&s->tok[p - 1], span)))
        p--;
    return p;
}

int opens_time_adjunct(const Token *t)
{
    static const char *const w[] = {"after", "following", "during", NULL};
    return tok_is_any(t, w);
}

int doc_add_mention(Doc *d, Sentence *s, const Mention *m)
{
    Mention *men = arena_alloc(d->arena, (s->nmen + 1) * sizeof *men);
    memcpy(men, s->men, s->nmen * sizeof *men);
    men[s->nmen] = *m;
    s->men = men;
    return (int)s->nmen++;
}

const Conventions CONVENTIONS_OWN = {
    .references = 1, .agent_context = 1, .led_by = 1, .own_clauses = 1, .participles = 1, .modality = 1,
    .agent_phrases = 1, .speech = 1, .target_reading = 1, .agentless = 1, .one_actor = 1, .event_nouns = 1,
};
const Conventions CONVENTIONS_SUITE = {.exact_words = 1, .upper_sequence = 1, .suite_agents = 1, .second_codes = 1};
