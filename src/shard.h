/* shard.h - inputs split into N balanced parts, for coding on a cluster:
 * `herodotus shard` lists them, `code`/`ingest --shard K/N` take part K.
 *
 * The inputs, in the order given, are one stream of bytes cut into N runs
 * of about the same size.  A file of one article belongs to the part its
 * first byte falls in; a JSON Lines file is cut between lines (a line
 * belongs to the part its first byte falls in), so a single large file
 * spreads over every part.  Every process computes the same parts from the
 * same inputs: parts 1..N together are every input once, in order. */
#ifndef HERODOTUS_SHARD_H
#define HERODOTUS_SHARD_H
#include <stddef.h>

typedef struct ShardPart {
    const char *path;
    long long start, end;   /* bytes [start, end) of a JSON Lines file; end < 0: the whole input */
} ShardPart;

/* "K/N" (1 <= K <= N <= 100000) into *k, *n: 0, or -1 when it is not one */
int shard_spec(const char *s, int *k, int *n);

/* The parts of shard `only` of n (1..n), or of every shard (only = 0),
 * of the inputs paths[0..npaths), in order, into out (room for npaths + n)
 * with each one's shard in of; returns how many, or -1 with why in err (a
 * JSON Lines file that cannot be read to find where its lines start;
 * standard input, which cannot be cut).  An input that cannot be opened is
 * a whole part of the shard its position falls in: reading it reports it
 * there. */
long shard_split(const char *const *paths, int npaths, int n, int only, ShardPart *out, int *of, char *err, size_t errsz);

/* A list of inputs (--inputs; what shard --out writes): a line each,
 * "PATH" or "PATH<TAB>START<TAB>END" (bytes [START, END) of a JSON Lines
 * file); blank lines skipped, a CR before the newline dropped.  text
 * must have a NUL at text[len]; the paths point into it, cut into strings.  Into out (room for a part
 * a line: the newlines + 1); returns how many, or -1 with the bad line's
 * number in *bad. */
long shard_read_list(char *text, size_t len, ShardPart *out, long *bad);

/* --inputs LIST: the list file read (kept in *buf, which the paths point
 * into: free it after) and its inputs appended to the malloc'd array
 * *parts of *n.  0, or -1 with why in err ("--inputs LIST:3: expected ..."). */
int shard_load_list(const char *list, char **buf, ShardPart **parts, int *n, char *err, size_t errsz);

/* The paths of parts[0..n), all whole inputs (malloc'd; free it); NULL
 * with why in err when one is a part already (shard cuts whole inputs). */
const char **shard_whole_paths(const ShardPart *parts, int n, char *err, size_t errsz);

#endif
