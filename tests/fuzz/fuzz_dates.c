/* fuzz_dates.c - date parsing: date_parse, month_from_name and
 * weekday_from_name on the input (in a block of exactly its size, no NUL
 * after it) and on each of its first 64 suffixes, with the calendar's
 * invariants checked (abort when one fails); then the input as an article
 * through read_article, its first line also as the metadata date: the
 * publication-date lines, "Date:" lines and the dateline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dates.h"
#include "fuzz.h"
#include "read.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    fuzz_models(0);   /* the word list, for re-casing */
    return 0;
}

static void check(int ok, const char *what, int ymd)
{
    if (ok) return;
    fprintf(stderr, "fuzz: %s (%d)\n", what, ymd);
    abort();
}

/* a full date (yyyymmdd, not a month and day without a year) */
static void check_date(int ymd)
{
    check(date_make(ymd / 10000, ymd / 100 % 100, ymd % 100) == ymd, "a parsed date date_make refuses", ymd);
    check(date_from_days(date_to_days(ymd)) == ymd, "days and back give another date", ymd);
    int w = date_weekday(ymd);
    check(w >= 0 && w <= 6, "weekday out of range", ymd);
    check(date_weekday(date_from_days(date_to_days(ymd) + 1)) == (w + 1) % 7, "the next day is not the next weekday",
          ymd);
    char iso[11];
    date_format(ymd, iso);
    size_t used;
    check(strlen(iso) == 10 && date_parse(iso, 10, &used) == ymd && used == 10, "date_format does not parse back", ymd);
}

static void parse_at(const char *s, size_t n)
{
    size_t used = (size_t)-1;
    int v = date_parse(s, n, &used);
    check(used <= n, "date_parse used more than it was given", v);
    check(v ? used > 0 : used == 0, "date_parse's used and its result disagree", v);
    if (v >= 10000000) check_date(v);
    else if (v) check(v > 10000 && v % 100 >= 1 && v % 100 <= 31 && v / 100 % 100 >= 1 && v / 100 % 100 <= 12,
                      "a month and day out of range", v);
    int m = month_from_name(s, n), w = weekday_from_name(s, n);
    check(m >= 0 && m <= 12, "month out of range", m);
    check(w >= -1 && w <= 6, "weekday out of range", w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *exact = malloc(size ? size : 1);
    if (!exact) abort();
    if (size) memcpy(exact, data, size);
    for (size_t i = 0; i < size && i < 64; i++) parse_at(exact + i, size - i);
    if (!size) parse_at(exact, 0);
    free(exact);

    /* as an article, its first line also the metadata date */
    char *text = fuzz_str(data, size);
    size_t l = strcspn(text, "\n");
    char *date = fuzz_str(data, l);
    RawDoc raw = {"fuzz.txt", 0, "fuzz", NULL, date, NULL, NULL, text, size, NULL};
    Arena a;
    arena_init(&a);
    Doc d;
    memset(&d, 0, sizeof d);
    char err[256];
    if (!read_article(&d, &a, &raw, fuzz_models(0)->words, err, sizeof err)) {
        if (d.pubdate) check_date(d.pubdate);
    }
    arena_free(&a);
    free(date);
    free(text);
    return 0;
}
