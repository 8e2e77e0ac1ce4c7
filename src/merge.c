/* merge.c - herodotus merge --db OUT STORE...: every document of each
 * store, in the order of the stores and of their documents, stored into
 * OUT by the store's own path (store_doc): the same id or text already in
 * OUT is skipped, reprints are linked against everything OUT holds (across
 * parts), the rollups count one-a-day events across them, and documents,
 * events and quotes get the ids one ingest of the same inputs in the same
 * order would have given them.  Nothing is coded again: the events are
 * copied as stored. */
#include "merge.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "dates.h"
#include "quotes.h"
#include "store.h"

static const char USAGE[] =
    "usage: herodotus merge --db OUT [--quiet] STORE...\n"
    "\n"
    "Put the stores of the parts of a sharded run (ingest --shard K/N, one\n"
    "store a part; see herodotus shard) together into OUT (created when\n"
    "missing), in the order given: the documents and their events, quotes\n"
    "and stories, as one ingest of all the inputs in that order would have\n"
    "stored them: a document whose id or text OUT holds already is skipped,\n"
    "reprints are found across the parts, one-a-day counts span them.  The\n"
    "stores must be of this herodotus's schema (an ingest migrates one).\n"
    "Run again, it adds nothing.\n";

static int usage_error(const char *msg)
{
    fprintf(stderr, "herodotus merge: %s\n(see herodotus merge --help)\n", msg);
    return 2;
}

static const char *col(sqlite3_stmt *q, int i, Arena *a)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(q, i)) : NULL;
}

static Span col_span(sqlite3_stmt *q, int i, Arena *a)
{
    const char *s = col(q, i, a);
    return (Span){s, s ? strlen(s) : 0};
}

typedef struct Reader {
    sqlite3 *db;
    sqlite3_stmt *docs, *evs, *quotes, *via;
} Reader;

static void reader_close(Reader *r)
{
    sqlite3_finalize(r->docs);
    sqlite3_finalize(r->evs);
    sqlite3_finalize(r->quotes);
    sqlite3_finalize(r->via);
    sqlite3_close(r->db);
}

static int reader_open(Reader *r, const char *path, char *err, size_t errsz)
{
    memset(r, 0, sizeof *r);
    if (!(r->db = store_open_read(path, err, errsz))) return -1;
    static const char *const sql[] = {
        "SELECT id, doc_id, url, source, title, pubdate, place, content_hash, signature, hd_text(body), body,"
        " hd_spans(sentence_spans), author, language, ingested_at FROM documents ORDER BY id",
        "SELECT sentence, date, source, target, code, root, quad, goldstein, source_text, target_text, verb_text,"
        " place, rule, event, plover, date_basis, date_text, quote, place_country, place_lat, place_lon, place_how,"
        " place_kind, place_region FROM events WHERE doc = ?1 ORDER BY id",
        "SELECT id, sentence, text, kind, speaker, speaker_code, speaker_how, speaker_role FROM quotes WHERE doc = ?1"
        " ORDER BY n",
        "SELECT name, kind FROM quote_via WHERE quote = ?1 ORDER BY pos",
    };
    sqlite3_stmt **q[] = {&r->docs, &r->evs, &r->quotes, &r->via};
    for (int i = 0; i < 4; i++)
        if (sqlite3_prepare_v2(r->db, sql[i], -1, q[i], NULL) != SQLITE_OK) {
            snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(r->db));
            reader_close(r);
            return -1;
        }
    return 0;
}

static int via_kind(const char *name)
{
    for (int k = VIA_OUTLET; k <= VIA_ACCOUNT; k++)
        if (name && !strcmp(via_kind_name(k), name)) return k;
    return VIA_OUTLET;
}

/* The events of document id (the reader's) into v */
static void read_events(Reader *r, sqlite3_int64 id, StoreView *v, Arena *a)
{
    sqlite3_stmt *q = r->evs;
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, id);
    size_t cap = 16, n = 0;
    StoredEvent *ev = arena_alloc(a, cap * sizeof *ev);
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (n == cap) {
            size_t next = arena_next_cap(cap);
            ev = arena_grow(a, ev, cap * sizeof *ev, next * sizeof *ev);
            cap = next;
        }
        StoredEvent *e = &ev[n++];
        e->sentence = (uint32_t)sqlite3_column_int64(q, 0);
        const char *date = (const char *)sqlite3_column_text(q, 1), *root = (const char *)sqlite3_column_text(q, 5);
        snprintf(e->date, sizeof e->date, "%s", date ? date : "");
        snprintf(e->root, sizeof e->root, "%s", root ? root : "");
        e->source = col(q, 2, a);
        e->target = col(q, 3, a);
        e->code = col(q, 4, a);
        e->quad = sqlite3_column_int(q, 6);
        e->goldstein = sqlite3_column_double(q, 7);
        e->source_text = col_span(q, 8, a);
        e->target_text = col_span(q, 9, a);
        e->verb_text = col_span(q, 10, a);
        e->place = col(q, 11, a);
        e->rule = col(q, 12, a);
        e->name = col(q, 13, a);
        e->plover = col(q, 14, a);
        if (!e->plover) e->plover = "";
        e->date_basis = col(q, 15, a);
        e->date_text = col_span(q, 16, a);
        e->quote = (uint32_t)sqlite3_column_int64(q, 17);
        const char *pc = (const char *)sqlite3_column_text(q, 18);
        snprintf(e->place_country, sizeof e->place_country, "%s", pc ? pc : "");
        e->place_lat = sqlite3_column_double(q, 19);
        e->place_lon = sqlite3_column_double(q, 20);
        e->place_how = col(q, 21, a);
        const char *kind = (const char *)sqlite3_column_text(q, 22);
        e->place_city = kind && !strcmp(kind, "city");
        e->place_region = col(q, 23, a);
        if (!e->source) e->source = "";
        if (!e->target) e->target = "";
        if (!e->code) e->code = "";
    }
    v->ev = ev;
    v->nev = (uint32_t)n;
    store_view_sentence_firsts(v, a);
}

static void read_quotes(Reader *r, sqlite3_int64 id, StoreView *v, Arena *a)
{
    sqlite3_stmt *q = r->quotes;
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, id);
    size_t cap = 8, n = 0;
    StoredQuote *qs = arena_alloc(a, cap * sizeof *qs);
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (n == cap) {
            size_t next = arena_next_cap(cap);
            qs = arena_grow(a, qs, cap * sizeof *qs, next * sizeof *qs);
            cap = next;
        }
        StoredQuote *x = &qs[n++];
        x->sentence = (uint32_t)sqlite3_column_int64(q, 1);
        x->text = col(q, 2, a);
        x->kind = col(q, 3, a);
        x->speaker = col(q, 4, a);
        x->code = col(q, 5, a);
        x->how = col(q, 6, a);
        x->role = col(q, 7, a);
        if (!x->text) x->text = "";
        if (!x->kind) x->kind = "whole";
        if (!x->how) x->how = "none";
        sqlite3_reset(r->via);
        sqlite3_bind_int64(r->via, 1, sqlite3_column_int64(q, 0));
        while (x->nvia < QUOTE_MAX_VIA && sqlite3_step(r->via) == SQLITE_ROW) {
            x->via[x->nvia].name = col(r->via, 0, a);
            x->via[x->nvia].kind = (uint8_t)via_kind((const char *)sqlite3_column_text(r->via, 1));
            if (x->via[x->nvia].name) x->nvia++;
        }
    }
    v->quotes = qs;
    v->nquotes = (uint32_t)n;
}

/* The reader's current document as the store takes it; -1 when its stored
 * text cannot be read (err) */
static int read_doc(Reader *r, StoreView *v, Arena *a, char *err, size_t errsz)
{
    sqlite3_stmt *q = r->docs;
    memset(v, 0, sizeof *v);
    sqlite3_int64 id = sqlite3_column_int64(q, 0);
    v->id = col(q, 1, a);
    v->url = col(q, 2, a);
    v->source = col(q, 3, a);
    v->title = col(q, 4, a);
    const char *pd = (const char *)sqlite3_column_text(q, 5);
    size_t used = 0;
    v->pubdate = pd ? date_parse(pd, strlen(pd), &used) : 0;
    v->place = col(q, 6, a);
    v->stored_at = col(q, 14, a);   /* kept: when it was first stored */
    const char *hash = (const char *)sqlite3_column_text(q, 7);
    snprintf(v->hash, sizeof v->hash, "%s", hash ? hash : "");
    const char *body = col(q, 9, a);
    if (!body && sqlite3_column_type(q, 10) != SQLITE_NULL) {
        snprintf(err, errsz, "document %s: its stored body cannot be read", v->id ? v->id : "?");
        return -1;
    }
    v->body = body ? body : "";
    v->body_len = body ? (uint32_t)strlen(body) : 0;
    /* its signature made again from the body, as when it was coded (a
     * SQLite store keeps a byte of each value) */
    v->shingles = store_sig_of(v->body, v->body_len, v->sig);
    if (sqlite3_column_type(q, 10) == SQLITE_BLOB) {
        size_t n = (size_t)sqlite3_column_bytes(q, 10);
        void *p = arena_alloc(a, n + 1);
        memcpy(p, sqlite3_column_blob(q, 10), n);
        v->packed = p;
        v->packed_len = (uint32_t)n;
    }
    v->spans = col(q, 11, a);
    v->spans_len = v->spans ? (uint32_t)strlen(v->spans) : 0;
    if (!v->spans) v->spans = "";
    if (store_view_spans(v, v->spans, a)) {
        snprintf(err, errsz, "document %s: its sentence spans do not fit its body", v->id ? v->id : "?");
        return -1;
    }
    v->author = col(q, 12, a);
    const char *lang = (const char *)sqlite3_column_text(q, 13);
    snprintf(v->language, sizeof v->language, "%s", lang ? lang : "");
    read_events(r, id, v, a);
    read_quotes(r, id, v, a);
    return 0;
}

int merge_into(const char *cmd, const char *out, const char *const *in, int nin, int quiet)
{
    char err[1024];
    Store *st = store_open(out, err, sizeof err);
    if (!st) {
        fprintf(stderr, "herodotus %s: %s\n", cmd, err);
        return 1;
    }
    Arena a;
    arena_init(&a);
    long docs = 0, skipped = 0;
    int rc = 0;
    for (int i = 0; i < nin && !rc; i++) {
        Reader r;
        if (reader_open(&r, in[i], err, sizeof err)) {
            fprintf(stderr, "herodotus %s: %s\n", cmd, err);
            rc = 1;
            break;
        }
        int step;
        while (!rc && (step = sqlite3_step(r.docs)) == SQLITE_ROW) {
            arena_reset(&a);
            StoreView v;
            docs++;
            if (read_doc(&r, &v, &a, err, sizeof err)) {
                fprintf(stderr, "herodotus %s: %s: %s; not stored\n", cmd, in[i], err);
                rc = 1;
                break;
            }
            int s = store_doc(st, &v, 0, err, sizeof err);
            if (s < 0) {
                fprintf(stderr, "herodotus %s: %s\n", cmd, err);
                rc = 1;
            } else if (s == 1) {
                skipped++;
            }
        }
        if (!rc && step != SQLITE_DONE) {
            fprintf(stderr, "herodotus %s: %s: %s\n", cmd, in[i], sqlite3_errmsg(r.db));
            rc = 1;
        }
        reader_close(&r);
    }
    if (store_commit(st, err, sizeof err)) {
        fprintf(stderr, "herodotus %s: %s\n", cmd, err);
        rc = 1;
    }
    StoreTotals t = store_totals(st);
    store_close(st);
    arena_free(&a);
    if (!quiet || rc)
        fprintf(stderr, "herodotus %s: %ld document%s read from %d store%s: %ld stored with %ld events, %ld skipped as"
                        " already stored%s\n", cmd, docs, docs == 1 ? "" : "s", nin, nin == 1 ? "" : "s", t.docs,
                t.events, skipped + t.skipped, rc ? " (the last batch not stored: run the same command again)" : "");
    return rc;
}

int merge_main(int argc, char **argv)
{
    const char *out = NULL;
    int quiet = 0, nin = 0;
    const char **in = calloc((size_t)argc + 1, sizeof *in);
    if (!in) abort();
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE, stdout);
            free(in);
            return 0;
        } else if (!strcmp(a, "--db")) {
            if (i + 1 >= argc) {
                free(in);
                return usage_error("option needs a value");
            }
            out = argv[++i];
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else if (a[0] == '-' && a[1]) {
            char msg[256];
            snprintf(msg, sizeof msg, "unknown option '%s'", a);
            free(in);
            return usage_error(msg);
        } else {
            in[nin++] = a;
        }
    }
    if (!out || !nin) {
        free(in);
        return usage_error(!out ? "--db OUT is required" : "give the stores to merge");
    }
    int rc = merge_into("merge", out, in, nin, quiet);
    free(in);
    return rc;
}

static const char USAGE_MIGRATE[] =
    "usage: herodotus migrate --from FILE.db --to postgresql://... [--quiet]\n"
    "\n"
    "Move a store: every document of the SQLite store FILE.db, with its\n"
    "events, quotes and stories, into the store at --to (a PostgreSQL\n"
    "server's, created when empty; or another SQLite file), as herodotus\n"
    "merge does.  Documents the target holds already are skipped: run again,\n"
    "it adds nothing; interrupted, it finishes the job.\n";

int migrate_main(int argc, char **argv)
{
    const char *from = NULL, *to = NULL;
    int quiet = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE_MIGRATE, stdout);
            return 0;
        } else if ((!strcmp(a, "--from") || !strcmp(a, "--to")) && i + 1 < argc) {
            if (!strcmp(a, "--from")) from = argv[++i];
            else to = argv[++i];
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else {
            fprintf(stderr, "herodotus migrate: %s '%s'\n(see herodotus migrate --help)\n",
                    !strcmp(a, "--from") || !strcmp(a, "--to") ? "option needs a value:" : "unknown argument", a);
            return 2;
        }
    }
    if (!from || !to) {
        fprintf(stderr, "herodotus migrate: --from FILE.db and --to DATABASE are required\n(see herodotus migrate --help)\n");
        return 2;
    }
    const char *in[] = {from};
    return merge_into("migrate", to, in, 1, quiet);
}
