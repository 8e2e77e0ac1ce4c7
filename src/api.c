/* api.c - the JSON API over the event store (docs/api.md): each endpoint
 * reads its parameters (the filters through query.c, as `query` does),
 * runs parameterised SQL on a read-only connection of its own, and writes
 * JSON.  POST /api/code and an event's explanation code text with the
 * server's coder. */
#include "api.h"
#include <ctype.h>
#include <jansson.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "arena.h"
#include "pipeline.h"
#include "query.h"
#include "rows.h"
#include "render.h"
#include "store.h"
#include "utf8.h"

#ifndef HERODOTUS_VERSION
#define HERODOTUS_VERSION "0.0.0"
#endif

/* one read-only connection, and the deadline of the request using it */
typedef struct Conn {
    Db *db;
    struct timespec deadline;
    int busy;
    long long seen;                 /* the store's version (db_version) as last seen */
} Conn;

/* A cached answer: the JSON of a GET, valid while the store is as it was
 * (Api.gen: bumped whenever a connection sees another's commit) */
typedef struct Cached {
    char *key;              /* the path and the parameters, as asked */
    char *body;
    size_t len;
    unsigned long gen;
    struct Cached *next_hash, *prev_lru, *next_lru;
} Cached;

enum { CACHE_FLIGHTS = 64, CACHE_SLOTS = 4096, CACHE_MAX_ENTRIES = 4096, CACHE_MAX_BYTES = 64 << 20, CACHE_MAX_ENTRY = 4 << 20 };

struct Api {
    const Coder *coder;
    char *db_path;
    int pg;                         /* a PostgreSQL store: its SQL dialect */
    Conn *conn;
    int nconn;
    pthread_mutex_t mu;
    pthread_cond_t freed;
    int coding;                     /* texts being coded now (POST /api/code, explanations) */
    pthread_cond_t coded;
    int cache_on;
    unsigned long gen;              /* the store's generation, as far as the cache knows */
    pthread_mutex_t cache_mu;
    Cached *slot[CACHE_SLOTS];
    Cached *lru_head, *lru_tail;    /* most recently used first */
    size_t cache_bytes, cache_n;
    unsigned long hits, misses;
    /* the keys being answered now: a second request for one waits for the
     * first's answer instead of asking the database again */
    char *flight[CACHE_FLIGHTS];
    pthread_cond_t landed;
};

/* ---- answers ---- */

void api_error(ApiResponse *rs, int status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* the message may quote what the client sent: bytes that are no UTF-8 become U+FFFD */
    Buf clean = {0};
    for (size_t i = 0, n = strlen(msg); i < n;) {
        size_t ok = utf8_valid_prefix(msg + i, n - i);
        buf_put(&clean, msg + i, ok);
        i += ok;
        if (i < n) {
            buf_puts(&clean, "\xEF\xBF\xBD");
            i++;
        }
    }
    rs->status = status;
    buf_clear(&rs->body);
    buf_printf(&rs->body, "{\"error\":{\"status\":%d,\"message\":", status);
    buf_json_str(&rs->body, clean.data ? clean.data : "", clean.len);
    buf_puts(&rs->body, "}}");
    buf_free(&clean);
}

/* a database error: over time (503) or another failure (500) */
static void answer_db_error(ApiResponse *rs, Db *db)
{
    if (db_timed_out(db))
        api_error(rs, 503, "the query took more than %d seconds: narrow the filters (a dyad, codes, dates)",
                     API_QUERY_MS / 1000);
    else api_error(rs, 500, "database: %s", db_errmsg(db));
}

/* ---- connections ---- */

static int over_time(void *p)
{
    Conn *c = p;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > c->deadline.tv_sec || (now.tv_sec == c->deadline.tv_sec && now.tv_nsec > c->deadline.tv_nsec);
}

static Conn *conn_take(Api *a)
{
    pthread_mutex_lock(&a->mu);
    Conn *c = NULL;
    for (;;) {
        for (int i = 0; i < a->nconn && !c; i++)
            if (!a->conn[i].busy) c = &a->conn[i];
        if (c) break;
        pthread_cond_wait(&a->freed, &a->mu);
    }
    c->busy = 1;
    pthread_mutex_unlock(&a->mu);
    clock_gettime(CLOCK_MONOTONIC, &c->deadline);
    c->deadline.tv_sec += API_QUERY_MS / 1000;
    return c;
}

static void conn_give(Api *a, Conn *c)
{
    pthread_mutex_lock(&a->mu);
    c->busy = 0;
    pthread_cond_signal(&a->freed);
    pthread_mutex_unlock(&a->mu);
}

/* Coding takes memory (about 50 bytes a byte of text) and a core: as many
 * texts at once as there are database connections, the others wait */
static void coding_take(Api *a)
{
    pthread_mutex_lock(&a->mu);
    while (a->coding >= a->nconn) pthread_cond_wait(&a->coded, &a->mu);
    a->coding++;
    pthread_mutex_unlock(&a->mu);
}

static void coding_give(Api *a)
{
    pthread_mutex_lock(&a->mu);
    a->coding--;
    pthread_cond_signal(&a->coded);
    pthread_mutex_unlock(&a->mu);
}

Api *api_open(const char *db_path, const Coder *coder, int nconn, char *err, size_t errsz)
{
    Api *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    a->coder = coder;
    a->db_path = strdup(db_path);
    a->pg = db_is_pg_uri(db_path);
    a->nconn = nconn < 1 ? 1 : nconn;
    a->conn = calloc((size_t)a->nconn, sizeof *a->conn);
    pthread_mutex_init(&a->mu, NULL);
    pthread_cond_init(&a->freed, NULL);
    pthread_cond_init(&a->coded, NULL);
    pthread_mutex_init(&a->cache_mu, NULL);
    pthread_cond_init(&a->landed, NULL);
    for (int i = 0; i < a->nconn; i++) {
        a->conn[i].db = db_open(db_path, err, errsz);
        if (!a->conn[i].db) {
            api_close(a);
            return NULL;
        }
        sqlite3 *lite = db_sqlite(a->conn[i].db);
        if (lite) {
            sqlite3_busy_timeout(lite, API_QUERY_MS);
            /* pages mapped, not copied in by read(); a larger page cache per connection */
            sqlite3_exec(lite, "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -32768", NULL, NULL, NULL);
            sqlite3_progress_handler(lite, 4000, over_time, &a->conn[i]);
        } else if (db_set_timeout(a->conn[i].db, API_QUERY_MS)) {   /* the server stops a query over time */
            snprintf(err, errsz, "%s", db_errmsg(a->conn[i].db));
            api_close(a);
            return NULL;
        }
    }
    a->cache_on = 1;
    return a;
}

void api_close(Api *a)
{
    if (!a) return;
    for (int i = 0; i < a->nconn; i++) {
        db_close(a->conn[i].db);
    }
    for (Cached *c = a->lru_head, *n; c; c = n) {
        n = c->next_lru;
        free(c->key);
        free(c->body);
        free(c);
    }
    pthread_mutex_destroy(&a->cache_mu);
    pthread_cond_destroy(&a->landed);
    free(a->conn);
    free(a->db_path);
    pthread_mutex_destroy(&a->mu);
    pthread_cond_destroy(&a->freed);
    pthread_cond_destroy(&a->coded);
    free(a);
}

/* ---- the cache of answers ---- */

void api_set_cache(Api *a, int on) { a->cache_on = on; }

/* The store's generation now: this connection's PRAGMA data_version moves
 * when another connection (an ingest) commits, and every connection's
 * move bumps the one generation that cached answers are checked against. */
static unsigned long store_gen(Api *a, Conn *c)
{
    long long v = db_version(c->db);
    pthread_mutex_lock(&a->cache_mu);
    if (v != c->seen || v == 0) {
        c->seen = v;
        a->gen++;
    }
    unsigned long g = a->gen;
    pthread_mutex_unlock(&a->cache_mu);
    return g;
}

static size_t key_hash(const char *k) { return hash_bytes(k, strlen(k)) % CACHE_SLOTS; }

static void lru_unlink(Api *a, Cached *c)
{
    if (c->prev_lru) c->prev_lru->next_lru = c->next_lru;
    else a->lru_head = c->next_lru;
    if (c->next_lru) c->next_lru->prev_lru = c->prev_lru;
    else a->lru_tail = c->prev_lru;
    c->prev_lru = c->next_lru = NULL;
}

static void lru_front(Api *a, Cached *c)
{
    c->next_lru = a->lru_head;
    if (a->lru_head) a->lru_head->prev_lru = c;
    a->lru_head = c;
    if (!a->lru_tail) a->lru_tail = c;
}

static void cache_drop(Api *a, Cached *c)
{
    Cached **p = &a->slot[key_hash(c->key)];
    while (*p != c) p = &(*p)->next_hash;
    *p = c->next_hash;
    lru_unlink(a, c);
    a->cache_bytes -= c->len + strlen(c->key);
    a->cache_n--;
    free(c->key);
    free(c->body);
    free(c);
}

/* the answer cached for key in generation gen into body: 1, else 0 */
static int cache_get(Api *a, const char *key, unsigned long gen, Buf *body)
{
    pthread_mutex_lock(&a->cache_mu);
    Cached *c = a->slot[key_hash(key)];
    while (c && strcmp(c->key, key)) c = c->next_hash;
    int hit = 0;
    if (c && c->gen != gen) cache_drop(a, c);
    else if (c) {
        lru_unlink(a, c);
        lru_front(a, c);
        buf_put(body, c->body, c->len);
        hit = 1;
    }
    if (hit) a->hits++;
    else a->misses++;
    pthread_mutex_unlock(&a->cache_mu);
    return hit;
}

static void cache_put(Api *a, const char *key, unsigned long gen, const Buf *body)
{
    if (body->len > CACHE_MAX_ENTRY) return;
    Cached *c = calloc(1, sizeof *c);
    if (!c) return;
    c->key = strdup(key);
    c->body = malloc(body->len ? body->len : 1);
    if (!c->key || !c->body) {
        free(c->key);
        free(c->body);
        free(c);
        return;
    }
    memcpy(c->body, body->data, body->len);
    c->len = body->len;
    c->gen = gen;
    pthread_mutex_lock(&a->cache_mu);
    size_t h = key_hash(key);
    for (Cached *o = a->slot[h]; o; o = o->next_hash)
        if (!strcmp(o->key, key)) {   /* another thread answered it meanwhile */
            cache_drop(a, o);
            break;
        }
    c->next_hash = a->slot[h];
    a->slot[h] = c;
    lru_front(a, c);
    a->cache_bytes += c->len + strlen(c->key);
    a->cache_n++;
    while (a->lru_tail && (a->cache_bytes > CACHE_MAX_BYTES || a->cache_n > CACHE_MAX_ENTRIES)) cache_drop(a, a->lru_tail);
    pthread_mutex_unlock(&a->cache_mu);
}

/* ---- parameters ---- */

/* The filters of `query` by their parameter names (the option without its
 * "--"), and both_ways for --both-ways */
static const char *const FILTERS[] = {"actor", "source", "target", "dyad", "both_ways", "code", "root", "quad",
                                      "since", "until", "text", "country", "near", "dedup", NULL};

typedef struct Args {
    Filter f;
    int filters;                    /* the endpoint takes the filters */
    const char *const *own;         /* its own parameters */
    const char *val[8];             /* their values (NULL: not given) */
    Buf where;
    Params vals;
} Args;

/* Read rq's parameters into x: the filters (when x->filters) and the
 * endpoint's own (x->own, at most 8).  0, or -1 after a 400 into rs. */
static int read_args(const Api *a, const ApiRequest *rq, Args *x, ApiResponse *rs)
{
    x->f.dedup = 1;
    x->f.pg = a->pg;
    for (int i = 0; i < rq->nparams; i++) {
        const char *k = rq->params[i].key, *v = rq->params[i].value ? rq->params[i].value : "";
        for (int j = 0; j < i; j++)
            if (!strcmp(rq->params[j].key, k)) {
                api_error(rs, 400, "%s: given twice (a list is one value, comma-separated: code=042,043)", k);
                return -1;
            }
        if (!*v) {
            api_error(rs, 400, "%s: empty value (leave the parameter out instead)", k);
            return -1;
        }
        int taken = 0;
        if (x->filters) {
            if (!strcmp(k, "both_ways")) {
                if (strcmp(v, "1") && strcmp(v, "0") && strcmp(v, "true") && strcmp(v, "false")) {
                    api_error(rs, 400, "both_ways: 1 or 0, not '%s'", v);
                    return -1;
                }
                x->f.both_ways = !strcmp(v, "1") || !strcmp(v, "true");
                taken = 1;
            }
            for (int f = 0; FILTERS[f] && !taken; f++)
                if (!strcmp(k, FILTERS[f])) {
                    char opt[16];
                    snprintf(opt, sizeof opt, "--%s", k);
                    char *argv[2] = {opt, (char *)v};
                    int at = 0;
                    char msg[512];
                    if (filter_option(&x->f, 2, argv, &at, msg, sizeof msg) < 0) {
                        /* the option's message names it as --NAME: say NAME */
                        if (!strncmp(msg, "--", 2)) api_error(rs, 400, "%s", msg + 2);
                        else api_error(rs, 400, "%s: %s", k, msg);
                        return -1;
                    }
                    taken = 1;
                }
        }
        for (int o = 0; x->own && x->own[o] && !taken; o++)
            if (!strcmp(k, x->own[o])) {
                x->val[o] = v;
                taken = 1;
            }
        if (!taken) {
            Buf names = {0};
            if (x->filters) {
                buf_puts(&names, "the filters (");
                for (int f = 0; FILTERS[f]; f++) buf_printf(&names, "%s%s", f ? ", " : "", FILTERS[f]);
                buf_putc(&names, ')');
            }
            for (int o = 0; x->own && x->own[o]; o++) buf_printf(&names, "%s%s", names.len ? ", " : "", x->own[o]);
            api_error(rs, 400, "unknown parameter '%s' (%s takes %s)", k, rq->path, names.len ? names.data : "none");
            buf_free(&names);
            return -1;
        }
    }
    if (x->filters) {
        char msg[512];
        if (x->f.both_ways && !x->f.dyad_a) {
            api_error(rs, 400, "both_ways: only with dyad=A:B");
            return -1;
        }
        if (filter_sql(&x->f, &x->where, &x->vals, msg, sizeof msg)) {
            /* filter_sql's messages name options as --NAME or 'value' */
            const char *m = strncmp(msg, "--", 2) ? msg : msg + 2;
            api_error(rs, 400, "%s", m);
            return -1;
        }
    }
    return 0;
}

static void args_free(Args *x)
{
    buf_free(&x->where);
    params_free(&x->vals);
}

/* a whole number in [lo, hi] (def when absent); -1 after a 400 */
static int int_arg(const char *name, const char *v, long lo, long hi, long def, long *out, ApiResponse *rs)
{
    if (!v) {
        *out = def;
        return 0;
    }
    char *end;
    long n = strtol(v, &end, 10);
    if (!isdigit((unsigned char)*v) || *end || n < lo || n > hi) {
        api_error(rs, 400, "%s: a whole number from %ld to %ld, not '%s'", name, lo, hi, v);
        return -1;
    }
    *out = n;
    return 0;
}

/* one of the words of a NULL-ended list (def when absent); -1 after a 400 */
static int word_arg(const char *name, const char *v, const char *const *words, const char *def, const char **out,
                    ApiResponse *rs)
{
    if (!v) {
        *out = def;
        return 0;
    }
    for (int i = 0; words[i]; i++)
        if (!strcmp(v, words[i])) {
            *out = words[i];
            return 0;
        }
    Buf l = {0};
    for (int i = 0; words[i]; i++) buf_printf(&l, "%s%s", i ? (words[i + 1] ? ", " : " or ") : "", words[i]);
    api_error(rs, 400, "%s: %s, not '%s'", name, l.data, v);
    buf_free(&l);
    return -1;
}

static DbStmt *prepare(Conn *c, const char *sql, const Params *vals, ApiResponse *rs)
{
    DbStmt *q = db_prepare(c->db, sql, 0);
    if (!q) {
        answer_db_error(rs, c->db);
        return NULL;
    }
    if (vals) db_bind_all(q, vals->v, vals->n);
    return q;
}

/* Every row of q as an object of its columns, into a JSON array: 0, or -1
 * after an error into rs */
static int rows_json(Conn *c, DbStmt *q, Buf *o, ApiResponse *rs)
{
    int rc, n = 0;
    buf_putc(o, '[');
    while ((rc = db_step(q)) == DB_ROW) {
        buf_puts(o, n++ ? ",{" : "{");
        rows_json_fields(o, q, 0, db_column_count(q));
        buf_putc(o, '}');
    }
    buf_putc(o, ']');
    if (rc == DB_DONE) return 0;
    answer_db_error(rs, c->db);
    return -1;
}

/* ---- events ---- */

/* The columns of an event, named as the API names them, in the order
 * event_json reads them: 20 fields, the place's 5, 3 more, and what the
 * event's detail reads (doc, rule, story) */
#define EVENT_COLUMNS_OF(reports)                                                                                  \
    "e.id, e.date, e.source, e.target, e.code, e.event, e.root, e.quad, e.goldstein, e.plover, e.source_text,"     \
    " e.target_text, e.verb_text, hd_sentence(d.body, d.sentence_spans, e.sentence) AS sentence, d.doc_id, d.url, d.source AS outlet, d.title, e.date_basis," \
    " e.date_text, e.place AS name, e.place_country AS country, e.place_lat AS lat, e.place_lon AS lon,"           \
    " e.place_how AS how, e.quote," reports ", e.doc, e.rule, e.story"
#define EVENT_COLUMNS(pg) ((pg) ? EVENT_COLUMNS_OF(QUERY_REPORTS_PG) : EVENT_COLUMNS_OF(QUERY_REPORTS_LITE))
#define EVENT_FROM " FROM events e JOIN documents d ON d.id = e.doc"
enum { EV_SENTENCE = 13, EV_PLACE = 20, EV_QUOTE = 25, EV_DOC = 28, EV_RULE, EV_STORY };

static void event_json(Buf *o, DbStmt *q)
{
    buf_putc(o, '{');
    rows_json_fields(o, q, 0, EV_PLACE);
    buf_puts(o, ",\"place\":");   /* an object of its own, null without one */
    if (db_column_type(q, EV_PLACE) == DB_NULL) buf_puts(o, "null");
    else {
        buf_putc(o, '{');
        rows_json_fields(o, q, EV_PLACE, EV_QUOTE);
        buf_putc(o, '}');
    }
    buf_putc(o, ',');
    rows_json_fields(o, q, EV_QUOTE, EV_DOC);
    buf_putc(o, '}');
}

/* A page of rows: {"offset", "limit", NAME: [rows by row()], "more"}; q
 * asks for limit + 1 rows, the last only to tell that more follow.  With
 * cursor, a page that more follow also says where it ended, "next":
 * "DATE/ID" (columns 1 and 0 of its last row: its date, NULL undated, and
 * id), for after=. */
typedef void (*RowJson)(Buf *o, DbStmt *q);

static void answer_page(Conn *c, DbStmt *q, const char *name, long offset, long limit, RowJson row, int cursor,
                        ApiResponse *rs)
{
    Buf *o = &rs->body;
    buf_printf(o, "{\"offset\":%ld,\"limit\":%ld,\"%s\":[", offset, limit, name);
    long n = 0;
    int rc;
    char next[64] = "";
    while ((rc = db_step(q)) == DB_ROW && n < limit) {
        if (n++) buf_putc(o, ',');
        row(o, q);
        if (cursor) {
            const char *d = db_column_text(q, 1);
            snprintf(next, sizeof next, "%.10s/%lld", d ? d : "undated", (long long)db_column_int64(q, 0));
        }
    }
    if (rc == DB_ERROR) answer_db_error(rs, c->db);
    else {
        buf_printf(o, "],\"more\":%s", rc == DB_ROW ? "true" : "false");
        if (cursor && rc == DB_ROW) buf_printf(o, ",\"next\":\"%s\"", next);
        buf_putc(o, '}');
        rs->status = 200;
    }
    db_finalize(q);
}

static void get_events(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    static const char *const own[] = {"limit", "offset", "after", NULL};
    Args x = {.filters = 1, .own = own};
    long limit, offset;
    Cursor after;
    if (read_args(a, rq, &x, rs) || int_arg("limit", x.val[0], 1, 1000, 50, &limit, rs) ||
        int_arg("offset", x.val[1], 0, 100000000, 0, &offset, rs)) {
        args_free(&x);
        return;
    }
    if (x.val[2] && (cursor_parse(x.val[2], &after) || offset)) {
        api_error(rs, 400, offset ? "after and offset: one or the other" :
                           "after takes where a page ended, DATE/ID (YYYY-MM-DD or undated, then an event id), as a"
                           " page's \"next\" gives it");
        args_free(&x);
        return;
    }
    /* a page after a cursor reads the events from there in order (its
     * time does not grow with the pages before it); an offset skips them */
    Reader r = {.f = x.f, .where = x.where, .vals = x.vals};
    Buf sql = {0};
    buf_printf(&sql, "SELECT %s" EVENT_FROM " WHERE e.id IN (", EVENT_COLUMNS(a->pg));
    Conn *c = conn_take(a);
    reader_event_ids(&r, &sql, offset + limit + 1, x.val[2] ? &after : NULL, reader_walk(c->db, &r));
    buf_printf(&sql, ") ORDER BY e.date IS NULL, e.date, e.id LIMIT %ld OFFSET %ld", limit + 1, offset);
    DbStmt *q = prepare(c, sql.data, &x.vals, rs);
    if (q) answer_page(c, q, "events", offset, limit, event_json, 1, rs);
    conn_give(a, c);
    buf_free(&sql);
    args_free(&x);
}

/* The stored document doc coded again: the explanation of its event in
 * sentence text stext with source, target and code, into o ("null" when
 * the coder no longer gives it) */
static void explain_json(Api *a, Conn *c, long long doc, const char *stext, const char *source,
                         const char *target, const char *code, const char *rule, Buf *o)
{
    DbStmt *q;
    if (!a->coder || !(q = db_prepare(c->db, "SELECT hd_text(body), pubdate, doc_id FROM documents WHERE id = ?1", 0))) {
        buf_puts(o, "null");
        return;
    }
    db_bind_int64(q, 1, doc);
    if (db_step(q) != DB_ROW || db_column_type(q, 0) == DB_NULL ||
        db_column_bytes(q, 0) > API_EXPLAIN_MAX) {   /* a very long article is not coded again */
        db_finalize(q);
        buf_puts(o, "null");
        return;
    }
    Arena arena;
    arena_init(&arena);
    Doc d;
    const char *body = db_column_text(q, 0);
    RawDoc raw = {"(stored)", 0, db_column_text(q, 2), NULL,
                  db_column_text(q, 1), NULL, NULL, body, (size_t)db_column_bytes(q, 0), NULL};
    char err[256];
    int cut = 0, found = 0;
    coding_take(a);
    int failed = pipeline_run(&d, &arena, &raw, &a->coder->dict, &a->coder->models, &a->coder->opt, NULL, err, sizeof err, &cut);
    coding_give(a);
    if (!failed) {
        size_t sl = stext ? strlen(stext) : 0;
        for (uint32_t i = 0; i < d.nev && !found; i++) {
            EventView v;
            event_view(&d, &d.ev[i], &v, &a->coder->dict);
            if (strcmp(v.code, code) || strcmp(v.source, source) || strcmp(v.target, target)) continue;
            if (stext && (v.text.n != sl || memcmp(v.text.s, stext, sl))) continue;
            found = 1;
            buf_puts(o, "{\"rule\":");
            buf_json_str(o, rule ? rule : v.rule, strlen(rule ? rule : v.rule));
            buf_putc(o, ',');
            render_explain_fields(o, &v);
            /* the candidates of its sentence that gave no event, as `code --explain` prints them */
            buf_puts(o, ",\"dropped\":[");
            Buf line = {0};
            for (uint32_t k = 0, nd = 0; k < d.nnotes; k++) {
                if (d.notes[k].sent != d.ev[i].sent) continue;
                NoteView nv;
                note_view(&d, &d.notes[k], &nv, &a->coder->dict);
                buf_clear(&line);
                render_jsonl.note(&line, &nv);
                if (nd++) buf_putc(o, ',');
                buf_put(o, line.data, line.len - 1);   /* without its newline */
            }
            buf_free(&line);
            buf_puts(o, "]}");
        }
    }
    if (!found) buf_puts(o, "null");
    db_finalize(q);
    arena_free(&arena);
}

/* A stored quote's columns (aliased q), then its via as the server's
 * JSON (PostgreSQL's is written again compact, as SQLite writes it) */
#define QUOTE_COLUMNS                                                                                             \
    "SELECT q.id, d.doc_id, q.n AS quote_id, q.date, q.text, q.kind, q.speaker, q.speaker_code,"                  \
    " q.speaker_how AS how, q.speaker_role AS role,"
#define QUOTE_FROM " FROM quotes q JOIN documents d ON d.id = q.doc"
#define QUOTE_SELECT_PG                                                                                           \
    QUOTE_COLUMNS " (SELECT json_agg(json_build_object('name', v.name, 'kind', v.kind) ORDER BY v.pos)"           \
                  " FROM quote_via v WHERE v.quote = q.id) AS via" QUOTE_FROM
#define QUOTE_SELECT_LITE                                                                                         \
    QUOTE_COLUMNS " (SELECT json_group_array(json_object('name', v.name, 'kind', v.kind)) FROM"                   \
                  "   (SELECT name, kind FROM quote_via v WHERE v.quote = q.id ORDER BY v.pos) v) AS via" QUOTE_FROM

static void quote_json(Buf *o, DbStmt *q)
{
    buf_putc(o, '{');
    rows_json_fields(o, q, 0, 10);
    const char *v = db_column_text(q, 10);
    buf_puts(o, ",\"via\":");
    json_t *j = v ? json_loads(v, 0, NULL) : NULL;   /* written again compact: the same bytes from either server */
    char *compact = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    buf_puts(o, compact ? compact : v ? v : "[]");
    free(compact);
    json_decref(j);
    buf_putc(o, '}');
}

/* The one row of q bound to id, as an object written by row() into o
 * (null when there is none); 0, or -1 after an error into rs */
static int one_row(Conn *c, DbStmt *q, long long id, RowJson row, Buf *o, ApiResponse *rs)
{
    db_bind_int64(q, 1, id);
    int rc = db_step(q);
    if (rc == DB_ROW) row(o, q);
    else if (rc == DB_DONE) buf_puts(o, "null");
    db_finalize(q);
    if (rc == DB_ROW || rc == DB_DONE) return 0;
    answer_db_error(rs, c->db);
    return -1;
}

static void object_json(Buf *o, DbStmt *q)
{
    buf_putc(o, '{');
    rows_json_fields(o, q, 0, db_column_count(q));
    buf_putc(o, '}');
}

static void get_event(Api *a, const ApiRequest *rq, const char *idtext, ApiResponse *rs)
{
    if (rq->nparams) {
        api_error(rs, 400, "unknown parameter '%s' (%s takes none)", rq->params[0].key, rq->path);
        return;
    }
    char *end;
    long long id = strtoll(idtext, &end, 10);
    if (!isdigit((unsigned char)*idtext) || *end || id <= 0) {
        api_error(rs, 404, "no event '%s' (events are numbered 1, 2, ...)", idtext);
        return;
    }
    Conn *c = conn_take(a);
    DbStmt *q = prepare(c, a->pg ? "SELECT " EVENT_COLUMNS_OF(QUERY_REPORTS_PG) EVENT_FROM " WHERE e.id = ?1"
                                 : "SELECT " EVENT_COLUMNS_OF(QUERY_REPORTS_LITE) EVENT_FROM " WHERE e.id = ?1",
                        NULL, rs);
    if (!q) {
        conn_give(a, c);
        return;
    }
    db_bind_int64(q, 1, id);
    int rc = db_step(q);
    if (rc != DB_ROW) {
        if (rc == DB_DONE) api_error(rs, 404, "no event %lld", id);
        else answer_db_error(rs, c->db);
        db_finalize(q);
        conn_give(a, c);
        return;
    }
    Buf *o = &rs->body;
    buf_puts(o, "{\"event\":");
    event_json(o, q);
    /* what the rest reads of the event, before its statement goes */
    long long doc = db_column_int64(q, EV_DOC), story = db_column_int64(q, EV_STORY);
    long long quote_n = db_column_type(q, EV_QUOTE) == DB_NULL ? 0 : db_column_int64(q, EV_QUOTE);
    const char *col[] = {db_column_text(q, EV_SENTENCE), db_column_text(q, 2),
                         db_column_text(q, 3), db_column_text(q, 4),
                         db_column_text(q, EV_RULE), db_column_text(q, 1)};
    char *keep[6];   /* sentence, source, target, code, rule, date (NULL none) */
    for (int k = 0; k < 6; k++) keep[k] = col[k] ? strdup(col[k]) : NULL;
    db_finalize(q);

    int ok = 1;
    buf_puts(o, ",\"document\":");
    q = prepare(c, "SELECT doc_id, url, source AS outlet, title, author, pubdate, place AS dateline, language"
                   " FROM documents WHERE id = ?1", NULL, rs);
    ok = q && !one_row(c, q, doc, object_json, o, rs);
    /* the same event in other articles of its story */
    if (ok) {
        buf_puts(o, ",\"reports\":");
        /* (SQLite's rows and index keep the day as a number: store.c, versions 17, 19) */
        q = prepare(c, a->pg ? "SELECT x.id, xd.doc_id, xd.url, xd.source AS outlet, xd.title, xd.pubdate FROM events x"
                               " JOIN documents xd ON xd.id = x.doc WHERE x.story = ?1 AND x.date IS NOT DISTINCT FROM ?2"
                               " AND x.source = ?3 AND x.target = ?4 AND x.code = ?5 AND x.id != ?6 ORDER BY x.id LIMIT 100"
                             : "SELECT x.id, xd.doc_id, xd.url, xd.source AS outlet, xd.title, xd.pubdate FROM events x"
                               " JOIN documents xd ON xd.id = x.doc WHERE x.story = ?1 AND x.day = " STORE_DAY("?2")
                               " AND x.source = ?3 AND x.target = ?4 AND x.code = ?5 AND x.id != ?6"
                               " ORDER BY x.id LIMIT 100", NULL, rs);
        if (q) {
            db_bind_int64(q, 1, story);
            if (keep[5]) db_bind_text(q, 2, keep[5]);
            for (int k = 1; k <= 3; k++) db_bind_text(q, 2 + k, keep[k]);
            db_bind_int64(q, 6, id);
            ok = !rows_json(c, q, o, rs);
            db_finalize(q);
        } else ok = 0;
    }
    /* the quote it was said in */
    if (ok) {
        buf_puts(o, ",\"quote\":");
        if (!quote_n) buf_puts(o, "null");
        else {
            q = prepare(c, a->pg ? QUOTE_SELECT_PG " WHERE q.doc = ?1 AND q.n = ?2" : QUOTE_SELECT_LITE " WHERE q.doc = ?1 AND q.n = ?2", NULL, rs);
            if (q) db_bind_int64(q, 2, quote_n);
            ok = q && !one_row(c, q, doc, quote_json, o, rs);
        }
    }
    if (ok) {
        buf_puts(o, ",\"explain\":");
        explain_json(a, c, doc, keep[0], keep[1], keep[2], keep[3], keep[4], o);
        buf_putc(o, '}');
        rs->status = 200;
    }
    conn_give(a, c);
    for (int k = 0; k < 6; k++) free(keep[k]);
}

/* ---- series, top lists, places ---- */

enum { MAX_PERIODS = 20000 };

static void get_stats(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    static const char *const own[] = {"by", "group", NULL};
    static const char *const bys[] = {"day", "week", "month", "year", NULL}, *const groups[] = {"root", "quad", NULL};
    Args x = {.filters = 1, .own = own};
    const char *by, *group;
    if (read_args(a, rq, &x, rs) || word_arg("by", x.val[0], bys, "month", &by, rs) ||
        word_arg("group", x.val[1], groups, NULL, &group, rs)) {
        args_free(&x);
        return;
    }
    /* the rows of `stats --by BY [--group G]`: the undated period last */
    Buf sql = {0}, b = {0};
    stats_events_sql(&b, &x.f, 0, by, x.where.data, &x.vals);
    if (group)
        buf_printf(&sql, "SELECT %s AS period, %s AS grp, sum(w), " STATS_MEAN " FROM %s t"
                         " GROUP BY period, grp ORDER BY period, grp", stats_period_sql(by, a->pg), group, b.data);
    else
        buf_printf(&sql, "SELECT %s AS period, NULL, sum(w), " STATS_MEAN " FROM %s t GROUP BY period ORDER BY period",
                   stats_period_sql(by, a->pg), b.data);
    Conn *c = conn_take(a);
    DbStmt *q = prepare(c, sql.data, &x.vals, rs);
    if (q) {
        Buf *o = &rs->body;
        buf_printf(o, "{\"by\":\"%s\",\"group\":", by);
        if (group) buf_printf(o, "\"%s\"", group);
        else buf_puts(o, "null");
        buf_puts(o, ",\"series\":[");
        /* every period from the first to the last: the ones without events as zero rows */
        char last[16] = "";
        int rows = 0, nperiods = 0, rc;
        long long undated = 0;
        while ((rc = db_step(q)) == DB_ROW) {
            const char *p = db_column_text(q, 0);
            if (!p) continue;
            if (!strcmp(p, "undated")) {
                undated += db_column_int64(q, 2);
                continue;
            }
            if (*last && strcmp(last, p)) {
                char next[16];
                while (nperiods < MAX_PERIODS && stats_next_period(by, last, next, sizeof next) && strcmp(next, p) < 0) {
                    buf_printf(o, "%s{\"period\":\"%s\"", rows++ ? "," : "", next);
                    if (group) buf_puts(o, ",\"group\":null,\"label\":null");
                    buf_puts(o, ",\"events\":0,\"goldstein\":null}");
                    snprintf(last, sizeof last, "%s", next);
                    nperiods++;
                }
            }
            if (strcmp(last, p)) nperiods++;
            snprintf(last, sizeof last, "%s", p);
            buf_printf(o, "%s{\"period\":", rows++ ? "," : "");
            buf_json_str(o, p, strlen(p));
            if (group) {
                const char *g = db_column_text(q, 1);
                const char *name = stats_group_name(group, g ? g : "");
                buf_puts(o, ",\"group\":");
                buf_json_str(o, g ? g : "", g ? strlen(g) : 0);
                buf_puts(o, ",\"label\":");
                buf_json_str(o, name, strlen(name));
            }
            buf_printf(o, ",\"events\":%lld,\"goldstein\":", (long long)db_column_int64(q, 2));
            if (db_column_type(q, 3) == DB_NULL) buf_puts(o, "null");
            else buf_printf(o, "%.2f", db_column_double(q, 3));
            buf_putc(o, '}');
        }
        db_finalize(q);
        if (rc != DB_DONE) answer_db_error(rs, c->db);
        else {
            buf_printf(o, "],\"undated\":%lld}", undated);
            rs->status = 200;
        }
    }
    conn_give(a, c);
    buf_free(&sql);
    buf_free(&b);
    args_free(&x);
}

/* The answer {HEAD[rows of sql]}: head opens the object and names the array */
static void answer_rows(Api *a, const char *sql, const Params *vals, const char *head, ApiResponse *rs)
{
    Conn *c = conn_take(a);
    DbStmt *q = prepare(c, sql, vals, rs);
    if (q) {
        buf_puts(&rs->body, head);
        if (!rows_json(c, q, &rs->body, rs)) {
            buf_putc(&rs->body, '}');
            rs->status = 200;
        }
        db_finalize(q);
    }
    conn_give(a, c);
}

static void get_top(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    static const char *const own[] = {"what", "limit", NULL};
    static const char *const whats[] = {"dyads", "actors", "codes", NULL};
    Args x = {.filters = 1, .own = own};
    const char *what;
    long limit;
    if (read_args(a, rq, &x, rs) || word_arg("what", x.val[0], whats, "dyads", &what, rs) ||
        int_arg("limit", x.val[1], 1, 100, 10, &limit, rs)) {
        args_free(&x);
        return;
    }
    Buf sql = {0}, b = {0};
    stats_events_sql(&b, &x.f, 1, NULL, x.where.data, &x.vals);
    stats_top_sql(&sql, &x.f, what, b.data, limit);
    char head[64];
    snprintf(head, sizeof head, "{\"what\":\"%s\",\"rows\":", what);
    answer_rows(a, sql.data, &x.vals, head, rs);
    buf_free(&sql);
    buf_free(&b);
    args_free(&x);
}

static void get_places(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    static const char *const own[] = {"limit", NULL};
    Args x = {.filters = 1, .own = own};
    long limit;
    if (read_args(a, rq, &x, rs) || int_arg("limit", x.val[0], 1, 2000, 500, &limit, rs)) {
        args_free(&x);
        return;
    }
    Reader r = {.f = x.f, .where = x.where, .vals = x.vals};
    Buf sql = {0};
    buf_puts(&sql, "SELECT e.place AS name, e.place_country AS country, round(e.place_lat, 4) AS lat,"
                   " round(e.place_lon, 4) AS lon, min(e.place_kind) AS kind, count(*) AS events"
                   " FROM events e WHERE e.place_lat IS NOT NULL AND e.id IN (");
    reader_event_ids(&r, &sql, 0, NULL, 0);
    buf_printf(&sql, ") GROUP BY e.place, e.place_country, e.place_lat, e.place_lon ORDER BY events DESC, name LIMIT %ld",
               limit);
    answer_rows(a, sql.data, &x.vals, "{\"places\":", rs);
    buf_free(&sql);
    args_free(&x);
}

/* ---- quotes ---- */

static void get_quotes(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    static const char *const own[] = {"speaker", "via", "since", "until", "text", "limit", "offset", NULL};
    Args x = {.own = own};
    long limit, offset;
    if (read_args(a, rq, &x, rs) || int_arg("limit", x.val[5], 1, 1000, 50, &limit, rs) ||
        int_arg("offset", x.val[6], 0, 100000000, 0, &offset, rs)) {
        args_free(&x);
        return;
    }
    /* the filters of `query --speaker/--via` */
    Filter f = {.since = x.val[2], .until = x.val[3], .text = x.val[4]};
    Buf sql = {0};
    buf_puts(&sql, a->pg ? QUOTE_SELECT_PG : QUOTE_SELECT_LITE);
    buf_puts(&sql, " WHERE 1 = 1");
    char msg[512];
    if (quote_filter_sql(x.val[0], x.val[1], &f, &sql, &x.vals, msg, sizeof msg)) {
        api_error(rs, 400, "%s", strncmp(msg, "--", 2) ? msg : msg + 2);
    } else {
        buf_printf(&sql, " ORDER BY q.date IS NULL, q.date, q.id LIMIT %ld OFFSET %ld", limit + 1, offset);
        Conn *c = conn_take(a);
        DbStmt *q = prepare(c, sql.data, &x.vals, rs);
        if (q) answer_page(c, q, "quotes", offset, limit, quote_json, 0, rs);
        conn_give(a, c);
    }
    buf_free(&sql);
    args_free(&x);
}

/* ---- the store at a glance ---- */

static void get_info(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    if (rq->nparams) {
        api_error(rs, 400, "unknown parameter '%s' (%s takes none)", rq->params[0].key, rq->path);
        return;
    }
    Conn *c = conn_take(a);
    DbStmt *q = prepare(c,
                              a->pg ? "SELECT (SELECT CAST(value AS integer) FROM herodotus_meta WHERE key = 'schema_version') AS schema,"
                              " (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events,"
                              " (SELECT count(*) FROM quotes) AS quotes, (SELECT min(date) FROM events) AS first_date,"
                              " (SELECT max(date) FROM events) AS last_date" :
                              "SELECT (SELECT user_version FROM pragma_user_version) AS schema,"
                              " (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM events) AS events,"
                              " (SELECT count(*) FROM quotes) AS quotes, (SELECT date FROM events WHERE day < 9999999"
                              " ORDER BY day LIMIT 1) AS first_date, (SELECT date FROM events WHERE day < 9999999"
                              " ORDER BY day DESC LIMIT 1) AS last_date",
                              NULL, rs);
    if (q) {
        int rc = db_step(q);
        if (rc != DB_ROW) answer_db_error(rs, c->db);
        else {
            Buf *o = &rs->body;
            /* a file's name; a server's database as user@host/db */
            char shown[1024];
            db_shown(a->db_path, shown, sizeof shown);
            const char *name = a->pg ? strstr(shown, "://") + 3 : strrchr(shown, '/') ? strrchr(shown, '/') + 1 : shown;
            buf_puts(o, "{\"version\":\"" HERODOTUS_VERSION "\",\"db\":");
            buf_json_str(o, name, strlen(name));
            buf_putc(o, ',');
            rows_json_fields(o, q, 0, 6);
            pthread_mutex_lock(&a->cache_mu);
            buf_printf(o, ",\"cache\":{\"on\":%s,\"entries\":%zu,\"bytes\":%zu,\"hits\":%lu,\"misses\":%lu}}",
                       a->cache_on ? "true" : "false", a->cache_n, a->cache_bytes, a->hits, a->misses);
            pthread_mutex_unlock(&a->cache_mu);
            rs->status = 200;
        }
        db_finalize(q);
    }
    conn_give(a, c);
}

/* ---- POST /api/code ---- */

static void post_code(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    if (rq->nparams) {
        api_error(rs, 400, "unknown parameter '%s' (%s takes the article as its body)", rq->params[0].key, rq->path);
        return;
    }
    if (!a->coder) {
        api_error(rs, 404, "this server codes no text");
        return;
    }
    if (rq->body_len > API_MAX_BODY) {
        api_error(rs, 413, "the article is %zu bytes; at most %d", rq->body_len, API_MAX_BODY);
        return;
    }
    const char *ct = rq->content_type ? rq->content_type : "text/plain";
    size_t ctl = strcspn(ct, ";");
    while (ctl && ct[ctl - 1] == ' ') ctl--;
    int is_json = ctl == 16 && !strncasecmp(ct, "application/json", 16);
    int is_text = ctl == 10 && !strncasecmp(ct, "text/plain", 10);
    if (!is_json && !is_text) {
        api_error(rs, 415, "Content-Type '%.*s': text/plain (the article) or application/json ({\"text\": ...})",
                     (int)(ctl > 100 ? 100 : ctl), ct);
        return;
    }
    json_t *root = NULL;
    const char *text = rq->body ? rq->body : "", *date = NULL, *title = NULL;
    size_t len = rq->body_len;
    if (is_json) {
        json_error_t je;
        root = json_loadb(rq->body ? rq->body : "", rq->body_len, JSON_REJECT_DUPLICATES, &je);
        json_t *t = root ? json_object_get(root, "text") : NULL;
        if (!root || !json_is_object(root)) {
            api_error(rs, 400, "body: a JSON object {\"text\": ..., \"date\": ...} (%s at line %d, column %d)",
                         root ? "not an object" : je.text, je.line, je.column);
            json_decref(root);
            return;
        }
        if (!json_is_string(t)) {
            api_error(rs, 400, "body: \"text\" must be a string (the article)");
            json_decref(root);
            return;
        }
        const char *k;
        json_t *v;
        json_object_foreach(root, k, v) {
            if (strcmp(k, "text") && strcmp(k, "date") && strcmp(k, "title")) {
                api_error(rs, 400, "body: unknown field \"%s\" (text, date, title)", k);
                json_decref(root);
                return;
            }
            if (!json_is_string(v)) {
                api_error(rs, 400, "body: \"%s\" must be a string", k);
                json_decref(root);
                return;
            }
        }
        text = json_string_value(t);
        len = json_string_length(t);
        date = json_string_value(json_object_get(root, "date"));
        title = json_string_value(json_object_get(root, "title"));
        if (date && !*date) date = NULL;
    }
    if (date) {
        Filter f = {0};
        Params vals = {0};
        Buf w = {0};
        char msg[256];
        char *argv[2] = {(char *)"--since", (char *)date};
        int at = 0;
        filter_option(&f, 2, argv, &at, msg, sizeof msg);
        int bad = filter_sql(&f, &w, &vals, msg, sizeof msg);
        buf_free(&w);
        params_free(&vals);
        if (bad) {
            api_error(rs, 400, "body: \"date\" is YYYY-MM-DD, not '%s'", date);
            json_decref(root);
            return;
        }
    }
    Arena arena;
    arena_init(&arena);
    Doc d;
    RawDoc raw = {"(posted)", 0, "posted", title, date, NULL, NULL, text, len, NULL};
    char err[512];
    int cut = 0;
    coding_take(a);
    int failed = pipeline_run(&d, &arena, &raw, &a->coder->dict, &a->coder->models, &a->coder->opt, NULL, err, sizeof err, &cut);
    coding_give(a);
    if (failed) {
        api_error(rs, 400, "body: %s", err);
    } else {
        Buf *o = &rs->body, line = {0};
        buf_puts(o, "{\"events\":[");
        for (uint32_t i = 0; i < d.nev; i++) {
            EventView v;
            event_view(&d, &d.ev[i], &v, &a->coder->dict);
            buf_clear(&line);
            render_jsonl.event(&line, &v);
            if (i) buf_putc(o, ',');
            buf_put(o, line.data, line.len - 1);   /* without its newline */
        }
        buf_puts(o, "],\"dropped\":[");
        for (uint32_t i = 0; i < d.nnotes; i++) {
            NoteView nv;
            note_view(&d, &d.notes[i], &nv, &a->coder->dict);
            buf_clear(&line);
            render_jsonl.note(&line, &nv);
            if (i) buf_putc(o, ',');
            buf_put(o, line.data, line.len - 1);
        }
        buf_puts(o, "],\"quotes\":[");
        for (uint32_t i = 0; i < d.nquotes; i++) {
            QuoteView qv;
            quote_view(&d, i, &qv);
            buf_clear(&line);
            render_jsonl.quote(&line, &qv);
            if (i) buf_putc(o, ',');
            buf_put(o, line.data, line.len - 1);
        }
        buf_printf(o, "],\"sentences\":%u,\"language\":", d.nsent);
        const char *lang = d.lang[0] ? d.lang : "en";
        buf_json_str(o, lang, strlen(lang));
        buf_putc(o, '}');
        buf_free(&line);
        rs->status = 200;
    }
    arena_free(&arena);
    json_decref(root);
}

/* ---- routing ---- */

typedef void (*Endpoint)(Api *, const ApiRequest *, ApiResponse *);

/* a GET through the cache (not /api/info, whose counts are of the moment
 * and cheap); one event when id is given */
static void answer_cached(Api *a, const ApiRequest *rq, ApiResponse *rs, Endpoint get, const char *id)
{
    if (!a->cache_on || get == get_info) {
        if (get) get(a, rq, rs);
        else get_event(a, rq, id, rs);
        return;
    }
    Buf key = {0};
    buf_puts(&key, rq->path);
    for (int i = 0; i < rq->nparams; i++) {
        buf_printf(&key, "\n%s=", rq->params[i].key);
        if (rq->params[i].value) buf_puts(&key, rq->params[i].value);
    }
    Conn *c = conn_take(a);
    unsigned long gen = store_gen(a, c);
    conn_give(a, c);
    int slot = -1;
    for (;;) {
        if (cache_get(a, key.data, gen, &rs->body)) {
            rs->status = 200;
            break;
        }
        /* not cached: answer it, unless another thread is answering it now */
        pthread_mutex_lock(&a->cache_mu);
        int busy = 0, free_slot = -1;
        for (int i = 0; i < CACHE_FLIGHTS; i++) {
            if (a->flight[i] && !strcmp(a->flight[i], key.data)) busy = 1;
            if (!a->flight[i] && free_slot < 0) free_slot = i;
        }
        if (busy) {
            pthread_cond_wait(&a->landed, &a->cache_mu);
            pthread_mutex_unlock(&a->cache_mu);
            continue;
        }
        if (free_slot >= 0) a->flight[slot = free_slot] = key.data;
        pthread_mutex_unlock(&a->cache_mu);
        if (get) get(a, rq, rs);
        else get_event(a, rq, id, rs);
        if (rs->status == 200) cache_put(a, key.data, gen, &rs->body);
        break;
    }
    if (slot >= 0) {
        pthread_mutex_lock(&a->cache_mu);
        a->flight[slot] = NULL;
        pthread_cond_broadcast(&a->landed);
        pthread_mutex_unlock(&a->cache_mu);
    }
    buf_free(&key);
}

void api_handle(Api *a, const ApiRequest *rq, ApiResponse *rs)
{
    buf_clear(&rs->body);
    rs->status = 500;
    rs->allow = NULL;
    const char *p = rq->path;
    if (!strcmp(p, "/api/code")) {
        if (strcmp(rq->method, "POST")) {
            rs->allow = "POST";
            api_error(rs, 405, "/api/code takes POST (the article as the body), not %s", rq->method);
            return;
        }
        post_code(a, rq, rs);
        return;
    }
    /* the GET endpoints; "/api/events/" takes the event's id after it */
    static const struct {
        const char *path;
        Endpoint get;
    } routes[] = {{"/api/events", get_events}, {"/api/stats", get_stats},   {"/api/top", get_top},
                  {"/api/places", get_places}, {"/api/quotes", get_quotes}, {"/api/info", get_info},
                  {"/api/events/", NULL}};
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        size_t n = strlen(routes[i].path);
        if (routes[i].get ? strcmp(p, routes[i].path) : strncmp(p, routes[i].path, n)) continue;
        if (strcmp(rq->method, "GET") && strcmp(rq->method, "HEAD")) {
            rs->allow = "GET, HEAD";
            api_error(rs, 405, "%s takes GET, not %s", p, rq->method);
            return;
        }
        answer_cached(a, rq, rs, routes[i].get, routes[i].get ? NULL : p + n);
        return;
    }
    api_error(rs, 404, "no endpoint %.200s (docs/api.md: /api/events, /api/events/ID, /api/stats, /api/top,"
                       " /api/places, /api/quotes, /api/info, POST /api/code)", p);
}
