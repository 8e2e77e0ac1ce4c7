/* fuzz_shard.c - the input lists of --inputs through shard_read_list, and
 * the same bytes as a JSON Lines file cut into 1 to 8 parts by shard_split:
 * the parts must cover the file once, in order, each starting a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "shard.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_str(data, size);
    long lines = 1, bad = 0;
    for (size_t i = 0; i < size; i++) lines += text[i] == '\n';
    ShardPart *parts = calloc((size_t)lines + 1, sizeof *parts);
    if (!parts) abort();
    long m = shard_read_list(text, size, parts, &bad);
    if (m < 0 && (bad < 1 || bad > lines)) abort();
    for (long i = 0; i < m; i++)
        if (!parts[i].path[0] || parts[i].path < text || parts[i].path > text + size ||
            (parts[i].end >= 0 && parts[i].start > parts[i].end))
            abort();
    free(parts);
    free(text);

    int n = size ? 1 + data[0] % 8 : 1;
    const char *path = fuzz_file("part.jsonl", data, size);
    const char *paths[] = {path};
    ShardPart out[1 + 8];
    int of[1 + 8];
    char err[256];
    m = shard_split(paths, 1, n, 0, out, of, err, sizeof err);
    if (m < 0) abort();
    long long at = 0;
    for (long i = 0; i < m; i++) {
        long long s = out[i].start, e = out[i].end < 0 ? (long long)size : out[i].end;
        if (s != at || (e <= s && size) || of[i] < 1 || of[i] > n || (i && of[i] <= of[i - 1])) abort();
        if (s > 0 && data[s - 1] != '\n') abort();
        at = e;
    }
    if (size && at != (long long)size) abort();
    /* the part of each shard alone is the same as its part of the whole */
    for (int k = 1; k <= n; k++) {
        ShardPart one[2];
        int ofk[2];
        long mk = shard_split(paths, 1, n, k, one, ofk, err, sizeof err);
        long want = 0;
        for (long i = 0; i < m; i++) want += of[i] == k;
        if (mk != want) abort();
        for (long i = 0, j = 0; i < m; i++)
            if (of[i] == k && (one[j].start != out[i].start || one[j++].end != out[i].end)) abort();
    }
    return 0;
}
