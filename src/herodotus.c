/* herodotus.c - the library's face (herodotus.h) over the pipeline */
#include "herodotus.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "dates.h"
#include "lemma.h"
#include "pipeline.h"
#include "render.h"

struct hd_coder {
    Coder coder;            /* dictionaries, models, options */
};

struct hd_doc {
    Arena arena;
    Doc doc;
    hd_event *ev;
    size_t nev;
};

hd_coder *hd_coder_new(const char *dict_dir, int flags, char *err, size_t errsz)
{
    hd_coder *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    Options *o = &c->coder.opt;
    o->dict_dir = dict_dir;
    o->keep_untargeted = (flags & HD_ALL) != 0;
    o->dyadic = (flags & HD_DYADIC) != 0;
    o->tree = (flags & HD_TREE) != 0;
    if (pipeline_load(&c->coder, err, errsz)) {
        pipeline_unload(&c->coder);
        free(c);
        return NULL;
    }
    return c;
}

void hd_coder_free(hd_coder *c)
{
    if (!c) return;
    pipeline_unload(&c->coder);
    free(c);
}

static const char *span_text(Span s, size_t *len)
{
    *len = s.n;
    return s.n ? s.s : "";
}

hd_doc *hd_code(const hd_coder *c, const char *text, size_t len, const char *date, char *err, size_t errsz)
{
    hd_doc *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    arena_init(&d->arena);
    RawDoc raw = {"(text)", 0, "text", NULL, date, NULL, NULL, text, len, NULL};   /* read into the document's own body */
    int cut = 0;
    if (pipeline_run(&d->doc, &d->arena, &raw, &c->coder.dict, &c->coder.models, &c->coder.opt, NULL, err, errsz, &cut)) {
        hd_doc_free(d);
        return NULL;
    }
    d->nev = d->doc.nev;
    d->ev = arena_alloc(&d->arena, (d->nev + 1) * sizeof *d->ev);
    for (size_t i = 0; i < d->nev; i++) {
        EventView v;
        event_view(&d->doc, &d->doc.ev[i], &v, NULL);
        hd_event *e = &d->ev[i];
        e->date = arena_strdup(&d->arena, v.date);
        e->source = arena_strdup(&d->arena, v.source);
        e->target = arena_strdup(&d->arena, v.target);
        e->code = v.code;
        e->name = v.name;
        e->plover = v.plover;
        e->goldstein = v.goldstein;
        e->quad = v.quad;
        e->sentence = v.sentence;
        e->source_text = span_text(v.source_text, &e->source_len);
        e->target_text = span_text(v.target_text, &e->target_len);
        e->verb_text = span_text(v.verb_text, &e->verb_len);
        e->sentence_text = span_text(v.text, &e->sentence_len);
    }
    return d;
}

size_t hd_doc_nevents(const hd_doc *d) { return d ? d->nev : 0; }

int hd_doc_event(const hd_doc *d, size_t i, hd_event *e)
{
    if (!d || i >= d->nev) return -1;
    *e = d->ev[i];
    return 0;
}

void hd_doc_free(hd_doc *d)
{
    if (!d) return;
    arena_free(&d->arena);
    free(d);
}


const char *hd_version(void) { return HERODOTUS_VERSION; }
