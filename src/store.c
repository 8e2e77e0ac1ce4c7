/* store.c - SQLite storage of documents, sentences, events and stories */
#include "store.h"
#include "store_int.h"
#include "fulltext.h"
#include "cameo.h"
#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdatomic.h>
#include <zstd.h>
#include <zdict.h>
#include "dates.h"
#include "intern.h"
#include "quotes.h"

/* ---- schema and migrations ---- */

/* Version 1: documents, sentences (doc, idx) WITHOUT ROWID, events. */
static const char SCHEMA_V1[] =
    "CREATE TABLE IF NOT EXISTS documents("
    "  id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, url TEXT, source TEXT, title TEXT,"
    "  pubdate TEXT, place TEXT, content_hash TEXT NOT NULL UNIQUE,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE IF NOT EXISTS sentences("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,"
    "  text TEXT NOT NULL, PRIMARY KEY(doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER NOT NULL, date TEXT, source TEXT NOT NULL, target TEXT NOT NULL,"
    "  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  source_text TEXT, target_text TEXT, verb_text TEXT, place TEXT, rule TEXT);";

/* Version 1 -> 2: sentences with row ids and a full-text index, stories of
 * wire reprints (MinHash bands), events carry their story, the actors view. */
static const char MIGRATE_V2[] =
    "ALTER TABLE documents ADD COLUMN story INTEGER;"
    "ALTER TABLE documents ADD COLUMN signature BLOB;"
    "UPDATE documents SET story = id;"
    "CREATE INDEX documents_story ON documents(story);"
    "CREATE TABLE doc_bands(band INTEGER NOT NULL, hash INTEGER NOT NULL,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY(band, hash, doc)) WITHOUT ROWID;"
    "CREATE INDEX doc_bands_doc ON doc_bands(doc);"
    /* the whole text of a document is kept with it (body, and its
     * sentences' spans); the sentences table holds the sentences that carry
     * events, each in the full-text index */
    "ALTER TABLE documents ADD COLUMN body TEXT;"
    "ALTER TABLE documents ADD COLUMN sentence_spans TEXT;"
    "UPDATE documents SET body = (SELECT group_concat(text, ' ') FROM"
    "  (SELECT text FROM sentences s WHERE s.doc = documents.id ORDER BY s.idx));"
    "ALTER TABLE sentences RENAME TO sentences_v1;"
    "CREATE TABLE sentences(id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE(doc, idx));"
    "INSERT INTO sentences(doc, idx, text) SELECT s.doc, s.idx, s.text FROM sentences_v1 s"
    "  WHERE EXISTS (SELECT 1 FROM events e WHERE e.doc = s.doc AND e.sentence = s.idx) ORDER BY s.doc, s.idx;"
    "DROP TABLE sentences_v1;"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');"
    "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences;"
    /* new sentences reach the index once per batch (store_commit): a
     * trigger per row would make the index flush after every statement */
    "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES('delete', old.id, old.text); END;"
    "ALTER TABLE events ADD COLUMN story INTEGER;"
    "UPDATE events SET story = doc;"
    "ALTER TABLE events ADD COLUMN event TEXT;"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    /* actor indexes that cover the one-a-day grouping and the code filters:
     * a query on an actor reads no table row until its result */
    "DROP INDEX IF EXISTS events_dyad;"
    "DROP INDEX IF EXISTS events_target;"
    "CREATE INDEX events_dyad ON events(source, target, date, code, root, quad);"
    "CREATE INDEX events_target ON events(target, source, date, code, root, quad);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);"
    "CREATE INDEX IF NOT EXISTS events_story ON events(story, date, source, target, code);"
    "CREATE VIEW actors AS"
    "  SELECT code, count(*) AS events, sum(role = 's') AS as_source, sum(role = 't') AS as_target,"
    "         min(date) AS first_date, max(date) AS last_date, min(name) AS name FROM ("
    "    SELECT source AS code, date, 's' AS role, source_text AS name FROM events"
    "    UNION ALL SELECT target, date, 't', target_text FROM events WHERE target != '')"
    "  GROUP BY code;";

/* Strings the store holds a row for, with its id: a map in memory in
 * front of `codes`, `labels`, `phrases` and `places` (a few hundred codes,
 * a few thousand labels; the phrases and places seen last), so that an
 * event asks SQLite for none once its values have been seen.  Emptied
 * when a batch is lost (the rows it added go with it), and the phrases'
 * and places' when they reach KNOWN_MAX. */
typedef struct Known {
    char **key;
    sqlite3_int64 *id;
    size_t cap, n;
} Known;
enum { KNOWN_MAX = 1 << 18 };

/* A zstd dictionary of the store's (pack_dicts), ready to pack with */
typedef struct PackDict {
    uint32_t id;              /* zstd's dictionary ID, which each frame packed with it names */
    ZSTD_CDict *cd;
} PackDict;

struct Store {
    PgStore *pg;              /* a PostgreSQL store: everything below unused */
    sqlite3 *db;
    sqlite3_stmt *has, *find, *del, *doc, *sent, *ev, *code_ins, *label_get, *label_ins, *phrase_get, *phrase_ins,
        *place_get, *place_ins, *band_ins, *band_find, *band_of, *band_del, *sig, *fts, *fts_clear,
        *fts_del, *quote, *via;
    sqlite3_int64 next_doc;   /* the id the next document gets */
    int in_tx;
    long batch_docs;          /* documents a transaction holds (batch_size) */
    long unsettled;           /* the batch's documents whose events are not yet in the rollups (store_settle) */
    sqlite3_stmt *day_up, *total_up, *month_up, *dyad_up, *actor_up, *pair_up, *code_up;   /* the rollups' upserts */
    Pending pend;             /* the batch's events, for the rollups (rollup_flush) */
    StoreTotals done;         /* committed */
    StoreTotals batch;        /* in the open transaction: committed with it, or lost with it */
    Buf by_sent;              /* a document's events by sentence (sentence_months) */
    Buf ym, months;           /* a sentence's months: as numbers, and as its index entry holds them */
    /* the dictionary bodies are packed with (pack_dicts; NULL until the
     * store has one): set once by the writer's thread, read by the coding
     * threads' packers */
    _Atomic(PackDict *) dict;
    int dict_tried;           /* this connection trained one, or found too little text to */
    PackDict *retired;        /* one that a failed batch took back (freed with the store) */
    Known codes, labels, phrases, places;   /* what those tables hold (code_stored, text_id, place_id) */
    Buf key;                  /* a phrase or place as its map keys it */
    Buf spans;                /* a document's sentence spans, packed (spans_pack) */
    StorePacker *packer;      /* the writer's: bodies packed without the store's dictionary, again */
    Buf repacked;
};

static void known_clear(Known *k)
{
    for (size_t i = 0; i < k->cap; i++) free(k->key[i]);
    free(k->key);
    free(k->id);
    memset(k, 0, sizeof *k);
}

/* The slot of s in k: its own, or the empty one where it would go */
static size_t known_slot(const Known *k, const char *s)
{
    size_t i = (size_t)hash_bytes(s, strlen(s)) & (k->cap - 1);
    while (k->key[i] && strcmp(k->key[i], s)) i = (i + 1) & (k->cap - 1);
    return i;
}

/* s's id in k: 1 with *id, else 0 */
static int known_get(const Known *k, const char *s, sqlite3_int64 *id)
{
    if (!k->cap) return 0;
    size_t i = known_slot(k, s);
    if (!k->key[i]) return 0;
    *id = k->id[i];
    return 1;
}

static void known_put(Known *k, const char *s, sqlite3_int64 id)
{
    if (2 * (k->n + 1) > k->cap) {
        Known g = {calloc(k->cap ? 2 * k->cap : 256, sizeof *g.key), calloc(k->cap ? 2 * k->cap : 256, sizeof *g.id),
                   k->cap ? 2 * k->cap : 256, k->n};
        if (!g.key || !g.id) abort();
        for (size_t i = 0; i < k->cap; i++)
            if (k->key[i]) {
                size_t j = known_slot(&g, k->key[i]);
                g.key[j] = k->key[i];
                g.id[j] = k->id[i];
            }
        free(k->key);
        free(k->id);
        *k = g;
    }
    size_t i = known_slot(k, s);
    if (k->key[i]) return;
    if (!(k->key[i] = strdup(s))) abort();
    k->id[i] = id;
    k->n++;
}

static int fail(sqlite3 *db, char *err, size_t errsz, const char *what)
{
    snprintf(err, errsz, "%s: %s", what, sqlite3_errmsg(db));
    return -1;
}

/* A failed write: what went wrong and what it means for the batch. */
static int fail_batch(Store *st, char *err, size_t errsz, const char *what)
{
    int rc = sqlite3_extended_errcode(st->db) & 0xff;
    const char *advice = rc == SQLITE_FULL    ? "the disk is full; free space, then run the same command again"
                         : rc == SQLITE_READONLY ? "the database cannot be written (permissions or a read-only disk)"
                         : rc == SQLITE_IOERR    ? "an I/O error; check the disk, then run the same command again"
                                                 : "run the same command again";
    snprintf(err, errsz, "%s: %s; the last %ld document%s coded were not stored (%s)", what, sqlite3_errmsg(st->db),
             st->batch.docs, st->batch.docs == 1 ? "" : "s", advice);
    return -1;
}

/* The batch is gone: what it held counts as lost. */
static void batch_lost(Store *st)
{
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_tx = 0;
    pending_clear(&st->pend);
    st->unsettled = 0;
    known_clear(&st->codes);
    known_clear(&st->labels);
    known_clear(&st->phrases);
    known_clear(&st->places);
    store_batch_lost(&st->done, &st->batch);
}

/* A directory, or a path whose folder does not exist, is no database file:
 * say so before SQLite gives "disk I/O error". */
static int bad_path(const char *path, char *err, size_t errsz)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        snprintf(err, errsz, "%s is a directory, not a database file (give a file name, e.g. %s/events.db)", path, path);
        return -1;
    }
    return 0;
}

/* The database's PRAGMA user_version into *v; -1 (err) when it cannot be read. */
static int user_version(sqlite3 *db, int *v, const char *path, char *err, size_t errsz)
{
    sqlite3_stmt *q;
    int rc = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) {
            *v = sqlite3_column_int(q, 0);
            rc = 0;
        }
        sqlite3_finalize(q);
    }
    if (rc) fail(db, err, errsz, path);
    return rc;
}

/* 0 when herodotus can open (or migrate) schema version v: 0 (a new file)
 * to STORE_SCHEMA_VERSION; else -1 with why in err, e.g.
 * "x.db: database schema version -5 is not one herodotus knows (1..2)". */
static int known_version(int v, const char *path, char *err, size_t errsz)
{
    if (v > STORE_SCHEMA_VERSION)
        snprintf(err, errsz, "%s: database schema version %d was written by a newer herodotus (this one knows 1..%d)",
                 path, v, STORE_SCHEMA_VERSION);
    else if (v < 0)
        snprintf(err, errsz, "%s: database schema version %d is not one herodotus knows (1..%d)", path, v,
                 STORE_SCHEMA_VERSION);
    else
        return 0;
    return -1;
}

static int exec(sqlite3 *db, const char *sql, char *err, size_t errsz, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", what, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* MIGRATIONS[v] takes a database of schema version v to v + 1; version 0 is
 * an empty (new) database. */
/* Version 2 -> 3: events carry their PLOVER category (filled from the
 * code by fill_plover after the migration). */
static const char MIGRATE_V3[] = "ALTER TABLE events ADD COLUMN plover TEXT;";

/* Version 3 -> 4: where each event's date came from (the words, or the
 * publication); events stored before say nothing (NULL). */
static const char MIGRATE_V4[] = "ALTER TABLE events ADD COLUMN date_basis TEXT;"
                                 "ALTER TABLE events ADD COLUMN date_text TEXT;";
/* Version 4 -> 5: quotes (quotes.h): who said what, through which media;
 * events carry the quote they were said in (its number in the document). */
static const char MIGRATE_V5[] =
    "CREATE TABLE quotes(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  n INTEGER NOT NULL, sentence INTEGER NOT NULL, date TEXT, text TEXT NOT NULL, kind TEXT NOT NULL,"
    "  speaker TEXT, speaker_code TEXT, speaker_how TEXT NOT NULL, speaker_role TEXT, UNIQUE(doc, n));"
    "CREATE INDEX quotes_speaker ON quotes(speaker_code, date);"
    "CREATE TABLE quote_via(quote INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE, pos INTEGER NOT NULL,"
    "  name TEXT NOT NULL COLLATE NOCASE, kind TEXT NOT NULL, PRIMARY KEY(quote, pos)) WITHOUT ROWID;"
    "CREATE INDEX quote_via_name ON quote_via(name, quote);"
    "ALTER TABLE events ADD COLUMN quote INTEGER;"
    "ALTER TABLE documents ADD COLUMN author TEXT;"
    "ALTER TABLE documents ADD COLUMN language TEXT;"
    /* where each event happened (places.h): events.place is its name from now on */
    "ALTER TABLE events ADD COLUMN place_country TEXT;"
    "ALTER TABLE events ADD COLUMN place_lat REAL;"
    "ALTER TABLE events ADD COLUMN place_lon REAL;"
    "ALTER TABLE events ADD COLUMN place_how TEXT;"
    "ALTER TABLE events ADD COLUMN place_kind TEXT;"
    "ALTER TABLE events ADD COLUMN place_region TEXT;"
    "CREATE INDEX events_place ON events(place_country, date);";
/* Version 5 -> 6: a store that stays fast as it grows.
 * - Rollups kept with the events, so that counting never scans them:
 *   event_days holds the one-a-day events, a row per (date, source,
 *   target, code) with its first event's id and how many events it stands
 *   for, clustered by the actors' countries (sc, tc: their codes' first
 *   three letters) and then by date, so that a dyad's rows are one range
 *   in time order; day_totals a row per (date, root, quad) with how many
 *   such rows and events, and their Goldstein sums in tenths (exact,
 *   whatever is added and taken away).  Undated events are on the day
 *   'undated', which sorts after every date.  Both are kept in the
 *   transaction that writes the events: what a batch adds by the store
 *   (store_doc gathers, store_commit adds them in the keys' order, once
 *   a key; store_settle before it, in a long batch), what is deleted by
 *   triggers.
 * - Every index that grows with the store is keyed so that news stored in
 *   the order it happened lands at its end (by date, or by an actor's
 *   date): the events' actor indexes, date index and story index give way
 *   to one over (date, source, target, code), which the rollup's rows lead
 *   back to and which finds an event's reprints in its story;
 *   reprints are looked for among documents of nearby weeks only
 *   (doc_bands by week of publication).
 * - The events' sc and tc, computed, for filters shared with the rollup. */
static const char MIGRATE_V6[] =
    "ALTER TABLE events ADD COLUMN sc TEXT GENERATED ALWAYS AS (substr(source, 1, 3)) VIRTUAL;"
    "ALTER TABLE events ADD COLUMN tc TEXT GENERATED ALWAYS AS (substr(target, 1, 3)) VIRTUAL;"
    "CREATE TABLE event_days(sc TEXT NOT NULL, tc TEXT NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL,"
    "  target TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  id INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(sc, tc, date, source, target, code)) WITHOUT ROWID;"
    "CREATE TABLE day_totals(date TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  days INTEGER NOT NULL, n INTEGER NOT NULL, g10_days INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    "  PRIMARY KEY(date, root, quad)) WITHOUT ROWID;"
    "DROP INDEX IF EXISTS events_dyad;"
    "DROP INDEX IF EXISTS events_target;"
    "DROP INDEX IF EXISTS events_date;"
    "DROP INDEX IF EXISTS events_story;"
    "CREATE INDEX events_day ON events(date, source, target, code);"
    /* --country asks for a country: events without a place need no entry */
    "DROP INDEX IF EXISTS events_place;"
    "CREATE INDEX events_place ON events(place_country, date) WHERE place_country IS NOT NULL;"
    "INSERT INTO event_days SELECT substr(source, 1, 3), substr(target, 1, 3), coalesce(date, 'undated'), source, target,"
    "  code, min(root), min(quad), min(goldstein), min(id), count(*) FROM events GROUP BY date, source, target, code;"
    "INSERT INTO day_totals SELECT date, root, quad, count(*), sum(n), sum(CAST(round(goldstein * 10) AS INTEGER)),"
    "  sum(n * CAST(round(goldstein * 10) AS INTEGER)) FROM event_days GROUP BY date, root, quad;"
    /* root, quad and id in both: a walk or a target's rows test and give
     * them without reading the table (a WITHOUT ROWID table's row is not
     * read lazily) */
    "CREATE INDEX event_days_target ON event_days(tc, sc, date, root, quad, id);"
    "CREATE INDEX event_days_date ON event_days(date, root, quad, id);"
    "CREATE TRIGGER events_ad_days AFTER DELETE ON events BEGIN"
    "  UPDATE event_days SET n = n - 1, id = CASE WHEN id != old.id THEN id ELSE coalesce((SELECT min(x.id)"
    "    FROM events x WHERE x.date IS old.date AND x.source = old.source AND x.target = old.target"
    "    AND x.code = old.code), 0) END"
    "   WHERE sc = substr(old.source, 1, 3) AND tc = substr(old.target, 1, 3) AND date = coalesce(old.date, 'undated')"
    "    AND source = old.source AND target = old.target AND code = old.code;"
    "  DELETE FROM event_days WHERE sc = substr(old.source, 1, 3) AND tc = substr(old.target, 1, 3)"
    "    AND date = coalesce(old.date, 'undated') AND source = old.source AND target = old.target AND code = old.code"
    "    AND n <= 0; END;"
    "CREATE TRIGGER event_days_au AFTER UPDATE OF n ON event_days WHEN new.n < old.n BEGIN"
    "  UPDATE day_totals SET n = n + new.n - old.n, g10 = g10 + (new.n - old.n) * CAST(round(new.goldstein * 10) AS INTEGER)"
    "   WHERE date = new.date AND root = new.root AND quad = new.quad; END;"
    "CREATE TRIGGER event_days_ad AFTER DELETE ON event_days BEGIN"
    "  UPDATE day_totals SET days = days - 1, n = n - old.n, g10_days = g10_days - CAST(round(old.goldstein * 10) AS INTEGER),"
    "    g10 = g10 - old.n * CAST(round(old.goldstein * 10) AS INTEGER)"
    "   WHERE date = old.date AND root = old.root AND quad = old.quad;"
    "  DELETE FROM day_totals WHERE date = old.date AND root = old.root AND quad = old.quad AND days <= 0; END;"
    /* reprint bands by week of publication (UNDATED_WEEK without a date) */
    "CREATE TABLE doc_bands_w(week INTEGER NOT NULL, band INTEGER NOT NULL, hash INTEGER NOT NULL,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, PRIMARY KEY(week, band, hash, doc)) WITHOUT ROWID;"
    "INSERT INTO doc_bands_w SELECT coalesce(CAST((julianday(d.pubdate) - 2440587.5) / 7 AS INTEGER), -999999), b.band,"
    "  b.hash, b.doc FROM doc_bands b JOIN documents d ON d.id = b.doc;"
    "DROP TABLE doc_bands;"
    "ALTER TABLE doc_bands_w RENAME TO doc_bands;"
    "CREATE INDEX doc_bands_doc ON doc_bands(doc);";
/* Version 6 -> 7: the text once.
 * - A document's body is kept compressed (zstd; hd_text() gives it back)
 *   and its sentences are read from it by their spans (hd_sentence()): the
 *   sentences table, which held the text of those with events a second
 *   time, is gone.
 * - The full-text index keeps no copy either (contentless): a sentence's
 *   entry has the row id of its first event (dense ids: short deltas in
 *   the index), and the store removes a document's entries itself before
 *   the document (the text to remove is read from the body).
 * (migrate_v7 first gives documents stored before version 2, which have
 * no spans, the spans of their sentences within the body.) */
static const char MIGRATE_V7[] =
    "CREATE TEMP TABLE fts_v7 AS SELECT (SELECT min(e.id) FROM events e WHERE e.doc = s.doc AND e.sentence = s.idx) AS id,"
    "  hd_sentence(d.body, d.sentence_spans, s.idx) AS text FROM sentences s JOIN documents d ON d.id = s.doc;"
    "DROP TRIGGER IF EXISTS sentences_ad;"
    "DROP TABLE sentences_fts;"
    "DROP TABLE sentences;"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='');"
    "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM temp.fts_v7 WHERE id IS NOT NULL AND text IS NOT NULL"
    "  ORDER BY id;"
    "DROP TABLE temp.fts_v7;"
    "UPDATE documents SET body = hd_pack(body) WHERE typeof(body) = 'text';";
/* Version 7 -> 8: the rollup's rows by month first.
 * event_days and its target index lead with the month of the date (ym,
 * YYYYMM; 999999 undated), then the countries: a batch of news of a few
 * weeks adds its rows to the end of the store's newest months, which stay
 * small however large the store grows, where keys led by the countries
 * put them in as many places as the batch has dyads, each on a page of
 * its own in a large store (make bench-store: ingest at ten million
 * events ...).  A dyad's rows in time order are then one range a month:
 * readers seek the months the store holds (query.c: rollup_months). */
static const char MIGRATE_V8[] =
    "DROP TRIGGER IF EXISTS events_ad_days;"
    "CREATE TABLE event_days_m(ym INTEGER NOT NULL, sc TEXT NOT NULL, tc TEXT NOT NULL, date TEXT NOT NULL,"
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  goldstein REAL NOT NULL, id INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  PRIMARY KEY(ym, sc, tc, date, source, target, code)) WITHOUT ROWID;"
    "INSERT INTO event_days_m SELECT " STORE_YM("date") ", sc, tc, date, source, target, code, root, quad, goldstein, id, n"
    "  FROM event_days ORDER BY 1, sc, tc, date, source, target, code;"
    "DROP TABLE event_days;"
    "ALTER TABLE event_days_m RENAME TO event_days;"
    "CREATE INDEX event_days_target ON event_days(ym, tc, sc, date, root, quad, id);"
    "CREATE INDEX event_days_date ON event_days(date, root, quad, id);"
    /* a sentence's first event, which keys its entry in the full-text
     * index, from the index alone (the walk of a common word's pages asks
     * it of every event it tests: 37 us an event when each of the
     * document's events was read for its sentence, 12 now) */
    "DROP INDEX IF EXISTS events_doc;"
    "CREATE INDEX events_doc ON events(doc, sentence);"
    "CREATE TABLE month_totals(ym INTEGER NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  days INTEGER NOT NULL, n INTEGER NOT NULL, g10_days INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    "  PRIMARY KEY(ym, root, quad)) WITHOUT ROWID;"
    "CREATE TABLE dyad_months(ym INTEGER NOT NULL, sc TEXT NOT NULL, tc TEXT NOT NULL, root TEXT NOT NULL,"
    "  quad INTEGER NOT NULL, days INTEGER NOT NULL, n INTEGER NOT NULL, g10_days INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    "  PRIMARY KEY(ym, sc, tc, root, quad)) WITHOUT ROWID;"
    "INSERT INTO month_totals SELECT ym, root, quad, count(*), sum(n), sum(CAST(round(goldstein * 10) AS INTEGER)),"
    "  sum(n * CAST(round(goldstein * 10) AS INTEGER)) FROM event_days GROUP BY ym, root, quad;"
    "INSERT INTO dyad_months SELECT ym, sc, tc, root, quad, count(*), sum(n), sum(CAST(round(goldstein * 10) AS INTEGER)),"
    "  sum(n * CAST(round(goldstein * 10) AS INTEGER)) FROM event_days GROUP BY ym, sc, tc, root, quad;";
/* (its triggers: one string is at most 4,095 bytes in C) */
static const char MIGRATE_V8_TRIGGERS[] =
    "CREATE TRIGGER events_ad_days AFTER DELETE ON events BEGIN"
    "  UPDATE event_days SET n = n - 1, id = CASE WHEN id != old.id THEN id ELSE coalesce((SELECT min(x.id)"
    "    FROM events x WHERE x.date IS old.date AND x.source = old.source AND x.target = old.target"
    "    AND x.code = old.code), 0) END"
    "   WHERE ym = " STORE_YM("old.date") " AND sc = substr(old.source, 1, 3) AND tc = substr(old.target, 1, 3)"
    "    AND date = coalesce(old.date, 'undated') AND source = old.source AND target = old.target AND code = old.code;"
    "  DELETE FROM event_days WHERE ym = " STORE_YM("old.date") " AND sc = substr(old.source, 1, 3)"
    "    AND tc = substr(old.target, 1, 3) AND date = coalesce(old.date, 'undated') AND source = old.source"
    "    AND target = old.target AND code = old.code AND n <= 0; END;"
    "CREATE TRIGGER event_days_au AFTER UPDATE OF n ON event_days WHEN new.n < old.n BEGIN"
    "  UPDATE day_totals SET n = n + new.n - old.n, g10 = g10 + (new.n - old.n) * CAST(round(new.goldstein * 10) AS INTEGER)"
    "   WHERE date = new.date AND root = new.root AND quad = new.quad;"
    "  UPDATE month_totals SET n = n + new.n - old.n, g10 = g10 + (new.n - old.n) * CAST(round(new.goldstein * 10) AS INTEGER)"
    "   WHERE ym = new.ym AND root = new.root AND quad = new.quad;"
    "  UPDATE dyad_months SET n = n + new.n - old.n, g10 = g10 + (new.n - old.n) * CAST(round(new.goldstein * 10) AS INTEGER)"
    "   WHERE ym = new.ym AND sc = new.sc AND tc = new.tc AND root = new.root AND quad = new.quad; END;"
    "CREATE TRIGGER event_days_ad AFTER DELETE ON event_days BEGIN"
    "  UPDATE day_totals SET days = days - 1, n = n - old.n, g10_days = g10_days - CAST(round(old.goldstein * 10) AS INTEGER),"
    "    g10 = g10 - old.n * CAST(round(old.goldstein * 10) AS INTEGER)"
    "   WHERE date = old.date AND root = old.root AND quad = old.quad;"
    "  DELETE FROM day_totals WHERE date = old.date AND root = old.root AND quad = old.quad AND days <= 0;"
    "  UPDATE month_totals SET days = days - 1, n = n - old.n, g10_days = g10_days - CAST(round(old.goldstein * 10) AS INTEGER),"
    "    g10 = g10 - old.n * CAST(round(old.goldstein * 10) AS INTEGER)"
    "   WHERE ym = old.ym AND root = old.root AND quad = old.quad;"
    "  DELETE FROM month_totals WHERE ym = old.ym AND root = old.root AND quad = old.quad AND days <= 0;"
    "  UPDATE dyad_months SET days = days - 1, n = n - old.n, g10_days = g10_days - CAST(round(old.goldstein * 10) AS INTEGER),"
    "    g10 = g10 - old.n * CAST(round(old.goldstein * 10) AS INTEGER)"
    "   WHERE ym = old.ym AND sc = old.sc AND tc = old.tc AND root = old.root AND quad = old.quad;"
    "  DELETE FROM dyad_months WHERE ym = old.ym AND sc = old.sc AND tc = old.tc AND root = old.root AND quad = old.quad"
    "   AND days <= 0; END;";
/* Version 8 -> 9: words by month.
 * A sentence's entry in the full-text index also holds, as the words of a
 * second column (ym), the months of its events (YYYYMM; 999999 undated),
 * and `months` lists every month the store has held (kept by a trigger on
 * month_totals; a month emptied stays, which costs readers one probe).  A
 * page of events with some words is then read a month at a time in date
 * order, asking the index for "words AND ym : MONTH" (query.c:
 * reader_event_ids), not every sentence with the words sorted by date:
 * its time grows with the page and the months it spans, not with how
 * often the words occur.  SENT_MONTHS is the second column's text as SQL
 * reads it from the events (the migration; a document's removal, when a
 * contentless index is given the words it removes); the writer makes the
 * same text from the document it stores (sentence_months). */
#define SENT_MONTHS_OF(pre, doc, sentence)                                                                    \
    "(SELECT group_concat(" pre "m, ' ') FROM (SELECT DISTINCT " STORE_YM("x.date") " AS m FROM events x"      \
    " WHERE x.doc = " doc " AND x.sentence = " sentence " ORDER BY m))"
#define SENT_MONTHS(doc, sentence) SENT_MONTHS_OF("", doc, sentence)
/* the full-text index made again from the bodies: each sentence with
 * events under its first event's id, its months as `months` writes them,
 * the index made with FTS5's options opts */
#define FTS_REMAKE(months, opts)                                                                                  \
    "CREATE TEMP TABLE fts_new_ix AS SELECT e.id AS id, hd_sentence(d.body, d.sentence_spans, e.sentence) AS text," \
    "  " months("e.doc", "e.sentence") " AS ym"                                                                   \
    "  FROM (SELECT min(id) AS id, doc, sentence FROM events GROUP BY doc, sentence) e JOIN documents d ON d.id = e.doc;" \
    "DROP TABLE sentences_fts;"                                                                                   \
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, ym, content=''" opts ");"                                \
    "INSERT INTO sentences_fts(rowid, text, ym) SELECT id, text, ym FROM temp.fts_new_ix WHERE text IS NOT NULL ORDER BY id;" \
    "DROP TABLE temp.fts_new_ix;"
static const char MIGRATE_V9[] =
    "CREATE TABLE months(ym INTEGER PRIMARY KEY);"
    "INSERT INTO months SELECT DISTINCT ym FROM month_totals;"
    "CREATE TRIGGER month_totals_ai AFTER INSERT ON month_totals BEGIN"
    "  INSERT OR IGNORE INTO months VALUES(new.ym); END;"
    FTS_REMAKE(SENT_MONTHS, "");
/* Version 9 -> 10: sums by month of each country in each role.
 * actor_months(ym, c, role, root, quad, ...) as dyad_months, for one
 * country: role 's' the rows where it is the source's and not the
 * target's, 't' the target's and not the source's, 'b' both.  A series by
 * month or year of an actor in either role (all three), of a source ('s',
 * 'b') or of a target ('t', 'b') reads one row a month and category, not
 * one a month, category and partner (the busiest country pairs with most
 * others: `stats --by month --actor AFG` at ten million events 409 ms from
 * dyad_months).  Kept like the others: at a batch's commit, each key once,
 * and by triggers on event_days when rows go. */
#define ACTOR_ROLE(sc, tc) "CASE WHEN " sc " = " tc " THEN 'b' ELSE 's' END"
static const char MIGRATE_V10[] =
    "CREATE TABLE actor_months(ym INTEGER NOT NULL, c TEXT NOT NULL, role TEXT NOT NULL, root TEXT NOT NULL,"
    "  quad INTEGER NOT NULL, days INTEGER NOT NULL, n INTEGER NOT NULL, g10_days INTEGER NOT NULL, g10 INTEGER NOT NULL,"
    "  PRIMARY KEY(ym, c, role, root, quad)) WITHOUT ROWID;"
    "INSERT INTO actor_months SELECT ym, c, role, root, quad, count(*), sum(n), sum(CAST(round(goldstein * 10) AS INTEGER)),"
    "  sum(n * CAST(round(goldstein * 10) AS INTEGER)) FROM"
    "  (SELECT ym, sc AS c, " ACTOR_ROLE("sc", "tc") " AS role, root, quad, n, goldstein FROM event_days"
    "   UNION ALL SELECT ym, tc, 't', root, quad, n, goldstein FROM event_days WHERE sc != tc)"
    "  GROUP BY ym, c, role, root, quad;"
    /* a row's part: its source's country ('s' or 'b') and, when another,
     * its target's ('t') */
    "CREATE TRIGGER event_days_au_actors AFTER UPDATE OF n ON event_days WHEN new.n < old.n BEGIN"
    "  UPDATE actor_months SET n = n + new.n - old.n,"
    "    g10 = g10 + (new.n - old.n) * CAST(round(new.goldstein * 10) AS INTEGER)"
    "   WHERE ym = new.ym AND root = new.root AND quad = new.quad AND ((c = new.sc AND role = " ACTOR_ROLE("new.sc", "new.tc") ")"
    "    OR (new.sc != new.tc AND c = new.tc AND role = 't')); END;"
    "CREATE TRIGGER event_days_ad_actors AFTER DELETE ON event_days BEGIN"
    "  UPDATE actor_months SET days = days - 1, n = n - old.n,"
    "    g10_days = g10_days - CAST(round(old.goldstein * 10) AS INTEGER),"
    "    g10 = g10 - old.n * CAST(round(old.goldstein * 10) AS INTEGER)"
    "   WHERE ym = old.ym AND root = old.root AND quad = old.quad AND ((c = old.sc AND role = " ACTOR_ROLE("old.sc", "old.tc") ")"
    "    OR (old.sc != old.tc AND c = old.tc AND role = 't'));"
    "  DELETE FROM actor_months WHERE ym = old.ym AND root = old.root AND quad = old.quad AND days <= 0"
    "   AND ((c = old.sc AND role = " ACTOR_ROLE("old.sc", "old.tc") ") OR (old.sc != old.tc AND c = old.tc AND role = 't')); END;";
/* Version 10 -> 11: less room an event.
 * - Bodies packed with a dictionary of the store's own (pack_dicts:
 *   zstd's dictionary ID, the dictionary, how many articles it was
 *   trained on, when; train_dict).
 * - Reprint bands without an index by document (a fifth of their room):
 *   a document replaced takes its bands away by their keys, made again
 *   from its stored signature and date (bands_del), not by a foreign key's
 *   cascade, which needs that index.
 * (The full-text index keeps the sizes of its entries' columns, which no
 * reader uses: without them, FTS5 cannot scan a contentless table or find
 * an entry by its row id, which checks of the index need.) */
static const char MIGRATE_V11[] =
    "CREATE TABLE pack_dicts(id INTEGER PRIMARY KEY, dict BLOB NOT NULL, docs INTEGER NOT NULL, trained_at TEXT NOT NULL);"
    "CREATE TABLE doc_bands_k(week INTEGER NOT NULL, band INTEGER NOT NULL, hash INTEGER NOT NULL, doc INTEGER NOT NULL,"
    "  PRIMARY KEY(week, band, hash, doc)) WITHOUT ROWID;"
    "INSERT INTO doc_bands_k SELECT week, band, hash, doc FROM doc_bands ORDER BY week, band, hash, doc;"
    "DROP TABLE doc_bands;"
    "ALTER TABLE doc_bands_k RENAME TO doc_bands;";
/* (its events: one string is at most 4,095 bytes in C)
 * - An event's row keeps what is its own; what it shares with others is
 *   kept once and referred to: the name, Goldstein weight and PLOVER
 *   category of its code in `codes` (as the coder's CAMEO table gave them
 *   when the code was first stored), its rule, date basis, place's
 *   kind, how it was placed and region in `labels` (by id).  The view
 *   `events` gives every column as before, by the same names and in the
 *   same order, so readers and other clients read it as the table it
 *   replaces (event_rows: 216 -> 140 bytes an event on the bench's
 *   articles). */
#define LABEL_OF(col) "(SELECT l.id FROM labels l WHERE l.text = e." col ")"
#define EVENT_ROWS_INDEXES                                                                                  \
    "CREATE INDEX events_day ON event_rows(date, source, target, code);"                                   \
    "CREATE INDEX events_place ON event_rows(place_country, date) WHERE place_country IS NOT NULL;"        \
    "CREATE INDEX events_doc ON event_rows(doc, sentence);"
static const char MIGRATE_V11_EVENTS[] =
    "CREATE TABLE codes(code TEXT PRIMARY KEY, name TEXT, goldstein REAL NOT NULL, plover TEXT) WITHOUT ROWID;"
    "INSERT INTO codes SELECT code, min(event), min(goldstein), min(plover) FROM events GROUP BY code;"
    "CREATE TABLE labels(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
    "INSERT INTO labels(text) SELECT t FROM (SELECT rule AS t FROM events UNION SELECT date_basis FROM events"
    "  UNION SELECT place_how FROM events UNION SELECT place_kind FROM events UNION SELECT place_region FROM events)"
    "  WHERE t IS NOT NULL;"
    "CREATE TABLE event_rows(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER NOT NULL, date TEXT, source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"
    "  root TEXT NOT NULL, quad INTEGER NOT NULL, source_text TEXT, target_text TEXT, verb_text TEXT, place TEXT,"
    "  rule INTEGER, story INTEGER, date_basis INTEGER, date_text TEXT, quote INTEGER, place_country TEXT, place_lat REAL,"
    "  place_lon REAL, place_how INTEGER, place_kind INTEGER, place_region INTEGER,"
    "  sc TEXT GENERATED ALWAYS AS (substr(source, 1, 3)) VIRTUAL, tc TEXT GENERATED ALWAYS AS (substr(target, 1, 3)) VIRTUAL);"
    "INSERT INTO event_rows(id, doc, sentence, date, source, target, code, root, quad, source_text, target_text, verb_text,"
    "  place, rule, story, date_basis, date_text, quote, place_country, place_lat, place_lon, place_how, place_kind,"
    "  place_region) SELECT id, doc, sentence, date, source, target, code, root, quad, source_text, target_text, verb_text,"
    "  place, " LABEL_OF("rule") ", story, " LABEL_OF("date_basis") ", date_text, quote, place_country, place_lat,"
    "  place_lon, " LABEL_OF("place_how") ", " LABEL_OF("place_kind") ", " LABEL_OF("place_region") " FROM events e ORDER BY id;"
    "DROP TABLE events;"
    "CREATE VIEW events AS SELECT r.id AS id, r.doc AS doc, r.sentence AS sentence, r.date AS date, r.source AS source,"
    "  r.target AS target, r.code AS code, r.root AS root, r.quad AS quad,"
    "  (SELECT c.goldstein FROM codes c WHERE c.code = r.code) AS goldstein, r.source_text AS source_text,"
    "  r.target_text AS target_text, r.verb_text AS verb_text, r.place AS place,"
    "  (SELECT l.text FROM labels l WHERE l.id = r.rule) AS rule, r.story AS story,"
    "  (SELECT c.name FROM codes c WHERE c.code = r.code) AS event, (SELECT c.plover FROM codes c WHERE c.code = r.code) AS plover,"
    "  (SELECT l.text FROM labels l WHERE l.id = r.date_basis) AS date_basis, r.date_text AS date_text, r.quote AS quote,"
    "  r.place_country AS place_country, r.place_lat AS place_lat, r.place_lon AS place_lon,"
    "  (SELECT l.text FROM labels l WHERE l.id = r.place_how) AS place_how,"
    "  (SELECT l.text FROM labels l WHERE l.id = r.place_kind) AS place_kind,"
    "  (SELECT l.text FROM labels l WHERE l.id = r.place_region) AS place_region, r.sc AS sc, r.tc AS tc FROM event_rows r;"
    EVENT_ROWS_INDEXES;
/* (its sums of all time)
 * - pair_totals: a pair of actors' (full codes), code_totals: a code's;
 *   days, n, g10_days, g10 as in the other sums.  The lists of the most
 *   frequent dyads, actors and codes of the whole store read them (a few
 *   rows a pair or code, not every rollup row: `stats --top dyads` at ten
 *   million events read 9 million).  Kept like the others: at a batch's
 *   commit, and by triggers on event_days when rows go. */
#define G10_SQL(x) "CAST(round(" x " * 10) AS INTEGER)"
/* a rollup row's going (old) or losing events (new.n < old.n), in the sums
 * of table k, the row's keys there; g10: its Goldstein score in tenths */
#define SUMS_GO(k, keys, g10)                                                                                   \
    "  UPDATE " k " SET days = days - 1, n = n - old.n, g10_days = g10_days - " g10 ","                         \
    "    g10 = g10 - old.n * " g10 " WHERE " keys ";"                                                          \
    "  DELETE FROM " k " WHERE " keys " AND days <= 0;"
#define SUMS_LESS(k, keys, g10) "  UPDATE " k " SET n = n + new.n - old.n, g10 = g10 + (new.n - old.n) * " g10 " WHERE " keys ";"
#define TOTALS_GO(k, keys) SUMS_GO(k, keys, G10_SQL("old.goldstein"))
#define TOTALS_LESS(k, keys) SUMS_LESS(k, keys, G10_SQL("new.goldstein"))
static const char MIGRATE_V11_TOTALS[] =
    "CREATE TABLE pair_totals(source TEXT NOT NULL, target TEXT NOT NULL, days INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  g10_days INTEGER NOT NULL, g10 INTEGER NOT NULL, PRIMARY KEY(source, target)) WITHOUT ROWID;"
    "INSERT INTO pair_totals SELECT source, target, count(*), sum(n), sum(" G10_SQL("goldstein") "),"
    "  sum(n * " G10_SQL("goldstein") ") FROM event_days GROUP BY source, target;"
    "CREATE TABLE code_totals(code TEXT NOT NULL PRIMARY KEY, days INTEGER NOT NULL, n INTEGER NOT NULL,"
    "  g10_days INTEGER NOT NULL, g10 INTEGER NOT NULL) WITHOUT ROWID;"
    "INSERT INTO code_totals SELECT code, count(*), sum(n), sum(" G10_SQL("goldstein") "),"
    "  sum(n * " G10_SQL("goldstein") ") FROM event_days GROUP BY code;"
    "CREATE TRIGGER event_days_au_totals AFTER UPDATE OF n ON event_days WHEN new.n < old.n BEGIN"
    TOTALS_LESS("pair_totals", "source = new.source AND target = new.target")
    TOTALS_LESS("code_totals", "code = new.code") " END;"
    "CREATE TRIGGER event_days_ad_totals AFTER DELETE ON event_days BEGIN"
    TOTALS_GO("pair_totals", "source = old.source AND target = old.target")
    TOTALS_GO("code_totals", "code = old.code") " END;";

/* the rollup's trigger (version 8's), on the events' rows; and a delete
 * from the view (SQL of a user's, written for the table) deletes the rows */
#define EVENTS_DELETE \
    "CREATE TRIGGER events_delete INSTEAD OF DELETE ON events BEGIN DELETE FROM event_rows WHERE id = old.id; END;"
static const char MIGRATE_V11_TRIGGER[] =
    EVENTS_DELETE
    "CREATE TRIGGER events_ad_days AFTER DELETE ON event_rows BEGIN"
    "  UPDATE event_days SET n = n - 1, id = CASE WHEN id != old.id THEN id ELSE coalesce((SELECT min(x.id)"
    "    FROM event_rows x WHERE x.date IS old.date AND x.source = old.source AND x.target = old.target"
    "    AND x.code = old.code), 0) END"
    "   WHERE ym = " STORE_YM("old.date") " AND sc = substr(old.source, 1, 3) AND tc = substr(old.target, 1, 3)"
    "    AND date = coalesce(old.date, 'undated') AND source = old.source AND target = old.target AND code = old.code;"
    "  DELETE FROM event_days WHERE ym = " STORE_YM("old.date") " AND sc = substr(old.source, 1, 3)"
    "    AND tc = substr(old.target, 1, 3) AND date = coalesce(old.date, 'undated') AND source = old.source"
    "    AND target = old.target AND code = old.code AND n <= 0; END;";

/* Version 11 -> 12: an event's words and place kept once.
 * - The words an event was coded from (source_text, target_text,
 *   verb_text, date_text) are kept once in `phrases` and referred to by
 *   id: news says "said", "on Tuesday", "the police" and an office's
 *   holder's name over and over.
 * - Its place (name, country, latitude, longitude, kind, region) once in
 *   `places`; the row keeps the country as well, which its index by place
 *   and date leads with, and how the event was placed.
 * The view `events` gives every column as before. */
#define PHRASE_OF(col) "(SELECT p.id FROM phrases p WHERE p.text = r." col ")"
#define PHRASE_TEXT(col) "(SELECT p.text FROM phrases p WHERE p.id = r." col ") AS " col
#define PLACE_OF(col) "(SELECT p." col " FROM places p WHERE p.id = r.place)"
#define LABEL_TEXT(id) "(SELECT l.text FROM labels l WHERE l.id = " id ")"
/* the view of the events' rows with every column (version 12's; the date
 * as SQL makes it from the row, more columns after the others) */
#define EVENTS_VIEW(date, more)                                                                                  \
    "CREATE VIEW events AS SELECT r.id AS id, r.doc AS doc, r.sentence AS sentence, " date " AS date, r.source AS source," \
    "  r.target AS target, r.code AS code, r.root AS root, r.quad AS quad," \
    "  (SELECT c.goldstein FROM codes c WHERE c.code = r.code) AS goldstein, " PHRASE_TEXT("source_text") "," \
    "  " PHRASE_TEXT("target_text") ", " PHRASE_TEXT("verb_text") ", " PLACE_OF("name") " AS place," \
    "  " LABEL_TEXT("r.rule") " AS rule, r.story AS story," \
    "  (SELECT c.name FROM codes c WHERE c.code = r.code) AS event, (SELECT c.plover FROM codes c WHERE c.code = r.code) AS plover," \
    "  " LABEL_TEXT("r.date_basis") " AS date_basis, " PHRASE_TEXT("date_text") ", r.quote AS quote," \
    "  r.place_country AS place_country, " PLACE_OF("lat") " AS place_lat, " PLACE_OF("lon") " AS place_lon," \
    "  " LABEL_TEXT("r.place_how") " AS place_how, " LABEL_TEXT(PLACE_OF("kind")) " AS place_kind," \
    "  " LABEL_TEXT(PLACE_OF("region")) " AS place_region, r.sc AS sc, r.tc AS tc" more " FROM event_rows r;"
/* the events' rows (version 12's; the date's column as SQL declares it) */
#define EVENT_ROWS_TABLE(date_col)                                                                                \
    "CREATE TABLE event_rows(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE," \
    "  sentence INTEGER NOT NULL, " date_col ", source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL,"   \
    "  root TEXT NOT NULL, quad INTEGER NOT NULL, source_text INTEGER, target_text INTEGER, verb_text INTEGER, place INTEGER," \
    "  rule INTEGER, story INTEGER, date_basis INTEGER, date_text INTEGER, quote INTEGER, place_country TEXT,"     \
    "  place_how INTEGER,"                                                                                        \
    "  sc TEXT GENERATED ALWAYS AS (substr(source, 1, 3)) VIRTUAL, tc TEXT GENERATED ALWAYS AS (substr(target, 1, 3)) VIRTUAL);"
static const char MIGRATE_V12[] =
    "CREATE TABLE phrases(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
    "INSERT INTO phrases(text) SELECT t FROM (SELECT source_text AS t FROM event_rows UNION SELECT target_text FROM event_rows"
    "  UNION SELECT verb_text FROM event_rows UNION SELECT date_text FROM event_rows) WHERE t IS NOT NULL;"
    "CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT, lat REAL, lon REAL, kind INTEGER,"
    "  region INTEGER);"
    "CREATE INDEX places_key ON places(name, country, lat, lon, kind, region);"
    "INSERT INTO places(name, country, lat, lon, kind, region) SELECT DISTINCT place, place_country, place_lat, place_lon,"
    "  place_kind, place_region FROM event_rows WHERE place IS NOT NULL;"
    "ALTER TABLE event_rows RENAME TO event_rows_11;"
    EVENT_ROWS_TABLE("date TEXT")
    "INSERT INTO event_rows(id, doc, sentence, date, source, target, code, root, quad, source_text, target_text, verb_text,"
    "  place, rule, story, date_basis, date_text, quote, place_country, place_how)"
    "  SELECT id, doc, sentence, date, source, target, code, root, quad, " PHRASE_OF("source_text") ","
    "  " PHRASE_OF("target_text") ", " PHRASE_OF("verb_text") ", (SELECT p.id FROM places p WHERE p.name = r.place"
    "  AND p.country IS r.place_country AND p.lat IS r.place_lat AND p.lon IS r.place_lon AND p.kind IS r.place_kind"
    "  AND p.region IS r.place_region), rule, story, date_basis, " PHRASE_OF("date_text") ", quote, place_country,"
    "  place_how FROM event_rows_11 r ORDER BY id;"
    "DROP VIEW events;"
    "DROP TABLE event_rows_11;"
    EVENTS_VIEW("r.date", "")
    EVENT_ROWS_INDEXES;

/* Version 12 -> 13: a document's signature as a byte of each MinHash
 * value (64 bytes, not 256; Sig8), its reprint bands hashed from those
 * bytes: every signature cut and every band made again (sigs_v13; again
 * by version 20, whose bands' hashes are shorter). */
static const char MIGRATE_V13[] = "DELETE FROM doc_bands;";
/* Version 13 -> 14: a document's sentence spans packed (spans_pack):
 * every document's, by spans_v14. */
static const char MIGRATE_V14[] = "";
/* Version 14 -> 15: the rollup without its index by date (a quarter of
 * the rollup's room: a WITHOUT ROWID table's index holds its whole key).
 * A walk of every row by date (filters with no actors) reads the rows a
 * month at a time by their key, each month sorted as it is read, and
 * stops at the month that fills the page (query.c: reader_event_ids; a
 * month of the bench's ten million events, 45,000 rows, in 11 ms); a sum
 * over a range of dates seeks its months (stats.c). */
static const char MIGRATE_V15[] = "DROP INDEX IF EXISTS event_days_date;";
/* Version 15 -> 16: the rollup's rows with their day as a number (days
 * since 1970-01-01, STORE_UNDATED undated: STORE_DAY), not as its text,
 * in the row and in its index by target (8 bytes less in each), and
 * without the code's Goldstein score, which `codes` holds (8 bytes a
 * row).  Readers give the day back as a date (STORE_DAY_DATE; query.c:
 * rollup_where); PostgreSQL keeps dates and scores. */
static const char MIGRATE_V16[] =
    "DROP TRIGGER IF EXISTS events_ad_days;"
    "CREATE TABLE event_days_16(ym INTEGER NOT NULL, sc TEXT NOT NULL, tc TEXT NOT NULL, day INTEGER NOT NULL,"
    "  source TEXT NOT NULL, target TEXT NOT NULL, code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL,"
    "  id INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(ym, sc, tc, day, source, target, code)) WITHOUT ROWID;"
    "INSERT INTO event_days_16 SELECT ym, sc, tc, " STORE_DAY("date") ", source, target, code, root, quad, id, n"
    "  FROM event_days ORDER BY ym, sc, tc, date, source, target, code;"
    "DROP TABLE event_days;"
    "ALTER TABLE event_days_16 RENAME TO event_days;"
    "CREATE INDEX event_days_target ON event_days(ym, tc, sc, day, root, quad, id);";
/* (the events' trigger, which reads them by day, is version 17's) */
/* (the sums' triggers on the rollup's rows, as before, with the row's
 * date and Goldstein score made from its day and code) */
#define ROW_G10(o) G10_SQL("(SELECT c.goldstein FROM codes c WHERE c.code = " o ".code)")
#define ROW_DATE(o) "coalesce(" STORE_DAY_DATE(o ".day") ", 'undated')"
#define ROW_ACTORS(o)                                                                                            \
    "ym = " o ".ym AND root = " o ".root AND quad = " o ".quad AND ((c = " o ".sc AND role = "                   \
    ACTOR_ROLE(o ".sc", o ".tc") ") OR (" o ".sc != " o ".tc AND c = " o ".tc AND role = 't'))"
/* a row's change (SUMS_LESS or SUMS_GO, on row o: new or old) in every sum */
#define ROW_SUMS(SUMS, o)                                                                                        \
    SUMS("day_totals", "date = " ROW_DATE(o) " AND root = " o ".root AND quad = " o ".quad", ROW_G10(o))         \
    SUMS("month_totals", "ym = " o ".ym AND root = " o ".root AND quad = " o ".quad", ROW_G10(o))                \
    SUMS("dyad_months", "ym = " o ".ym AND sc = " o ".sc AND tc = " o ".tc AND root = " o ".root AND quad = " o  \
         ".quad", ROW_G10(o))                                                                                   \
    SUMS("actor_months", ROW_ACTORS(o), ROW_G10(o))                                                             \
    SUMS("pair_totals", "source = " o ".source AND target = " o ".target", ROW_G10(o))                          \
    SUMS("code_totals", "code = " o ".code", ROW_G10(o))
static const char MIGRATE_V16_TRIGGERS[] =
    "CREATE TRIGGER event_days_au AFTER UPDATE OF n ON event_days WHEN new.n < old.n BEGIN" ROW_SUMS(SUMS_LESS, "new")
    " END;";
static const char MIGRATE_V16_TRIGGERS_AD[] =
    "CREATE TRIGGER event_days_ad AFTER DELETE ON event_days BEGIN" ROW_SUMS(SUMS_GO, "old") " END;";
/* Version 16 -> 17: the events' indexes by date keep the day as a number
 * (STORE_DAY, as the rollup's rows do since version 16), not the date's
 * text: 8 bytes less an event in the index by (day, source, target, code)
 * and a placed event's in the one by (place_country, day).  Readers ask
 * them by the same expression (query.c: ROW_EVENTS), which SQLite's
 * planner matches to the index's. */
#define EVENTS_DAY_INDEXES                                                                                          \
    "CREATE INDEX events_day ON event_rows(" STORE_DAY("date") ", source, target, code);"                           \
    "CREATE INDEX events_place ON event_rows(place_country, " STORE_DAY("date") ") WHERE place_country IS NOT NULL;"
/* an event's row gone: its rollup row loses it (and goes with its last),
 * the day of a row x and of the old one, the month of the old one as SQL
 * makes them */
#define EVENTS_AD_DAYS(x_day, old_day, old_ym)                                                                  \
    "CREATE TRIGGER events_ad_days AFTER DELETE ON event_rows BEGIN"                                             \
    "  UPDATE event_days SET n = n - 1, id = CASE WHEN id != old.id THEN id ELSE coalesce((SELECT min(x.id)"     \
    "    FROM event_rows x WHERE " x_day " = " old_day " AND x.source = old.source"                             \
    "    AND x.target = old.target AND x.code = old.code), 0) END"                                               \
    "   WHERE ym = " old_ym " AND sc = substr(old.source, 1, 3) AND tc = substr(old.target, 1, 3)"               \
    "    AND day = " old_day " AND source = old.source AND target = old.target AND code = old.code;"             \
    "  DELETE FROM event_days WHERE ym = " old_ym " AND sc = substr(old.source, 1, 3)"                           \
    "    AND tc = substr(old.target, 1, 3) AND day = " old_day " AND source = old.source"                        \
    "    AND target = old.target AND code = old.code AND n <= 0; END;"
static const char MIGRATE_V17[] =
    "DROP INDEX IF EXISTS events_day;"
    "DROP INDEX IF EXISTS events_place;"
    EVENTS_DAY_INDEXES
    "DROP TRIGGER IF EXISTS events_ad_days;"
    EVENTS_AD_DAYS(STORE_DAY("x.date"), STORE_DAY("old.date"), STORE_YM("old.date"));

/* Version 17 -> 18: the full-text index keeps which sentences hold a word,
 * not where (FTS5's detail=none), nor each sentence's length in tokens
 * (columnsize=0: no ranking asks it): at ten million events 71 bytes an
 * event -> about 23 (fulltext.h).  Without positions FTS5 answers no
 * query by column: the months become tokens of their own (FULLTEXT_MONTH,
 * U+E000, before YYYYMM), which no word of a text is.  The index is made
 * again from the bodies, as version 9 made it. */
#define SENT_MONTH_TOKENS(doc, sentence) SENT_MONTHS_OF("char(57344) || ", doc, sentence)
static const char MIGRATE_V18[] =
    FTS_REMAKE(SENT_MONTH_TOKENS, ", columnsize=0, detail=none");
/* Version 18 -> 19: an event's row keeps its day as a number (STORE_DAY:
 * days since 1970-01-01, STORE_UNDATED when undated), not the date's text
 * (11 bytes -> 3); the view `events` gives the date as before, and the day
 * beside it (`day`, last), by which readers find a rollup row's events
 * through the index by (day, source, target, code), now on the column. */
static const char MIGRATE_V19[] =
    "DROP TRIGGER IF EXISTS events_ad_days;"
    "ALTER TABLE event_rows RENAME TO event_rows_18;"
    EVENT_ROWS_TABLE("day INTEGER NOT NULL")
    "INSERT INTO event_rows(id, doc, sentence, day, source, target, code, root, quad, source_text, target_text, verb_text,"
    "  place, rule, story, date_basis, date_text, quote, place_country, place_how)"
    "  SELECT id, doc, sentence, " STORE_DAY("date") ", source, target, code, root, quad, source_text, target_text,"
    "  verb_text, place, rule, story, date_basis, date_text, quote, place_country, place_how FROM event_rows_18 ORDER BY id;"
    "DROP VIEW events;"
    "DROP TABLE event_rows_18;"
    "CREATE INDEX events_day ON event_rows(day, source, target, code);"
    "CREATE INDEX events_place ON event_rows(place_country, day) WHERE place_country IS NOT NULL;"
    "CREATE INDEX events_doc ON event_rows(doc, sentence);"
    EVENTS_VIEW(STORE_DAY_DATE("r.day"), ", r.day AS day")
    EVENTS_DELETE
    EVENTS_AD_DAYS("x.day", "old.day", STORE_DAY_YM("old.day"));
/* Version 19 -> 20: a reprint band's hash in 31 bits, not 63 (band8_hash:
 * 4 bytes a band's row less, 8 rows a document): every band made again
 * from the stored signatures (sigs_v13, which leaves signatures cut
 * already as they are). */
static const char MIGRATE_V20[] = "DELETE FROM doc_bands;";

static const char *const MIGRATIONS[] = {SCHEMA_V1, MIGRATE_V2, MIGRATE_V3, MIGRATE_V4, MIGRATE_V5, MIGRATE_V6,
                                         MIGRATE_V7, MIGRATE_V8, MIGRATE_V9, MIGRATE_V10, MIGRATE_V11, MIGRATE_V12,
                                         MIGRATE_V13, MIGRATE_V14, MIGRATE_V15, MIGRATE_V16, MIGRATE_V17, MIGRATE_V18,
                                         MIGRATE_V19, MIGRATE_V20};
_Static_assert(sizeof MIGRATIONS / sizeof *MIGRATIONS == STORE_SCHEMA_VERSION,
               "one migration per schema version");

/* The PLOVER category of events stored before version 3, by their code
 * (data/cameo.tsv); inside the migration's transaction. */
static int fill_plover(sqlite3 *db, const char *path, char *err, size_t errsz)
{
    sqlite3_stmt *codes, *upd;
    if (sqlite3_prepare_v2(db, "SELECT DISTINCT code FROM events", -1, &codes, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "UPDATE events SET plover=?1 WHERE code=?2", -1, &upd, NULL) != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(db));
        return -1;
    }
    int rc = 0;
    while (sqlite3_step(codes) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(codes, 0);
        const CameoCode *c = cameo_get(code);
        if (!c || !c->plover) continue;
        sqlite3_bind_text(upd, 1, c->plover, -1, SQLITE_STATIC);
        sqlite3_bind_text(upd, 2, code, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(upd) != SQLITE_DONE) {
            snprintf(err, errsz, "%s: %s", path, sqlite3_errmsg(db));
            rc = -1;
            break;
        }
        sqlite3_reset(upd);
    }
    sqlite3_finalize(codes);
    sqlite3_finalize(upd);
    return rc;
}

/* Documents stored before version 2 have a body (their sentences joined)
 * but no spans: each stored sentence is found in the body, in order;
 * those not kept get "0+0" (no text).  Inside the migration's transaction. */
static int spans_v7(sqlite3 *db, const char *path, char *err, size_t errsz)
{
    sqlite3_stmt *docs, *sents, *upd;
    if (sqlite3_prepare_v2(db, "SELECT id, body FROM documents WHERE sentence_spans IS NULL AND typeof(body) = 'text'", -1,
                           &docs, NULL) != SQLITE_OK)
        return fail(db, err, errsz, path);
    if (sqlite3_prepare_v2(db, "SELECT idx, text FROM sentences WHERE doc = ?1 ORDER BY idx", -1, &sents, NULL) != SQLITE_OK) {
        sqlite3_finalize(docs);
        return fail(db, err, errsz, path);
    }
    if (sqlite3_prepare_v2(db, "UPDATE documents SET sentence_spans = ?2 WHERE id = ?1", -1, &upd, NULL) != SQLITE_OK) {
        sqlite3_finalize(docs);
        sqlite3_finalize(sents);
        return fail(db, err, errsz, path);
    }
    int rc = 0;
    Buf spans = {0};
    while (!rc && sqlite3_step(docs) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(docs, 0);
        const char *body = (const char *)sqlite3_column_text(docs, 1);
        size_t at = 0;
        long next = 0;
        buf_clear(&spans);
        sqlite3_reset(sents);
        sqlite3_bind_int64(sents, 1, id);
        while (sqlite3_step(sents) == SQLITE_ROW) {
            long idx = (long)sqlite3_column_int64(sents, 0);
            const char *t = (const char *)sqlite3_column_text(sents, 1);
            const char *f = body && t && *t ? strstr(body + at, t) : NULL;
            for (; next < idx; next++) buf_puts(&spans, next ? " 0+0" : "0+0");
            if (next++) buf_putc(&spans, ' ');
            if (f) {
                buf_int(&spans, (long)(f - body));
                buf_putc(&spans, '+');
                buf_int(&spans, (long)strlen(t));
                at = (size_t)(f - body) + strlen(t);
            } else {
                buf_puts(&spans, "0+0");
            }
        }
        sqlite3_reset(upd);
        sqlite3_bind_int64(upd, 1, id);
        sqlite3_bind_text(upd, 2, spans.data ? spans.data : "", (int)spans.len, SQLITE_STATIC);
        if (sqlite3_step(upd) != SQLITE_DONE) rc = fail(db, err, errsz, path);
    }
    buf_free(&spans);
    sqlite3_finalize(docs);
    sqlite3_finalize(sents);
    sqlite3_finalize(upd);
    return rc;
}

static int sigs_v13(sqlite3 *db, const char *path, char *err, size_t errsz);
static int spans_v14(sqlite3 *db, const char *path, char *err, size_t errsz);

/* Bring the schema to STORE_SCHEMA_VERSION, one migration per version, all
 * in one transaction: a reader meanwhile sees the schema before or the one
 * after, never one between (a new store goes from 0 to the last at once);
 * the version is read again inside the transaction in case another process
 * migrated first. */
static int migrate(sqlite3 *db, const char *path, char *err, size_t errsz)
{
    int v;
    if (user_version(db, &v, path, err, errsz) || known_version(v, path, err, errsz)) return -1;
    if (v >= STORE_SCHEMA_VERSION) return 0;
    if (exec(db, "BEGIN IMMEDIATE", err, errsz, path)) return -1;
    if (user_version(db, &v, path, err, errsz)) goto fail;
    for (; v < STORE_SCHEMA_VERSION; v++) {
        char set[40];
        snprintf(set, sizeof set, "PRAGMA user_version=%d", v + 1);
        if ((v + 1 == 7 && spans_v7(db, path, err, errsz)) || exec(db, MIGRATIONS[v], err, errsz, path) ||
            (v + 1 == 8 && exec(db, MIGRATE_V8_TRIGGERS, err, errsz, path)) ||
            (v + 1 == 11 && (exec(db, MIGRATE_V11_EVENTS, err, errsz, path) || exec(db, MIGRATE_V11_TRIGGER, err, errsz, path) ||
                             exec(db, MIGRATE_V11_TOTALS, err, errsz, path))) ||
            /* the table made again: its triggers, as version 11 made them */
            (v + 1 == 12 && exec(db, MIGRATE_V11_TRIGGER, err, errsz, path)) ||
            ((v + 1 == 13 || v + 1 == 20) && sigs_v13(db, path, err, errsz)) || (v + 1 == 14 && spans_v14(db, path, err, errsz)) ||
            (v + 1 == 16 && (exec(db, MIGRATE_V16_TRIGGERS, err, errsz, path) ||
                             exec(db, MIGRATE_V16_TRIGGERS_AD, err, errsz, path))) ||
            (v + 1 == 3 && fill_plover(db, path, err, errsz)) || exec(db, set, err, errsz, path))
            goto fail;
    }
    return exec(db, "COMMIT", err, errsz, path);
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

/* ---- the text kept compressed: SQL functions over the stored bodies ---- */

/* A body as stored: TEXT as it is (documents stored before version 7, or
 * text that does not shrink), else a BLOB of one zstd frame, packed with
 * the store's dictionary (the frame names it) or without one. */
typedef struct Unpacker {
    sqlite3 *db;           /* where the dictionaries are */
    ZSTD_DCtx *dctx;
    uint32_t dict_id;      /* the dictionary last used (0 none) */
    ZSTD_DDict *dd;
    Buf packed, text;      /* the last body unpacked, and its text (a page's events share documents) */
    int have;
} Unpacker;

static void unpacker_free(void *p)
{
    Unpacker *u = p;
    if (!u) return;
    ZSTD_freeDCtx(u->dctx);
    ZSTD_freeDDict(u->dd);
    buf_free(&u->packed);
    buf_free(&u->text);
    free(u);
}

/* Dictionary id of the store's into u->dd: 0, or -1 when the store has
 * no such dictionary (nothing is kept of a miss: the writer may add it). */
static int unpacker_dict(Unpacker *u, uint32_t id)
{
    if (u->dd && u->dict_id == id) return 0;
    sqlite3_stmt *q;
    ZSTD_DDict *dd = NULL;
    if (sqlite3_prepare_v2(u->db, "SELECT dict FROM pack_dicts WHERE id = ?1", -1, &q, NULL) != SQLITE_OK) return -1;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_bytes(q, 0) > 0)
        dd = ZSTD_createDDict(sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0));
    sqlite3_finalize(q);
    if (!dd) return -1;
    ZSTD_freeDDict(u->dd);
    u->dd = dd;
    u->dict_id = id;
    return 0;
}

/* The text of stored body v (*len its bytes), NULL when it is NULL or
 * cannot be read. */
static const char *unpack(Unpacker *u, sqlite3_value *v, size_t *len)
{
    if (sqlite3_value_type(v) != SQLITE_BLOB) {
        const char *t = (const char *)sqlite3_value_text(v);
        *len = t ? (size_t)sqlite3_value_bytes(v) : 0;
        return t;
    }
    const void *b = sqlite3_value_blob(v);
    size_t n = (size_t)sqlite3_value_bytes(v);
    if (u->have && n == u->packed.len && (!n || !memcmp(b, u->packed.data, n))) {
        *len = u->text.len;
        return u->text.data ? u->text.data : "";
    }
    u->have = 0;
    unsigned long long size = b ? ZSTD_getFrameContentSize(b, n) : ZSTD_CONTENTSIZE_ERROR;
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > ((size_t)1 << 31)) return NULL;
    uint32_t id = ZSTD_getDictID_fromFrame(b, n);
    if (id && unpacker_dict(u, id)) return NULL;
    if (!u->dctx && !(u->dctx = ZSTD_createDCtx())) abort();
    buf_clear(&u->text);
    buf_reserve(&u->text, (size_t)size + 1);
    size_t got = id ? ZSTD_decompress_usingDDict(u->dctx, u->text.data, (size_t)size + 1, b, n, u->dd)
                    : ZSTD_decompressDCtx(u->dctx, u->text.data, (size_t)size + 1, b, n);
    if (ZSTD_isError(got) || got != size) return NULL;
    u->text.len = got;
    u->text.data[got] = 0;
    buf_clear(&u->packed);
    buf_put(&u->packed, (const char *)b, n);
    u->have = 1;
    *len = got;
    return u->text.data;
}

/* hd_text(body): a document's text */
static void sql_text(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    size_t n;
    const char *t = unpack(sqlite3_user_data(cx), v[0], &n);
    if (t) sqlite3_result_text(cx, t, (int)n, SQLITE_TRANSIENT);
    else sqlite3_result_null(cx);
}

/* Sentence idx's start and length from spans ("start+length ..."): 0, or
 * -1 when spans has no such entry. */
/* The span at p ("start+length") into *off, *len; where the next one
 * starts, "" after the last, NULL when p holds none */
static const char *span_next(const char *p, unsigned long *off, unsigned long *len)
{
    char *e;
    *off = strtoul(p, &e, 10);
    if (e == p || *e != '+') return NULL;
    const char *l = e + 1;
    *len = strtoul(l, &e, 10);
    if (e == l) return NULL;
    return *e == ' ' ? e + 1 : e;
}

static int span_of(const char *spans, long idx, size_t *off, size_t *len)
{
    unsigned long o, l;
    for (long i = 0; spans && *spans; i++) {
        if (!(spans = span_next(spans, &o, &l))) return -1;
        if (i == idx) {
            *off = o;
            *len = l;
            return 0;
        }
    }
    return -1;
}

/* Since version 14 a SQLite store keeps the spans as a BLOB: for each
 * sentence, varints of the gap from the end of the one before (zigzag:
 * a sentence not found in the body has the span 0+0) and of its length.
 * About 3 bytes a sentence, where the text took 10. */
static void varint_put(Buf *b, uint64_t v)
{
    do {
        buf_putc(b, (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
        v >>= 7;
    } while (v);
}

/* a varint at *p (before end) into *v: 0, or -1 when cut short */
static int varint_get(const uint8_t **p, const uint8_t *end, uint64_t *v)
{
    *v = 0;
    for (int sh = 0; *p < end && sh < 64; sh += 7) {
        uint8_t c = *(*p)++;
        *v |= (uint64_t)(c & 0x7f) << sh;
        if (!(c & 0x80)) return 0;
    }
    return -1;
}

/* the span (o, l) packed onto out, after one that ended at *end */
static void span_put(Buf *out, uint64_t *end, uint64_t o, uint64_t l)
{
    int64_t gap = (int64_t)o - (int64_t)*end;
    varint_put(out, gap >= 0 ? (uint64_t)gap << 1 : ((uint64_t)(-gap) << 1) - 1);
    varint_put(out, l);
    *end = o + l;
}

/* text spans ("start+length ...") packed into out: 0, or -1 when malformed */
static int spans_pack(const char *spans, Buf *out)
{
    unsigned long o, l;
    uint64_t end = 0;
    buf_clear(out);
    for (const char *p = spans; p && *p;) {
        if (!(p = span_next(p, &o, &l))) return -1;
        span_put(out, &end, o, l);
    }
    return 0;
}

/* the next span of packed spans at *p into *off, *len (end: the previous
 * one's end, updated): 0, 1 after the last, -1 when malformed */
static int spans_next(const uint8_t **p, const uint8_t *lim, uint64_t *end, uint64_t *off, uint64_t *len)
{
    uint64_t z;
    if (*p >= lim) return 1;
    if (varint_get(p, lim, &z) || varint_get(p, lim, len)) return -1;
    uint64_t back = (z + 1) >> 1;
    if ((z & 1) && back > *end) return -1;
    *off = z & 1 ? *end - back : *end + (z >> 1);
    *end = *off + *len;
    return 0;
}

/* packed spans as text ("start+length ..."), into out */
static int spans_unpack(const uint8_t *p, size_t n, Buf *out)
{
    const uint8_t *lim = p ? p + n : p;   /* (an empty BLOB's pointer is NULL) */
    uint64_t end = 0, o, l;
    int rc;
    buf_clear(out);
    while (!(rc = spans_next(&p, lim, &end, &o, &l))) buf_printf(out, "%s%llu+%llu", out->len ? " " : "",
                                                               (unsigned long long)o, (unsigned long long)l);
    return rc < 0 ? -1 : 0;
}

/* spans as stored (TEXT before version 14, a BLOB since) into text: NULL
 * when malformed; scratch holds the text of a BLOB */
static const char *spans_text(sqlite3_value *v, Buf *scratch)
{
    if (sqlite3_value_type(v) != SQLITE_BLOB) return (const char *)sqlite3_value_text(v);
    if (spans_unpack(sqlite3_value_blob(v), (size_t)sqlite3_value_bytes(v), scratch)) return NULL;
    return scratch->data ? scratch->data : "";
}

int store_view_spans(StoreView *v, const char *spans, Arena *a)
{
    uint32_t n = 0;
    for (const char *p = spans; *p; p++) n += *p == '+';
    uint32_t *off = arena_alloc(a, (n + 1) * sizeof *off), *len = arena_alloc(a, (n + 1) * sizeof *len);
    uint32_t i = 0;
    unsigned long o, l;
    for (const char *p = spans; *p && i < n; i++) {
        if (!(p = span_next(p, &o, &l)) || o > v->body_len || l > v->body_len - o) return -1;
        off[i] = (uint32_t)o, len[i] = (uint32_t)l;
    }
    v->nsent = i;
    v->sent_off = off;
    v->sent_len = len;
    return 0;
}

/* hd_sentence(body, spans, idx): sentence idx of a document */
static void sql_sentence(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    size_t n, off, len;
    int found = -1;
    long idx = (long)sqlite3_value_int64(v[2]);
    if (sqlite3_value_type(v[1]) == SQLITE_BLOB) {
        const uint8_t *p = sqlite3_value_blob(v[1]), *lim = p ? p + sqlite3_value_bytes(v[1]) : p;
        uint64_t end = 0, o = 0, l = 0;
        for (long i = 0; p && i <= idx && !(found = spans_next(&p, lim, &end, &o, &l)); i++) {}
        found = found || idx < 0 ? -1 : 0;
        off = (size_t)o, len = (size_t)l;
    } else if (sqlite3_value_type(v[1]) == SQLITE_TEXT) {
        found = span_of((const char *)sqlite3_value_text(v[1]), idx, &off, &len);
    }
    const char *t = !found && sqlite3_value_type(v[2]) == SQLITE_INTEGER ? unpack(sqlite3_user_data(cx), v[0], &n) : NULL;
    if (t && off <= n && len <= n - off)
        sqlite3_result_text(cx, t + off, (int)len, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(cx);
}

struct StorePacker {
    ZSTD_CCtx *cx;
    Store *st;                /* whose dictionary it packs with, once there is one (NULL: none) */
};

StorePacker *store_packer_new(Store *st)
{
    StorePacker *pk = malloc(sizeof *pk);
    if (!pk || !(pk->cx = ZSTD_createCCtx())) abort();
    pk->st = st && !st->pg ? st : NULL;
    return pk;
}

void store_packer_free(StorePacker *pk)
{
    if (!pk) return;
    ZSTD_freeCCtx(pk->cx);
    free(pk);
}

/* zstd's level 1 without a dictionary: on articles of a few kilobytes it
 * packs as small as its default (3) in 70% of the time (12.7 against 17.7
 * us an article, a context reused).  With the store's dictionary, level 3:
 * a third smaller than level 1 with it (bench/realistic's articles). */
#define PACK_LEVEL 1
#define PACK_LEVEL_DICT 3

/* Text packed into dst (cap bytes, at least ZSTD_compressBound(len)):
 * its size, or 0 when it stays text (it does not shrink). */
static size_t pack_to(StorePacker *pk, const char *text, size_t len, void *dst, size_t cap)
{
    PackDict *d = pk && pk->st ? atomic_load_explicit(&pk->st->dict, memory_order_acquire) : NULL;
    size_t n = d    ? ZSTD_compress_usingCDict(pk->cx, dst, cap, text, len, d->cd)
               : pk ? ZSTD_compressCCtx(pk->cx, dst, cap, text, len, PACK_LEVEL)
                    : ZSTD_compress(dst, cap, text, len, PACK_LEVEL);
    return ZSTD_isError(n) || n >= len ? 0 : n;
}

/* Text packed for storing: a BLOB of a zstd frame into *out (in a), or
 * 0 when it stays text. */
static size_t pack(const char *text, size_t len, Arena *a, StorePacker *pk, const void **out)
{
    size_t cap = ZSTD_compressBound(len);
    void *dst = arena_alloc(a, cap);
    size_t n = pack_to(pk, text, len, dst, cap);
    if (n) *out = dst;
    return n;
}

/* hd_pack(text): what the store keeps of a body (the migration to 7; the
 * writer's connection packs with the store's dictionary, store_open) */
static void sql_pack(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    if (sqlite3_value_type(v[0]) != SQLITE_TEXT) {
        sqlite3_result_value(cx, v[0]);
        return;
    }
    Arena a;
    arena_init(&a);
    const void *out;
    size_t n = pack((const char *)sqlite3_value_text(v[0]), (size_t)sqlite3_value_bytes(v[0]), &a, sqlite3_user_data(cx), &out);
    if (n) sqlite3_result_blob(cx, out, (int)n, SQLITE_TRANSIENT);
    else sqlite3_result_value(cx, v[0]);
    arena_free(&a);
}

/* ---- the dictionary bodies are packed with ---- */

/* A store's bodies are packed with a zstd dictionary trained on its own
 * articles (news of one outlet or feed repeats its datelines, bylines,
 * boilerplate and phrases, which no single article of a few kilobytes can
 * use alone): trained by the writer once the store holds DICT_DOCS
 * documents, from its latest DICT_SAMPLES, kept in pack_dicts, and the
 * bodies stored before packed again in the same transaction.  Each frame
 * names its dictionary (zstd's dictionary ID), so bodies packed without
 * one, or with another store's (merge), stay readable. */
enum { DICT_DOCS = 1000, DICT_SAMPLES = 4000, DICT_BYTES = 64 * 1024 };
#define DICT_SAMPLE_BYTES ((size_t)8 << 20)

static PackDict *pack_dict_new(uint32_t id, const void *dict, size_t len)
{
    ZSTD_CDict *cd = ZSTD_createCDict(dict, len, PACK_LEVEL_DICT);
    if (!cd) return NULL;
    PackDict *d = malloc(sizeof *d);
    if (!d) abort();
    d->id = id;
    d->cd = cd;
    return d;
}

static void pack_dict_free(PackDict *d)
{
    if (!d) return;
    ZSTD_freeCDict(d->cd);
    free(d);
}

/* The store's latest dictionary into st->dict, when it has one: 0, or -1
 * (err) when it cannot be read. */
static int load_dict(Store *st)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT id, dict FROM pack_dicts ORDER BY trained_at DESC, id DESC LIMIT 1", -1, &q,
                           NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && sqlite3_column_bytes(q, 1) > 0) {
        PackDict *d = pack_dict_new((uint32_t)sqlite3_column_int64(q, 0), sqlite3_column_blob(q, 1),
                                    (size_t)sqlite3_column_bytes(q, 1));
        if (d) {
            st->dict_tried = 1;
            atomic_store_explicit(&st->dict, d, memory_order_release);
        }
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Train the store's dictionary from its latest bodies, keep it and pack
 * every stored body with it (inside the open transaction).  0 also when
 * there is too little text to train on (no dictionary then: bodies are
 * packed without); -1 when the store cannot be read or written. */
static int train_dict(Store *st)
{
    st->dict_tried = 1;
    if (load_dict(st)) return -1;                                              /* another process's */
    if (atomic_load_explicit(&st->dict, memory_order_relaxed)) return 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "SELECT hd_text(body) FROM documents ORDER BY id DESC LIMIT ?1", -1, &q, NULL) !=
        SQLITE_OK)
        return -1;
    sqlite3_bind_int(q, 1, DICT_SAMPLES);
    Buf text = {0};
    size_t *sizes = malloc(DICT_SAMPLES * sizeof *sizes);
    if (!sizes) abort();
    unsigned n = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW && text.len < DICT_SAMPLE_BYTES) {
        int b = sqlite3_column_bytes(q, 0);
        if (b <= 0) continue;
        buf_put(&text, (const char *)sqlite3_column_text(q, 0), (size_t)b);
        sizes[n++] = (size_t)b;
    }
    sqlite3_finalize(q);
    rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
    void *dict = malloc(DICT_BYTES);
    if (!dict) abort();
    size_t len = rc || n < DICT_DOCS / 2 ? 0 : ZDICT_trainFromBuffer(dict, DICT_BYTES, text.data, sizes, n);
    uint32_t id = len && !ZDICT_isError(len) ? ZDICT_getDictID(dict, len) : 0;
    PackDict *d = id ? pack_dict_new(id, dict, len) : NULL;
    if (d) {
        if (sqlite3_prepare_v2(st->db, "INSERT INTO pack_dicts(id, dict, docs, trained_at) VALUES(?1, ?2, ?3,"
                               " strftime('%Y-%m-%dT%H:%M:%SZ','now')) ON CONFLICT DO NOTHING", -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_int64(q, 1, id);
            sqlite3_bind_blob(q, 2, dict, (int)len, SQLITE_STATIC);
            sqlite3_bind_int(q, 3, (int)n);
            rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
            sqlite3_finalize(q);
        } else {
            rc = -1;
        }
        if (!rc) {
            /* from now on the coding threads' packers use it too */
            atomic_store_explicit(&st->dict, d, memory_order_release);
            rc = sqlite3_exec(st->db, "UPDATE documents SET body = hd_pack(hd_text(body)) WHERE hd_text(body) IS NOT NULL",
                              NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
            /* a failure rolls the batch back, and the dictionary with it:
             * bodies are packed without one again (the packers may still
             * be using it: it is freed with the store) */
            if (rc) st->retired = atomic_exchange_explicit(&st->dict, NULL, memory_order_acq_rel);
        } else {
            pack_dict_free(d);
        }
    }
    free(dict);
    free(sizes);
    buf_free(&text);
    return rc;
}

/* What the store keeps of v's body: *out and its size packed with the
 * store's dictionary (as the coding thread packed it, or again when it
 * packed with none or another), or 0 when the body is kept as text. */
static size_t stored_body(Store *st, const StoreView *v, const void **out)
{
    PackDict *d = atomic_load_explicit(&st->dict, memory_order_relaxed);
    uint32_t want = d ? d->id : 0;
    *out = v->packed;
    if (v->packed_len ? ZSTD_getDictID_fromFrame(v->packed, v->packed_len) == want : !want) return v->packed_len;
    size_t cap = ZSTD_compressBound(v->body_len);
    buf_clear(&st->repacked);
    buf_reserve(&st->repacked, cap);
    *out = st->repacked.data;
    return pack_to(st->packer, v->body, v->body_len, st->repacked.data, cap);
}

/* hd_spans(spans): a document's sentence spans as text ("start+length
 * ...") however stored */
static void sql_spans(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    Buf b = {0};
    const char *t = sqlite3_value_type(v[0]) == SQLITE_NULL ? NULL : spans_text(v[0], &b);
    if (t) sqlite3_result_text(cx, t, -1, SQLITE_TRANSIENT);
    else sqlite3_result_null(cx);
    buf_free(&b);
}

/* hd_text, hd_sentence, hd_spans and hd_pack on connection db (one
 * Unpacker, freed with the connection) */
static void text_functions(sqlite3 *db)
{
    Unpacker *u = calloc(1, sizeof *u);
    if (!u) abort();
    u->db = db;
    sqlite3_create_function_v2(db, "hd_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, u, sql_text, NULL, NULL,
                               unpacker_free);
    sqlite3_create_function_v2(db, "hd_sentence", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, u, sql_sentence, NULL, NULL,
                               NULL);
    sqlite3_create_function_v2(db, "hd_pack", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, store_packer_new(NULL), sql_pack,
                               NULL, NULL, (void (*)(void *))store_packer_free);
    sqlite3_create_function(db, "hd_spans", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_spans, NULL, NULL);
    /* (without FTS5 the index's statements fail, and say so) */
    (void)fulltext_functions(db);
}

/* Documents a transaction holds: STORE_BATCH, more in a large store.  A
 * batch writes each page it changes once: in a large store its events
 * fall on pages of their own (a dyad's, a country's latest rows), and a
 * batch of documents in proportion to the store keeps the pages written
 * per event about what they are in a small one.  (At most one batch is
 * lost to a crash.)  An estimate from the last event's id. */
static long batch_size(sqlite3 *db)
{
    sqlite3_stmt *q;
    long events = 0;
    if (sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM events", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) events = (long)sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    long n = events / 128;
    return n < STORE_BATCH ? STORE_BATCH : n > 16 * STORE_BATCH ? 16 * STORE_BATCH : n;
}

Store *store_open(const char *path, char *err, size_t errsz)
{
    if (store_is_pg(path)) {
        PgStore *pg = pg_store_open(path, err, errsz);
        if (!pg) return NULL;
        Store *st = calloc(1, sizeof *st);
        if (!st) abort();
        st->pg = pg;
        return st;
    }
    sqlite3 *db;
    if (bad_path(path, err, errsz)) return NULL;
    /* one connection used by one thread: no mutexes */
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(err, errsz, "%s: cannot open database: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    /* SQLite opens a file it may not write read-only, silently */
    if (sqlite3_db_readonly(db, "main") == 1) {
        snprintf(err, errsz, "%s: the database file cannot be written (no write permission); nothing was stored", path);
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    text_functions(db);
    /* a version out of range is refused before anything is written (WAL
     * mode, migrations).  A new file gets pages of 16 KB (SQLite's default
     * is 4 KB): 8% less room at ten million events, ingest and reads
     * alike (make bench-store, README); a file already made keeps its
     * pages. */
    int v;
    if (user_version(db, &v, path, err, errsz) || known_version(v, path, err, errsz) ||
        exec(db, "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                 "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=16384;", err, errsz, path) ||
        migrate(db, path, err, errsz)) {
        sqlite3_close(db);
        return NULL;
    }
    /* the batch's sentences wait here for the full-text index (index_batch):
     * rows added to it one by one would each flush it */
    if (exec(db, "CREATE TEMP TABLE IF NOT EXISTS fts_new(id INTEGER PRIMARY KEY, text TEXT NOT NULL, ym TEXT NOT NULL)",
             err, errsz, path)) {
        sqlite3_close(db);
        return NULL;
    }
    Store *st = calloc(1, sizeof *st);
    if (!st) abort();
    st->db = db;
    st->batch_docs = batch_size(db);
    pending_init(&st->pend);
    /* a sum's row upserted: its counts and Goldstein sums added */
#define SUMS_ADD                                                                                       \
    " ON CONFLICT DO UPDATE SET days = days + excluded.days, n = n + excluded.n,"                      \
    " g10_days = g10_days + excluded.g10_days, g10 = g10 + excluded.g10"
    static const struct { size_t off; const char *sql; } stmts[] = {
        {offsetof(Store, has), "SELECT 1 FROM documents WHERE doc_id=?1 OR content_hash=?2"},
        {offsetof(Store, find), "SELECT id FROM documents WHERE doc_id=?1 OR content_hash=?2"},
        {offsetof(Store, del), "DELETE FROM documents WHERE id=?1"},
        {offsetof(Store, doc), "INSERT INTO documents(id,doc_id,url,source,title,pubdate,place,content_hash,signature,story,"
                               "body,sentence_spans,author,language,ingested_at) VALUES(?9,?1,?2,?3,?4,?5,?6,?7,?8,?10,?11,?12,?13,?14,"
                               "coalesce(?15,strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
                               " ON CONFLICT DO NOTHING"},
        {offsetof(Store, sent), "INSERT INTO temp.fts_new(id, text, ym) VALUES(?1, ?2, ?3)"},
        {offsetof(Store, ev), "INSERT INTO event_rows(doc,sentence,day,source,target,code,root,quad,source_text,"
                              "target_text,verb_text,place,rule,story,date_basis,date_text,quote,place_country,place_how)"
                              " VALUES(?1,?2," STORE_DAY("?3") ",?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19)"},
        {offsetof(Store, code_ins), "INSERT INTO codes VALUES(?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE"
                                    " SET name = coalesce(name, excluded.name), plover = coalesce(plover, excluded.plover)"
                                    " WHERE name IS NULL OR plover IS NULL"},
        {offsetof(Store, label_get), "SELECT id FROM labels WHERE text = ?1"},
        {offsetof(Store, label_ins), "INSERT INTO labels(text) VALUES(?1)"},
        {offsetof(Store, phrase_get), "SELECT id FROM phrases WHERE text = ?1"},
        {offsetof(Store, phrase_ins), "INSERT INTO phrases(text) VALUES(?1)"},
        {offsetof(Store, place_get), "SELECT id FROM places WHERE name = ?1 AND country IS ?2 AND lat IS ?3 AND lon IS ?4"
                                     " AND kind IS ?5 AND region IS ?6"},
        {offsetof(Store, place_ins), "INSERT INTO places(name, country, lat, lon, kind, region) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"},
        {offsetof(Store, quote), "INSERT INTO quotes(doc,n,sentence,date,text,kind,speaker,speaker_code,speaker_how,"
                                 "speaker_role) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"},
        {offsetof(Store, via), "INSERT INTO quote_via(quote,pos,name,kind) VALUES(?1,?2,?3,?4)"},
        {offsetof(Store, band_ins), "INSERT INTO doc_bands(week,band,hash,doc) VALUES(?4,?1,?2,?3)"},
        {offsetof(Store, band_find), "SELECT doc FROM doc_bands WHERE week IN (?3 - 1, ?3, ?3 + 1) AND band=?1 AND hash=?2"
                                     " LIMIT 16"},
        {offsetof(Store, sig), "SELECT signature, story FROM documents WHERE id=?1"},
        {offsetof(Store, band_of), "SELECT signature, pubdate FROM documents WHERE id=?1"},
        {offsetof(Store, band_del), "DELETE FROM doc_bands WHERE week=?4 AND band=?1 AND hash=?2 AND doc=?3"},
        {offsetof(Store, fts), "INSERT INTO sentences_fts(rowid, text, ym) SELECT id, text, ym FROM temp.fts_new"},
        {offsetof(Store, fts_clear), "DELETE FROM temp.fts_new"},
        /* a document's entries out of the full-text index, read from its body */
        {offsetof(Store, fts_del), "INSERT INTO sentences_fts(sentences_fts, rowid, text, ym)"
                                   " SELECT 'delete', e.id, hd_sentence(d.body, d.sentence_spans, e.sentence), "
                                   SENT_MONTH_TOKENS("e.doc", "e.sentence")
                                   " FROM (SELECT min(id) AS id, doc, sentence FROM events WHERE doc = ?1 GROUP BY sentence) e"
                                   " JOIN documents d ON d.id = e.doc"},
        {offsetof(Store, day_up), "INSERT INTO event_days VALUES(" STORE_YM("?3") ", substr(?1, 1, 3), substr(?2, 1, 3),"
                                  " " STORE_DAY("?3") ", ?1, ?2, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO UPDATE SET n = n + excluded.n"
                                  " RETURNING n"},
        {offsetof(Store, total_up), "INSERT INTO day_totals VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)" SUMS_ADD},
        {offsetof(Store, month_up), "INSERT INTO month_totals VALUES(" STORE_YM("?1") ", ?2, ?3, ?4, ?5, ?6, ?7)" SUMS_ADD},
        {offsetof(Store, dyad_up), "INSERT INTO dyad_months VALUES(" STORE_YM("?1") ", substr(?8, 1, 3), substr(?9, 1, 3),"
                                   " ?2, ?3, ?4, ?5, ?6, ?7)" SUMS_ADD},
        {offsetof(Store, pair_up), "INSERT INTO pair_totals VALUES(?8, ?9, ?4, ?5, ?6, ?7)" SUMS_ADD},
        {offsetof(Store, code_up), "INSERT INTO code_totals VALUES(?10, ?4, ?5, ?6, ?7)" SUMS_ADD},
        {offsetof(Store, actor_up), "INSERT INTO actor_months VALUES(" STORE_YM("?1") ", substr(?8, 1, 3), ?9,"
                                    " ?2, ?3, ?4, ?5, ?6, ?7)" SUMS_ADD},
    };
    for (size_t i = 0; i < sizeof stmts / sizeof *stmts; i++) {
        sqlite3_stmt **q = (sqlite3_stmt **)((char *)st + stmts[i].off);
        if (sqlite3_prepare_v2(db, stmts[i].sql, -1, q, NULL) != SQLITE_OK) {
            fail(db, err, errsz, path);
            store_close(st);
            return NULL;
        }
    }
    /* this connection packs with the store's dictionary (train_dict) */
    st->packer = store_packer_new(st);
    sqlite3_create_function_v2(db, "hd_pack", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, store_packer_new(st), sql_pack, NULL,
                               NULL, (void (*)(void *))store_packer_free);
    if (load_dict(st)) {
        fail(db, err, errsz, path);
        store_close(st);
        return NULL;
    }
    return st;
}

#define STORE_PI 3.14159265358979323846

/* hd_km(lat1, lon1, lat2, lon2): kilometres between two points on the
 * Earth (a sphere of 6,371 km); NULL when a point is unknown */
static void sql_km(sqlite3_context *cx, int argc, sqlite3_value **v)
{
    (void)argc;
    for (int i = 0; i < 4; i++)
        if (sqlite3_value_type(v[i]) == SQLITE_NULL) {
            sqlite3_result_null(cx);
            return;
        }
    double la1 = sqlite3_value_double(v[0]) * STORE_PI / 180, lo1 = sqlite3_value_double(v[1]) * STORE_PI / 180,
           la2 = sqlite3_value_double(v[2]) * STORE_PI / 180, lo2 = sqlite3_value_double(v[3]) * STORE_PI / 180;
    double a = sin((la2 - la1) / 2) * sin((la2 - la1) / 2) + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) * sin((lo2 - lo1) / 2);
    sqlite3_result_double(cx, 2 * 6371.0 * asin(sqrt(a > 1 ? 1 : a)));
}

sqlite3 *store_open_read(const char *path, char *err, size_t errsz)
{
    sqlite3 *db;
    if (store_is_pg(path)) {
        snprintf(err, errsz, "%.*s...: a PostgreSQL store is read by query, stats, export and serve; merge and migrate"
                             " read store files", (int)strcspn(path, "@/?") + 2, path);
        return NULL;
    }
    if (bad_path(path, err, errsz)) return NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        snprintf(err, errsz, "%s: cannot open database: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    int v = 0, bad = user_version(db, &v, path, err, errsz) || known_version(v, path, err, errsz);
    if (!bad && v == 0) {
        snprintf(err, errsz, "%s: not a herodotus database (run herodotus ingest first)", path);
        bad = 1;
    } else if (!bad && v < STORE_SCHEMA_VERSION) {
        snprintf(err, errsz, "%s: schema version %d; run 'herodotus ingest --db %s' once to migrate it to %d", path, v,
                 path, STORE_SCHEMA_VERSION);
        bad = 1;
    }
    if (bad) {
        sqlite3_close(db);
        return NULL;
    }
    /* pages read by read(), not from a mapping of the file: a command reads
     * once, and each page it maps costs a fault on first touch (a common
     * word's page at 1.3 million events 177 -> 106 ms; small reads within
     * 3 ms either way).  serve's connections, which live, map (api.c). */
    /* the functions the readers' filters use (query.h: --near) */
    sqlite3_create_function(db, "hd_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_km, NULL, NULL);
    text_functions(db);
    return db;
}

static void content_hash(const char *text, size_t len, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)hash_bytes(text, len));
}

int store_empty(Store *st)
{
    if (st->pg) return pg_store_empty(st->pg);
    sqlite3_stmt *q;
    int empty = 1;
    if (sqlite3_prepare_v2(st->db, "SELECT EXISTS (SELECT 1 FROM documents)", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) empty = !sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
    }
    return empty;
}

int store_has(Store *st, const char *doc_id, const char *text, size_t len)
{
    char h[17];
    content_hash(text, len, h);
    if (st->pg) return pg_store_has(st->pg, doc_id, h);
    sqlite3_reset(st->has);
    sqlite3_bind_text(st->has, 1, doc_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st->has, 2, h, -1, SQLITE_STATIC);
    return sqlite3_step(st->has) == SQLITE_ROW;
}

static void bind_opt(sqlite3_stmt *q, int i, const char *s)
{
    if (s) sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC);
    else sqlite3_bind_null(q, i);
}

/* ---- wire reprints: MinHash over 5-word shingles, 8 bands of 8: two
 * texts sharing 90% of their shingles meet in some band 99 times in 100,
 * at 80% 77 times; a candidate is kept when its signature agrees at 80% ---- */

enum { SIG_N = STORE_SIG_N, BANDS = STORE_BANDS, ROWS = SIG_N / BANDS };
#define REPRINT_JACCARD 0.8

static uint32_t mix32(uint64_t x) { return (uint32_t)hash_u64(x); }

/* One-permutation MinHash: each shingle's hash goes to one of SIG_N
 * buckets, which keeps its minimum; empty buckets borrow their right
 * neighbour's (densification).  One hash per shingle instead of SIG_N. */
static int signature(const char *s, size_t n, uint32_t sig[SIG_N])
{
    for (int i = 0; i < SIG_N; i++) sig[i] = UINT32_MAX;
    uint64_t win[5] = {0};
    int have = 0, shingles = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i])) i++;
        if (i >= n) break;
        uint64_t h = 1469598103934665603ull;
        while (i < n && isalnum((unsigned char)s[i])) {
            h ^= (unsigned char)tolower((unsigned char)s[i++]);
            h *= 1099511628211ull;
        }
        win[0] = win[1], win[1] = win[2], win[2] = win[3], win[3] = win[4], win[4] = h;
        if (++have < 5) continue;
        uint64_t sh = win[0] ^ (win[1] * 3) ^ (win[2] * 7) ^ (win[3] * 13) ^ (win[4] * 31);
        uint32_t v = mix32(sh);
        uint32_t b = mix32(sh ^ 0x9e3779b97f4a7c15ull) % SIG_N;
        if (v < sig[b]) sig[b] = v;
        shingles++;
    }
    for (int k = 0; k < SIG_N; k++)
        if (sig[k] == UINT32_MAX)
            for (int j = 1; j < SIG_N; j++)
                if (sig[(k + j) % SIG_N] != UINT32_MAX) {
                    sig[k] = sig[(k + j) % SIG_N] ^ (uint32_t)j;
                    break;
                }
    return shingles;
}

static sqlite3_int64 band_hash(const uint32_t *sig, int band)
{
    return (sqlite3_int64)(hash_bytes(sig + band * ROWS, ROWS * sizeof *sig) >> 1);
}

long long store_band_hash(const uint32_t *sig, int band) { return band_hash(sig, band); }

/* a signature agreeing with another at `same` of its values is a reprint's */
static int sig_share_agrees(int same) { return (double)same / SIG_N >= REPRINT_JACCARD; }

/* The SQLite store keeps a byte of each value (b-bit MinHash, b = 8: 64
 * bytes, not 256): two values agree by chance once in 256, which moves
 * the share that agree by (1 - J) / 256, under half a point; its bands
 * hash the bytes (band8_hash). */
typedef struct Sig8 {
    uint8_t v[SIG_N];
} Sig8;

static Sig8 sig8_of(const uint32_t sig[SIG_N])
{
    Sig8 s;
    for (int k = 0; k < SIG_N; k++) s.v[k] = (uint8_t)sig[k];
    return s;
}

/* (31 bits, since version 20: SQLite keeps the number in 4 bytes, not 8;
 * two bands of a week that share a hash by chance cost a signature's
 * test, about once in 2^31 / (the week's documents)) */
static sqlite3_int64 band8_hash(const Sig8 *s, int band)
{
    return (sqlite3_int64)(hash_bytes(s->v + band * ROWS, ROWS) >> 33);
}

static int sig8_agrees(const uint8_t *a, const uint8_t *b)
{
    int same = 0;
    for (int k = 0; k < SIG_N; k++) same += a[k] == b[k];
    return sig_share_agrees(same);
}

int store_sig_of(const char *body, size_t n, uint32_t sig[STORE_SIG_N]) { return signature(body, n, sig); }

int store_sig_agrees(const uint32_t *a, const uint32_t *b)
{
    int same = 0;
    for (int k = 0; k < SIG_N; k++) same += a[k] == b[k];
    return sig_share_agrees(same);
}

/* The story of an earlier document this one reprints, 0 none. */
/* Reprints are looked for among documents published the same week or
 * the weeks either side (documents without a date: among each other). */
#define UNDATED_WEEK (-999999)
static sqlite3_int64 pub_week(int pubdate) { return pubdate ? (sqlite3_int64)(date_to_days(pubdate) / 7) : UNDATED_WEEK; }
long long store_pub_week(int pubdate) { return pub_week(pubdate); }

/* e's code in `codes`, with the name, weight and category the coder
 * gave it (a code stored before keeps its own; a name or category it
 * lacks, from events stored before they were kept, is filled): 0, or -1
 * on an error */
static int code_stored(Store *st, const StoredEvent *e)
{
    sqlite3_int64 one;
    if (known_get(&st->codes, e->code, &one)) return 0;
    sqlite3_stmt *q = st->code_ins;
    sqlite3_reset(q);
    sqlite3_bind_text(q, 1, e->code, -1, SQLITE_STATIC);
    bind_opt(q, 2, e->name);
    sqlite3_bind_double(q, 3, e->goldstein);
    bind_opt(q, 4, e->plover && *e->plover ? e->plover : NULL);
    if (sqlite3_step(q) != SQLITE_DONE) return -1;
    known_put(&st->codes, e->code, 1);
    return 0;
}

static void bind_ref(sqlite3_stmt *q, int i, sqlite3_int64 id)
{
    if (id) sqlite3_bind_int64(q, i, id);
    else sqlite3_bind_null(q, i);
}

/* The id of the row key names in a table of shared values, found by get
 * or added by ins (both given the values bound by bind, with arg), and
 * kept in k: -1 on an error */
static sqlite3_int64 shared_id(Store *st, Known *k, sqlite3_stmt *get, sqlite3_stmt *ins, const char *key,
                               void (*bind)(sqlite3_stmt *, const void *), const void *arg)
{
    sqlite3_int64 id;
    if (known_get(k, key, &id)) return id;
    sqlite3_reset(get);
    bind(get, arg);
    int rc = sqlite3_step(get);
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(get, 0);
    } else {
        sqlite3_reset(ins);
        bind(ins, arg);
        if (rc != SQLITE_DONE || sqlite3_step(ins) != SQLITE_DONE) return -1;
        id = sqlite3_last_insert_rowid(st->db);
    }
    sqlite3_reset(get);
    if (k->n >= KNOWN_MAX) known_clear(k);   /* the phrases seen last: a store's could fill the memory */
    known_put(k, key, id);
    return id;
}

static void bind_text1(sqlite3_stmt *q, const void *s) { sqlite3_bind_text(q, 1, s, -1, SQLITE_STATIC); }

/* The id of label s in `labels` (added when new); 0 for NULL, -1 on an error */
static sqlite3_int64 label_id(Store *st, const char *s)
{
    return s ? shared_id(st, &st->labels, st->label_get, st->label_ins, s, bind_text1, s) : 0;
}

/* The id of words t in `phrases` (added when new); 0 for none, -1 on an error */
static sqlite3_int64 phrase_id(Store *st, Span t)
{
    if (!t.s) return 0;
    buf_clear(&st->key);
    buf_put(&st->key, t.s, t.n);
    return shared_id(st, &st->phrases, st->phrase_get, st->phrase_ins, st->key.data ? st->key.data : "", bind_text1,
                     st->key.data ? st->key.data : "");
}

typedef struct PlaceKey {
    const StoredEvent *e;
    sqlite3_int64 kind, region;
} PlaceKey;

static void bind_place(sqlite3_stmt *q, const void *arg)
{
    const PlaceKey *p = arg;
    sqlite3_bind_text(q, 1, p->e->place, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, p->e->place_country, -1, SQLITE_STATIC);
    sqlite3_bind_double(q, 3, p->e->place_lat);
    sqlite3_bind_double(q, 4, p->e->place_lon);
    bind_ref(q, 5, p->kind);
    bind_ref(q, 6, p->region);
}

/* The id of e's place in `places` (added when new); 0 for none, -1 on an error */
static sqlite3_int64 place_id(Store *st, const StoredEvent *e, sqlite3_int64 kind, sqlite3_int64 region)
{
    if (!e->place) return 0;
    buf_clear(&st->key);
    buf_printf(&st->key, "%s\x1f%s\x1f%.17g\x1f%.17g\x1f%lld\x1f%lld", e->place, e->place_country, e->place_lat,
               e->place_lon, (long long)kind, (long long)region);
    PlaceKey k = {e, kind, region};
    return shared_id(st, &st->places, st->place_get, st->place_ins, st->key.data, bind_place, &k);
}


/* q (?1 band, ?2 its hash, ?3 the document, ?4 its week) run for each
 * band of signature sig: 0, or -1 on an error */
static int bands_each(sqlite3_stmt *q, const Sig8 *sig, sqlite3_int64 doc, sqlite3_int64 week)
{
    for (int b = 0; b < BANDS; b++) {
        sqlite3_reset(q);
        sqlite3_bind_int(q, 1, b);
        sqlite3_bind_int64(q, 2, band8_hash(sig, b));
        sqlite3_bind_int64(q, 3, doc);
        sqlite3_bind_int64(q, 4, week);
        if (sqlite3_step(q) != SQLITE_DONE) return -1;
    }
    return 0;
}

/* Stored document doc's reprint bands away (their keys from its
 * signature and date, as store_doc made them): 0, or -1 on an error. */
static int bands_del(Store *st, sqlite3_int64 doc)
{
    sqlite3_stmt *q = st->band_of;
    sqlite3_reset(q);
    sqlite3_bind_int64(q, 1, doc);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW) return rc == SQLITE_DONE ? 0 : -1;
    Sig8 sig;
    if (sqlite3_column_bytes(q, 0) != (int)sizeof sig.v) return 0;   /* too short a text: it has none */
    memcpy(sig.v, sqlite3_column_blob(q, 0), sizeof sig.v);
    const char *pd = (const char *)sqlite3_column_text(q, 1);
    size_t used;
    sqlite3_int64 week = pub_week(pd ? date_parse(pd, strlen(pd), &used) : 0);
    sqlite3_reset(q);
    return bands_each(st->band_del, &sig, doc, week);
}

static sqlite3_int64 find_story(Store *st, const Sig8 *sig, sqlite3_int64 week)
{
    for (int b = 0; b < BANDS; b++) {
        sqlite3_reset(st->band_find);
        sqlite3_bind_int(st->band_find, 1, b);
        sqlite3_bind_int64(st->band_find, 2, band8_hash(sig, b));
        sqlite3_bind_int64(st->band_find, 3, week);
        while (sqlite3_step(st->band_find) == SQLITE_ROW) {
            sqlite3_int64 other = sqlite3_column_int64(st->band_find, 0);
            sqlite3_reset(st->sig);
            sqlite3_bind_int64(st->sig, 1, other);
            if (sqlite3_step(st->sig) != SQLITE_ROW) continue;
            const uint8_t *os = sqlite3_column_blob(st->sig, 0);
            if (!os || sqlite3_column_bytes(st->sig, 0) != SIG_N) continue;
            if (sig8_agrees(os, sig->v)) {
                sqlite3_int64 story = sqlite3_column_int64(st->sig, 1);
                sqlite3_reset(st->sig);
                sqlite3_reset(st->band_find);
                return story;
            }
        }
    }
    return 0;
}

/* Version 14's packed spans, from the text of version 13's */
static int spans_v14(sqlite3 *db, const char *path, char *err, size_t errsz)
{
    sqlite3_stmt *docs = NULL, *upd = NULL;
    Buf packed = {0};
    int rc = 0;
    if (sqlite3_prepare_v2(db, "SELECT id, sentence_spans FROM documents WHERE typeof(sentence_spans) = 'text'", -1, &docs,
                           NULL) ||
        sqlite3_prepare_v2(db, "UPDATE documents SET sentence_spans = ?2 WHERE id = ?1", -1, &upd, NULL))
        rc = fail(db, err, errsz, path);
    while (!rc && sqlite3_step(docs) == SQLITE_ROW) {
        if (spans_pack((const char *)sqlite3_column_text(docs, 1), &packed)) continue;   /* unreadable: left as it is */
        sqlite3_reset(upd);
        sqlite3_bind_int64(upd, 1, sqlite3_column_int64(docs, 0));
        if (packed.len) sqlite3_bind_blob(upd, 2, packed.data, (int)packed.len, SQLITE_STATIC);
        else sqlite3_bind_zeroblob(upd, 2, 0);
        if (sqlite3_step(upd) != SQLITE_DONE) rc = fail(db, err, errsz, path);
    }
    buf_free(&packed);
    sqlite3_finalize(docs);
    sqlite3_finalize(upd);
    return rc;
}

/* Version 13's signatures (Sig8) and reprint bands, from version 12's */
static int sigs_v13(sqlite3 *db, const char *path, char *err, size_t errsz)
{
    sqlite3_stmt *docs = NULL, *upd = NULL, *band = NULL;
    int rc = 0;
    if (sqlite3_prepare_v2(db, "SELECT id, signature, pubdate FROM documents WHERE signature IS NOT NULL", -1, &docs, NULL) ||
        sqlite3_prepare_v2(db, "UPDATE documents SET signature = ?2 WHERE id = ?1", -1, &upd, NULL) ||
        sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO doc_bands(week, band, hash, doc) VALUES(?4, ?1, ?2, ?3)", -1, &band,
                           NULL))
        rc = fail(db, err, errsz, path);
    while (!rc && sqlite3_step(docs) == SQLITE_ROW) {
        uint32_t old[SIG_N];
        Sig8 sig;
        sqlite3_int64 id = sqlite3_column_int64(docs, 0);
        int n = sqlite3_column_bytes(docs, 1);
        if (n == (int)sizeof old) {
            memcpy(old, sqlite3_column_blob(docs, 1), sizeof old);
            sig = sig8_of(old);
        } else if (n == (int)sizeof sig.v) {   /* cut already */
            memcpy(sig.v, sqlite3_column_blob(docs, 1), sizeof sig.v);
        } else {
            continue;   /* no signature of either kind: no bands, as before */
        }
        const char *pd = (const char *)sqlite3_column_text(docs, 2);
        size_t used;
        sqlite3_int64 week = pub_week(pd ? date_parse(pd, strlen(pd), &used) : 0);
        sqlite3_reset(upd);
        sqlite3_bind_int64(upd, 1, id);
        sqlite3_bind_blob(upd, 2, sig.v, (int)sizeof sig.v, SQLITE_STATIC);
        if ((n == (int)sizeof old && sqlite3_step(upd) != SQLITE_DONE) || bands_each(band, &sig, id, week))
            rc = fail(db, err, errsz, path);
    }
    sqlite3_finalize(docs);
    sqlite3_finalize(upd);
    sqlite3_finalize(band);
    return rc;
}

/* ---- storing ---- */

static int begin(Store *st, char *err, size_t errsz)
{
    if (st->in_tx) return 0;
    if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return fail(st->db, err, errsz, "begin");
    st->in_tx = 1;
    sqlite3_stmt *q;
    st->next_doc = 1;
    if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(id), 0) + 1 FROM documents", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) st->next_doc = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
    }
    return 0;
}

/* the batch's new sentences into the full-text index, in one statement */
static int index_batch(Store *st)
{
    sqlite3_reset(st->fts);
    sqlite3_reset(st->fts_clear);
    return sqlite3_step(st->fts) == SQLITE_DONE && sqlite3_step(st->fts_clear) == SQLITE_DONE ? 0 : -1;
}

/* ---- the rollups: what a batch adds ---- */

void pending_init(Pending *p)
{
    memset(p, 0, sizeof *p);
    arena_init(&p->text);
}

void pending_add(Pending *p, const StoredEvent *e, long long id)
{
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 4096;
        p->row = realloc(p->row, p->cap * sizeof *p->row);
        if (!p->row) abort();
    }
    RollupRow *r = &p->row[p->n++];
    r->source = arena_strdup(&p->text, e->source);
    r->target = arena_strdup(&p->text, e->target);
    r->code = arena_strdup(&p->text, e->code);
    if (e->date[0]) memcpy(r->date, e->date, sizeof r->date);
    else memcpy(r->date, "undated", sizeof "undated");
    memcpy(r->root, e->root, sizeof r->root);
    r->quad = e->quad;
    r->goldstein = e->goldstein;
    r->id = id;
}

void pending_clear(Pending *p)
{
    p->n = 0;
    arena_reset(&p->text);
}

void pending_free(Pending *p)
{
    free(p->row);
    arena_free(&p->text);
}

/* the rollup's key order: month, countries, date, actors, code ("undated"
 * after every month: 'u' after the digits) */
static int pend_key_cmp(const RollupRow *a, const RollupRow *b)
{
    int c = strncmp(a->date, b->date, 7);
    if (!c) c = strncmp(a->source, b->source, 3);
    if (!c) c = strncmp(a->target, b->target, 3);
    if (!c) c = strcmp(a->date, b->date);
    if (!c) c = strcmp(a->source, b->source);
    if (!c) c = strcmp(a->target, b->target);
    if (!c) c = strcmp(a->code, b->code);
    return c;
}

/* by key, then by event (a key's first event leads its run) */
static int pend_cmp(const void *pa, const void *pb)
{
    const RollupRow *a = pa, *b = pb;
    int c = pend_key_cmp(a, b);
    return c ? c : (a->id > b->id) - (a->id < b->id);
}

void pending_sort(Pending *p) { qsort(p->row, p->n, sizeof *p->row, pend_cmp); }

size_t pending_run(const Pending *p, size_t i)
{
    size_t j = i + 1;
    while (j < p->n && !pend_key_cmp(&p->row[j], &p->row[i])) j++;
    return j;
}

/* What a one-a-day row of the batch adds to the coarser rollups */
typedef struct DayTotal {
    const char *date, *root, *source, *target, *code;
    int quad;
    long days, n, g10_days, g10;
} DayTotal;

/* day_totals' key: day, root, quad */
static int total_cmp(const void *pa, const void *pb)
{
    const DayTotal *a = pa, *b = pb;
    int c = strcmp(a->date, b->date);
    if (!c) c = strcmp(a->root, b->root);
    if (!c) c = (a->quad > b->quad) - (a->quad < b->quad);
    return c;
}

/* month_totals' key: month ("YYYY-MM", or "undated"), root, quad */
static int month_cmp(const void *pa, const void *pb)
{
    const DayTotal *a = pa, *b = pb;
    int c = strncmp(a->date, b->date, 7);
    if (!c) c = strcmp(a->root, b->root);
    if (!c) c = (a->quad > b->quad) - (a->quad < b->quad);
    return c;
}

/* dyad_months' key: month, the actors' countries, root, quad */
static int dyad_cmp(const void *pa, const void *pb)
{
    const DayTotal *a = pa, *b = pb;
    int c = strncmp(a->date, b->date, 7);
    if (!c) c = strncmp(a->source, b->source, 3);
    if (!c) c = strncmp(a->target, b->target, 3);
    if (!c) c = strcmp(a->root, b->root);
    if (!c) c = (a->quad > b->quad) - (a->quad < b->quad);
    return c;
}

/* pair_totals' key: the actors' full codes */
static int pair_cmp(const void *pa, const void *pb)
{
    const DayTotal *a = pa, *b = pb;
    int c = strcmp(a->source, b->source);
    return c ? c : strcmp(a->target, b->target);
}

/* code_totals' key: the code */
static int code_cmp(const void *pa, const void *pb)
{
    const DayTotal *a = pa, *b = pb;
    return strcmp(a->code, b->code);
}

/* actor_months' key: month, a country, its role ('s', 't', 'b' as
 * target), root, quad */
static int actor_cmp(const void *pa, const void *pb)
{
    const DayTotal *a = pa, *b = pb;
    int c = strncmp(a->date, b->date, 7);
    if (!c) c = strncmp(a->source, b->source, 3);
    if (!c) c = strcmp(a->target, b->target);
    if (!c) c = strcmp(a->root, b->root);
    if (!c) c = (a->quad > b->quad) - (a->quad < b->quad);
    return c;
}

/* Sum tot's rows by cmp's key and upsert each sum with q: ?1 date, ?2
 * root, ?3 quad, ?4..?7 days, n, g10_days, g10, ?8 ?9 the actors, ?10
 * the code (q takes what its table keys).  0, or -1 on an error of the database. */
static int totals_up(sqlite3_stmt *q, DayTotal *tot, size_t ntot, int (*cmp)(const void *, const void *))
{
    int rc = 0;
    qsort(tot, ntot, sizeof *tot, cmp);
    for (size_t i = 0; i < ntot && !rc;) {
        DayTotal t = tot[i];
        size_t j = i + 1;
        for (; j < ntot && !cmp(&tot[j], &tot[i]); j++)
            t.days += tot[j].days, t.n += tot[j].n, t.g10_days += tot[j].g10_days, t.g10 += tot[j].g10;
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, t.date, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, t.root, -1, SQLITE_STATIC);
        sqlite3_bind_int(q, 3, t.quad);
        sqlite3_bind_int64(q, 4, t.days);
        sqlite3_bind_int64(q, 5, t.n);
        sqlite3_bind_int64(q, 6, t.g10_days);
        sqlite3_bind_int64(q, 7, t.g10);
        if (sqlite3_bind_parameter_count(q) >= 9) {
            sqlite3_bind_text(q, 8, t.source, -1, SQLITE_STATIC);
            sqlite3_bind_text(q, 9, t.target, -1, SQLITE_STATIC);
        }
        if (sqlite3_bind_parameter_count(q) >= 10) sqlite3_bind_text(q, 10, t.code, -1, SQLITE_STATIC);
        if (sqlite3_step(q) != SQLITE_DONE) rc = -1;
        i = j;
    }
    sqlite3_reset(q);
    return rc;
}

static long tenths(double g) { return lround(g * 10); }

/* Add the batch's events to the rollups, each key once and in the keys'
 * order (pages of the rollup written in one pass): event_days first (a
 * row that comes back with the batch's count alone is a new one-a-day
 * event), then the sums by day, by month, by month and dyad, by pair of
 * actors and by code, by month and country.  0, or -1
 * on an error of the database. */
static int rollup_flush(Store *st)
{
    if (!st->pend.n) return 0;
    pending_sort(&st->pend);
    DayTotal *tot = malloc(st->pend.n * sizeof *tot);
    if (!tot) abort();
    size_t ntot = 0;
    int rc = 0;
    for (size_t i = 0; i < st->pend.n && !rc;) {
        const RollupRow *r = &st->pend.row[i];
        size_t j = pending_run(&st->pend, i);
        long k = (long)(j - i);
        sqlite3_stmt *q = st->day_up;
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, r->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, r->target, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, r->date, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 4, r->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 5, r->root, -1, SQLITE_STATIC);
        sqlite3_bind_int(q, 6, r->quad);
        sqlite3_bind_int64(q, 7, r->id);   /* the first: the smallest id */
        sqlite3_bind_int64(q, 8, k);
        if (sqlite3_step(q) != SQLITE_ROW) {
            rc = -1;
            break;
        }
        int fresh = sqlite3_column_int64(q, 0) == k, done;
        while ((done = sqlite3_step(q)) == SQLITE_ROW) {}
        if (done != SQLITE_DONE) {
            rc = -1;
            break;
        }
        tot[ntot++] = (DayTotal){r->date, r->root, r->source, r->target, r->code, r->quad, fresh, k,
                                 fresh ? tenths(r->goldstein) : 0, k * tenths(r->goldstein)};
        i = j;
    }
    sqlite3_reset(st->day_up);
    if (!rc) rc = totals_up(st->total_up, tot, ntot, total_cmp);
    if (!rc) rc = totals_up(st->month_up, tot, ntot, month_cmp);
    if (!rc) rc = totals_up(st->dyad_up, tot, ntot, dyad_cmp);
    if (!rc) rc = totals_up(st->pair_up, tot, ntot, pair_cmp);
    if (!rc) rc = totals_up(st->code_up, tot, ntot, code_cmp);
    if (!rc) {
        /* each row to its source's country and, when another, its target's
         * (DayTotal's source: the country; target: the role) */
        DayTotal *act = malloc(2 * ntot * sizeof *act);
        if (!act) abort();
        size_t nact = 0;
        for (size_t i = 0; i < ntot; i++) {
            int both = !strncmp(tot[i].source, tot[i].target, 3);
            act[nact] = tot[i];
            act[nact++].target = both ? "b" : "s";
            if (!both) {
                act[nact] = tot[i];
                act[nact].source = tot[i].target;
                act[nact++].target = "t";
            }
        }
        rc = totals_up(st->actor_up, act, nact, actor_cmp);
        free(act);
    }
    free(tot);
    pending_clear(&st->pend);
    return rc;
}

void store_view(StoreView *v, const Doc *d, const char *text, size_t len, Arena *a, StorePacker *pk)
{
    memset(v, 0, sizeof *v);
    v->id = arena_strdup(a, d->id);
    v->url = arena_strdup(a, d->url);
    v->source = arena_strdup(a, d->source);
    v->title = arena_strdup(a, d->title);
    v->author = arena_strdup(a, d->author);
    memcpy(v->language, d->lang, sizeof v->language);
    v->place = d->place;
    v->pubdate = d->pubdate;
    content_hash(text, len, v->hash);   /* the raw text itself is not kept: the body is */
    v->body = d->body;
    v->body_len = d->body_len;
    v->nsent = d->nsent;
    uint32_t *off = arena_alloc(a, (d->nsent + 1) * sizeof *off), *ln = arena_alloc(a, (d->nsent + 1) * sizeof *ln);
    for (uint32_t i = 0; i < d->nsent; i++) off[i] = d->sent[i].off, ln[i] = d->sent[i].len;
    v->sent_off = off;
    v->sent_len = ln;
    StoredEvent *ev = arena_alloc(a, (d->nev + 1) * sizeof *ev);
    for (uint32_t i = 0; i < d->nev; i++) {
        EventView e;
        event_view(d, &d->ev[i], &e, NULL);
        StoredEvent *s = &ev[i];
        s->sentence = e.sentence;
        memcpy(s->date, e.date, sizeof s->date);
        memcpy(s->root, e.root, sizeof s->root);
        s->quad = e.quad;
        s->goldstein = e.goldstein;
        /* actor codes live in the symbol table, which coding may grow: copy */
        s->source = arena_strdup(a, e.source);
        s->target = arena_strdup(a, e.target);
        s->code = e.code;
        s->name = e.name;
        s->plover = e.plover;
        s->place = e.place.name[0] ? e.place.name : NULL;   /* the gazetteer's, which outlives the document */
        memcpy(s->place_country, e.place.country, sizeof s->place_country);
        s->place_lat = e.place.lat;
        s->place_lon = e.place.lon;
        s->place_how = e.place.how;
        s->place_city = e.place.is_city;
        s->place_region = e.place.region;   /* the gazetteer's */
        s->rule = e.rule;
        s->source_text = e.source_text;
        s->target_text = e.target_text;
        s->verb_text = e.verb_text;
        s->date_basis = e.date_basis;
        s->date_text = e.date_text;
        s->quote = e.quote;
    }
    v->nev = d->nev;
    v->ev = ev;
    store_view_sentence_firsts(v, a);
    StoredQuote *qs = arena_alloc(a, (d->nquotes + 1) * sizeof *qs);
    for (uint32_t i = 0; i < d->nquotes; i++) {
        QuoteView qv;
        quote_view(d, i, &qv);
        StoredQuote *x = &qs[i];
        x->sentence = qv.sentence;
        x->text = qv.text;   /* in the document's arena */
        x->kind = qv.kind;
        x->how = qv.how;
        x->speaker = *qv.speaker ? qv.speaker : NULL;
        x->code = *qv.code ? arena_strdup(a, qv.code) : NULL;   /* the symbol table may grow: copy */
        x->role = *qv.role ? qv.role : NULL;
        x->nvia = qv.nvia;
        memcpy(x->via, qv.via, qv.nvia * sizeof *x->via);
    }
    v->nquotes = d->nquotes;
    v->quotes = qs;
    v->shingles = signature(v->body, v->body_len, v->sig);
    Buf spans = {0};
    for (uint32_t i = 0; i < v->nsent; i++) {
        if (i) buf_putc(&spans, ' ');
        buf_int(&spans, off[i]);
        buf_putc(&spans, '+');
        buf_int(&spans, ln[i]);
    }
    v->spans = arena_strndup(a, spans.data ? spans.data : "", spans.len);
    v->spans_len = (uint32_t)spans.len;
    buf_free(&spans);
    v->packed_len = (uint32_t)pack(v->body, v->body_len, a, pk, &v->packed);
}

void store_view_sentence_firsts(StoreView *v, Arena *a)
{
    uint32_t *first = arena_alloc(a, (v->nsent + 1) * sizeof *first);
    for (uint32_t i = 0; i < v->nsent; i++) first[i] = UINT32_MAX;
    for (uint32_t i = v->nev; i-- > 0;)
        if (v->ev[i].sentence < v->nsent) first[v->ev[i].sentence] = i;
    v->sent_first = first;
}

static Span span_moved(Span sp, const char *from, const char *to, size_t len)
{
    if (sp.s >= from && sp.s <= from + len) sp.s = to + (sp.s - from);
    return sp;
}

void store_view_copy(StoreView *dst, const StoreView *src, Arena *a)
{
    *dst = *src;
    dst->id = arena_strdup(a, src->id);
    dst->url = arena_strdup(a, src->url);
    dst->source = arena_strdup(a, src->source);
    dst->title = arena_strdup(a, src->title);
    dst->author = arena_strdup(a, src->author);
    dst->stored_at = arena_strdup(a, src->stored_at);
    dst->place = arena_strdup(a, src->place);
    char *body = arena_alloc(a, src->body_len + 1);
    memcpy(body, src->body, src->body_len);
    dst->body = body;
    uint32_t *off = arena_alloc(a, (src->nsent + 1) * sizeof *off), *ln = arena_alloc(a, (src->nsent + 1) * sizeof *ln);
    uint32_t *first = arena_alloc(a, (src->nsent + 1) * sizeof *first);
    memcpy(off, src->sent_off, src->nsent * sizeof *off);
    memcpy(ln, src->sent_len, src->nsent * sizeof *ln);
    memcpy(first, src->sent_first, src->nsent * sizeof *first);
    dst->sent_off = off;
    dst->sent_len = ln;
    dst->sent_first = first;
    dst->spans = arena_strndup(a, src->spans, src->spans_len);
    if (src->packed_len) {
        void *pk = arena_alloc(a, src->packed_len);
        memcpy(pk, src->packed, src->packed_len);
        dst->packed = pk;
    }
    StoredEvent *ev = arena_alloc(a, (src->nev + 1) * sizeof *ev);
    for (uint32_t i = 0; i < src->nev; i++) {
        const StoredEvent *e = &src->ev[i];
        ev[i] = *e;
        ev[i].source = arena_strdup(a, e->source);
        ev[i].target = arena_strdup(a, e->target);
        ev[i].place = arena_strdup(a, e->place);
        ev[i].place_region = arena_strdup(a, e->place_region);
        ev[i].rule = arena_strdup(a, e->rule);
        /* code, name and plover are the CAMEO table's, which outlives both */
        ev[i].source_text = span_moved(e->source_text, src->body, body, src->body_len);
        ev[i].target_text = span_moved(e->target_text, src->body, body, src->body_len);
        ev[i].verb_text = span_moved(e->verb_text, src->body, body, src->body_len);
        ev[i].date_text = span_moved(e->date_text, src->body, body, src->body_len);
        /* date_basis is a constant string */
    }
    dst->ev = ev;
    StoredQuote *qs = arena_alloc(a, (src->nquotes + 1) * sizeof *qs);
    for (uint32_t i = 0; i < src->nquotes; i++) {
        const StoredQuote *x = &src->quotes[i];
        qs[i] = *x;
        qs[i].text = arena_strdup(a, x->text);
        qs[i].speaker = arena_strdup(a, x->speaker);
        qs[i].code = arena_strdup(a, x->code);
        qs[i].role = arena_strdup(a, x->role);   /* kind, how: constant strings */
        for (uint32_t k = 0; k < x->nvia; k++) qs[i].via[k].name = arena_strdup(a, x->via[k].name);
    }
    dst->quotes = qs;
}

/* The months of each sentence's events (SENT_MONTHS, written here as the
 * index's delete reads it: distinct YYYYMM in order, 999999 undated, one
 * space between): by_sent holds the document's events sorted by sentence
 * (counting sort: first the start of each sentence's, then their indexes) */
static void sentences_by(Store *st, const StoreView *v)
{
    buf_clear(&st->by_sent);
    buf_reserve(&st->by_sent, (v->nsent + 2 + v->nev) * sizeof(uint32_t));
    uint32_t *start = (uint32_t *)(void *)st->by_sent.data, *ord = start + v->nsent + 2;
    memset(start, 0, (v->nsent + 2) * sizeof *start);
    for (uint32_t i = 0; i < v->nev; i++)
        if (v->ev[i].sentence < v->nsent) start[v->ev[i].sentence + 2]++;
    for (uint32_t k = 2; k < v->nsent + 2; k++) start[k] += start[k - 1];
    for (uint32_t i = 0; i < v->nev; i++)
        if (v->ev[i].sentence < v->nsent) ord[start[v->ev[i].sentence + 1]++] = i;
}

static long event_ym(const StoredEvent *e)
{
    size_t used;
    return e->date[0] ? date_parse(e->date, strlen(e->date), &used) / 100 : 999999;
}

static const char *sentence_months(Store *st, const StoreView *v, uint32_t sentence)
{
    const uint32_t *start = (const uint32_t *)(const void *)st->by_sent.data, *ord = start + v->nsent + 2;
    uint32_t count = start[sentence + 1] - start[sentence];
    /* the months sorted (insertion: a sentence has a few events) */
    buf_clear(&st->ym);
    buf_reserve(&st->ym, count * sizeof(long));
    long *ym = (long *)(void *)st->ym.data;
    uint32_t n = 0;
    for (uint32_t k = start[sentence]; k < start[sentence + 1]; k++) {
        long m = event_ym(&v->ev[ord[k]]);
        uint32_t j = n;
        while (j > 0 && ym[j - 1] > m) j--;
        if (j > 0 && ym[j - 1] == m) continue;
        memmove(ym + j + 1, ym + j, (size_t)(n - j) * sizeof *ym);
        ym[j] = m;
        n++;
    }
    buf_clear(&st->months);
    for (uint32_t j = 0; j < n; j++) {
        if (j) buf_putc(&st->months, ' ');
        buf_puts(&st->months, FULLTEXT_MONTH);
        buf_int(&st->months, ym[j]);
    }
    buf_putc(&st->months, '\0');
    return st->months.data;
}

int store_doc(Store *st, const StoreView *v, int replace, char *err, size_t errsz)
{
    /* A document is stored whole or not at all because its batch is: no
     * savepoint per document (it would make the full-text index flush
     * every time).  The checks before (stored already? same id?) leave
     * only I/O errors, which roll the batch back. */
    if (st->pg) return pg_store_doc(st->pg, v, replace, err, errsz);
    if (begin(st, err, errsz)) return -1;
    char h[17], pd[11];
    memcpy(h, v->hash, sizeof h);
    date_format(v->pubdate, pd);
    sqlite3_stmt *q;
    if (replace) {
        /* the stored versions go, in this same transaction (the index first
         * takes this batch's sentences, so that their removal finds them) */
        if (index_batch(st) || rollup_flush(st)) goto bad;
        sqlite3_int64 ids[8];
        int nids = 0;
        q = st->find;
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, v->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, h, -1, SQLITE_STATIC);
        while (nids < 8 && sqlite3_step(q) == SQLITE_ROW) ids[nids++] = sqlite3_column_int64(q, 0);
        sqlite3_reset(q);
        for (int i = 0; i < nids; i++) {
            sqlite3_reset(st->fts_del);
            sqlite3_bind_int64(st->fts_del, 1, ids[i]);
            if (sqlite3_step(st->fts_del) != SQLITE_DONE || bands_del(st, ids[i])) goto bad;
            sqlite3_reset(st->del);
            sqlite3_bind_int64(st->del, 1, ids[i]);
            if (sqlite3_step(st->del) != SQLITE_DONE) goto bad;
        }
    }
    sentences_by(st, v);
    Sig8 sig = sig8_of(v->sig);
    int shingles = v->shingles;
    sqlite3_int64 week = pub_week(v->pubdate);
    sqlite3_int64 story = shingles >= 8 ? find_story(st, &sig, week) : 0;
    q = st->doc;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    sqlite3_bind_text(q, 1, v->id, -1, SQLITE_STATIC);
    bind_opt(q, 2, v->url);
    bind_opt(q, 3, v->source);
    bind_opt(q, 4, v->title);
    bind_opt(q, 5, v->pubdate ? pd : NULL);
    bind_opt(q, 6, v->place);
    sqlite3_bind_text(q, 7, h, -1, SQLITE_STATIC);
    if (shingles >= 8) sqlite3_bind_blob(q, 8, sig.v, SIG_N, SQLITE_STATIC);
    sqlite3_int64 doc = st->next_doc;
    if (!story) story = doc;   /* a story of its own */
    sqlite3_bind_int64(q, 9, doc);
    sqlite3_bind_int64(q, 10, story);
    const void *packed;
    size_t packed_len = stored_body(st, v, &packed);
    if (packed_len) sqlite3_bind_blob(q, 11, packed, (int)packed_len, SQLITE_STATIC);
    else sqlite3_bind_text(q, 11, v->body, (int)v->body_len, SQLITE_STATIC);
    /* packed from the view's sentences (its text form is PostgreSQL's) */
    uint64_t end = 0;
    buf_clear(&st->spans);
    for (uint32_t i = 0; i < v->nsent; i++) span_put(&st->spans, &end, v->sent_off[i], v->sent_len[i]);
    if (st->spans.len) sqlite3_bind_blob(q, 12, st->spans.data, (int)st->spans.len, SQLITE_STATIC);
    else sqlite3_bind_zeroblob(q, 12, 0);
    bind_opt(q, 13, v->author);
    bind_opt(q, 14, v->language[0] ? v->language : NULL);
    bind_opt(q, 15, v->stored_at);
    if (sqlite3_step(q) != SQLITE_DONE) goto bad;
    if (!sqlite3_changes(st->db)) return 1;   /* the same id or text is stored already */
    st->next_doc = doc + 1;
    if (shingles >= 8 && bands_each(st->band_ins, &sig, doc, week)) goto bad;
    for (uint32_t i = 0; i < v->nev; i++) {
        const StoredEvent *e = &v->ev[i];
        sqlite3_int64 rule, basis, how, kind, region, place, src, tgt, verb, when;
        if (code_stored(st, e) || (rule = label_id(st, e->rule)) < 0 ||
            (basis = label_id(st, e->date_basis && *e->date_basis ? e->date_basis : NULL)) < 0 ||
            (how = label_id(st, e->place_how ? e->place_how : "none")) < 0 ||
            (kind = label_id(st, e->place ? (e->place_city ? "city" : "country") : NULL)) < 0 ||
            (region = label_id(st, e->place && e->place_region && *e->place_region ? e->place_region : NULL)) < 0 ||
            (place = place_id(st, e, kind, region)) < 0 || (src = phrase_id(st, e->source_text)) < 0 ||
            (tgt = phrase_id(st, e->target_text)) < 0 || (verb = phrase_id(st, e->verb_text)) < 0 ||
            (when = phrase_id(st, e->date_text.n ? e->date_text : (Span){NULL, 0})) < 0)
            goto bad;
        q = st->ev;
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        sqlite3_bind_int64(q, 1, doc);
        sqlite3_bind_int(q, 2, (int)e->sentence);
        bind_opt(q, 3, e->date[0] ? e->date : NULL);
        sqlite3_bind_text(q, 4, e->source, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 5, e->target, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 6, e->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 7, e->root, -1, SQLITE_STATIC);
        sqlite3_bind_int(q, 8, e->quad);
        bind_ref(q, 9, src);
        bind_ref(q, 10, tgt);
        bind_ref(q, 11, verb);
        bind_ref(q, 12, place);
        bind_ref(q, 13, rule);
        sqlite3_bind_int64(q, 14, story);
        bind_ref(q, 15, basis);
        bind_ref(q, 16, when);
        if (e->quote) sqlite3_bind_int(q, 17, (int)e->quote);
        if (e->place) sqlite3_bind_text(q, 18, e->place_country, -1, SQLITE_STATIC);
        bind_ref(q, 19, how);
        if (sqlite3_step(q) != SQLITE_DONE) goto bad;
        sqlite3_int64 id = sqlite3_last_insert_rowid(st->db);
        pending_add(&st->pend, e, id);
        /* the sentence, searched, under its first event's id */
        if (e->sentence < v->nsent && v->sent_first[e->sentence] == i) {
            q = st->sent;
            sqlite3_reset(q);
            sqlite3_bind_int64(q, 1, id);
            sqlite3_bind_text(q, 2, v->body + v->sent_off[e->sentence], (int)v->sent_len[e->sentence], SQLITE_STATIC);
            sqlite3_bind_text(q, 3, sentence_months(st, v, e->sentence), -1, SQLITE_STATIC);
            if (sqlite3_step(q) != SQLITE_DONE) goto bad;
        }
    }
    for (uint32_t i = 0; i < v->nquotes; i++) {
        const StoredQuote *x = &v->quotes[i];
        q = st->quote;
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        sqlite3_bind_int64(q, 1, doc);
        sqlite3_bind_int(q, 2, (int)i + 1);
        sqlite3_bind_int(q, 3, (int)x->sentence);
        bind_opt(q, 4, pd[0] ? pd : NULL);
        sqlite3_bind_text(q, 5, x->text, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 6, x->kind, -1, SQLITE_STATIC);
        bind_opt(q, 7, x->speaker);
        bind_opt(q, 8, x->code);
        sqlite3_bind_text(q, 9, x->how, -1, SQLITE_STATIC);
        bind_opt(q, 10, x->role);
        if (sqlite3_step(q) != SQLITE_DONE) goto bad;
        sqlite3_int64 qid = sqlite3_last_insert_rowid(st->db);
        for (uint32_t k = 0; k < x->nvia; k++) {
            sqlite3_stmt *vq = st->via;
            sqlite3_reset(vq);
            sqlite3_bind_int64(vq, 1, qid);
            sqlite3_bind_int(vq, 2, (int)k);
            sqlite3_bind_text(vq, 3, x->via[k].name, -1, SQLITE_STATIC);
            sqlite3_bind_text(vq, 4, via_kind_name(x->via[k].kind), -1, SQLITE_STATIC);
            if (sqlite3_step(vq) != SQLITE_DONE) goto bad;
        }
    }
    store_batch_add(&st->batch, v);
    st->unsettled++;
    if (st->batch.docs >= st->batch_docs) return store_commit(st, err, errsz);
    return 0;
bad:
    st->batch.docs++;   /* this one too */
    fail_batch(st, err, errsz, "storing a document");
    batch_lost(st);
    return -1;
}

/* The batch's events into the rollups, the transaction left open */
static int settle(Store *st, char *err, size_t errsz)
{
    if (rollup_flush(st)) {
        fail_batch(st, err, errsz, "rollups");
        batch_lost(st);
        return -1;
    }
    st->unsettled = 0;
    return 0;
}

int store_settle(Store *st, char *err, size_t errsz)
{
    if (st->pg || !st->in_tx || st->unsettled < STORE_BATCH) return 0;
    return settle(st, err, errsz) ? -1 : 1;
}

void store_set_batch(Store *st, long docs)
{
    if (docs < 1) docs = 1;
    if (st->pg) pg_store_set_batch(st->pg, docs);
    else st->batch_docs = docs;
}

int store_commit(Store *st, char *err, size_t errsz)
{
    if (st->pg) return pg_store_commit(st->pg, err, errsz);
    if (!st->in_tx) return 0;
    if (settle(st, err, errsz)) return -1;
    /* the full-text index last: once a virtual table has a part in the
     * transaction, each statement after opens a savepoint in it too */
    if (index_batch(st)) {
        fail_batch(st, err, errsz, "full-text index");
        batch_lost(st);
        return -1;
    }
    if (!st->dict_tried && st->next_doc > DICT_DOCS && train_dict(st)) {
        fail_batch(st, err, errsz, "the dictionary bodies are packed with");
        batch_lost(st);
        return -1;
    }
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        fail_batch(st, err, errsz, "commit");
        batch_lost(st);
        return -1;
    }
    st->in_tx = 0;
    store_batch_committed(&st->done, &st->batch);
    return 0;
}

void store_batch_add(StoreTotals *batch, const StoreView *v)
{
    batch->docs++;
    batch->sentences += v->nsent;
    batch->events += v->nev;
}

void store_batch_committed(StoreTotals *done, StoreTotals *batch)
{
    done->docs += batch->docs;
    done->sentences += batch->sentences;
    done->events += batch->events;
    done->skipped += batch->skipped;
    memset(batch, 0, sizeof *batch);
}

void store_batch_lost(StoreTotals *done, StoreTotals *batch)
{
    done->lost += batch->docs;
    memset(batch, 0, sizeof *batch);
}

StoreTotals store_totals(const Store *st) { return st->pg ? pg_store_totals(st->pg) : st->done; }

void store_close(Store *st)
{
    if (!st) return;
    if (st->pg) {
        pg_store_close(st->pg);
        free(st);
        return;
    }
    if (st->in_tx) {
        char err[256];
        store_commit(st, err, sizeof err);   /* the caller commits first to hear of a failure */
    }
    sqlite3_stmt *all[] = {st->has, st->find, st->del, st->doc, st->sent, st->ev, st->code_ins, st->label_get, st->label_ins,
                           st->phrase_get, st->phrase_ins, st->place_get, st->place_ins, st->band_ins, st->band_find, st->band_of, st->band_del, st->sig,
                           st->fts, st->fts_clear, st->fts_del, st->quote, st->via, st->day_up, st->total_up,
                           st->month_up, st->dyad_up, st->actor_up, st->pair_up, st->code_up};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
    sqlite3_close(st->db);
    store_packer_free(st->packer);
    pack_dict_free(atomic_load_explicit(&st->dict, memory_order_relaxed));
    pack_dict_free(st->retired);
    buf_free(&st->repacked);
    buf_free(&st->key);
    buf_free(&st->spans);
    known_clear(&st->codes);
    known_clear(&st->labels);
    known_clear(&st->phrases);
    known_clear(&st->places);
    pending_free(&st->pend);
    buf_free(&st->by_sent);
    buf_free(&st->ym);
    buf_free(&st->months);
    free(st);
}
