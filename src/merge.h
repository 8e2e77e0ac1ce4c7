/* merge.h - herodotus merge: stores put together into one (the parts of a
 * sharded run, shard.h), document by document in the order given, as one
 * ingest of the same inputs would have stored them. */
#ifndef HERODOTUS_MERGE_H
#define HERODOTUS_MERGE_H

int merge_main(int argc, char **argv);
/* herodotus migrate --from FILE.db --to postgresql://...: a store moved */
int migrate_main(int argc, char **argv);

#endif
