/* render.c - the view every renderer prints from */
#include "render.h"
#include <stdio.h>
#include <string.h>
#include "cameo.h"
#include "dates.h"
#include "depparse.h"
#include "quotes.h"
#include "tag.h"

static Span tokspan(const Sentence *s, uint32_t a, uint32_t b)
{
    Span sp = {"", 0};
    if (b <= a || b > s->ntok) return sp;
    sp.s = s->tok[a].s;
    sp.n = (size_t)(s->tok[b - 1].s + s->tok[b - 1].n - s->tok[a].s);
    return sp;
}

static void ref_str(char *out, size_t cap, const Dict *dict, uint32_t ref)
{
    if (!ref) {
        out[0] = '\0';
        return;
    }
    if (ref == DICT_REF_GAZETTEER) snprintf(out, cap, "%s", dict_ref_file(dict, ref));
    else snprintf(out, cap, "%s:%u", dict_ref_file(dict, ref), dict_ref_line(ref));
}

void event_view(const Doc *d, const Event *e, EventView *v, const Dict *dict)
{
    const Sentence *s = &d->sent[e->sent];
    const VerbPhrase *vp = &s->vp[e->vp];
    v->doc_id = d->id ? d->id : "";
    v->sentence = e->sent;
    date_format(e->date, v->date);
    v->source = sym_name(e->source);
    v->target = e->target ? sym_name(e->target) : "";
    v->code = e->code;
    v->root[0] = e->code[0];
    v->root[1] = e->code[1];
    v->root[2] = '\0';
    const CameoCode *c = cameo_get(e->code);
    v->quad = c ? c->quad : cameo_quad_of_root(e->code);
    v->goldstein = c ? c->goldstein : 0;
    v->name = c ? c->name : "";
    v->plover = c && c->plover ? c->plover : "";
    v->source_text = e->src_m >= 0 ? tokspan(s, s->men[e->src_m].start, s->men[e->src_m].end) : (Span){"", 0};
    v->target_text = e->tgt_m >= 0 ? tokspan(s, s->men[e->tgt_m].start, s->men[e->tgt_m].end) : (Span){"", 0};
    const NounEvent *ne = e->noun ? &s->nn[e->noun - 1] : NULL;
    if (ne) /* "carried out an attack on the embassy", "Lavrov's visit to Beijing" */
        v->verb_text = tokspan(s, ne->support >= 0 ? s->vp[ne->support].start : ne->start,
                               ne->end > ne->head + 1 ? ne->end : ne->head + 1);
    else
        v->verb_text = tokspan(s, vp->start, vp->match_end > vp->end ? vp->match_end : vp->end);
    v->text = (Span){d->body + s->off, s->len};
    v->date_basis = e->date_end > e->date_start ? "text" : e->date ? "publication" : "";
    v->date_text = e->date_end > e->date_start ? tokspan(s, e->date_start, e->date_end) : (Span){"", 0};
    v->dateline = d->place;
    place_view(d->gaz, e, &v->place);
    v->quote = e->quote;
    v->rule = e->rule;
    v->explain = dict != NULL;
    if (dict) {
        const Mention *sm = e->src_m >= 0 ? &s->men[e->src_m] : NULL;
        const Mention *tm = e->tgt_m >= 0 ? &s->men[e->tgt_m] : NULL;
        ref_str(v->verb_ref, sizeof v->verb_ref, dict, ne ? ne->support_ref : vp->pattern_ref);
        ref_str(v->noun_ref, sizeof v->noun_ref, dict, ne ? dict->nouns[ne->entry].ref : 0);
        ref_str(v->source_ref, sizeof v->source_ref, dict, sm ? sm->actor_ref : 0);
        ref_str(v->source_agent_ref, sizeof v->source_agent_ref, dict, sm ? sm->agent_ref : 0);
        ref_str(v->target_ref, sizeof v->target_ref, dict, tm ? tm->actor_ref : 0);
        ref_str(v->target_agent_ref, sizeof v->target_agent_ref, dict, tm ? tm->agent_ref : 0);
    }
}

void quote_view(const Doc *d, uint32_t k, QuoteView *v)
{
    const Quote *q = &d->quotes[k];
    v->doc_id = d->id ? d->id : "";
    v->id = k + 1;
    v->sentence = q->part[0].sent;
    date_format(d->pubdate, v->date);
    v->text = q->text;
    v->kind = quote_kind_name(q->kind);
    v->speaker = q->speaker ? q->speaker : "";
    v->code = q->code ? sym_name(q->code) : "";
    v->how = speaker_how_name(q->how);
    v->role = q->role ? q->role : "";
    v->via = q->via;
    v->nvia = q->nvia;
}

void note_view(const Doc *d, const Note *n, NoteView *v, const Dict *dict)
{
    static const char *const why[] = {"", "negated", "discarded sentence", "actor out of its dates",
                                      "no source", "no target", "passive without agent",
                                      "not done: only asked for, invited, needed or planned"};
    const Sentence *s = &d->sent[n->sent];
    v->doc_id = d->id ? d->id : "";
    v->sentence = n->sent;
    v->why = n->kind < sizeof why / sizeof *why ? why[n->kind] : "";
    v->code = n->code ? n->code : "";
    v->words = tokspan(s, n->start, n->end);
    v->text = (Span){d->body + s->off, s->len};
    ref_str(v->ref, sizeof v->ref, dict, n->ref);
}

/* --debug: every sentence with its tokens (word/TAG/lemma), actor
 * mentions and verb phrases, on stderr */
void debug_doc(const Doc *d, FILE *f)
{
    for (uint32_t i = 0; i < d->nsent; i++) {
        const Sentence *s = &d->sent[i];
        fprintf(f, "[%u]%s", i, s->discarded ? " (discarded)" : "");
        for (uint32_t k = 0; k < s->ntok; k++) {
            const Token *t = &s->tok[k];
            fprintf(f, " %.*s/%s", (int)t->n, t->s, tag_name(t->tag));
            if (t->lemma && t->lemma != t->lower) fprintf(f, "/%s", sym_name(t->lemma));
            if (s->parsed) fprintf(f, "<%s:%d", rel_name(t->rel), t->head + 1);
            if (t->mention >= 0 && (k + 1 == s->ntok || s->tok[k + 1].mention != t->mention))
                fprintf(f, "=[%s]", sym_name(s->men[t->mention].code));
        }
        fputc('\n', f);
        for (uint32_t k = 0; k < s->nvp; k++) {
            const VerbPhrase *v = &s->vp[k];
            fprintf(f, "    verb %.*s code=%s flags=%s%s%s%s%s%s zone=%u-%u\n", (int)s->tok[v->head].n,
                    s->tok[v->head].s, v->code ? v->code : "-", v->flags & VP_PASSIVE ? "passive " : "",
                    v->flags & VP_NEGATED ? "negated " : "", v->flags & VP_FUTURE ? "future " : "",
                    v->flags & VP_INFINITIVE ? "infinitive " : "", v->flags & VP_SPEECH ? "speech " : "",
                    v->flags & VP_COORD ? "coord" : "", v->end, v->clause_end);
        }
    }
}
