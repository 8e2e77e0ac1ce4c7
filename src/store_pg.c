/* store_pg.c - the event store in a PostgreSQL server (libpq), for a team
 * that shares one store or a cluster whose tasks ingest into it at once.
 *
 * The same tables as the SQLite store (docs/schema.md), with what the
 * server does better: ids from sequences, so that several ingest
 * processes (on several machines) write at once; a document is inserted
 * with ON CONFLICT DO NOTHING on its id and its text's hash, so a document
 * two of them code is stored once (the second waits for the first's
 * commit, then skips it); a batch's events, sentences and quotes go in by
 * COPY (a document's reprint bands at once: its reprint may follow in the
 * batch); the rollups are summed in one statement per batch, the keys in
 * one order for every process (no deadlock between them);
 * deletions (--replace) keep them by triggers.  The sentences of events
 * are kept as text with a full-text index (PostgreSQL's own, 'simple'
 * configuration); bodies as text (the server compresses them itself).
 *
 * Every batch of documents is one transaction, as in SQLite: a killed
 * ingest loses at most its last batch. */
#include "store_int.h"
#include "dyn_pq.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "arena.h"
#include "buf.h"
#include "dates.h"
#include "quotes.h"


/* The schema: created once (under an advisory lock: several processes may
 * start at once), its version in herodotus_meta. */
static const char *const PG_SCHEMA[] = {
    "CREATE TABLE IF NOT EXISTS herodotus_meta(key text PRIMARY KEY, value text NOT NULL);"
    "CREATE SEQUENCE IF NOT EXISTS documents_id_seq;"
    "CREATE SEQUENCE IF NOT EXISTS events_id_seq;"
    "CREATE SEQUENCE IF NOT EXISTS quotes_id_seq;"
    "CREATE TABLE IF NOT EXISTS documents(id bigint PRIMARY KEY, doc_id text NOT NULL UNIQUE, url text, source text,"
    "  title text, pubdate text, place text, content_hash text NOT NULL UNIQUE,"
    "  ingested_at text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
    "  story bigint, signature bytea, body text, sentence_spans text, author text, language text);"
    "CREATE INDEX IF NOT EXISTS documents_story ON documents(story);"
    "CREATE TABLE IF NOT EXISTS events(id bigint PRIMARY KEY, doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence integer NOT NULL, date text, source text NOT NULL, target text NOT NULL, code text NOT NULL,"
    "  root text NOT NULL, quad integer NOT NULL, goldstein double precision NOT NULL, source_text text,"
    "  target_text text, verb_text text, place text, rule text, story bigint, event text, plover text,"
    "  date_basis text, date_text text, quote integer, place_country text, place_lat double precision,"
    "  place_lon double precision, place_how text, place_kind text, place_region text,"
    "  sc text GENERATED ALWAYS AS (substr(source, 1, 3)) STORED,"
    "  tc text GENERATED ALWAYS AS (substr(target, 1, 3)) STORED);"
    "CREATE INDEX IF NOT EXISTS events_day ON events(date, source, target, code);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);"
    "CREATE INDEX IF NOT EXISTS events_place ON events(place_country, date) WHERE place_country IS NOT NULL;"
    /* the sentences that carry events, under their first event's id */
    "CREATE TABLE IF NOT EXISTS sentences(id bigint PRIMARY KEY, doc bigint NOT NULL REFERENCES documents(id)"
    "  ON DELETE CASCADE, text text NOT NULL);"
    "CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc);",
    "CREATE INDEX IF NOT EXISTS sentences_fts ON sentences USING gin(to_tsvector('simple', text));"
    "CREATE TABLE IF NOT EXISTS quotes(id bigint PRIMARY KEY, doc bigint NOT NULL REFERENCES documents(id)"
    "  ON DELETE CASCADE, n integer NOT NULL, sentence integer NOT NULL, date text, text text NOT NULL, kind text NOT NULL,"
    "  speaker text, speaker_code text, speaker_how text NOT NULL, speaker_role text, UNIQUE(doc, n));"
    "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_code, date);"
    "CREATE TABLE IF NOT EXISTS quote_via(quote bigint NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,"
    "  pos integer NOT NULL, name text NOT NULL, kind text NOT NULL, PRIMARY KEY(quote, pos));"
    "CREATE INDEX IF NOT EXISTS quote_via_name ON quote_via(lower(name), quote);"
    "CREATE TABLE IF NOT EXISTS event_days(sc text NOT NULL, tc text NOT NULL, date text NOT NULL, source text NOT NULL,"
    "  target text NOT NULL, code text NOT NULL, root text NOT NULL, quad integer NOT NULL,"
    "  goldstein double precision NOT NULL, id bigint NOT NULL, n bigint NOT NULL,"
    "  PRIMARY KEY(sc, tc, date, source, target, code));"
    "CREATE INDEX IF NOT EXISTS event_days_target ON event_days(tc, sc, date, root, quad, id);"
    "CREATE INDEX IF NOT EXISTS event_days_date ON event_days(date, root, quad, id);"
    "CREATE TABLE IF NOT EXISTS day_totals(date text NOT NULL, root text NOT NULL, quad integer NOT NULL,"
    "  days bigint NOT NULL, n bigint NOT NULL, g10_days bigint NOT NULL, g10 bigint NOT NULL,"
    "  PRIMARY KEY(date, root, quad));"
    "CREATE TABLE IF NOT EXISTS doc_bands(week bigint NOT NULL, band integer NOT NULL, hash bigint NOT NULL,"
    "  doc bigint NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY(week, band, hash, doc));"
    "CREATE INDEX IF NOT EXISTS doc_bands_doc ON doc_bands(doc);",
    /* deletions keep the rollups (as the SQLite store's triggers do) */
    "CREATE OR REPLACE FUNCTION herodotus_events_ad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    "  UPDATE event_days SET n = n - 1, id = CASE WHEN id <> OLD.id THEN id ELSE coalesce((SELECT min(x.id)"
    "    FROM events x WHERE coalesce(x.date, 'undated') = coalesce(OLD.date, 'undated') AND x.source = OLD.source"
    "    AND x.target = OLD.target"
    "    AND x.code = OLD.code), 0) END"
    "   WHERE sc = substr(OLD.source, 1, 3) AND tc = substr(OLD.target, 1, 3) AND date = coalesce(OLD.date, 'undated')"
    "    AND source = OLD.source AND target = OLD.target AND code = OLD.code;"
    "  DELETE FROM event_days WHERE sc = substr(OLD.source, 1, 3) AND tc = substr(OLD.target, 1, 3)"
    "    AND date = coalesce(OLD.date, 'undated') AND source = OLD.source AND target = OLD.target AND code = OLD.code"
    "    AND n <= 0;"
    "  RETURN NULL; END $$;",
    "CREATE OR REPLACE FUNCTION herodotus_event_days_au() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    "  IF NEW.n < OLD.n THEN"
    "    UPDATE day_totals SET n = n + NEW.n - OLD.n, g10 = g10 + (NEW.n - OLD.n) * round(NEW.goldstein * 10)::bigint"
    "     WHERE date = NEW.date AND root = NEW.root AND quad = NEW.quad;"
    "  END IF; RETURN NULL; END $$;"
    "CREATE OR REPLACE FUNCTION herodotus_event_days_ad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    "  UPDATE day_totals SET days = days - 1, n = n - OLD.n, g10_days = g10_days - round(OLD.goldstein * 10)::bigint,"
    "    g10 = g10 - OLD.n * round(OLD.goldstein * 10)::bigint"
    "   WHERE date = OLD.date AND root = OLD.root AND quad = OLD.quad;"
    "  DELETE FROM day_totals WHERE date = OLD.date AND root = OLD.root AND quad = OLD.quad AND days <= 0;"
    "  RETURN NULL; END $$;"
    "DROP TRIGGER IF EXISTS events_ad_days ON events;"
    "CREATE TRIGGER events_ad_days AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION herodotus_events_ad();"
    "DROP TRIGGER IF EXISTS event_days_au ON event_days;"
    "CREATE TRIGGER event_days_au AFTER UPDATE OF n ON event_days FOR EACH ROW EXECUTE FUNCTION herodotus_event_days_au();"
    "DROP TRIGGER IF EXISTS event_days_ad ON event_days;"
    "CREATE TRIGGER event_days_ad AFTER DELETE ON event_days FOR EACH ROW EXECUTE FUNCTION herodotus_event_days_ad();"
    /* version 2: what the readers' SQL (db.h) needs of the server: the
     * events of a story at once (query's reports), the store's functions
     * (store.h: hd_text, hd_sentence, hd_km, the same numbers as SQLite's),
     * and SQLite's instr, group_concat and round(real, digits) */
    "CREATE INDEX IF NOT EXISTS events_story ON events(story, date, source, target, code);"
    "CREATE OR REPLACE FUNCTION hd_text(body text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT body';"
    /* spans are byte offsets into the UTF-8 body: "start+length ..." */
    "CREATE OR REPLACE FUNCTION hd_sentence(body text, spans text, idx integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$"
    "  SELECT convert_from(substring(convert_to(body, 'UTF8') FROM split_part(s, '+', 1)::integer + 1"
    "    FOR split_part(s, '+', 2)::integer), 'UTF8')"
    "  FROM (SELECT split_part(spans, ' ', idx + 1) AS s) x WHERE idx >= 0 AND s LIKE '%+%'"
    "  AND split_part(s, '+', 1)::bigint + split_part(s, '+', 2)::bigint <= octet_length(body) $$;"
    "CREATE OR REPLACE FUNCTION hd_km(lat1 double precision, lon1 double precision, lat2 double precision,"
    "  lon2 double precision) RETURNS double precision LANGUAGE sql IMMUTABLE AS $$"
    "  SELECT 2 * 6371.0 * asin(sqrt(least(1.0, sin(radians(lat2 - lat1) / 2) ^ 2"
    "    + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2))) $$;"
    "CREATE OR REPLACE FUNCTION instr(s text, t text) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT strpos(s, t)';"
    "CREATE OR REPLACE FUNCTION round(x double precision, digits integer) RETURNS double precision LANGUAGE sql"
    "  IMMUTABLE AS 'SELECT round(x::numeric, digits)::double precision';"
    "CREATE OR REPLACE FUNCTION hd_concat(acc text, v text, sep text) RETURNS text LANGUAGE sql IMMUTABLE AS"
    "  'SELECT CASE WHEN v IS NULL THEN acc WHEN acc IS NULL THEN v ELSE acc || sep || v END';"
    "CREATE OR REPLACE AGGREGATE group_concat(text, text) (SFUNC = hd_concat, STYPE = text);"
    /* version 3: a rollup row's events found by its key ('undated' for no
     * date), which PostgreSQL's indexes serve as they serve no IS NOT
     * DISTINCT FROM (a page of every event of a busy dyad, --replace) */
    "CREATE INDEX IF NOT EXISTS events_dayk ON events((coalesce(date, 'undated')), source, target, code);"
    "INSERT INTO herodotus_meta VALUES('schema_version', '3') ON CONFLICT (key) DO UPDATE SET value = '3'"
    "  WHERE herodotus_meta.value::integer < 3;",
};

/* The statements a batch runs, prepared once by name */
static const struct { const char *name, *sql; int nparams; } PG_STMTS[] = {
    {"has", "SELECT 1 FROM documents WHERE doc_id = $1 OR content_hash = $2", 2},
    {"del", "DELETE FROM documents WHERE doc_id = $1 OR content_hash = $2", 2},
    /* a document, its reprint bands and the ids of its events and quotes,
     * in one round trip; no row when its id or text is stored already */
    {"doc", "WITH d AS (INSERT INTO documents(id, doc_id, url, source, title, pubdate, place, content_hash, signature,"
            "  story, body, sentence_spans, author, language, ingested_at) SELECT i.id, $1, $2, $3, $4, $5, $6, $7,"
            "  $8::bytea, coalesce($13::bigint, i.id), $9, $10, $11, $12,"
            "  coalesce($18, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')) FROM (SELECT nextval('documents_id_seq') AS id) i"
            "  ON CONFLICT DO NOTHING RETURNING id),"
            " b AS (INSERT INTO doc_bands SELECT $14::bigint, x.band - 1, x.hash, d.id"
            "  FROM d, unnest($15::bigint[]) WITH ORDINALITY AS x(hash, band))"
            " SELECT d.id, (SELECT array_agg(nextval('events_id_seq') ORDER BY g) FROM generate_series(1, $16::integer) g),"
            "  (SELECT array_agg(nextval('quotes_id_seq') ORDER BY g) FROM generate_series(1, $17::integer) g) FROM d", 18},
    /* the candidates of the 8 bands, in the weeks either side ($1): id,
     * signature, story */
    {"bands", "SELECT d.id, d.signature, d.story FROM doc_bands b JOIN documents d ON d.id = b.doc"
              " WHERE b.week BETWEEN $1::bigint - 1 AND $1::bigint + 1 AND (b.band, b.hash) IN"
              " ((0, $2::bigint), (1, $3::bigint), (2, $4::bigint), (3, $5::bigint), (4, $6::bigint), (5, $7::bigint),"
              " (6, $8::bigint), (7, $9::bigint)) ORDER BY b.band, b.week, b.doc LIMIT 128", 9},
};

/* Attempts at a batch the server aborted to break a deadlock with another
 * process (they met the same documents in different orders) */
enum { PG_ATTEMPTS = 8 };

struct PgStore {
    PGconn *c;
    int in_tx;
    long batch_docs;
    Buf events, sentences, quotes, via;   /* the batch's rows, as COPY text */
    Pending pend;             /* the batch's events, for the rollups */
    StoreTotals done, batch;
    char state[6];            /* the SQLSTATE of the last failed statement */
    /* the batch's documents as given, to store again when the server
     * aborts the batch for a deadlock */
    Arena keep;
    StoreView *kept;
    unsigned char *kept_replace;
    signed char *kept_rc;     /* what store_doc said of each: 0 stored, 1 stored already */
    size_t nkept, capkept;
};

int store_is_pg(const char *path)
{
    return !strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11);
}

/* The server's message, on one line */
static void pg_msg(PgStore *pg, const char *what, char *err, size_t errsz)
{
    char m[400];
    snprintf(m, sizeof m, "%s", PQerrorMessage(pg->c));
    for (char *p = m; *p; p++)
        if (*p == '\n') *p = p[1] ? ' ' : 0;
    snprintf(err, errsz, "%s: %s", what, m);
}

/* Run sql (no rows wanted): 0, or -1 with the server's message */
/* r failed: its SQLSTATE kept (what a retry looks at) */
static void note_state(PgStore *pg, const PGresult *r)
{
    const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
    snprintf(pg->state, sizeof pg->state, "%s", st ? st : "");
}

/* Was the last failure the server breaking a deadlock (or a serialization
 * conflict)?  The same batch, stored again, then succeeds. */
static int transient(const PgStore *pg) { return !strcmp(pg->state, "40P01") || !strcmp(pg->state, "40001"); }

static int run(PgStore *pg, const char *sql, const char *what, char *err, size_t errsz)
{
    PGresult *r = PQexec(pg->c, sql);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok) note_state(pg, r);
    PQclear(r);
    if (!ok) pg_msg(pg, what, err, errsz);
    return ok ? 0 : -1;
}

static PGresult *exec_prepared(PgStore *pg, const char *name, int n, const char *const *vals, const int *lens,
                               const int *fmts)
{
    return PQexecPrepared(pg->c, name, n, vals, lens, fmts, 0);
}

PgStore *pg_store_open(const char *uri, char *err, size_t errsz)
{
    if (dyn_load(DYN_PQ, err, errsz)) return NULL;
    PgStore *pg = calloc(1, sizeof *pg);
    if (!pg) abort();
    pending_init(&pg->pend);
    arena_init(&pg->keep);
    pg->c = PQconnectdb(uri);
    if (PQstatus(pg->c) != CONNECTION_OK) {
        pg_msg(pg, "cannot connect to the PostgreSQL server", err, errsz);
        goto bad;
    }
    PGresult *r;
    /* the schema, once: the first process creates it, the others wait */
    if (run(pg, "SET client_min_messages = warning", "the store", err, errsz) ||
        run(pg, "BEGIN", "the store", err, errsz) ||
        run(pg, "SELECT pg_advisory_xact_lock(7202611)", "the store's schema", err, errsz) ||
        0)
        goto bad;
    for (size_t i = 0; i < sizeof PG_SCHEMA / sizeof *PG_SCHEMA; i++)
        if (run(pg, PG_SCHEMA[i], "creating the store's schema", err, errsz)) goto bad;
    if (run(pg, "COMMIT", "the store", err, errsz)) goto bad;
    r = PQexec(pg->c, "SELECT value FROM herodotus_meta WHERE key = 'schema_version'");
    int v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? atoi(PQgetvalue(r, 0, 0)) : -1;
    PQclear(r);
    if (v != PG_SCHEMA_VERSION) {
        snprintf(err, errsz, "the PostgreSQL store has schema version %d; this herodotus knows %d", v, PG_SCHEMA_VERSION);
        goto bad;
    }
    for (size_t i = 0; i < sizeof PG_STMTS / sizeof *PG_STMTS; i++) {
        r = PQprepare(pg->c, PG_STMTS[i].name, PG_STMTS[i].sql, PG_STMTS[i].nparams, NULL);
        int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) {
            pg_msg(pg, PG_STMTS[i].name, err, errsz);
            goto bad;
        }
    }
    pg->batch_docs = STORE_BATCH;
    return pg;
bad:
    PQfinish(pg->c);
    pending_free(&pg->pend);
    arena_free(&pg->keep);
    free(pg);
    return NULL;
}

int pg_store_empty(PgStore *pg)
{
    PGresult *r = PQexec(pg->c, "SELECT EXISTS (SELECT 1 FROM documents)");
    int empty = !(PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && PQgetvalue(r, 0, 0)[0] == 't');
    PQclear(r);
    return empty;
}

int pg_store_has(PgStore *pg, const char *doc_id, const char *hash)
{
    const char *vals[] = {doc_id, hash};
    PGresult *r = exec_prepared(pg, "has", 2, vals, NULL, NULL);
    int has = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0;
    PQclear(r);
    return has;
}

/* ---- COPY text: tab-separated, \N for NULL, backslash escapes ---- */

static void copy_str(Buf *b, const char *s, size_t n)
{
    if (!s) {
        buf_puts(b, "\\N");
        return;
    }
    buf_reserve(b, n + 8);
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == '\\') buf_puts(b, "\\\\");
        else if (ch == '\t') buf_puts(b, "\\t");
        else if (ch == '\n') buf_puts(b, "\\n");
        else if (ch == '\r') buf_puts(b, "\\r");
        else if (ch) buf_putc(b, ch);
    }
}

static void copy_cstr(Buf *b, const char *s) { copy_str(b, s, s ? strlen(s) : 0); }
static void copy_span(Buf *b, Span sp) { copy_str(b, sp.s, sp.n); }
static void copy_int(Buf *b, long long v) { buf_int(b, v); }
static void copy_real(Buf *b, double v) { buf_printf(b, "%.17g", v); }
static void tab(Buf *b) { buf_putc(b, '\t'); }
static void eol(Buf *b) { buf_putc(b, '\n'); }

/* COPY table(cols) FROM STDIN with the rows in b; 0 or -1 */
static int copy_in(PgStore *pg, const char *table_cols, Buf *b, char *err, size_t errsz)
{
    if (!b->len) return 0;
    char sql[512];
    snprintf(sql, sizeof sql, "COPY %s FROM STDIN", table_cols);
    PGresult *r = PQexec(pg->c, sql);
    int ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (ok) ok = PQputCopyData(pg->c, b->data, (int)b->len) == 1;
    if (PQputCopyEnd(pg->c, ok ? NULL : "herodotus: the rows could not be sent") != 1) ok = 0;
    while ((r = PQgetResult(pg->c))) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK) {
            ok = 0;
            note_state(pg, r);
        }
        PQclear(r);
    }
    if (!ok) pg_msg(pg, table_cols, err, errsz);
    buf_clear(b);
    return ok ? 0 : -1;
}

/* ---- the batch ---- */

static void batch_reset(PgStore *pg)
{
    buf_clear(&pg->events);
    buf_clear(&pg->sentences);
    buf_clear(&pg->quotes);
    buf_clear(&pg->via);
    pending_clear(&pg->pend);
}

static void kept_clear(PgStore *pg)
{
    pg->nkept = 0;
    arena_reset(&pg->keep);
}

static void batch_lost(PgStore *pg)
{
    PQclear(PQexec(pg->c, "ROLLBACK"));
    pg->in_tx = 0;
    batch_reset(pg);
    store_batch_lost(&pg->done, &pg->batch);
    kept_clear(pg);
}

/* A statement of the batch failed: its message into err; -1.  The caller
 * stores the batch again (a deadlock) or gives it up (lose_batch). */
static int failed(PgStore *pg, const char *what, char *err, size_t errsz)
{
    pg_msg(pg, what, err, errsz);
    return -1;
}

/* The batch given up: what err says, and that its documents were not stored */
static int lose_batch(PgStore *pg, char *err, size_t errsz)
{
    size_t l = strlen(err);
    snprintf(err + l, errsz - l, "; the last %zu document%s coded were not stored (run the same command again)",
             pg->nkept, pg->nkept == 1 ? "" : "s");
    batch_lost(pg);
    return -1;
}

/* The rollups of the batch's events: the keys, each with its count, its
 * first event and its weight, into a temporary table; then one statement
 * adds them to event_days and what is new or more to day_totals (a key
 * inserted, not updated, is a new one-a-day event: xmax = 0). */
static int rollup_flush(PgStore *pg, char *err, size_t errsz)
{
    if (!pg->pend.n) return 0;
    pending_sort(&pg->pend);
    Buf rows = {0};
    for (size_t i = 0; i < pg->pend.n;) {
        const RollupRow *r = &pg->pend.row[i];
        size_t j = pending_run(&pg->pend, i);
        copy_str(&rows, r->source, strlen(r->source) < 3 ? strlen(r->source) : 3), tab(&rows);
        copy_str(&rows, r->target, strlen(r->target) < 3 ? strlen(r->target) : 3), tab(&rows);
        copy_cstr(&rows, r->date), tab(&rows);
        copy_cstr(&rows, r->source), tab(&rows);
        copy_cstr(&rows, r->target), tab(&rows);
        copy_cstr(&rows, r->code), tab(&rows);
        copy_cstr(&rows, r->root), tab(&rows);
        copy_int(&rows, r->quad), tab(&rows);
        copy_real(&rows, r->goldstein), tab(&rows);
        copy_int(&rows, r->id), tab(&rows);
        copy_int(&rows, (long long)(j - i)), eol(&rows);
        i = j;
    }
    pending_clear(&pg->pend);
    int rc = run(pg, "CREATE TEMP TABLE IF NOT EXISTS pend(sc text, tc text, date text, source text, target text, code text,"
                     " root text, quad integer, goldstein double precision, id bigint, k bigint) ON COMMIT DELETE ROWS",
                 "rollups", err, errsz);
    if (!rc) rc = copy_in(pg, "pend", &rows, err, errsz);
    buf_free(&rows);
    if (!rc)
        rc = run(pg,
                 "WITH up AS (INSERT INTO event_days SELECT sc, tc, date, source, target, code, root, quad, goldstein, id, k"
                 "   FROM pend ORDER BY sc, tc, date, source, target, code"
                 "   ON CONFLICT (sc, tc, date, source, target, code) DO UPDATE SET n = event_days.n + excluded.n,"
                 "   id = least(event_days.id, excluded.id)"
                 "   RETURNING sc, tc, date, source, target, code, (xmax = 0) AS fresh)"
                 " INSERT INTO day_totals SELECT p.date, p.root, p.quad, sum(up.fresh::int), sum(p.k),"
                 "   sum(CASE WHEN up.fresh THEN round(p.goldstein * 10)::bigint ELSE 0 END),"
                 "   sum(p.k * round(p.goldstein * 10)::bigint)"
                 "   FROM up JOIN pend p USING (sc, tc, date, source, target, code) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
                 " ON CONFLICT (date, root, quad) DO UPDATE SET days = day_totals.days + excluded.days,"
                 "   n = day_totals.n + excluded.n, g10_days = day_totals.g10_days + excluded.g10_days,"
                 "   g10 = day_totals.g10 + excluded.g10;"
                 "TRUNCATE pend",
                 "rollups", err, errsz);
    return rc;
}

/* What the batch holds so far, into the tables (before a --replace
 * deletes, and at the commit) */
static int flush(PgStore *pg, char *err, size_t errsz)
{
    if (copy_in(pg, "events(id, doc, sentence, date, source, target, code, root, quad, goldstein, source_text,"
                    " target_text, verb_text, place, rule, story, event, plover, date_basis, date_text, quote,"
                    " place_country, place_lat, place_lon, place_how, place_kind, place_region)",
                &pg->events, err, errsz) ||
        copy_in(pg, "sentences(id, doc, text)", &pg->sentences, err, errsz) ||
        copy_in(pg, "quotes(id, doc, n, sentence, date, text, kind, speaker, speaker_code, speaker_how, speaker_role)",
                &pg->quotes, err, errsz) ||
        copy_in(pg, "quote_via(quote, pos, name, kind)", &pg->via, err, errsz) || rollup_flush(pg, err, errsz))
        return -1;
    return 0;
}

/* n ids from an array's text ("{4,5,6}"; NULL or "" for none) into ids:
 * 1 when there are exactly n */
static int read_ids(const char *a, uint32_t n, long long *ids)
{
    if (!a || !*a) return n == 0;
    if (*a++ != '{') return 0;
    uint32_t k = 0;
    while (*a && *a != '}') {
        char *e;
        long long v = strtoll(a, &e, 10);
        if (e == a || k >= n) return 0;
        ids[k++] = v;
        a = *e == ',' ? e + 1 : e;
    }
    return k == n;
}

/* The story of an earlier document this one reprints (0 none): the
 * candidates met in a band, in the weeks either side, the first whose
 * signature agrees */
static long long find_story(PgStore *pg, const StoreView *v, long long week)
{
    char vals[9][24];
    const char *pv[9];
    snprintf(vals[0], sizeof vals[0], "%lld", week);
    for (int b = 0; b < STORE_BANDS; b++) snprintf(vals[b + 1], sizeof vals[b + 1], "%lld", store_band_hash(v->sig, b));
    for (int i = 0; i < 9; i++) pv[i] = vals[i];
    PGresult *r = exec_prepared(pg, "bands", 9, pv, NULL, NULL);
    long long story = 0;
    if (PQresultStatus(r) == PGRES_TUPLES_OK)
        for (int i = 0; i < PQntuples(r) && !story; i++) {
            size_t n;
            unsigned char *sig = PQunescapeBytea((const unsigned char *)PQgetvalue(r, i, 1), &n);
            if (sig && n == STORE_SIG_N * sizeof(uint32_t)) {
                uint32_t os[STORE_SIG_N];
                memcpy(os, sig, sizeof os);
                if (store_sig_agrees(os, v->sig)) story = atoll(PQgetvalue(r, i, 2));
            }
            PQfreemem(sig);
        }
    PQclear(r);
    return story;
}

/* Store v in the running batch (begun here): 0, 1 when the same document
 * is stored already, -1 with err (the batch to be stored again or given up) */
static int doc_in(PgStore *pg, const StoreView *v, int replace, char *err, size_t errsz)
{
    if (!pg->in_tx) {
        if (run(pg, "BEGIN", "begin", err, errsz)) return -1;
        pg->in_tx = 1;
    }
    char pd[11] = "";
    if (v->pubdate) date_format(v->pubdate, pd);
    const char *dv[] = {v->id, v->hash};
    if (replace) {
        if (flush(pg, err, errsz)) return -1;
        PGresult *r = exec_prepared(pg, "del", 2, dv, NULL, NULL);
        int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok) note_state(pg, r);
        PQclear(r);
        if (!ok) return failed(pg, "replacing a document", err, errsz);
    }
    int has_sig = v->shingles >= 8;
    long long week = store_pub_week(v->pubdate);
    long long story = has_sig ? find_story(pg, v, week) : 0;
    char sighex[2 * STORE_SIG_N * 4 + 4];
    if (has_sig) {
        const unsigned char *b = (const unsigned char *)v->sig;
        strcpy(sighex, "\\x");
        for (size_t i = 0; i < sizeof v->sig; i++) snprintf(sighex + 2 + 2 * i, 3, "%02x", b[i]);
    }
    char lang[16], st[24], wk[24], nev[16], nq[16];
    snprintf(lang, sizeof lang, "%s", v->language);
    snprintf(st, sizeof st, "%lld", story);
    snprintf(wk, sizeof wk, "%lld", week);
    snprintf(nev, sizeof nev, "%u", v->nev);
    snprintf(nq, sizeof nq, "%u", v->nquotes);
    Buf bands = {0};
    buf_putc(&bands, '{');
    for (int b = 0; has_sig && b < STORE_BANDS; b++) {
        if (b) buf_putc(&bands, ',');
        buf_int(&bands, store_band_hash(v->sig, b));
    }
    buf_putc(&bands, '}');
    /* the body as text, as long as it is (it may hold no NUL) */
    char *body = malloc((size_t)v->body_len + 1);
    if (!body) abort();
    memcpy(body, v->body, v->body_len);
    body[v->body_len] = 0;
    const char *vals[18] = {v->id, v->url, v->source, v->title, v->pubdate ? pd : NULL, v->place, v->hash,
                            has_sig ? sighex : NULL, body, v->spans, v->author, lang[0] ? lang : NULL,
                            story ? st : NULL, wk, bands.data, nev, nq, v->stored_at};
    PGresult *r = exec_prepared(pg, "doc", 18, vals, NULL, NULL);
    free(body);
    buf_free(&bands);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        note_state(pg, r);
        PQclear(r);
        return failed(pg, "storing a document", err, errsz);
    }
    if (PQntuples(r) == 0) {   /* the same id or text is stored already */
        PQclear(r);
        return 1;
    }
    long long doc = atoll(PQgetvalue(r, 0, 0));
    if (!story) story = doc;
    long long *ids = malloc(((size_t)v->nev + (size_t)v->nquotes + 1) * sizeof *ids);
    if (!ids) abort();
    int ok = read_ids(PQgetvalue(r, 0, 1), v->nev, ids) && read_ids(PQgetvalue(r, 0, 2), v->nquotes, ids + v->nev);
    PQclear(r);
    if (!ok) {
        free(ids);
        snprintf(err, errsz, "storing a document: the server gave no ids for its %u events and %u quotes", v->nev,
                 v->nquotes);
        pg->state[0] = 0;
        return -1;
    }
    for (uint32_t i = 0; i < v->nev; i++) {
        const StoredEvent *e = &v->ev[i];
        Buf *b = &pg->events;
        copy_int(b, ids[i]), tab(b);
        copy_int(b, doc), tab(b);
        copy_int(b, e->sentence), tab(b);
        copy_cstr(b, e->date[0] ? e->date : NULL), tab(b);
        copy_cstr(b, e->source), tab(b);
        copy_cstr(b, e->target), tab(b);
        copy_cstr(b, e->code), tab(b);
        copy_cstr(b, e->root), tab(b);
        copy_int(b, e->quad), tab(b);
        copy_real(b, e->goldstein), tab(b);
        copy_span(b, e->source_text), tab(b);
        copy_span(b, e->target_text), tab(b);
        copy_span(b, e->verb_text), tab(b);
        copy_cstr(b, e->place), tab(b);
        copy_cstr(b, e->rule), tab(b);
        copy_int(b, story), tab(b);
        copy_cstr(b, e->name), tab(b);
        copy_cstr(b, e->plover && *e->plover ? e->plover : NULL), tab(b);
        copy_cstr(b, e->date_basis && *e->date_basis ? e->date_basis : NULL), tab(b);
        copy_span(b, e->date_text.n ? e->date_text : (Span){NULL, 0}), tab(b);
        if (e->quote) copy_int(b, e->quote);
        else copy_cstr(b, NULL);
        tab(b);
        if (e->place) {
            copy_cstr(b, e->place_country), tab(b);
            copy_real(b, e->place_lat), tab(b);
            copy_real(b, e->place_lon), tab(b);
        } else {
            buf_puts(b, "\\N\t\\N\t\\N\t");
        }
        copy_cstr(b, e->place_how ? e->place_how : "none"), tab(b);
        copy_cstr(b, e->place ? (e->place_city ? "city" : "country") : NULL), tab(b);
        copy_cstr(b, e->place && e->place_region && *e->place_region ? e->place_region : NULL), eol(b);
        pending_add(&pg->pend, e, ids[i]);
        if (e->sentence < v->nsent && v->sent_first[e->sentence] == i) {
            copy_int(&pg->sentences, ids[i]), tab(&pg->sentences);
            copy_int(&pg->sentences, doc), tab(&pg->sentences);
            copy_str(&pg->sentences, v->body + v->sent_off[e->sentence], v->sent_len[e->sentence]), eol(&pg->sentences);
        }
    }
    for (uint32_t i = 0; i < v->nquotes; i++) {
        const StoredQuote *x = &v->quotes[i];
        long long qid = ids[v->nev + i];
        Buf *b = &pg->quotes;
        copy_int(b, qid), tab(b);
        copy_int(b, doc), tab(b);
        copy_int(b, (long long)i + 1), tab(b);
        copy_int(b, x->sentence), tab(b);
        copy_cstr(b, pd[0] ? pd : NULL), tab(b);
        copy_cstr(b, x->text), tab(b);
        copy_cstr(b, x->kind), tab(b);
        copy_cstr(b, x->speaker), tab(b);
        copy_cstr(b, x->code), tab(b);
        copy_cstr(b, x->how), tab(b);
        copy_cstr(b, x->role), eol(b);
        for (uint32_t k = 0; k < x->nvia; k++) {
            copy_int(&pg->via, qid), tab(&pg->via);
            copy_int(&pg->via, k), tab(&pg->via);
            copy_cstr(&pg->via, x->via[k].name), tab(&pg->via);
            copy_cstr(&pg->via, via_kind_name(x->via[k].kind)), eol(&pg->via);
        }
    }
    free(ids);
    store_batch_add(&pg->batch, v);
    return 0;
}

/* The server aborted the batch to break a deadlock: rolled back, and its
 * documents stored again (after a pause that differs from process to
 * process, so that the other finishes first).  The last document's 0 or 1,
 * or -1 (err) when it fails otherwise or again and again. */
static int store_again(PgStore *pg, char *err, size_t errsz)
{
    StoreTotals before = pg->batch;
    for (int attempt = 1; attempt <= PG_ATTEMPTS && transient(pg); attempt++) {
        PQclear(PQexec(pg->c, "ROLLBACK"));
        pg->in_tx = 0;
        batch_reset(pg);
        memset(&pg->batch, 0, sizeof pg->batch);
        struct timespec pause = {0, ((long)attempt * 20 + (long)(getpid() % 40)) * 1000000L};
        nanosleep(&pause, NULL);
        int rc = 0;
        for (size_t i = 0; i < pg->nkept && rc >= 0; i++) {
            rc = doc_in(pg, &pg->kept[i], pg->kept_replace[i], err, errsz);
            /* said stored, now found stored by another process: counted skipped (and the other way) */
            if (rc >= 0 && pg->kept_rc[i] >= 0) pg->batch.skipped += rc - pg->kept_rc[i];
        }
        if (rc >= 0) return rc;
    }
    pg->batch = before;   /* what is given up */
    return -1;
}

int pg_store_doc(PgStore *pg, const StoreView *v, int replace, char *err, size_t errsz)
{
    /* kept until the commit, to be stored again */
    if (pg->nkept == pg->capkept) {
        pg->capkept = pg->capkept ? 2 * pg->capkept : 256;
        pg->kept = realloc(pg->kept, pg->capkept * sizeof *pg->kept);
        pg->kept_replace = realloc(pg->kept_replace, pg->capkept);
        pg->kept_rc = realloc(pg->kept_rc, pg->capkept);
        if (!pg->kept || !pg->kept_replace || !pg->kept_rc) abort();
    }
    store_view_copy(&pg->kept[pg->nkept], v, &pg->keep);
    pg->kept_replace[pg->nkept] = (unsigned char)(replace != 0);
    pg->kept_rc[pg->nkept++] = -1;
    int rc = doc_in(pg, v, replace, err, errsz);
    if (rc < 0 && (rc = store_again(pg, err, errsz)) < 0) return lose_batch(pg, err, errsz);
    pg->kept_rc[pg->nkept - 1] = (signed char)rc;
    if (pg->batch.docs >= pg->batch_docs) return pg_store_commit(pg, err, errsz) ? -1 : rc;
    return rc;
}

void pg_store_set_batch(PgStore *pg, long docs)
{
    pg->batch_docs = docs;
}

int pg_store_commit(PgStore *pg, char *err, size_t errsz)
{
    if (!pg->in_tx) return 0;
    for (int attempt = 1;; attempt++) {
        int rc = flush(pg, err, errsz);
        if (!rc) {
            PGresult *r = PQexec(pg->c, "COMMIT");
            if (PQresultStatus(r) != PGRES_COMMAND_OK) {
                note_state(pg, r);
                rc = failed(pg, "commit", err, errsz);
            }
            PQclear(r);
        }
        if (!rc) break;
        if (attempt >= PG_ATTEMPTS || store_again(pg, err, errsz) < 0) return lose_batch(pg, err, errsz);
    }
    pg->in_tx = 0;
    store_batch_committed(&pg->done, &pg->batch);
    kept_clear(pg);
    return 0;
}

StoreTotals pg_store_totals(const PgStore *pg) { return pg->done; }

void pg_store_close(PgStore *pg)
{
    if (!pg) return;
    if (pg->in_tx) {
        char err[256];
        pg_store_commit(pg, err, sizeof err);
    }
    PQfinish(pg->c);
    buf_free(&pg->events);
    buf_free(&pg->sentences);
    buf_free(&pg->quotes);
    buf_free(&pg->via);
    pending_free(&pg->pend);
    arena_free(&pg->keep);
    free(pg->kept);
    free(pg->kept_replace);
    free(pg->kept_rc);
    free(pg);
}
