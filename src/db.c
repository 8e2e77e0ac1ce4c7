/* db.c - reading a store: SQLite (store_open_read) or PostgreSQL (libpq),
 * one statement interface (db.h) */
#include "db.h"
#include "dyn_pq.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "store.h"
#include "store_int.h"

struct Db {
    sqlite3 *lite;
    sqlite3_stmt *version;      /* PRAGMA data_version */
    PGconn *pg;
    int timeout_ms;             /* statement_timeout, set again on a new connection */
    int timed_out;
    char err[512];
};

/* A PostgreSQL column's value, formatted as SQLite would give it */
typedef struct PgCell {
    char text[40];
} PgCell;

struct DbStmt {
    Db *db;
    sqlite3_stmt *lite;
    /* PostgreSQL: the SQL with $N, its values, the result being read */
    char *sql;
    int nparams;
    char **vals;
    int stream, started, done;
    PGresult *res;
    int row;
    PgCell *cells;              /* per column, for floats */
    int ncells;
};

int db_is_pg_uri(const char *where) { return store_is_pg(where); }

void db_shown(const char *where, char *out, size_t cap)
{
    if (!cap) return;
    const char *auth = strstr(where, "://");
    const char *at = auth ? strchr(auth + 3, '@') : NULL;
    const char *colon = at ? memchr(auth + 3, ':', (size_t)(at - auth - 3)) : NULL;
    const char *slash = auth ? strchr(auth + 3, '/') : NULL;
    if (!store_is_pg(where) || !colon || (slash && slash < at)) snprintf(out, cap, "%s", where);
    else snprintf(out, cap, "%.*s%s", (int)(colon - where), where, at);   /* user, then @host... */
    /* nor as a parameter: ...?password=... */
    char *pw = store_is_pg(where) ? strstr(out, "password=") : NULL;
    if (pw) {
        char *end = strchr(pw, '&');
        memmove(pw + 9, end ? end : pw + strlen(pw), strlen(end ? end : pw + strlen(pw)) + 1);
        memcpy(pw, "password=", 9);
    }
}

int db_pg(const Db *db) { return db->pg != NULL; }

struct sqlite3 *db_sqlite(Db *db) { return db->lite; }

const char *db_errmsg(Db *db) { return db->lite && !db->err[0] ? sqlite3_errmsg(db->lite) : db->err; }

int db_timed_out(Db *db) { return db->timed_out; }

/* The server's message on one line */
static void pg_error(Db *db, const char *msg)
{
    snprintf(db->err, sizeof db->err, "%s", msg && *msg ? msg : "PostgreSQL: unknown error");
    for (char *p = db->err; *p; p++)
        if (*p == '\n') *p = p[1] ? ' ' : 0;
}

/* The first row's first column of sql on db's server, as a number; -1
 * when it gives none */
static long long pg_number(Db *db, const char *sql)
{
    PGresult *r = PQexec(db->pg, sql);
    long long v = -1;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 && !PQgetisnull(r, 0, 0))
        v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    else if (PQresultStatus(r) != PGRES_TUPLES_OK) pg_error(db, PQresultErrorMessage(r));
    PQclear(r);
    return v;
}

Db *db_open(const char *where, char *err, size_t errsz)
{
    Db *db = calloc(1, sizeof *db);
    if (!db) abort();
    if (!store_is_pg(where)) {
        db->lite = store_open_read(where, err, errsz);
        if (!db->lite) {
            free(db);
            return NULL;
        }
        return db;
    }
    char shown[1024];   /* the URI without its password, for messages */
    db_shown(where, shown, sizeof shown);
    if (dyn_load(DYN_PQ, err, errsz)) {
        free(db);
        return NULL;
    }
    db->pg = PQconnectdb(where);
    if (PQstatus(db->pg) != CONNECTION_OK) {
        pg_error(db, PQerrorMessage(db->pg));
        snprintf(err, errsz, "%s: cannot connect to the PostgreSQL server: %s", shown, db->err);
        db_close(db);
        return NULL;
    }
    PQclear(PQexec(db->pg, "SET client_min_messages = warning"));
    long long v = pg_number(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'herodotus_meta'"
                                " AND schemaname = ANY (current_schemas(false))");
    if (v > 0) v = pg_number(db, "SELECT value::integer FROM herodotus_meta WHERE key = 'schema_version'");
    if (v > 0 && v < PG_SCHEMA_VERSION) {
        /* a store of an older herodotus: brought up to date (as a writer would) */
        PgStore *w = pg_store_open(where, db->err, sizeof db->err);
        if (w) {
            pg_store_close(w);
            v = PG_SCHEMA_VERSION;
        } else v = -1;
    }
    if (v != PG_SCHEMA_VERSION) {
        if (v == 0) snprintf(err, errsz, "%s: no herodotus store in this database (ingest makes one)", shown);
        else if (v < 0) snprintf(err, errsz, "%s: %s", shown, db->err);
        else snprintf(err, errsz, "%s: the store has schema version %lld; this herodotus knows %d", shown, v,
                      PG_SCHEMA_VERSION);
        db_close(db);
        return NULL;
    }
    return db;
}

void db_close(Db *db)
{
    if (!db) return;
    sqlite3_finalize(db->version);
    sqlite3_close(db->lite);
    if (db->pg) PQfinish(db->pg);
    free(db);
}

int db_set_timeout(Db *db, int ms)
{
    if (!db->pg) return 0;
    db->timeout_ms = ms;
    char sql[64];
    snprintf(sql, sizeof sql, "SET statement_timeout = %d", ms);
    PGresult *r = PQexec(db->pg, sql);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) pg_error(db, PQresultErrorMessage(r));
    PQclear(r);
    return ok ? 0 : -1;
}

long long db_version(Db *db)
{
    if (db->lite) {
        if (!db->version && sqlite3_prepare_v2(db->lite, "PRAGMA data_version", -1, &db->version, NULL) != SQLITE_OK)
            return 0;
        long long v = sqlite3_step(db->version) == SQLITE_ROW ? sqlite3_column_int64(db->version, 0) : 0;
        sqlite3_reset(db->version);
        return v;
    }
    /* the server's snapshot: which transactions are committed.  A commit
     * (of any writer) changes it; read before an answer, the answer is at
     * least as new as the version it is kept under. */
    PGresult *r = PQexec(db->pg, "SELECT pg_current_snapshot()::text");
    unsigned long long h = 0;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        h = 1469598103934665603ULL;
        for (const char *p = PQgetvalue(r, 0, 0); *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    }
    PQclear(r);
    return (long long)(h >> 1);
}

/* ---- statements ---- */

/* sql with SQLite's ?N as PostgreSQL's $N (outside strings and quoted
 * names); the highest N into *n */
static char *pg_sql(const char *sql, int *n)
{
    Buf o = {0};
    *n = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'' || *p == '"') {
            const char *e = strchr(p + 1, *p);
            if (!e) e = p + strlen(p) - 1;
            buf_put(&o, p, (size_t)(e - p + 1));
            p = e;
            continue;
        }
        if (*p == '?' && p[1] >= '0' && p[1] <= '9') {
            int k = atoi(p + 1);
            if (k > *n) *n = k;
            buf_putc(&o, '$');
            continue;
        }
        buf_putc(&o, *p);
    }
    buf_putc(&o, '\0');
    return o.data;
}

/* A connection the server dropped (a restart, a network cut) is made
 * again before the next statement: a long-running serve outlives it.
 * -1 (err) when the server is still out of reach. */
static int pg_alive(Db *db)
{
    if (PQstatus(db->pg) == CONNECTION_OK) return 0;
    PQreset(db->pg);
    if (PQstatus(db->pg) != CONNECTION_OK) {
        pg_error(db, PQerrorMessage(db->pg));
        return -1;
    }
    PQclear(PQexec(db->pg, "SET client_min_messages = warning"));
    return db->timeout_ms ? db_set_timeout(db, db->timeout_ms) : 0;
}

DbStmt *db_prepare(Db *db, const char *sql, int stream)
{
    db->err[0] = 0;
    db->timed_out = 0;
    if (db->pg && pg_alive(db)) return NULL;
    DbStmt *q = calloc(1, sizeof *q);
    if (!q) abort();
    q->db = db;
    if (db->lite) {
        if (sqlite3_prepare_v2(db->lite, sql, -1, &q->lite, NULL) != SQLITE_OK) {
            free(q);
            return NULL;
        }
        return q;
    }
    q->sql = pg_sql(sql, &q->nparams);
    q->vals = calloc((size_t)q->nparams + 1, sizeof *q->vals);
    q->stream = stream;
    q->row = -1;
    return q;
}

void db_bind_text(DbStmt *q, int i, const char *v)
{
    if (q->lite) {
        sqlite3_bind_text(q->lite, i, v, -1, SQLITE_TRANSIENT);
        return;
    }
    if (i < 1 || i > q->nparams) return;
    free(q->vals[i - 1]);
    q->vals[i - 1] = v ? strdup(v) : NULL;
}

void db_bind_int64(DbStmt *q, int i, long long v)
{
    if (q->lite) {
        sqlite3_bind_int64(q->lite, i, v);
        return;
    }
    char s[32];
    snprintf(s, sizeof s, "%lld", v);
    db_bind_text(q, i, s);
}

void db_bind_all(DbStmt *q, const char *const *vals, int n)
{
    for (int i = 0; i < n; i++) db_bind_text(q, i + 1, vals[i]);
}

/* a failed PostgreSQL result: its message, and whether it was a timeout */
static int pg_failed(DbStmt *q, PGresult *r)
{
    const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    q->db->timed_out = state && !strcmp(state, "57014");
    pg_error(q->db, PQresultErrorMessage(r));
    q->done = 1;
    return DB_ERROR;
}

static void pg_cells(DbStmt *q)
{
    int n = PQnfields(q->res);
    if (n > q->ncells) {
        free(q->cells);
        q->cells = calloc((size_t)n, sizeof *q->cells);
        if (!q->cells) abort();
        q->ncells = n;
    }
}

int db_step(DbStmt *q)
{
    if (q->lite) {
        int rc = sqlite3_step(q->lite);
        if (rc == SQLITE_ROW) return DB_ROW;
        if (rc == SQLITE_DONE) return DB_DONE;
        q->db->timed_out = rc == SQLITE_INTERRUPT;
        return DB_ERROR;
    }
    PGconn *c = q->db->pg;
    if (q->done) return q->res && PQresultStatus(q->res) == PGRES_FATAL_ERROR ? DB_ERROR : DB_DONE;
    if (!q->started) {
        q->started = 1;
        if (!q->stream) {
            q->res = PQexecParams(c, q->sql, q->nparams, NULL, (const char *const *)q->vals, NULL, NULL, 0);
            if (PQresultStatus(q->res) == PGRES_FATAL_ERROR && PQstatus(c) == CONNECTION_BAD && !pg_alive(q->db)) {
                /* the server dropped the connection since the last statement: once more, anew */
                PQclear(q->res);
                c = q->db->pg;
                q->res = PQexecParams(c, q->sql, q->nparams, NULL, (const char *const *)q->vals, NULL, NULL, 0);
            }
            ExecStatusType st = PQresultStatus(q->res);
            if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) return pg_failed(q, q->res);   /* a row or none */
            pg_cells(q);
        } else if ((!PQsendQueryParams(c, q->sql, q->nparams, NULL, (const char *const *)q->vals, NULL, NULL, 0) &&
                    (PQstatus(c) != CONNECTION_BAD || pg_alive(q->db) ||
                     !PQsendQueryParams(c, q->sql, q->nparams, NULL, (const char *const *)q->vals, NULL, NULL, 0))) ||
                   !PQsetSingleRowMode(c)) {
            pg_error(q->db, PQerrorMessage(c));
            q->done = 1;
            return DB_ERROR;
        }
    }
    if (!q->stream) {
        if (++q->row < PQntuples(q->res)) return DB_ROW;
        q->done = 1;
        return DB_DONE;
    }
    PGresult *r = PQgetResult(c);
    if (r && PQresultStatus(r) == PGRES_SINGLE_TUPLE) {
        PQclear(q->res);
        q->res = r;
        q->row = 0;
        pg_cells(q);
        return DB_ROW;
    }
    /* the end: the last result holds the columns (with no row) or the error */
    int rc = DB_DONE;
    if (r) {
        PQclear(q->res);
        q->res = r;
        q->row = -1;
        if (PQresultStatus(r) != PGRES_TUPLES_OK && PQresultStatus(r) != PGRES_COMMAND_OK) rc = pg_failed(q, r);
        while ((r = PQgetResult(c))) PQclear(r);
    }
    q->done = 1;
    return rc;
}

void db_finalize(DbStmt *q)
{
    if (!q) return;
    if (q->lite) sqlite3_finalize(q->lite);
    else {
        if (q->stream && q->started && !q->done) {
            /* rows left unread: cancel them, and drain */
            PGcancel *cn = PQgetCancel(q->db->pg);
            char e[256];
            if (cn) {
                PQcancel(cn, e, sizeof e);
                PQfreeCancel(cn);
            }
            PGresult *r;
            while ((r = PQgetResult(q->db->pg))) PQclear(r);
        }
        PQclear(q->res);
        for (int i = 0; i < q->nparams; i++) free(q->vals[i]);
        free(q->vals);
        free(q->sql);
        free(q->cells);
    }
    free(q);
}

int db_column_count(DbStmt *q)
{
    if (q->lite) return sqlite3_column_count(q->lite);
    return q->res ? PQnfields(q->res) : 0;
}

const char *db_column_name(DbStmt *q, int c)
{
    if (q->lite) return sqlite3_column_name(q->lite, c);
    return q->res && c < PQnfields(q->res) ? PQfname(q->res, c) : "";
}

/* PostgreSQL's type oids that read as numbers */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_FLOAT4 = 700, OID_FLOAT8 = 701,
       OID_NUMERIC = 1700, OID_BYTEA = 17 };

static int pg_has(DbStmt *q, int c)
{
    return q->res && q->row >= 0 && q->row < PQntuples(q->res) && c >= 0 && c < PQnfields(q->res);
}

int db_column_type(DbStmt *q, int c)
{
    if (q->lite) {
        switch (sqlite3_column_type(q->lite, c)) {
        case SQLITE_INTEGER: return DB_INT;
        case SQLITE_FLOAT: return DB_FLOAT;
        case SQLITE_BLOB: return DB_BLOB;
        case SQLITE_NULL: return DB_NULL;
        default: return DB_TEXT;
        }
    }
    if (!pg_has(q, c) || PQgetisnull(q->res, q->row, c)) return DB_NULL;
    switch (PQftype(q->res, c)) {
    case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: return DB_INT;
    case OID_FLOAT4: case OID_FLOAT8: return DB_FLOAT;
    case OID_NUMERIC: return strpbrk(PQgetvalue(q->res, q->row, c), ".eEN") ? DB_FLOAT : DB_INT;
    case OID_BYTEA: return DB_BLOB;
    default: return DB_TEXT;
    }
}

const char *db_column_text(DbStmt *q, int c)
{
    if (q->lite) return (const char *)sqlite3_column_text(q->lite, c);
    if (!pg_has(q, c) || PQgetisnull(q->res, q->row, c)) return NULL;
    const char *v = PQgetvalue(q->res, q->row, c);
    Oid t = PQftype(q->res, c);
    if (t == OID_BOOL) return *v == 't' ? "1" : "0";
    if (db_column_type(q, c) == DB_FLOAT) {
        /* the double as SQLite prints it: 15 significant digits, a point always */
        sqlite3_snprintf((int)sizeof q->cells[c].text, q->cells[c].text, "%!.15g", strtod(v, NULL));
        return q->cells[c].text;
    }
    return v;
}

size_t db_column_bytes(DbStmt *q, int c)
{
    if (q->lite) return (size_t)sqlite3_column_bytes(q->lite, c);
    const char *v = db_column_text(q, c);
    return v ? strlen(v) : 0;
}

long long db_column_int64(DbStmt *q, int c)
{
    if (q->lite) return sqlite3_column_int64(q->lite, c);
    const char *v = db_column_text(q, c);
    return v ? (db_column_type(q, c) == DB_FLOAT ? (long long)strtod(v, NULL) : strtoll(v, NULL, 10)) : 0;
}

double db_column_double(DbStmt *q, int c)
{
    if (q->lite) return sqlite3_column_double(q->lite, c);
    const char *v = db_column_text(q, c);
    return v ? strtod(v, NULL) : 0;
}
