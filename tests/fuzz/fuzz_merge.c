/* fuzz_merge.c - a store file as merge (and migrate) reads it: the input
 * is written as a SQLite database (the seeds are small stores, so that
 * mutations land in their pages: damaged rows, spans that do not fit their
 * body, broken compressed bodies, NULLs where values were) and merged into
 * a new store.  A damaged store must give an error or be merged, never a
 * crash; whatever is merged must be a sound store (integrity_check).
 * The seed is of the store's current schema version (merge refuses an
 * older one at once, and the fuzzer would try nothing but that; store.sh
 * checks it): made again when the schema moves on, by
 *   rm -f s.db && sqlite3 s.db "PRAGMA page_size=512; VACUUM;"
 *   build/herodotus ingest --quiet --db s.db ONE_ARTICLE.jsonl
 *   sqlite3 s.db "PRAGMA journal_mode=DELETE; VACUUM;"
 * (one article of two sentences, a date and an outlet) into
 * tests/fuzz/corpus/merge/one-document.db; or the seed migrated in place:
 *   build/herodotus ingest --quiet --db SEED < /dev/null
 *   sqlite3 SEED "PRAGMA journal_mode=DELETE; VACUUM;" */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "merge.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* (fuzz_file's path is one buffer: each is copied before the next) */
    char in[4096], out[4096];
    snprintf(in, sizeof in, "%s", fuzz_file("in.db", data, size));
    snprintf(out, sizeof out, "%s", fuzz_file("out.db", (const uint8_t *)"", 0));
    remove(out);
    const char *ins[] = {in};
    merge_into("merge", out, ins, 1, 1);
    sqlite3 *db;
    if (sqlite3_open_v2(out, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK) {
            if (sqlite3_step(q) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(q, 0), "ok")) abort();
            sqlite3_finalize(q);
        }
    }
    sqlite3_close(db);
    char wal[4200];
    snprintf(wal, sizeof wal, "%s-wal", out);
    remove(wal);
    snprintf(wal, sizeof wal, "%s-shm", out);
    remove(wal);
    remove(out);
    return 0;
}
