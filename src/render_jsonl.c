/* render_jsonl.c - one JSON object per event per line (docs/events.md) */
#include "render.h"
#include <string.h>
#include "quotes.h"

static void begin(Buf *out) { (void)out; }

static void key_str(Buf *o, const char *k, const char *s, size_t n)
{
    size_t kn = strlen(k);
    buf_reserve(o, kn + 4);
    char *p = o->data + o->len;
    *p++ = ',';
    *p++ = '"';
    memcpy(p, k, kn);
    p += kn;
    *p++ = '"';
    *p++ = ':';
    o->len = (size_t)(p - o->data);
    buf_json_str(o, s, n);
}

/* a NUL-terminated value; NULL is written as "" */
static void key_cstr(Buf *o, const char *k, const char *s)
{
    key_str(o, k, s ? s : "", s ? strlen(s) : 0);
}

void render_explain_fields(Buf *o, const EventView *v)
{
    buf_puts(o, "\"verb\":");
    buf_json_str(o, v->verb_ref, strlen(v->verb_ref));
    if (*v->noun_ref) key_cstr(o, "noun", v->noun_ref);
    key_cstr(o, "source", v->source_ref);
    key_cstr(o, "source_agent", v->source_agent_ref);
    key_cstr(o, "target", v->target_ref);
    key_cstr(o, "target_agent", v->target_agent_ref);
}

static void doc_sentence(Buf *o, const char *doc_id, unsigned sentence)
{
    buf_puts(o, "{\"doc_id\":");
    buf_json_str(o, doc_id, strlen(doc_id));
    buf_puts(o, ",\"sentence\":");
    buf_int(o, sentence);
}

static void event(Buf *o, const EventView *v)
{
    doc_sentence(o, v->doc_id, v->sentence);
    key_cstr(o, "date", v->date);
    key_cstr(o, "date_basis", v->date_basis);
    if (v->date_text.n) key_str(o, "date_text", v->date_text.s, v->date_text.n);
    key_cstr(o, "source", v->source);
    key_cstr(o, "target", v->target);
    key_cstr(o, "code", v->code);
    key_cstr(o, "root", v->root);
    buf_puts(o, ",\"quad\":");
    buf_int(o, v->quad);
    buf_puts(o, ",\"goldstein\":");
    buf_fixed(o, v->goldstein, 1);
    key_cstr(o, "event", v->name);
    key_cstr(o, "plover", v->plover);
    key_str(o, "source_text", v->source_text.s, v->source_text.n);
    key_str(o, "target_text", v->target_text.s, v->target_text.n);
    key_str(o, "verb_text", v->verb_text.s, v->verb_text.n);
    if (v->dateline) key_cstr(o, "dateline", v->dateline);
    const PlaceView *pl = &v->place;
    if (pl->name[0]) {
        buf_puts(o, ",\"place\":{\"name\":");
        buf_json_str(o, pl->name, strlen(pl->name));
        key_cstr(o, "region", pl->region);
        key_cstr(o, "country", pl->country);
        buf_puts(o, ",\"lat\":");
        buf_fixed(o, pl->lat, 4);
        buf_puts(o, ",\"lon\":");
        buf_fixed(o, pl->lon, 4);
        key_cstr(o, "how", pl->how);
        buf_putc(o, '}');
    } else {
        buf_puts(o, ",\"place\":{\"how\":\"none\"}");
    }
    if (v->quote) {
        buf_puts(o, ",\"quote_id\":");
        buf_int(o, v->quote);
    }
    key_cstr(o, "rule", v->rule);
    if (v->explain) {
        buf_puts(o, ",\"explain\":{");
        render_explain_fields(o, v);
        buf_putc(o, '}');
    }
    key_str(o, "text", v->text.s, v->text.n);
    buf_puts(o, "}\n");
}

static void note(Buf *o, const NoteView *v)
{
    doc_sentence(o, v->doc_id, v->sentence);
    key_cstr(o, "dropped", v->why);
    key_cstr(o, "code", v->code);
    key_str(o, "words", v->words.s, v->words.n);
    key_cstr(o, "entry", v->ref);
    key_str(o, "text", v->text.s, v->text.n);
    buf_puts(o, "}\n");
}

static void quote(Buf *o, const QuoteView *v)
{
    buf_puts(o, "{\"doc_id\":");
    buf_json_str(o, v->doc_id, strlen(v->doc_id));
    buf_printf(o, ",\"quote_id\":%u,\"sentence\":%u", v->id, v->sentence);
    key_cstr(o, "date", v->date);
    key_cstr(o, "text", v->text);
    key_cstr(o, "kind", v->kind);
    buf_puts(o, ",\"speaker\":{\"name\":");
    buf_json_str(o, v->speaker, strlen(v->speaker));
    key_cstr(o, "code", v->code);
    key_cstr(o, "how", v->how);
    key_cstr(o, "role", v->role);
    buf_puts(o, "},\"via\":[");
    for (uint32_t i = 0; i < v->nvia; i++) {
        buf_puts(o, i ? ",{\"name\":" : "{\"name\":");
        buf_json_str(o, v->via[i].name, strlen(v->via[i].name));
        key_cstr(o, "kind", via_kind_name(v->via[i].kind));
        buf_putc(o, '}');
    }
    buf_puts(o, "]}\n");
}

static void end(Buf *out, long n) { (void)out; (void)n; }

const Renderer render_jsonl = {begin, event, end, note, begin, quote};
