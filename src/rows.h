/* rows.h - printing SQL result rows as a table, CSV or JSON Lines */
#ifndef HERODOTUS_ROWS_H
#define HERODOTUS_ROWS_H
#include <stdio.h>
#include <stddef.h>
#include "buf.h"
#include "db.h"

enum { ROWS_TABLE, ROWS_CSV, ROWS_JSONL, ROWS_TSV };

/* NULL: table on a terminal, else CSV.  -1 when unknown. */
int rows_format(const char *name);
/* Run sql with the values bound as text (?1 ...), print every row. */
int rows_run(Db *db, const char *sql, const char **vals, int nvals, int format, FILE *out, char *err,
             size_t errsz);
/* Columns [from, to) of q's current row as JSON members, "name":value
 * separated by commas (numbers as numbers, NULL as null) */
void rows_json_fields(Buf *o, DbStmt *q, int from, int to);
/* print "herodotus CMD: msg" and the help hint; returns 2 */
int rows_usage(const char *cmd, const char *msg);

#endif
