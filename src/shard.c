/* shard.c - inputs cut into balanced parts (shard.h) */
#include "shard.h"
#include "buf.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int shard_spec(const char *s, int *k, int *n)
{
    char *e;
    errno = 0;
    long a = strtol(s, &e, 10);
    if (e == s || *e != '/' || errno) return -1;
    const char *t = e + 1;
    long b = strtol(t, &e, 10);
    if (e == t || *e || errno || a < 1 || b < 1 || a > b || b > 100000) return -1;
    *k = (int)a;
    *n = (int)b;
    return 0;
}

static int is_jsonl(const char *path)
{
    size_t n = strlen(path);
    return n >= 6 && !strcmp(path + n - 6, ".jsonl");
}

/* where shard k of n starts in a stream of total bytes (k = n + 1: its end) */
static long long cut(long long total, int k, int n)
{
    long long i = k - 1;
    return total / n * i + total % n * i / n;
}

/* The first line start at or after byte x of f (size bytes): x itself when
 * a line starts there, else the byte after the next newline. */
static long long line_start(FILE *f, long long x, long long size)
{
    if (x <= 0) return 0;
    if (x >= size) return size;
    if (fseeko(f, (off_t)(x - 1), SEEK_SET)) return -1;
    long long at = x - 1;
    int ch;
    while ((ch = getc(f)) != EOF) {
        at++;
        if (ch == '\n') return at;
    }
    return ferror(f) ? -1 : size;
}

/* the shard (1..n) whose run holds byte x of the stream; x = total: n */
static int shard_at(long long x, long long total, int n)
{
    if (x >= total) return n;
    int k = (int)((long double)x * n / (long double)total) + 1;
    if (k < 1) k = 1;
    if (k > n) k = n;
    while (k > 1 && cut(total, k, n) > x) k--;
    while (k < n && cut(total, k + 1, n) <= x) k++;
    return k;
}

long shard_split(const char *const *paths, int npaths, int n, int only, ShardPart *out, int *of, char *err, size_t errsz)
{
    long long total = 0;
    long long *size = malloc(((size_t)npaths + 1) * sizeof *size);
    if (!size) abort();
    for (int i = 0; i < npaths; i++) {
        struct stat sb;
        if (!strcmp(paths[i], "-")) {
            snprintf(err, errsz, "standard input cannot be cut into shards: give files");
            free(size);
            return -1;
        }
        size[i] = stat(paths[i], &sb) == 0 && S_ISREG(sb.st_mode) ? (long long)sb.st_size : 0;
        total += size[i];
    }
    long m = 0;
    long long at = 0;   /* where input i starts in the stream */
    for (int i = 0; i < npaths; at += size[i], i++) {
        long long from = at, to = at + size[i];
        if (!is_jsonl(paths[i]) || !size[i]) {
            int k = shard_at(from, total, n);   /* whole: where its first byte is */
            if (!only || k == only) out[m] = (ShardPart){paths[i], 0, -1}, of[m++] = k;
            continue;
        }
        int k0 = shard_at(from, total, n), k1 = shard_at(to - 1, total, n);
        if (only && (only < k0 || only > k1)) continue;
        if (only) k0 = k1 = only;
        FILE *f = fopen(paths[i], "rb");
        if (!f) {
            snprintf(err, errsz, "%s: cannot open to cut it into shards: %s", paths[i], strerror(errno));
            free(size);
            return -1;
        }
        for (int k = k0; k <= k1; k++) {
            long long a = cut(total, k, n), b = cut(total, k + 1, n);
            long long s = line_start(f, (a > from ? a : from) - from, size[i]);
            long long e = line_start(f, (b < to ? b : to) - from, size[i]);
            if (s < 0 || e < 0) {
                snprintf(err, errsz, "%s: read error while cutting it into shards", paths[i]);
                fclose(f);
                free(size);
                return -1;
            }
            if (s < e) out[m] = (ShardPart){paths[i], s, s == 0 && e == size[i] ? -1 : e}, of[m++] = k;
        }
        fclose(f);
    }
    free(size);
    return m;
}

long shard_read_list(char *text, size_t len, ShardPart *out, long *bad)
{
    long m = 0, line = 0;
    for (char *p = text; p < text + len;) {
        char *nl = memchr(p, '\n', (size_t)(text + len - p)), *e = nl ? nl : text + len;
        char *next = e + 1;
        line++;
        *e = 0;   /* the newline, or the NUL after the text */
        if (e > p && e[-1] == '\r') *--e = 0;
        if (strlen(p) != (size_t)(e - p)) {   /* a NUL byte inside: no path */
            *bad = line;
            return -1;
        }
        if (e > p) {
            ShardPart part = {p, 0, -1};
            char *tab = strchr(p, '\t');
            if (tab) {
                char *end, *s2;
                *tab = 0;
                part.start = strtoll(tab + 1, &end, 10);
                if (end == tab + 1 || *end != '\t' || !*p) {
                    *bad = line;
                    return -1;
                }
                s2 = end + 1;
                part.end = strtoll(s2, &end, 10);
                if (end == s2 || *end || part.start < 0 || part.end < part.start) {
                    *bad = line;
                    return -1;
                }
            }
            out[m++] = part;
        }
        p = next;
    }
    return m;
}

int shard_load_list(const char *list, char **buf, ShardPart **parts, int *n, char *err, size_t errsz)
{
    size_t len;
    if (!(*buf = read_file(list, &len))) {
        snprintf(err, errsz, "--inputs %.200s: cannot read: %s", list, strerror(errno));
        return -1;
    }
    long lines = 1, bad = 0;
    for (size_t i = 0; i < len; i++) lines += (*buf)[i] == '\n';
    ShardPart *more = realloc(*parts, ((size_t)*n + (size_t)lines + 1) * sizeof *more);
    if (!more) abort();
    *parts = more;
    long m = shard_read_list(*buf, len, *parts + *n, &bad);
    if (m < 0) {
        snprintf(err, errsz, "--inputs %.200s:%ld: expected PATH or PATH<TAB>START<TAB>END", list, bad);
        return -1;
    }
    *n += (int)m;
    return 0;
}

const char **shard_whole_paths(const ShardPart *parts, int n, char *err, size_t errsz)
{
    const char **paths = malloc(((size_t)n + 1) * sizeof *paths);
    if (!paths) abort();
    for (int i = 0; i < n; i++) {
        if (parts[i].end >= 0) {
            snprintf(err, errsz, "shard cuts whole inputs: %.200s bytes %lld-%lld is a part already", parts[i].path,
                     parts[i].start, parts[i].end);
            free(paths);
            return NULL;
        }
        paths[i] = parts[i].path;
    }
    return paths;
}
