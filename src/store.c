/* store.c - SQLite storage of documents, sentences, events and stories */
#include "store.h"
#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "render.h"

/* ---- schema and migrations ---- */

/* Version 1: documents, sentences (doc, idx) WITHOUT ROWID, events. */
static const char *SCHEMA_V1 =
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
static const char *MIGRATE_V2 =
    "ALTER TABLE documents ADD COLUMN story INTEGER;"
    "ALTER TABLE documents ADD COLUMN signature BLOB;"
    "UPDATE documents SET story = id;"
    "CREATE INDEX documents_story ON documents(story);"
    "CREATE TABLE doc_bands(band INTEGER NOT NULL, hash INTEGER NOT NULL,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE);"
    "CREATE INDEX doc_bands_key ON doc_bands(band, hash);"
    "CREATE INDEX doc_bands_doc ON doc_bands(doc);"
    "ALTER TABLE sentences RENAME TO sentences_v1;"
    "CREATE TABLE sentences(id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, text TEXT NOT NULL, UNIQUE(doc, idx));"
    "INSERT INTO sentences(doc, idx, text) SELECT doc, idx, text FROM sentences_v1 ORDER BY doc, idx;"
    "DROP TABLE sentences_v1;"
    "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');"
    "INSERT INTO sentences_fts(sentences_fts) VALUES('rebuild');"
    "CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN"
    "  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END;"
    "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
    "  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES('delete', old.id, old.text); END;"
    "ALTER TABLE events ADD COLUMN story INTEGER;"
    "UPDATE events SET story = doc;"
    "ALTER TABLE events ADD COLUMN event TEXT;"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, date);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target, date);"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code, date);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);"
    "CREATE INDEX IF NOT EXISTS events_story ON events(story, date, source, target, code);"
    "CREATE VIEW actors AS"
    "  SELECT code, count(*) AS events, sum(role = 's') AS as_source, sum(role = 't') AS as_target,"
    "         min(date) AS first_date, max(date) AS last_date, min(name) AS name FROM ("
    "    SELECT source AS code, date, 's' AS role, source_text AS name FROM events"
    "    UNION ALL SELECT target, date, 't', target_text FROM events WHERE target != '')"
    "  GROUP BY code;";

struct Store {
    sqlite3 *db;
    sqlite3_stmt *has, *find, *del, *doc, *story, *sent, *ev, *band_ins, *band_find, *sig;
    int in_tx, pending;
};

static int fail(sqlite3 *db, char *err, size_t errsz, const char *what)
{
    snprintf(err, errsz, "%s: %s", what, sqlite3_errmsg(db));
    return -1;
}

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *q;
    int v = -1;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) v = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
    }
    return v;
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

/* Bring the schema to STORE_SCHEMA_VERSION, one migration per version,
 * each in its own transaction. */
static int migrate(sqlite3 *db, const char *path, char *err, size_t errsz)
{
    int v = user_version(db);
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(err, errsz, "%s: database schema version %d is newer than this herodotus (%d)", path, v,
                 STORE_SCHEMA_VERSION);
        return -1;
    }
    if (v == 0) {
        if (exec(db, "BEGIN IMMEDIATE", err, errsz, path)) return -1;
        /* a new database (or one of version 0): create version 1, then migrate */
        if (user_version(db) == 0 &&
            (exec(db, SCHEMA_V1, err, errsz, path) || exec(db, "PRAGMA user_version=1", err, errsz, path))) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        if (exec(db, "COMMIT", err, errsz, path)) return -1;
        v = 1;
    }
    if (v == 1) {
        if (exec(db, "BEGIN IMMEDIATE", err, errsz, path)) return -1;
        if (user_version(db) == 1 &&
            (exec(db, MIGRATE_V2, err, errsz, path) || exec(db, "PRAGMA user_version=2", err, errsz, path))) {
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        if (exec(db, "COMMIT", err, errsz, path)) return -1;
    }
    return 0;
}

Store *store_open(const char *path, char *err, size_t errsz)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        snprintf(err, errsz, "%s: cannot open database: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    if (exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", err, errsz, path) ||
        migrate(db, path, err, errsz)) {
        sqlite3_close(db);
        return NULL;
    }
    Store *st = calloc(1, sizeof *st);
    if (!st) abort();
    st->db = db;
    static const struct { size_t off; const char *sql; } stmts[] = {
        {offsetof(Store, has), "SELECT 1 FROM documents WHERE doc_id=?1 OR content_hash=?2"},
        {offsetof(Store, find), "SELECT id FROM documents WHERE doc_id=?1 OR content_hash=?2"},
        {offsetof(Store, del), "DELETE FROM documents WHERE id=?1"},
        {offsetof(Store, doc), "INSERT INTO documents(doc_id,url,source,title,pubdate,place,content_hash,signature) "
                               "VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"},
        {offsetof(Store, story), "UPDATE documents SET story=?2 WHERE id=?1"},
        {offsetof(Store, sent), "INSERT INTO sentences(doc,idx,text) VALUES(?1,?2,?3)"},
        {offsetof(Store, ev), "INSERT INTO events(doc,sentence,date,source,target,code,root,quad,goldstein,"
                              "source_text,target_text,verb_text,place,rule,story,event) "
                              "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)"},
        {offsetof(Store, band_ins), "INSERT INTO doc_bands(band,hash,doc) VALUES(?1,?2,?3)"},
        {offsetof(Store, band_find), "SELECT DISTINCT doc FROM doc_bands WHERE band=?1 AND hash=?2 LIMIT 16"},
        {offsetof(Store, sig), "SELECT signature, story FROM documents WHERE id=?1"},
    };
    for (size_t i = 0; i < sizeof stmts / sizeof *stmts; i++) {
        sqlite3_stmt **q = (sqlite3_stmt **)((char *)st + stmts[i].off);
        if (sqlite3_prepare_v2(db, stmts[i].sql, -1, q, NULL) != SQLITE_OK) {
            fail(db, err, errsz, path);
            store_close(st);
            return NULL;
        }
    }
    return st;
}

sqlite3 *store_open_read(const char *path, char *err, size_t errsz)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        snprintf(err, errsz, "%s: cannot open database: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 10000);
    int v = user_version(db);
    if (v != STORE_SCHEMA_VERSION) {
        if (v <= 0) snprintf(err, errsz, "%s: not a herodotus database (run herodotus ingest first)", path);
        else snprintf(err, errsz, "%s: schema version %d; run 'herodotus ingest --db %s' once to migrate it to %d", path, v,
                      path, STORE_SCHEMA_VERSION);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

static void content_hash(const char *text, size_t len, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)hash_bytes(text, len));
}

int store_has(Store *st, const char *doc_id, const char *text, size_t len)
{
    char h[17];
    content_hash(text, len, h);
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

/* ---- wire reprints: MinHash over 5-word shingles, 16 bands of 4 ---- */

enum { SIG_N = 64, BANDS = 16, ROWS = SIG_N / BANDS };
#define REPRINT_JACCARD 0.8

static uint32_t mix32(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static int signature(const Doc *d, uint32_t sig[SIG_N])
{
    for (int i = 0; i < SIG_N; i++) sig[i] = UINT32_MAX;
    /* word hashes of the body, lower-case letters and digits only */
    uint64_t win[5] = {0};
    int have = 0, shingles = 0;
    const char *s = d->body;
    size_t n = d->body_len;
    for (size_t i = 0; i < n;) {
        while (i < n && !isalnum((unsigned char)s[i])) i++;
        if (i >= n) break;
        uint64_t h = 1469598103934665603ull;
        while (i < n && isalnum((unsigned char)s[i])) {
            h ^= (unsigned char)tolower((unsigned char)s[i++]);
            h *= 1099511628211ull;
        }
        memmove(win, win + 1, 4 * sizeof *win);
        win[4] = h;
        if (++have < 5) continue;
        uint64_t sh = win[0] ^ (win[1] * 3) ^ (win[2] * 7) ^ (win[3] * 13) ^ (win[4] * 31);
        shingles++;
        for (int k = 0; k < SIG_N; k++) {
            uint32_t v = mix32(sh + 0x9e3779b97f4a7c15ull * (uint64_t)(k + 1));
            if (v < sig[k]) sig[k] = v;
        }
    }
    return shingles;
}

static sqlite3_int64 band_hash(const uint32_t *sig, int band)
{
    return (sqlite3_int64)(hash_bytes(sig + band * ROWS, ROWS * sizeof *sig) >> 1);
}

/* The story of an earlier document this one reprints, 0 none. */
static sqlite3_int64 find_story(Store *st, const uint32_t sig[SIG_N])
{
    for (int b = 0; b < BANDS; b++) {
        sqlite3_reset(st->band_find);
        sqlite3_bind_int(st->band_find, 1, b);
        sqlite3_bind_int64(st->band_find, 2, band_hash(sig, b));
        while (sqlite3_step(st->band_find) == SQLITE_ROW) {
            sqlite3_int64 other = sqlite3_column_int64(st->band_find, 0);
            sqlite3_reset(st->sig);
            sqlite3_bind_int64(st->sig, 1, other);
            if (sqlite3_step(st->sig) != SQLITE_ROW) continue;
            const uint32_t *os = sqlite3_column_blob(st->sig, 0);
            if (!os || sqlite3_column_bytes(st->sig, 0) != SIG_N * (int)sizeof(uint32_t)) continue;
            int same = 0;
            for (int k = 0; k < SIG_N; k++) same += os[k] == sig[k];
            if ((double)same / SIG_N >= REPRINT_JACCARD) {
                sqlite3_int64 story = sqlite3_column_int64(st->sig, 1);
                sqlite3_reset(st->sig);
                sqlite3_reset(st->band_find);
                return story;
            }
        }
    }
    return 0;
}

/* ---- storing ---- */

static int begin(Store *st, char *err, size_t errsz)
{
    if (st->in_tx) return 0;
    if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return fail(st->db, err, errsz, "begin");
    st->in_tx = 1;
    return 0;
}

int store_doc(Store *st, const Doc *d, const char *text, size_t len, int replace, char *err, size_t errsz)
{
    if (begin(st, err, errsz)) return -1;
    if (sqlite3_exec(st->db, "SAVEPOINT doc", NULL, NULL, NULL) != SQLITE_OK) return fail(st->db, err, errsz, "savepoint");
    char h[17], pd[11];
    content_hash(text, len, h);
    date_format(d->pubdate, pd);
    sqlite3_stmt *q;
    if (replace) {
        /* the stored versions go, in this same transaction */
        sqlite3_int64 ids[8];
        int nids = 0;
        q = st->find;
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, d->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, h, -1, SQLITE_STATIC);
        while (nids < 8 && sqlite3_step(q) == SQLITE_ROW) ids[nids++] = sqlite3_column_int64(q, 0);
        sqlite3_reset(q);
        for (int i = 0; i < nids; i++) {
            sqlite3_reset(st->del);
            sqlite3_bind_int64(st->del, 1, ids[i]);
            if (sqlite3_step(st->del) != SQLITE_DONE) goto bad;
        }
    }
    uint32_t sig[SIG_N];
    int shingles = signature(d, sig);
    sqlite3_int64 story = shingles >= 8 ? find_story(st, sig) : 0;
    q = st->doc;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    sqlite3_bind_text(q, 1, d->id, -1, SQLITE_STATIC);
    bind_opt(q, 2, d->url);
    bind_opt(q, 3, d->source);
    bind_opt(q, 4, d->title);
    bind_opt(q, 5, d->pubdate ? pd : NULL);
    bind_opt(q, 6, d->place);
    sqlite3_bind_text(q, 7, h, -1, SQLITE_STATIC);
    if (shingles >= 8) sqlite3_bind_blob(q, 8, sig, sizeof sig, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE) goto bad;
    sqlite3_int64 doc = sqlite3_last_insert_rowid(st->db);
    if (!story) story = doc;
    sqlite3_reset(st->story);
    sqlite3_bind_int64(st->story, 1, doc);
    sqlite3_bind_int64(st->story, 2, story);
    if (sqlite3_step(st->story) != SQLITE_DONE) goto bad;
    if (shingles >= 8)
        for (int b = 0; b < BANDS; b++) {
            sqlite3_reset(st->band_ins);
            sqlite3_bind_int(st->band_ins, 1, b);
            sqlite3_bind_int64(st->band_ins, 2, band_hash(sig, b));
            sqlite3_bind_int64(st->band_ins, 3, doc);
            if (sqlite3_step(st->band_ins) != SQLITE_DONE) goto bad;
        }
    for (uint32_t i = 0; i < d->nsent; i++) {
        q = st->sent;
        sqlite3_reset(q);
        sqlite3_bind_int64(q, 1, doc);
        sqlite3_bind_int(q, 2, (int)i);
        sqlite3_bind_text(q, 3, d->body + d->sent[i].off, (int)d->sent[i].len, SQLITE_STATIC);
        if (sqlite3_step(q) != SQLITE_DONE) goto bad;
    }
    for (uint32_t i = 0; i < d->nev; i++) {
        EventView v;
        event_view(d, &d->ev[i], &v, NULL);
        q = st->ev;
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        sqlite3_bind_int64(q, 1, doc);
        sqlite3_bind_int(q, 2, (int)v.sentence);
        bind_opt(q, 3, v.date[0] ? v.date : NULL);
        sqlite3_bind_text(q, 4, v.source, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 5, v.target, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 6, v.code, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 7, v.root, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(q, 8, v.quad);
        sqlite3_bind_double(q, 9, v.goldstein);
        sqlite3_bind_text(q, 10, v.source_text.s, (int)v.source_text.n, SQLITE_STATIC);
        sqlite3_bind_text(q, 11, v.target_text.s, (int)v.target_text.n, SQLITE_STATIC);
        sqlite3_bind_text(q, 12, v.verb_text.s, (int)v.verb_text.n, SQLITE_STATIC);
        bind_opt(q, 13, v.place);
        bind_opt(q, 14, v.rule);
        sqlite3_bind_int64(q, 15, story);
        bind_opt(q, 16, v.name);
        if (sqlite3_step(q) != SQLITE_DONE) goto bad;
    }
    if (sqlite3_exec(st->db, "RELEASE doc", NULL, NULL, NULL) != SQLITE_OK) goto bad;
    if (++st->pending >= STORE_BATCH) return store_commit(st, err, errsz);
    return 0;
bad:
    fail(st->db, err, errsz, "storing document");
    sqlite3_exec(st->db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL, NULL);
    return -1;
}

int store_commit(Store *st, char *err, size_t errsz)
{
    if (!st->in_tx) return 0;
    st->in_tx = 0;
    st->pending = 0;
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return fail(st->db, err, errsz, "commit");
    return 0;
}

void store_close(Store *st)
{
    if (!st) return;
    if (st->in_tx) sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_stmt *all[] = {st->has, st->find, st->del, st->doc, st->story, st->sent, st->ev, st->band_ins, st->band_find, st->sig};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) sqlite3_finalize(all[i]);
    sqlite3_close(st->db);
    free(st);
}
