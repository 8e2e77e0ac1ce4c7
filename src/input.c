/* input.c - files, JSON Lines, stdin */
#include "input.h"
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "buf.h"
#include "html.h"
#include "intern.h"
#include "utf8.h"

/* The messages gathered in msg go to the reader's own say, and msg is emptied */
static void tell(const Input *in, Buf *msg)
{
    if (msg->len && in->say) in->say(msg->data, in->ctx);
    buf_clear(msg);
}

/* Is a document of n bytes over the limit?  Then say so (FILE[:LINE]). */
static int too_big(Buf *msg, size_t max_doc, const char *name, long line, size_t n)
{
    if (n <= max_doc) return 0;
    char where[64] = "";
    if (line) snprintf(where, sizeof where, ":%ld", line);
    buf_printf(msg, "%s%s: document of %.1f MB is over the limit of %zu MB (--max-size): not coded; split it into its articles\n",
        name, where, (double)n / 1048576.0, max_doc >> 20);
    return 1;
}

static const char *str_field(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

long input_json_doc(const char *name, long line, const char *s, size_t n, size_t max_doc, Buf *msg, DocFn fn, void *ctx)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) i++;
    if (i == n) return 0;   /* blank line */
    if (too_big(msg, max_doc, name, line, n)) return 1;
    json_error_t je;
    json_t *o = json_loadb(s, n, JSON_REJECT_DUPLICATES, &je);
    if (!o) {
        buf_printf(msg, "%s:%ld: invalid JSON at column %d: %s\n", name, line, je.column, je.text);
        return 1;
    }
    long fail = 0;
    json_t *id = json_object_get(o, "id");
    const char *text = str_field(o, "text");
    char idbuf[32];
    const char *ids = json_is_string(id) ? json_string_value(id) : NULL;
    if (json_is_integer(id)) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
        ids = idbuf;
    }
    if (!json_is_object(o) || !ids || !text) {
        buf_printf(msg, "%s:%ld: expected an object with \"id\" and \"text\" strings\n", name, line);
        fail = 1;
    } else {
        json_t *dv = json_object_get(o, "date");
        if (dv && !json_is_string(dv) && !json_is_null(dv)) {
            buf_printf(msg, "%s:%ld: \"date\" must be a string YYYY-MM-DD, not %s; the document is coded without one\n",
                    name, line, json_is_number(dv) ? "a number" : json_is_boolean(dv) ? "true or false" : "an object or list");
            fail = 1;
        }
        RawDoc r = {name, line, ids, str_field(o, "title"), str_field(o, "date"), str_field(o, "url"),
                    str_field(o, "source"), text, strlen(text), str_field(o, "author")};
        json_t *tv = json_object_get(o, "text");
        r.len = json_string_length(tv);
        if (r.len == 0) {
            buf_printf(msg, "%s:%ld: \"text\" is empty\n", name, line);
            fail = 1;
        } else if (fn(&r, ctx)) {
            fail = 1;
        }
    }
    json_decref(o);
    return fail;
}

/* Standard input up to its first byte that is neither blank nor part of a
 * byte-order mark, into b: that byte, or EOF */
static int first_byte(FILE *f, Buf *b)
{
    static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
    int c;
    while ((c = getc(f)) != EOF) {
        buf_putc(b, (char)c);
        if (b->len <= 3 && !memcmp(b->data, bom, b->len)) continue;
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return c;
    }
    return EOF;
}

/* The rest of f after b's bytes into b, as long as b holds no more than
 * limit (a document over it is refused whole: what comes after is read
 * and counted, not kept): how many bytes there were in all, or -1 on a
 * read error */
static long long read_all(FILE *f, Buf *b, size_t limit)
{
    char chunk[65536];
    size_t n;
    long long all = (long long)b->len;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        all += (long long)n;
        if (b->len <= limit) buf_put(b, chunk, n);
    }
    return ferror(f) ? -1 : all;
}

/* A NUL byte in a plain-text article would end its text there ("China\0
 * praised Russia." gives nothing): each becomes a space, and the first
 * one's offset is reported.  Returns how many there were. */
static size_t nul_to_space(Buf *msg, const char *name, char *s, size_t n)
{
    size_t count = 0, first = 0;
    for (char *p = memchr(s, '\0', n); p; p = memchr(p + 1, '\0', n - (size_t)(p + 1 - s))) {
        if (!count++) first = (size_t)(p - s);
        *p = ' ';
    }
    if (count == 1) buf_printf(msg, "%s: NUL byte at byte %zu (read as a space)\n", name, first);
    else if (count) buf_printf(msg, "%s: %zu NUL bytes, the first at byte %zu (read as spaces)\n", name, count, first);
    return count;
}

const char *input_file_id(const char *path, char *out, size_t cap)
{
    while (path[0] == '.' && path[1] == '/') path += 2;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - path) : strlen(path);
    if (n < cap) {
        snprintf(out, cap, "%.*s", (int)n, path);
    } else {
        /* too long to keep whole: the name and a hash of the whole path */
        size_t bn = n - (size_t)(base - path), room = cap > 18 ? cap - 18 : 0;
        snprintf(out, cap, "%.*s-%016llx", (int)(bn < room ? bn : room), base,
                 (unsigned long long)hash_bytes(path, strlen(path)));
    }
    return out;
}

const char *input_stdin_id(const char *text, size_t len, char out[20])
{
    snprintf(out, 20, "stdin-%012llx", (unsigned long long)(hash_bytes(text, len) >> 16));
    return out;
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && !strcmp(s + n - k, suf);
}

/* A JSON line to the reader's line function when it has one (and the line
 * is not over line_max), else parsed and given to its document function */
typedef struct Told {
    Input *in;
    Buf *msg;
} Told;

/* the line's messages said before its article is coded (and says its own) */
static int doc_after_messages(const RawDoc *raw, void *ctx)
{
    Told *t = ctx;
    tell(t->in, t->msg);
    return t->in->doc(raw, t->in->ctx);
}

static long json_line(Input *in, const char *name, long line, const char *s, size_t n, Buf *msg)
{
    if (in->line && n <= in->line_max) return in->line(name, line, s, n, in->ctx);
    Told t = {in, msg};
    long fail = input_json_doc(name, line, s, n, in->max_doc, msg, doc_after_messages, &t);
    tell(in, msg);
    return fail;
}

void input_say_stderr(const char *msg, void *ctx)
{
    (void)ctx;
    fputs(msg, stderr);
}

static int stopped(const Input *in) { return in->stop && *in->stop; }

long input_read(Input *in, const char *path) { return input_read_part(in, path, 0, -1); }

long input_read_part(Input *in, const char *path, long long start, long long end)
{
    int is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    Buf msg = {0};
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        buf_printf(&msg, "%s: cannot open: %s\n", path, strerror(errno));
        tell(in, &msg);
        buf_free(&msg);
        return 1;
    }
    long fail = 0;
    Buf b = {0};
    if (!is_stdin && ends_with(path, ".jsonl")) {
        long line = 0;
        int any = 0, part = end >= 0;
        char *pname = NULL;
        if (part) {
            size_t cap = strlen(path) + 24;
            pname = malloc(cap);
            if (!pname) abort();
            snprintf(pname, cap, "%s@%lld", path, start);
            name = pname;
            if (fseeko(f, (off_t)start, SEEK_SET)) {
                buf_printf(&msg, "%s: cannot seek to byte %lld: %s\n", path, start, strerror(errno));
                fail++;
                end = start;
            }
        }
        long long at = start;
        while (!stopped(in) && (!part || at < end) && buf_getline(&b, f)) {
            line++;
            any = 1;
            at += (long long)b.len + 1;
            in->bytes_done += (long long)b.len + 1;
            size_t bom = line == 1 && !start && b.data ? utf8_bom(b.data, b.len) : 0;
            fail += json_line(in, name, line, b.data ? b.data + bom : "", b.len - bom, &msg);
        }
        free(pname);
        if (!any && !part) {
            buf_printf(&msg, "%s: empty file, no article\n", name);
            fail++;
        }
        fclose(f);
        buf_free(&b);
        tell(in, &msg);
        buf_free(&msg);
        return fail;
    }
    struct stat sb;
    if (!is_stdin && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && too_big(&msg, in->max_doc, name, 0, (size_t)sb.st_size)) {
        fclose(f);   /* not even read */
        tell(in, &msg);
        buf_free(&msg);
        return 1;
    }
    long long all = 0;
    if (is_stdin && first_byte(f, &b) == '{' && ungetc('{', f) != EOF) {
        /* JSON Lines on standard input: a line at a time, as they come (a
         * feed is coded as it arrives; an archive piped from zcat is never
         * held whole), numbered after the blank lines before the first */
        long line = 0;
        for (size_t k = 0; k < b.len; k++) line += b.data[k] == '\n';
        in->bytes_done += (long long)b.len - 1;
        while (!stopped(in) && buf_getline(&b, f)) {
            line++;
            in->bytes_done += (long long)b.len + 1;
            fail += json_line(in, name, line, b.data ? b.data : "", b.len, &msg);
        }
        if (ferror(f)) {
            buf_printf(&msg, "%s: read error after line %ld: %s\n", name, line, strerror(errno));
            fail++;
        }
    } else if ((all = read_all(f, &b, in->max_doc)) < 0) {
        buf_printf(&msg, "%s: read error: %s\n", name, strerror(errno));
        fail = 1;
    } else {
        size_t bom = b.data ? utf8_bom(b.data, b.len) : 0, i = bom;
        while (i < b.len && (b.data[i] == ' ' || b.data[i] == '\n' || b.data[i] == '\t' || b.data[i] == '\r')) i++;
        if (i == b.len) {
            buf_printf(&msg, "%s: empty file, no article\n", name);
            fail = 1;
        } else if (too_big(&msg, in->max_doc, name, 0, (size_t)all)) {
            in->bytes_done += all;
            fail++;
        } else if ((!is_stdin && (ends_with(path, ".html") || ends_with(path, ".htm"))) ||
                   (is_stdin && html_looks_like(b.data, b.len))) {
            /* a web page: its story and metadata */
            char id[4096], err[256];
            in->bytes_done += (long long)b.len;
            Page pg;
            if (html_read(b.data, b.len, &pg, err, sizeof err)) {
                buf_printf(&msg, "%s: %s\n", name, err);
                fail++;
            } else {
                tell(in, &msg);
                RawDoc r = {name, 0, is_stdin ? input_stdin_id(b.data, b.len, id) : input_file_id(path, id, sizeof id),
                            pg.title, pg.date, pg.url, pg.source, pg.text.data, pg.text.len, pg.author};
                if (in->doc(&r, in->ctx)) fail++;
            }
            page_free(&pg);
        } else {
            char id[4096];
            in->bytes_done += (long long)b.len;
            if (nul_to_space(&msg, name, b.data, b.len)) fail++;   /* coded all the same */
            tell(in, &msg);
            RawDoc r = {name, 0, is_stdin ? input_stdin_id(b.data, b.len, id) : input_file_id(path, id, sizeof id),
                        NULL, NULL, NULL, NULL, b.data, b.len, NULL};
            if (in->doc(&r, in->ctx)) fail++;
        }
    }
    if (!is_stdin) fclose(f);
    buf_free(&b);
    tell(in, &msg);
    buf_free(&msg);
    return fail;
}
