/* shardcmd.c - herodotus shard --count N [--out DIR] FILE... (shard.h) */
#include "shardcmd.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "buf.h"
#include "shard.h"

static const char USAGE[] =
    "usage: herodotus shard --count N [--out DIR] [--inputs LIST] FILE...\n"
    "\n"
    "Cut the inputs of code or ingest into N parts of about the same size, in\n"
    "order: a file of one article goes whole to the part its first byte falls\n"
    "in, a .jsonl file is cut between lines.  `code` and `ingest --shard K/N`\n"
    "with the same FILEs take part K (a cluster's job array: one part a task),\n"
    "and `herodotus merge` puts the stores of the parts together.\n"
    "\n"
    "Without --out, prints the parts, one input a line: K, then PATH, or PATH,\n"
    "START and END for bytes [START, END) of a .jsonl file (tab-separated).\n"
    "With --out DIR, writes DIR/shard-K.txt for K = 1..N, each the list of its\n"
    "inputs in the form `--inputs` reads (PATH, or PATH START END); a part with\n"
    "no input gets an empty list.  --inputs LIST: the files named in LIST too,\n"
    "one a line (for more than a command line holds).  A summary goes to stderr.\n";

static int usage_error(const char *msg)
{
    fprintf(stderr, "herodotus shard: %s\n(see herodotus shard --help)\n", msg);
    return 2;
}

static void part_line(Buf *b, const ShardPart *p)
{
    buf_puts(b, p->path);
    if (p->end >= 0) buf_printf(b, "\t%lld\t%lld", p->start, p->end);
    buf_putc(b, '\n');
}

static long long part_bytes(const ShardPart *p)
{
    struct stat sb;
    if (p->end >= 0) return p->end - p->start;
    return stat(p->path, &sb) == 0 ? (long long)sb.st_size : 0;
}

int shard_main(int argc, char **argv)
{
    long n = 0;
    const char *out = NULL, *list = NULL;
    char *listbuf = NULL;
    ShardPart *given = calloc((size_t)argc + 1, sizeof *given);   /* the inputs as given */
    if (!given) abort();
    int np = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(USAGE, stdout);
            free(given);
            return 0;
        } else if (!strcmp(a, "--count") || !strcmp(a, "--out") || !strcmp(a, "--inputs")) {
            if (i + 1 >= argc) {
                free(given);
                return usage_error("option needs a value");
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--out") || !strcmp(a, "--inputs")) {
                if (!strcmp(a, "--out")) out = v;
                else list = v;
                continue;
            }
            char *e;
            errno = 0;
            n = strtol(v, &e, 10);
            if (e == v || *e || errno || n < 1 || n > 100000) {
                free(given);
                return usage_error("--count takes a number of parts, 1 to 100000");
            }
        } else if (a[0] == '-' && a[1]) {
            char msg[256];
            snprintf(msg, sizeof msg, "unknown option '%s'", a);
            free(given);
            return usage_error(msg);
        } else {
            given[np++] = (ShardPart){a, 0, -1};
        }
    }
    if (!n) {
        free(given);
        return usage_error("--count N is required");
    }
    char err[600];
    const char **paths = NULL;
    if ((list && shard_load_list(list, &listbuf, &given, &np, err, sizeof err)) ||
        !(paths = shard_whole_paths(given, np, err, sizeof err))) {
        free(given);
        free(listbuf);
        return usage_error(err);
    }
    free(given);   /* the paths point into argv and listbuf, not into it */
    if (!np) {
        free(paths);
        free(listbuf);
        return usage_error("give the input files (the same, in the same order, as to code or ingest --shard)");
    }
    ShardPart *parts = calloc((size_t)np + (size_t)n, sizeof *parts);
    int *of = calloc((size_t)np + (size_t)n, sizeof *of);
    if (!parts || !of) abort();
    long m = shard_split(paths, np, (int)n, 0, parts, of, err, sizeof err);
    int rc = 0;
    if (m < 0) {
        fprintf(stderr, "herodotus shard: %s\n", err);
        rc = 1;
    } else {
        long long lo = -1, hi = 0, bytes = 0;
        long at = 0;
        Buf b = {0};
        for (int k = 1; k <= n && !rc; k++) {
            long long sum = 0;
            buf_clear(&b);
            for (; at < m && of[at] == k; at++) {
                if (!out) buf_printf(&b, "%d\t", k);
                part_line(&b, &parts[at]);
                sum += part_bytes(&parts[at]);
            }
            bytes += sum;
            if (lo < 0 || sum < lo) lo = sum;
            if (sum > hi) hi = sum;
            if (!out) {
                fwrite(b.data ? b.data : "", 1, b.len, stdout);
                continue;
            }
            char path[4096];
            snprintf(path, sizeof path, "%s/shard-%d.txt", out, k);
            FILE *f = fopen(path, "w");
            if (!f || fwrite(b.data ? b.data : "", 1, b.len, f) != b.len || fclose(f)) {
                fprintf(stderr, "herodotus shard: %s: cannot write: %s\n", path, strerror(errno));
                rc = 1;
            }
        }
        buf_free(&b);
        if (!rc)
            fprintf(stderr, "herodotus shard: %d input%s, %lld bytes in %ld part%s of %lld to %lld bytes%s%s\n", np,
                    np == 1 ? "" : "s", bytes, n, n == 1 ? "" : "s", lo, hi, out ? "; lists in " : "", out ? out : "");
    }
    free(parts);
    free(of);
    free(paths);
    free(listbuf);
    if (fflush(stdout)) rc = 1;
    return rc;
}
