/* dates.c - civil calendar arithmetic and date parsing */
#include "dates.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return d[m - 1];
}

int date_make(int y, int m, int d)
{
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    return y * 10000 + m * 100 + d;
}

long date_to_days(int ymd)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int)(y * 10000 + m * 100 + d);
}

int date_weekday(int ymd)
{
    long days = date_to_days(ymd);          /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static const char *const MONTHS[] = {"january", "february", "march", "april", "may", "june",
                                     "july", "august", "september", "october", "november", "december"};
static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday",
                                       "friday", "saturday", "sunday"};

int month_from_name(const char *s, size_t n)
{
    if (n && s[n - 1] == '.') n--;
    if (n < 3) return 0;
    for (int i = 0; i < 12; i++) {
        size_t full = strlen(MONTHS[i]);
        if (n == full && strncasecmp(s, MONTHS[i], n) == 0) return i + 1;
        if (n == 3 && strncasecmp(s, MONTHS[i], 3) == 0) return i + 1;
        if (n == 4 && i == 8 && strncasecmp(s, "sept", 4) == 0) return 9;
    }
    return 0;
}

int weekday_from_name(const char *s, size_t n)
{
    for (int i = 0; i < 7; i++)
        if (n == strlen(WEEKDAYS[i]) && strncasecmp(s, WEEKDAYS[i], n) == 0) return i;
    return -1;
}

/* --- a tiny scanner over words and numbers --- */
typedef struct {
    const char *s;
    size_t n, i;
} Scan;

static void skip_sep(Scan *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == ',' || c->s[c->i] == '\t')) c->i++;
}

static int scan_num(Scan *c, int *v, int maxdig)
{
    size_t j = c->i;
    int x = 0, k = 0;
    while (j < c->n && isdigit((unsigned char)c->s[j]) && k < maxdig + 1) x = x * 10 + (c->s[j++] - '0'), k++;
    if (k == 0 || k > maxdig) return 0;
    /* ordinal suffixes */
    if (j + 1 < c->n && (!strncasecmp(c->s + j, "st", 2) || !strncasecmp(c->s + j, "nd", 2) ||
                         !strncasecmp(c->s + j, "rd", 2) || !strncasecmp(c->s + j, "th", 2)))
        j += 2;
    if (j < c->n && isalnum((unsigned char)c->s[j])) return 0;
    c->i = j;
    *v = x;
    return k;
}

static int scan_month(Scan *c)
{
    size_t j = c->i;
    while (j < c->n && isalpha((unsigned char)c->s[j])) j++;
    if (j < c->n && c->s[j] == '.') j++;
    int m = month_from_name(c->s + c->i, j - c->i);
    if (m) c->i = j;
    return m;
}

int date_parse(const char *s, size_t n, size_t *used)
{
    Scan c = {s, n, 0};
    int y = 0, m = 0, d = 0, k;
    *used = 0;
    /* ISO or compact numeric */
    if (n >= 10 && s[4] == '-' && s[7] == '-') {
        /* read within the n bytes only: s need not end in a NUL */
        static const int at[] = {0, 1, 2, 3, 5, 6, 8, 9};
        int ok = 1;
        for (size_t q = 0; q < sizeof at / sizeof *at; q++) ok &= isdigit((unsigned char)s[at[q]]) != 0;
        if (ok) {
            y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
            m = (s[5] - '0') * 10 + (s[6] - '0');
            d = (s[8] - '0') * 10 + (s[9] - '0');
            if (date_make(y, m, d)) {
                *used = 10;
                return date_make(y, m, d);
            }
        }
    }
    if (n >= 8) {
        int all = 1;
        for (int i = 0; i < 8; i++) all &= isdigit((unsigned char)s[i]) != 0;
        if (all && (n == 8 || !isdigit((unsigned char)s[8]))) {
            int v = 0;
            for (int i = 0; i < 8; i++) v = v * 10 + (s[i] - '0');
            if (date_make(v / 10000, v / 100 % 100, v % 100)) {
                *used = 8;
                return v;
            }
        }
    }
    /* Month Day[,] Year */
    if ((m = scan_month(&c)) != 0) {
        skip_sep(&c);
        if (!scan_num(&c, &d, 2)) return 0;
        size_t save = c.i;
        skip_sep(&c);
        if ((k = scan_num(&c, &y, 4)) != 4) {
            c.i = save;
            y = 0;
        }
    } else if (scan_num(&c, &d, 2)) {
        /* Day Month[,] Year */
        skip_sep(&c);
        if (c.i < c.n && (c.s[c.i] == 'o') && c.i + 2 < c.n && !strncmp(c.s + c.i, "of ", 3)) c.i += 3;
        if (!(m = scan_month(&c))) return 0;
        size_t save = c.i;
        skip_sep(&c);
        if ((k = scan_num(&c, &y, 4)) != 4) {
            c.i = save;
            y = 0;
        }
    } else {
        return 0;
    }
    if (!y) {
        /* A date without a year is returned with year 1 (caller resolves). */
        if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
        *used = c.i;
        return 10000 + m * 100 + d;
    }
    int v = date_make(y, m, d);
    if (v) *used = c.i;
    return v;
}

void date_format(int ymd, char out[11])
{
    if (!ymd) {
        out[0] = '\0';
        return;
    }
    unsigned v = (unsigned)ymd;
    snprintf(out, 11, "%04u-%02u-%02u", v / 10000u % 10000u, v / 100u % 100u, v % 100u);
}
