/* render_jsonl.c - one JSON object per event per line (docs/events.md) */
#include "render.h"
#include <string.h>

static void begin(Buf *out) { (void)out; }

static void key_str(Buf *o, const char *k, const char *s, size_t n)
{
    buf_printf(o, ",\"%s\":", k);
    buf_json_str(o, s, n);
}

static void event(Buf *o, const EventView *v)
{
    buf_puts(o, "{\"doc_id\":");
    buf_json_str(o, v->doc_id, strlen(v->doc_id));
    buf_printf(o, ",\"sentence\":%u", v->sentence);
    key_str(o, "date", v->date, strlen(v->date));
    key_str(o, "source", v->source, strlen(v->source));
    key_str(o, "target", v->target, strlen(v->target));
    key_str(o, "code", v->code, strlen(v->code));
    key_str(o, "root", v->root, strlen(v->root));
    buf_printf(o, ",\"quad\":%d,\"goldstein\":%.1f", v->quad, v->goldstein);
    key_str(o, "event", v->name, strlen(v->name));
    key_str(o, "source_text", v->source_text.s, v->source_text.n);
    key_str(o, "target_text", v->target_text.s, v->target_text.n);
    key_str(o, "verb_text", v->verb_text.s, v->verb_text.n);
    if (v->place) key_str(o, "place", v->place, strlen(v->place));
    key_str(o, "rule", v->rule ? v->rule : "", v->rule ? strlen(v->rule) : 0);
    if (v->explain) {
        buf_puts(o, ",\"explain\":{\"verb\":");
        buf_json_str(o, v->verb_ref, strlen(v->verb_ref));
        key_str(o, "source", v->source_ref, strlen(v->source_ref));
        key_str(o, "source_agent", v->source_agent_ref, strlen(v->source_agent_ref));
        key_str(o, "target", v->target_ref, strlen(v->target_ref));
        key_str(o, "target_agent", v->target_agent_ref, strlen(v->target_agent_ref));
        buf_putc(o, '}');
    }
    key_str(o, "text", v->text.s, v->text.n);
    buf_puts(o, "}\n");
}

static void note(Buf *o, const NoteView *v)
{
    buf_puts(o, "{\"doc_id\":");
    buf_json_str(o, v->doc_id, strlen(v->doc_id));
    buf_printf(o, ",\"sentence\":%u", v->sentence);
    key_str(o, "dropped", v->why, strlen(v->why));
    key_str(o, "code", v->code, strlen(v->code));
    key_str(o, "words", v->words.s, v->words.n);
    key_str(o, "entry", v->ref, strlen(v->ref));
    key_str(o, "text", v->text.s, v->text.n);
    buf_puts(o, "}\n");
}

static void end(Buf *out, long n) { (void)out; (void)n; }

const Renderer render_jsonl = {begin, event, end, note};
