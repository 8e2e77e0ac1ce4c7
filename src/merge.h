/* merge.h - herodotus merge: stores put together into one (the parts of a
 * sharded run, shard.h), document by document in the order given, as one
 * ingest of the same inputs would have stored them. */
#ifndef HERODOTUS_MERGE_H
#define HERODOTUS_MERGE_H

int merge_main(int argc, char **argv);
/* The stores in[0..nin) into the store at out (a file or postgresql://...),
 * in order; the summary on stderr (unless quiet, and on an error) under
 * the command's name cmd ("merge").  0, or 1. */
int merge_into(const char *cmd, const char *out, const char *const *in, int nin, int quiet);
/* herodotus migrate --from FILE.db --to postgresql://...: a store moved */
int migrate_main(int argc, char **argv);

#endif
