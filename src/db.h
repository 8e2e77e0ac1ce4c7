/* db.h - reading a store: a SQLite file or a PostgreSQL server behind one
 * statement interface, so that query, stats, export and serve run the
 * same SQL on both.
 *
 * The SQL is SQLite's where both servers agree (parameters ?1, ?2, ... are
 * rewritten $1, $2, ... for PostgreSQL), and the store gives both the same
 * functions: hd_sentence, hd_text, hd_km (store.h), and on PostgreSQL
 * also SQLite's instr, group_concat and round(real, digits).  Where the
 * dialects part (full-text search, date arithmetic) the callers ask
 * db_pg().  Numbers come back as SQLite writes them: a PostgreSQL float
 * or numeric as SQLite would print the same double ("%!.15g"), a boolean
 * as 1 or 0. */
#ifndef HERODOTUS_DB_H
#define HERODOTUS_DB_H
#include <stddef.h>

typedef struct Db Db;
typedef struct DbStmt DbStmt;
struct sqlite3;

enum { DB_NULL, DB_INT, DB_FLOAT, DB_TEXT, DB_BLOB };
enum { DB_ERROR = -1, DB_DONE = 0, DB_ROW = 1 };

/* Open the store at where (a file, or a postgresql:// URI) for reading;
 * NULL with err. */
Db  *db_open(const char *where, char *err, size_t errsz);
void db_close(Db *db);
/* Is where a PostgreSQL URI? */
int  db_is_pg_uri(const char *where);
/* where as it may be shown (in a log, to a client): a file's name as
 * given, a URI without its password ("postgresql://user@host/db") */
void db_shown(const char *where, char *out, size_t cap);
/* 1 on PostgreSQL */
int  db_pg(const Db *db);
/* The SQLite connection (NULL on PostgreSQL): for what only SQLite has
 * (functions of the caller's, progress handlers) */
struct sqlite3 *db_sqlite(Db *db);
/* The last error, on one line */
const char *db_errmsg(Db *db);
/* Did the last error come from a statement over its time (SQLite's
 * interrupt, PostgreSQL's statement_timeout)? */
int  db_timed_out(Db *db);
/* On PostgreSQL: every statement cancelled after ms milliseconds (0: none) */
int  db_set_timeout(Db *db, int ms);
/* A number that moves when another connection commits a change (0 on
 * error): what a cache of answers is checked against */
long long db_version(Db *db);

/* A statement; NULL with db_errmsg.  stream: rows are fetched one at a
 * time (an export of millions), and no other statement of db runs until
 * this one is finalized; without it every row is read at the first step
 * (PostgreSQL) and statements may nest. */
DbStmt *db_prepare(Db *db, const char *sql, int stream);
/* ?i (from 1) as text (copied) or a number; unbound ones are NULL */
void db_bind_text(DbStmt *q, int i, const char *v);
void db_bind_int64(DbStmt *q, int i, long long v);
/* vals[0..n) as ?1..?n (a filter's values, Params) */
void db_bind_all(DbStmt *q, const char *const *vals, int n);
/* DB_ROW, DB_DONE or DB_ERROR (db_errmsg) */
int  db_step(DbStmt *q);
void db_finalize(DbStmt *q);
/* The columns: valid after a step (on SQLite, from the prepare) */
int  db_column_count(DbStmt *q);
const char *db_column_name(DbStmt *q, int c);
/* Of the current row */
int  db_column_type(DbStmt *q, int c);
const char *db_column_text(DbStmt *q, int c);    /* NULL for NULL */
size_t db_column_bytes(DbStmt *q, int c);
long long db_column_int64(DbStmt *q, int c);
double db_column_double(DbStmt *q, int c);

#endif
