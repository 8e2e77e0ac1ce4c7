/* when.c - stage 6a: the day of an event from its sentence's words */
#include "when.h"
#include <string.h>
#include <strings.h>
#include "dates.h"

static int add_days(int ymd, long n) { return date_from_days(date_to_days(ymd) + n); }

/* the weekday wd (0 Monday) before or on pub (dir 0), strictly before
 * ("last Monday", dir -1), or strictly after (a future event's, or "next
 * Monday", dir 1) */
static int weekday_of(int pub, int wd, int dir)
{
    int pw = date_weekday(pub);
    if (dir > 0) {
        int ahead = (wd - pw + 7) % 7;
        return add_days(pub, ahead ? ahead : 7);
    }
    int back = (pw - wd + 7) % 7;
    if (dir < 0 && back == 0) back = 7;
    return add_days(pub, -back);
}

static int monday_of(int ymd) { return add_days(ymd, -date_weekday(ymd)); }

static int first_of_month(int ymd, int shift)
{
    int y = ymd / 10000, m = ymd / 100 % 100 + shift;
    while (m < 1) m += 12, y--;
    while (m > 12) m -= 12, y++;
    return date_make(y, m, 1);
}

/* "two", "a", "3": a small count, 0 none */
static int count_of(const Token *t)
{
    static const struct { const char *w; uint32_t n; int v; } words[] = {
        {"a", 1, 1},     {"an", 2, 1},    {"one", 3, 1},   {"two", 3, 2},    {"three", 5, 3},
        {"four", 4, 4},  {"five", 4, 5},  {"six", 3, 6},   {"seven", 5, 7},  {"eight", 5, 8},
        {"nine", 4, 9},  {"ten", 3, 10},  {"eleven", 6, 11}, {"twelve", 6, 12}};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (t->n == words[k].n && ((unsigned char)t->s[0] | 0x20) == (unsigned char)words[k].w[0] &&
            !strncasecmp(t->s, words[k].w, t->n))
            return words[k].v;
    if (t->n <= 2 && t->n && t->s[0] >= '0' && t->s[0] <= '9') {
        int v = 0;
        for (uint32_t k = 0; k < t->n; k++) {
            if (t->s[k] < '0' || t->s[k] > '9') return 0;
            v = v * 10 + (t->s[k] - '0');
        }
        return v;
    }
    return 0;
}

/* days in a unit word ("days", "week"), 0 none */
static int unit_days(const Token *t)
{
    if (tok_is(t, "day") || tok_is(t, "days")) return 1;
    if (tok_is(t, "week") || tok_is(t, "weeks")) return 7;
    return 0;
}

/* A written date over tokens from i ("May 12", "May 12, 2024", "12th May
 * 2024", "2024-05-12"): the tokens joined by spaces are read by
 * date_parse; *ntok gets how many it used.  Without a year, the year of
 * publication (the year before when that puts it more than a week after
 * publication). */
static int written_date(const Sentence *s, uint32_t i, int pub, uint32_t *ntok)
{
    char buf[96];
    size_t len = 0, ends[6];
    uint32_t k = 0;
    for (; k < 6 && i + k < s->ntok; k++) {
        const Token *t = &s->tok[i + k];
        if (len + t->n + 2 > sizeof buf) break;
        if (k) buf[len++] = ' ';
        memcpy(buf + len, t->s, t->n);
        len += t->n;
        ends[k] = len;
    }
    buf[len] = '\0';
    size_t used = 0;
    int v = date_parse(buf, len, &used);
    if (!v || !used) return 0;
    uint32_t n = 0;
    while (n < k && ends[n] < used) n++;
    *ntok = n + 1;
    if (v >= 10000000) return v;
    if (!pub) return 0;
    int y = pub / 10000, m = v / 100 % 100, d = v % 100;
    int c = date_make(y, m, d);
    if (c && date_to_days(c) > date_to_days(pub) + 7) c = date_make(y - 1, m, d);
    return c;
}

static When found(int ymd, uint32_t start, uint32_t end) { return (When){ymd, start, end}; }

When when_at(const Sentence *s, uint32_t i, int pub, int future)
{
    When none = {0, i, i};
    if (i >= s->ntok) return none;
    const Token *t = &s->tok[i];
    const Token *nx = i + 1 < s->ntok ? &s->tok[i + 1] : NULL, *nx2 = i + 2 < s->ntok ? &s->tok[i + 2] : NULL;
    uint32_t used = 0;
    /* a written date: a month's name (capitalised: not "may" or "march")
     * then a day, a day then a month, an ISO date */
    if (((t->flags & TOK_CAP) && month_from_name(t->s, t->n) && nx && (nx->flags & TOK_NUM)) ||
        ((t->flags & TOK_NUM) && nx && month_from_name(nx->s, nx->n) && (nx->flags & TOK_CAP)) ||
        ((t->flags & TOK_NUM) && t->n == 10 && t->s[4] == '-' && t->s[7] == '-')) {
        int v = written_date(s, i, pub, &used);
        if (v) return found(v, i, i + used);
    }
    if (!pub) return none;
    /* a weekday, "last Monday", "next Friday", "this Tuesday" */
    int dir = future ? 1 : 0, shift = 0;
    const Token *w = t;
    if (nx && (tok_is(t, "last") || tok_is(t, "next") || tok_is(t, "this"))) {
        dir = tok_is(t, "last") ? -1 : tok_is(t, "next") ? 1 : dir;
        w = nx;
        shift = 1;
    }
    int wd = weekday_from_name(w->s, w->n);
    if (wd >= 0 && (w->flags & TOK_CAP)) {
        uint32_t end = i + 1 + (uint32_t)shift;
        /* "Monday night", "Tuesday morning" */
        if (end < s->ntok && (tok_is(&s->tok[end], "night") || tok_is(&s->tok[end], "morning") ||
                              tok_is(&s->tok[end], "afternoon") || tok_is(&s->tok[end], "evening")))
            end++;
        return found(weekday_of(pub, wd, dir), i, end);
    }
    if (tok_is(t, "yesterday")) return found(add_days(pub, -1), i, i + 1);
    if (tok_is(t, "today") || tok_is(t, "tonight")) return found(pub, i, i + 1);
    if (tok_is(t, "tomorrow")) return found(add_days(pub, 1), i, i + 1);
    if (nx && tok_is(t, "last") && tok_is(nx, "night")) return found(add_days(pub, -1), i, i + 2);
    if (nx && tok_is(t, "this") && (tok_is(nx, "morning") || tok_is(nx, "afternoon") || tok_is(nx, "evening")))
        return found(pub, i, i + 2);
    /* a period: "last week", "earlier this month", "next year", "this week" */
    uint32_t at = i;
    if (tok_is(t, "earlier") || tok_is(t, "later")) at = i + 1;
    if (at + 1 < s->ntok) {
        const Token *a = &s->tok[at], *p = &s->tok[at + 1];
        int which = tok_is(a, "last") ? -1 : tok_is(a, "next") ? 1 : tok_is(a, "this") ? 0 : 2;
        if (which != 2 && (which == 0 || at == i)) {
            if (tok_is(p, "week")) return found(add_days(monday_of(pub), 7 * which), i, at + 2);
            if (tok_is(p, "month")) return found(first_of_month(pub, which), i, at + 2);
            /* "this year", "last year": too wide to stand for a day */
        }
    }
    /* "three days ago", "a week ago" (not months or years: too wide) */
    int n = count_of(t);
    if (n && nx && nx2 && unit_days(nx) && tok_is(nx2, "ago")) return found(add_days(pub, -(long)n * unit_days(nx)), i, i + 3);
    return none;
}

/* Might a date expression start at token i?  Most words start none: a
 * month's or a weekday's name, a number, "ago" two words on, or one of the
 * few lower-case words one starts with. */
static int may_start(const Sentence *s, uint32_t i)
{
    const Token *t = &s->tok[i];
    if (t->n < 1 || t->n > 10) return 0;
    if (t->flags & TOK_NUM) return 1;
    if (i + 2 < s->ntok && tok_is(&s->tok[i + 2], "ago")) return 1;
    unsigned char c = (unsigned char)(t->s[0] | 0x20);
    if (t->flags & TOK_CAP) {
        /* January ... December, Monday ... Sunday; "Last", "This" at a sentence's start */
        if (c == 'j' || c == 'f' || c == 'm' || c == 'a' || c == 's' || c == 'o' || c == 'n' || c == 'd' || c == 't' ||
            c == 'w' || c == 'l' || c == 'y' || c == 'e')
            return 1;
        return 0;
    }
    switch (c) {   /* by the first letter: one or two words to compare */
    case 'y': return tok_is(t, "yesterday");
    case 't': return tok_is(t, "today") || tok_is(t, "tonight") || tok_is(t, "tomorrow") || tok_is(t, "this");
    case 'l': return tok_is(t, "last") || tok_is(t, "later");
    case 'n': return tok_is(t, "next");
    case 'e': return tok_is(t, "earlier");
    default: return 0;
    }
}

void when_find(Sentence *s, Arena *a, int pub)
{
    if (s->dates_found) return;
    uint32_t n = 0, *at = NULL;
    for (uint32_t i = 0; i < s->ntok; i++) {
        if (!may_start(s, i)) continue;
        When w = when_at(s, i, pub, 0);
        if (!w.ymd) continue;
        if (!at) at = arena_alloc(a, (s->ntok + 1) * sizeof *at);
        at[n++] = i;
        i = w.end - 1;   /* "last Monday": not "Monday" again */
    }
    s->dates = at;
    s->ndates = n;
    s->dates_found = 1;
}

/* Is token i inside a relative clause between commas (", who withdrew
 * the bill last week,") that token near is outside of? */
static int in_other_relative(const Sentence *s, uint32_t i, uint32_t near)
{
    uint32_t open, close;
    return relative_aside(s, i, &open, &close) && (near < open || near >= close);
}

When when_near(Sentence *s, Arena *a, uint32_t near, int pub, int future)
{
    /* a day named after a verb to come is its day ("will meet on Monday");
     * one before it is not ("said on Monday it will send") */
    when_find(s, a, pub);
    When best = {0, 0, 0};
    uint32_t bestdist = UINT32_MAX;
    for (uint32_t k = 0; k < s->ndates; k++) {
        uint32_t i = s->dates[k], dist = i > near ? i - near : near - i;
        if (dist >= bestdist || in_other_relative(s, i, near)) continue;
        When w = when_at(s, i, pub, future && i > near);
        if (w.ymd) bestdist = dist, best = w;
    }
    return best;
}
