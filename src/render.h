/* render.h - event output; one renderer per format (render_jsonl.c,
 * render_tsv.c, render_table.c) over a resolved view of each event. */
#ifndef HERODOTUS_RENDER_H
#define HERODOTUS_RENDER_H
#include <stdio.h>
#include "buf.h"
#include "dict.h"
#include "doc.h"
#include "places.h"

typedef struct Span { const char *s; size_t n; } Span;

typedef struct EventView {
    const char *doc_id;
    uint32_t sentence;
    char date[11];
    const char *source, *target;    /* codes ("" when none) */
    const char *code;               /* CAMEO code */
    char root[3];
    int quad;
    double goldstein;
    const char *name;               /* CAMEO name, "" if unknown */
    const char *plover;             /* PLOVER category, "" none */
    Span source_text, target_text, verb_text, text;
    const char *date_basis;         /* "text" (the words in date_text) or "publication" ("" undated) */
    Span date_text;
    const char *dateline;           /* the article's dateline place or NULL */
    PlaceView place;                /* where it happened (places.h) */
    uint32_t quote;                 /* the quote it was said in (its quote_id), 0 none */
    const char *rule;
    /* --explain: dictionary entries as "file:line" ("" none); an event
     * named by a noun has its noun entry in noun_ref and its support verb
     * (if any) in verb_ref */
    int explain;
    char verb_ref[320], noun_ref[320], source_ref[320], source_agent_ref[320], target_ref[320], target_agent_ref[320];
} EventView;

/* dict non-NULL fills the explanation */
void event_view(const Doc *d, const Event *e, EventView *v, const Dict *dict);

typedef struct NoteView {
    const char *doc_id;
    uint32_t sentence;
    const char *why;                /* "negated", "discarded sentence", ... */
    const char *code;               /* "" none */
    Span words, text;
    char ref[320];
} NoteView;

void note_view(const Doc *d, const Note *n, NoteView *v, const Dict *dict);

/* A quote as the renderers print it (quotes.h) */
typedef struct QuoteView {
    const char *doc_id;
    uint32_t id;                    /* quote_id: 1, 2, ... in its document */
    uint32_t sentence;              /* where it opens */
    char date[11];                  /* the document's publication date, "" none */
    const char *text;
    const char *kind;               /* "whole" or "partial" */
    const char *speaker, *code, *how, *role;   /* "" when none */
    const Via *via;
    uint32_t nvia;
} QuoteView;

void quote_view(const Doc *d, uint32_t k, QuoteView *v);

enum { FMT_JSONL, FMT_TSV, FMT_TABLE };
typedef struct Renderer {
    void (*begin)(Buf *out);
    void (*event)(Buf *out, const EventView *v);
    void (*end)(Buf *out, long events);
    void (*note)(Buf *out, const NoteView *v);   /* --explain only */
    void (*quote_begin)(Buf *out);                /* herodotus quotes */
    void (*quote)(Buf *out, const QuoteView *v);
} Renderer;

extern const Renderer render_jsonl, render_tsv, render_table;

/* An event's dictionary entries (--explain) as JSON members: "verb", "noun"
 * (for an event named by a noun), "source", "source_agent", "target",
 * "target_agent" */
void render_explain_fields(Buf *o, const EventView *v);

/* --debug: every sentence with its tokens (word/TAG/lemma), actor mentions
 * and verb phrases */
void debug_doc(const Doc *d, FILE *f);

#endif
