/* render_table.c - an aligned table for people at a terminal */
#include "render.h"
#include <string.h>
#include "utf8.h"

static void cell(Buf *o, const char *s, size_t n, size_t width)
{
    /* cut at width display columns, pad to it */
    size_t w = 0, i = 0;
    while (i < n) {
        int k;
        utf8_decode(s + i, n - i, &k);
        size_t cw = utf8_width(s + i, (size_t)k);
        if (w + cw > width) break;
        w += cw;
        i += (size_t)k;
    }
    for (size_t j = 0; j < i; j++) buf_putc(o, (s[j] == '\n' || s[j] == '\t') ? ' ' : s[j]);
    while (w++ < width) buf_putc(o, ' ');
}

static void begin(Buf *o)
{
    buf_puts(o, "DATE        SOURCE     TARGET     CODE  EVENT                          WHO / VERB / WHOM\n");
}

static void event(Buf *o, const EventView *v)
{
    cell(o, v->date, strlen(v->date), 10);
    buf_puts(o, "  ");
    cell(o, *v->source ? v->source : "-", *v->source ? strlen(v->source) : 1, 9);
    buf_puts(o, "  ");
    cell(o, *v->target ? v->target : "-", *v->target ? strlen(v->target) : 1, 9);
    buf_puts(o, "  ");
    cell(o, v->code, strlen(v->code), 4);
    buf_puts(o, "  ");
    cell(o, v->name, strlen(v->name), 29);
    buf_puts(o, "  ");
    Buf who = {0};
    buf_put(&who, v->source_text.s, v->source_text.n);
    buf_puts(&who, " / ");
    buf_put(&who, v->verb_text.s, v->verb_text.n);
    buf_puts(&who, " / ");
    buf_put(&who, v->target_text.s, v->target_text.n);
    cell(o, who.data, who.len, 60);
    buf_free(&who);
    while (o->len && o->data[o->len - 1] == ' ') o->len--;
    buf_putc(o, '\n');
    if (v->explain) {
        buf_printf(o, "            why: %s; verb %s", v->rule ? v->rule : "", *v->verb_ref ? v->verb_ref : "-");
        if (*v->noun_ref) buf_printf(o, "; noun %s", v->noun_ref);
        buf_printf(o, "; source %s%s%s", *v->source_ref ? v->source_ref : "-", *v->source_agent_ref ? " + " : "",
                   v->source_agent_ref);
        buf_printf(o, "; target %s%s%s\n", *v->target_ref ? v->target_ref : "-", *v->target_agent_ref ? " + " : "",
                   v->target_agent_ref);
    }
}

static void note(Buf *o, const NoteView *v)
{
    buf_printf(o, "            dropped (%s)%s%s: ", v->why, *v->code ? " " : "", v->code);
    buf_put(o, v->words.s, v->words.n > 80 ? 80 : v->words.n);
    if (*v->ref) buf_printf(o, " [%s]", v->ref);
    buf_putc(o, '\n');
}

static void end(Buf *o, long n) { buf_printf(o, "%ld event%s\n", n, n == 1 ? "" : "s"); }

static void quote_begin(Buf *o) { buf_puts(o, "DATE        SPEAKER                   CODE       HOW       VIA                   QUOTE\n"); }

static void quote(Buf *o, const QuoteView *v)
{
    cell(o, v->date, strlen(v->date), 10);
    buf_puts(o, "  ");
    cell(o, *v->speaker ? v->speaker : "-", *v->speaker ? strlen(v->speaker) : 1, 24);
    buf_puts(o, "  ");
    cell(o, *v->code ? v->code : "-", *v->code ? strlen(v->code) : 1, 9);
    buf_puts(o, "  ");
    cell(o, v->how, strlen(v->how), 8);
    buf_puts(o, "  ");
    Buf via = {0};
    for (uint32_t i = 0; i < v->nvia; i++) buf_printf(&via, "%s%s", i ? ", " : "", v->via[i].name);
    cell(o, via.len ? via.data : "-", via.len ? via.len : 1, 20);
    buf_free(&via);
    buf_puts(o, "  ");
    buf_puts(o, v->kind[0] == 'p' ? "..." : "");
    cell(o, v->text, strlen(v->text), 70);
    while (o->len && o->data[o->len - 1] == ' ') o->len--;
    buf_putc(o, '\n');
}

const Renderer render_table = {begin, event, end, note, quote_begin, quote};
