/* fuzz_fulltext.c - the words of a --text query as the full-text index
 * reads them (fulltext.h): the input up to its first NUL is the words,
 * the rest a sentence.  hd_terms must give a query FTS5 parses (any text:
 * quotes, operators, NUL-free bytes of any kind) and which finds the
 * sentence, indexed as the store indexes one, whenever hd_has_runs says
 * the sentence holds every word; abort when it does not. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fulltext.h"
#include "fuzz.h"

static sqlite3 *db;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK || fulltext_functions(db) ||
        sqlite3_exec(db, "CREATE VIRTUAL TABLE f USING fts5(text, ym, content='', columnsize=0, detail=none)", NULL, NULL,
                     NULL) != SQLITE_OK) {
        fprintf(stderr, "fuzz: %s\n", sqlite3_errmsg(db));
        abort();
    }
    return 0;
}

static int one_int(const char *sql, const char *a, int alen, const char *b, int blen)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "fuzz: %s\n%s\n", sqlite3_errmsg(db), sql);
        abort();
    }
    sqlite3_bind_text(st, 1, a, alen, SQLITE_STATIC);
    if (b) sqlite3_bind_text(st, 2, b, blen, SQLITE_STATIC);
    int rc = sqlite3_step(st), v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    if (rc != SQLITE_ROW) {
        fprintf(stderr, "fuzz: %s\n%s\n", sqlite3_errmsg(db), sql);
        abort();
    }
    sqlite3_finalize(st);
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *d = (const char *)data;
    const char *nul = memchr(d, '\0', size);
    int wlen = nul ? (int)(nul - d) : (int)size;
    const char *s = nul ? nul + 1 : "";
    int slen = nul ? (int)(size - (size_t)(nul + 1 - d)) : 0;
    /* the sentence alone, under the month token of April 2024 */
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) abort();
    one_int("INSERT INTO f(rowid, text, ym) VALUES(1, ?1, char(57344) || '202404') RETURNING 1", s, slen, NULL, 0);
    int found = one_int("SELECT count(*) FROM f WHERE f MATCH hd_terms(?1)", d, wlen, NULL, 0);
    int month = one_int("SELECT count(*) FROM f WHERE f MATCH (hd_terms(?1) || ' AND \"' || char(57344) || '202404\"')",
                        d, wlen, NULL, 0);
    int runs = one_int("SELECT hd_runs(?1)", d, wlen, NULL, 0);
    int has = one_int("SELECT hd_has_runs(?2, ?1)", d, wlen, s, slen);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    if (found != month || (has && !found) || runs < 0 || runs > 1) {
        fprintf(stderr, "fuzz: found %d, in its month %d, read again %d\n", found, month, has);
        abort();
    }
    return 0;
}
