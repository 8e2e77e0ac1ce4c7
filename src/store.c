/* store.c - SQLite storage of documents, sentences and events */
#include "store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "render.h"

struct Store {
    sqlite3 *db;
    sqlite3_stmt *has, *doc, *sent, *ev;
    int in_tx, pending;
};

static const char *SCHEMA =
    "CREATE TABLE IF NOT EXISTS documents("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL UNIQUE,"
    "  url TEXT, source TEXT, title TEXT,"
    "  pubdate TEXT,"
    "  place TEXT,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE IF NOT EXISTS sentences("
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY(doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events("
    "  id INTEGER PRIMARY KEY,"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER NOT NULL,"
    "  date TEXT, source TEXT NOT NULL, target TEXT NOT NULL,"
    "  code TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER NOT NULL, goldstein REAL NOT NULL,"
    "  source_text TEXT, target_text TEXT, verb_text TEXT, place TEXT, rule TEXT);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(source, target, date);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target, date);"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);";

static int fail(sqlite3 *db, char *err, size_t errsz, const char *what)
{
    snprintf(err, errsz, "%s: %s", what, sqlite3_errmsg(db));
    return -1;
}

Store *store_open(const char *path, char *err, size_t errsz)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        snprintf(err, errsz, "%s: cannot open database: %s", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    int version = 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL) == SQLITE_OK) {
        if (sqlite3_step(q) == SQLITE_ROW) version = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
    }
    if (version > STORE_SCHEMA_VERSION) {
        snprintf(err, errsz, "%s: database schema version %d is newer than this herodotus (%d)", path, version,
                 STORE_SCHEMA_VERSION);
        sqlite3_close(db);
        return NULL;
    }
    char *msg = NULL;
    if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", NULL, NULL,
                     &msg) != SQLITE_OK ||
        sqlite3_exec(db, SCHEMA, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA user_version=1", NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(err, errsz, "%s: %s", path, msg ? msg : "schema error");
        sqlite3_free(msg);
        sqlite3_close(db);
        return NULL;
    }
    Store *st = calloc(1, sizeof *st);
    if (!st) abort();
    st->db = db;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM documents WHERE doc_id=?1 OR content_hash=?2", -1, &st->has, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO documents(doc_id,url,source,title,pubdate,place,content_hash) "
                           "VALUES(?1,?2,?3,?4,?5,?6,?7)",
                           -1, &st->doc, NULL) ||
        sqlite3_prepare_v2(db, "INSERT INTO sentences(doc,idx,text) VALUES(?1,?2,?3)", -1, &st->sent, NULL) ||
        sqlite3_prepare_v2(db,
                           "INSERT INTO events(doc,sentence,date,source,target,code,root,quad,goldstein,"
                           "source_text,target_text,verb_text,place,rule) "
                           "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
                           -1, &st->ev, NULL)) {
        fail(db, err, errsz, path);
        store_close(st);
        return NULL;
    }
    return st;
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

int store_doc(Store *st, const Doc *d, const char *text, size_t len, char *err, size_t errsz)
{
    if (!st->in_tx) {
        if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return fail(st->db, err, errsz, "begin");
        st->in_tx = 1;
    }
    if (sqlite3_exec(st->db, "SAVEPOINT doc", NULL, NULL, NULL) != SQLITE_OK) return fail(st->db, err, errsz, "savepoint");
    char h[17], pd[11];
    content_hash(text, len, h);
    date_format(d->pubdate, pd);
    sqlite3_stmt *q = st->doc;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    sqlite3_bind_text(q, 1, d->id, -1, SQLITE_STATIC);
    bind_opt(q, 2, d->url);
    bind_opt(q, 3, d->source);
    bind_opt(q, 4, d->title);
    bind_opt(q, 5, d->pubdate ? pd : NULL);
    bind_opt(q, 6, d->place);
    sqlite3_bind_text(q, 7, h, -1, SQLITE_STATIC);
    if (sqlite3_step(q) != SQLITE_DONE) goto bad;
    sqlite3_int64 doc = sqlite3_last_insert_rowid(st->db);
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
    sqlite3_finalize(st->has);
    sqlite3_finalize(st->doc);
    sqlite3_finalize(st->sent);
    sqlite3_finalize(st->ev);
    sqlite3_close(st->db);
    free(st);
}
