/* render_tsv.c - tab-separated values with a header line */
#include "render.h"
#include <string.h>

static void begin(Buf *o)
{
    buf_puts(o, "doc_id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tplover\tsource_text\ttarget_text\tverb_text\ttext\tdate_basis\tdate_text\tplace\tplace_country\tplace_lat\tplace_lon\tplace_how\n");
}

/* tabs and newlines inside a field become spaces */
static void field(Buf *o, const char *s, size_t n)
{
    buf_reserve(o, n);
    for (size_t i = 0; i < n; i++) buf_putc(o, (s[i] == '\t' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i]);
}

static void event(Buf *o, const EventView *v)
{
    field(o, v->doc_id, strlen(v->doc_id));
    buf_printf(o, "\t%u\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\t", v->sentence, v->date, v->source, v->target, v->code,
               v->root, v->quad, v->goldstein, v->plover);
    field(o, v->source_text.s, v->source_text.n);
    buf_putc(o, '\t');
    field(o, v->target_text.s, v->target_text.n);
    buf_putc(o, '\t');
    field(o, v->verb_text.s, v->verb_text.n);
    buf_putc(o, '\t');
    field(o, v->text.s, v->text.n);
    buf_putc(o, '\t');
    buf_puts(o, v->date_basis);
    buf_putc(o, '\t');
    field(o, v->date_text.s, v->date_text.n);
    buf_putc(o, '\t');
    field(o, v->place.name, strlen(v->place.name));
    if (v->place.name[0]) buf_printf(o, "\t%s\t%.4f\t%.4f\t%s\n", v->place.country, v->place.lat, v->place.lon, v->place.how);
    else buf_puts(o, "\t\t\t\tnone\n");
}

static void end(Buf *o, long n) { (void)o; (void)n; }

static void note(Buf *o, const NoteView *v) { (void)o; (void)v; }   /* TSV keeps to events */

static void quote_begin(Buf *o) { buf_puts(o, "doc_id\tquote_id\tsentence\tdate\tkind\tspeaker\tcode\thow\trole\tvia\ttext\n"); }

static void quote(Buf *o, const QuoteView *v)
{
    field(o, v->doc_id, strlen(v->doc_id));
    buf_printf(o, "\t%u\t%u\t%s\t%s\t", v->id, v->sentence, v->date, v->kind);
    field(o, v->speaker, strlen(v->speaker));
    buf_printf(o, "\t%s\t%s\t%s\t", v->code, v->how, v->role);
    for (uint32_t i = 0; i < v->nvia; i++) {
        if (i) buf_puts(o, "; ");
        field(o, v->via[i].name, strlen(v->via[i].name));
    }
    buf_putc(o, '\t');
    field(o, v->text, strlen(v->text));
    buf_putc(o, '\n');
}

const Renderer render_tsv = {begin, event, end, note, quote_begin, quote};
