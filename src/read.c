/* read.c - stage 1: metadata, publication date, dateline, furniture */
#include "read.h"
#include "wordlist.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "dates.h"
#include "utf8.h"

typedef struct {
    const char *s;
    size_t n;
} Line;

/* s starts with p, ASCII letters in any case (p is in lower case); most
 * lines differ at the first byte */
static int starts_ci(const char *s, size_t n, const char *p)
{
    for (size_t k = 0; p[k]; k++) {
        if (k >= n) return 0;
        unsigned char c = (unsigned char)s[k];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        if (c != (unsigned char)p[k]) return 0;
    }
    return 1;
}

/* The words of s, counted up to max + 1 (enough to tell "at most max") */
static size_t count_words_to(const char *s, size_t n, size_t max)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n && w <= max; i++) {
        int sp = isspace((unsigned char)s[i]);
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

static int ends_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' ||
                 (unsigned char)s[n - 1] >= 0x80))   /* closing curly quotes */
        n--;
    return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

/* Publication-date line: "Published March 12, 2024 | 9:15 AM",
 * "Updated: 12th Mar, 2024", "Date: 2024-05-14", "date 2024-05-14", or a
 * line that is only a date. */
static int pubdate_line(const char *s, size_t n)
{
    static const char *const keys[] = {"published", "posted", "updated", "last updated",
                                       "date:", "date ", "dated", "first published"};
    size_t i = 0;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
        if (starts_ci(s, n, keys[k])) {
            i = strlen(keys[k]);
            break;
        }
    if (n > 80) return 0;
    while (i < n && (s[i] == ' ' || s[i] == ':' || s[i] == '-' || s[i] == '\t')) i++;
    if (i + 3 <= n && !strncasecmp(s + i, "on ", 3)) i += 3;   /* within the line: "on" may end it */
    /* an optional weekday: "Tuesday, April 9, 2024" */
    size_t j = i;
    while (j < n && isalpha((unsigned char)s[j])) j++;
    if (weekday_from_name(s + i, j - i) >= 0) {
        i = j;
        while (i < n && (s[i] == ',' || s[i] == ' ')) i++;
    }
    size_t used;
    int d = date_parse(s + i, n - i, &used);
    if (!d || d < 10000000) return 0;
    /* the rest may only be a time or separators */
    for (size_t k = i + used; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (isalpha(c) && !(c == 'A' || c == 'P' || c == 'M' || c == 'a' || c == 'p' || c == 'm' ||
                            c == 'T' || c == 'U' || c == 'C' || c == 'G' || c == 'E' || c == 'S'))
            return 0;
    }
    return d;
}

/* Lines a web page puts around an article. */
static int furniture_line(const char *s, size_t n)
{
    static const char *const starts[] = {
        "share this", "share on", "share:", "advertisement", "related:", "related articles",
        "read more", "read also", "subscribe", "sign up", "follow us", "copyright", "(c) ",
        "\xc2\xa9", "all rights reserved", "click here", "skip to", "comments", "print this",
        "email this", "photo:", "image:", "file photo", "watch:", "listen:", "tags:", "topics:",
        "more from", "recommended", "most read", "newsletter", "back to top", "loading"};
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (starts_ci(s, n, starts[k]) && !ends_sentence(s, n)) return 1;
    if (n == 5 && !strncasecmp(s, "share", 5)) return 1;
    /* a copyright notice, sentence or not */
    if (starts_ci(s, n, "copyright") || starts_ci(s, n, "(c) ") || starts_ci(s, n, "\xc2\xa9") ||
        starts_ci(s, n, "all rights reserved"))
        return 1;
    /* menus: short items separated by '|' or bullets */
    const char *bar = memchr(s, '|', n);
    if (bar && memchr(bar + 1, '|', n - (size_t)(bar + 1 - s)) && !ends_sentence(s, n)) return 1;
    /* bylines */
    if ((starts_ci(s, n, "by ") || starts_ci(s, n, "reporting by") || starts_ci(s, n, "editing by") ||
         starts_ci(s, n, "writing by")) &&
        count_words_to(s, n, 14) <= 14 && !ends_sentence(s, n))
        return 1;
    if (starts_ci(s, n, "reporting by") || starts_ci(s, n, "editing by") || starts_ci(s, n, "additional reporting"))
        return 1;
    /* labels: one to three words, no sentence punctuation */
    if (count_words_to(s, n, 3) <= 3 && !ends_sentence(s, n)) return 1;
    return 0;
}

/* Past a dateline's dash at j (-, --, an en or em dash, or with colon a
 * colon) and the spaces after it; j itself when there is none. */
static size_t after_dash(const char *s, size_t n, size_t j, int colon)
{
    size_t at = j;
    if (j < n && s[j] == '-') {
        while (j < n && s[j] == '-') j++;
    } else if (j + 2 < n && (unsigned char)s[j] == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
               ((unsigned char)s[j + 2] == 0x93 || (unsigned char)s[j + 2] == 0x94)) {
        j += 3;
    } else if (colon && j < n && s[j] == ':') {
        j++;
    }
    if (j == at) return at;
    while (j < n && s[j] == ' ') j++;
    return j;
}

/* Dateline at the start of the body: "BEIJING, April 9 (MNA) - ",
 * "NAIROBI (Agency) -- ", "WASHINGTON - ".  Returns the bytes it covers and
 * the place. */
static size_t dateline(const char *s, size_t n, const char **place, size_t *plen, int *month_day, const char **src,
                       size_t *srclen)
{
    *src = NULL;
    *srclen = 0;
    size_t i = 0;
    /* place: upper-case words (letters, spaces, dots, apostrophes, hyphens;
     * a dash after a space is the dateline's: "BAMAKO -- ") */
    while (i < n && (isupper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.' || s[i] == '\'' ||
                     (s[i] == '-' && !(i && s[i - 1] == ' ')) || (unsigned char)s[i] >= 0x80))
        i++;
    size_t pe = i;
    while (pe && s[pe - 1] == ' ') pe--;
    if (pe < 3) return 0;
    for (size_t k = 0; k + 1 < pe; k++)   /* at least two capitals in a row */
        if (isupper((unsigned char)s[k]) && isupper((unsigned char)s[k + 1])) goto ok;
    return 0;
ok:;
    size_t j = pe;
    *month_day = 0;
    /* optional ", Region" (mixed case), then ", Month Day" */
    for (int rounds = 0; rounds < 2 && j < n && s[j] == ','; rounds++) {
        size_t k = j + 1;
        while (k < n && s[k] == ' ') k++;
        size_t used;
        int d = date_parse(s + k, n - k, &used);
        if (d) {
            *month_day = d;
            j = k + used;
            break;
        }
        size_t e = k;
        while (e < n && (isalpha((unsigned char)s[e]) || s[e] == ' ' || s[e] == '.')) e++;
        if (e == k || e - k > 30) break;
        j = e;
    }
    while (j < n && s[j] == ' ') j++;
    if (j < n && s[j] == ',') {   /* "KYIV, (Agency - Outlet - 14th May, 2024)" */
        size_t k = j + 1;
        while (k < n && s[k] == ' ') k++;
        if (k < n && s[k] == '(') j = k;
    }
    int bracketed = 0;
    if (j < n && (s[j] == '(' || s[j] == '/')) {
        /* "(Reuters)", "/Agency/", "(Agency - Outlet / Other Outlet - 14th May, 2024)":
         * the agencies and outlets, and a date among them */
        char close = s[j] == '(' ? ')' : '/';
        size_t e = j + 1;
        while (e < n && s[e] != close && e - j < 160) e++;
        if (e >= n || s[e] != close) return 0;
        int dated = 0, listed = close == '/';
        size_t names_end = e;   /* the agencies and outlets: before a date among them */
        for (size_t k = j + 1; k < e; k++) {
            if (s[k] == '/' || (s[k] == '-' && k > j + 1 && s[k - 1] == ' ')) listed = 1;   /* outlets listed */
            if (!isdigit((unsigned char)s[k]) && !isupper((unsigned char)s[k])) continue;
            if (k > j + 1 && isalnum((unsigned char)s[k - 1])) continue;
            size_t used;
            int v = date_parse(s + k, e - k, &used);
            if (v) {
                *month_day = v;
                if (!dated) names_end = k;
                dated = 1;
                k += used;
            }
        }
        size_t b = j + 1;
        while (b < names_end && s[b] == ' ') b++;
        while (names_end > b && (s[names_end - 1] == ' ' || s[names_end - 1] == '-' || s[names_end - 1] == ','))
            names_end--;
        if (names_end > b) *src = s + b, *srclen = names_end - b;
        j = e + 1;
        /* with no dash after it, only a bracket that dates or lists outlets
         * is a dateline's ("NATO (the alliance) Secretary General" is not) */
        bracketed = dated || listed;
        while (j < n && s[j] == ' ') j++;
    }
    /* the dash (or a colon); after agencies in brackets that date or list
     * outlets it may be left out ("KYIV, (Agency - Outlet - 14th May, 2024) Ukraine said") */
    size_t dash = j;
    j = after_dash(s, n, j, 1);
    if (j == dash && !(bracketed && j < n && isupper((unsigned char)s[j]))) return 0;
    *place = s;
    *plen = pe;
    return j;
}

/* A dateline that is a date alone before a dash: "14 May 2024 — ",
 * "May 14, 2024 - ".  Returns the bytes it covers (0 none), its date in
 * *date. */
static size_t date_dateline(const char *s, size_t n, int *date)
{
    size_t used;
    int v = date_parse(s, n, &used);
    if (v < 10000000) return 0;   /* with its year: a bare "14 May" may start a sentence */
    size_t j = used;
    while (j < n && s[j] == ' ') j++;
    size_t dash = j;
    j = after_dash(s, n, j, 0);
    if (j == dash) return 0;
    *date = v;
    return j;
}

/* A short line with a word in lower case ("Chad closes border") is a
 * headline, not a label ("World", "Top Stories") */
static int short_headline(const char *s, size_t n)
{
    if (count_words_to(s, n, 2) < 2 || ends_sentence(s, n) || memchr(s, ':', n)) return 0;   /* "Date: soon": a field */
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || s[i - 1] == ' ') && islower((unsigned char)s[i]) && i + 2 < n && isalpha((unsigned char)s[i + 1]) &&
            isalpha((unsigned char)s[i + 2]))
            return 1;
    return 0;
}

/* Page furniture before a title: a short headline is no label */
static int title_furniture(const char *s, size_t n)
{
    return furniture_line(s, n) && !(count_words_to(s, n, 3) <= 3 && short_headline(s, n));
}

void read_metadata(Doc *d, Arena *a, const RawDoc *raw)
{
    d->arena = a;
    d->file = raw->file;
    d->line = raw->line;
    d->id = raw->id;
    d->url = raw->url;
    d->source = raw->source;
    d->author = raw->author;
    d->title = raw->title;
    d->pubdate = 0;
    d->bad_date = NULL;
    if (raw->date && *raw->date) {
        size_t used;
        d->pubdate = date_parse(raw->date, strlen(raw->date), &used);
        if (d->pubdate < 10000000) {
            d->pubdate = 0;
            d->bad_date = raw->date;
        }
    }
}

/* A word of s[b, e) the spelling list lacks (wl 0) that reads as a name
 * in re-cased text: "chief minister n biren singh", "jiribam district";
 * not part of a hyphenated word ("lathi-charged"), not shaped like an
 * inflection (-ed, -ing, -ly, -s), no digits; an initial ("n") too. */
static int unknown_name(const WordList *list, const char *s, size_t b, size_t e, size_t n, int wl)
{
    size_t len = e - b;
    if (len == 1)   /* an initial before a word */
        return isalpha((unsigned char)s[b]) && s[b] != 'a' && s[b] != 'i' && e + 1 < n && s[e] == ' ' &&
               isalpha((unsigned char)s[e + 1]);
    if (wl) return 0;
    if ((b > 0 && s[b - 1] == '-') || (e < n && s[e] == '-')) return 0;
    for (size_t k = b; k < e; k++)
        if (!isalpha((unsigned char)s[k])) return 0;
    /* "a dharna", "the bandh": a thing, not a name */
    size_t p = b;
    while (p > 0 && s[p - 1] == ' ') p--;
    size_t w0 = p;
    while (w0 > 0 && isalpha((unsigned char)s[w0 - 1])) w0--;
    if ((p - w0 == 1 && (s[w0] | 0x20) == 'a') || (p - w0 == 2 && !strncasecmp(s + w0, "an", 2)) ||
        (p - w0 == 3 && !strncasecmp(s + w0, "the", 3)))
        return 0;
    if (len < 3) return 0;
    static const char *const ends[] = {"ed", "ing", "ly", "s", NULL};
    for (int q = 0; ends[q]; q++) {
        size_t l = strlen(ends[q]);
        if (len > l && !memcmp(s + e - l, ends[q], l)) return 0;
    }
    /* a British spelling of a word the list has ("defence", "organisation"):
     * last, as it looks words up */
    if (len > 4 && len < 40) {
        static const char *const from[] = {"ence", "our", "ise", "isation", "yse", "tre", "ogue", NULL};
        static const char *const to[] = {"ense", "or", "ize", "ization", "yze", "ter", "og", NULL};
        char w[48];
        for (int v = 0; from[v]; v++) {
            size_t fl = strlen(from[v]), tl = strlen(to[v]);
            for (size_t at = 0; at + fl <= len; at++) {
                if (memcmp(s + b + at, from[v], fl)) continue;
                if (len - fl + tl >= sizeof w) continue;
                memcpy(w, s + b, at);
                memcpy(w + at, to[v], tl);
                memcpy(w + at + tl, s + b + at + fl, len - at - fl);
                if (wordlist_case(list, w, len - fl + tl)) return 0;
            }
        }
    }
    return 1;
}

/* Text written all in lower case (some feeds) or all in capitals (wire
 * alerts) is re-cased before coding, in place (same bytes), so that names
 * are names again: sentence starts get a capital, words the spelling list
 * writes only with a capital get one ("mississippi", "moscow" ->
 * "Mississippi", "Moscow"), words it writes only in capitals become
 * capitals ("nato" -> "NATO").  Returns 1 when the text was re-cased. */
static int recase(const WordList *list, char *s, size_t n)
{
    size_t up = 0, low = 0, words = 0, inner = 0;   /* inner: words with a capital not starting a sentence */
    int at_start = 1;
    for (size_t i = 0; i < n;) {
        if (!isalnum((unsigned char)s[i])) {
            /* a sentence ends at . ! ? before a space: not inside "U.S." */
            if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && (i + 1 == n || isspace((unsigned char)s[i + 1])))
                at_start = 1;
            i++;
            continue;
        }
        size_t b = i;
        int cap = 0;
        for (; i < n && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '\'' || s[i] == '-'); i++) {
            if (s[i] == '.' && (i + 1 == n || !isalnum((unsigned char)s[i + 1]))) break;
            up += s[i] >= 'A' && s[i] <= 'Z', low += s[i] >= 'a' && s[i] <= 'z';
            cap |= s[i] >= 'A' && s[i] <= 'Z';
        }
        words++;
        if (cap && !at_start && !(i - b == 1 && s[b] == 'I')) inner++;
        at_start = 0;
        /* ordinary text: once neither count below can come true, whatever
         * the rest of the line holds (at most one word in two bytes, every
         * byte a letter), stop reading it */
        if (low * 100 >= (up + low + (n - i)) * 3 && inner * 50 > words + (n - i) / 2 + 1) return 0;
    }
    /* all capitals, or no capital but (perhaps) each sentence's first */
    int caps = low * 100 < (up + low) * 3, lower = inner * 50 <= words;
    if (up + low < 20 || (!caps && !lower)) return 0;
    if (up > low)
        for (size_t i = 0; i < n; i++) s[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    int start = 1;
    for (size_t i = 0; i < n;) {
        if (!isalnum((unsigned char)s[i])) {
            if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == '\n') start = 1;
            i++;
            continue;
        }
        size_t b = i;
        while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '\'')) i++;
        size_t e = i;
        if (e - b > 2 && s[e - 2] == '\'' && s[e - 1] == 's') e -= 2;   /* "russia's" */
        int wl = wordlist_case(list, s + b, e - b);
        if ((wl & WL_UPPER) && !(wl & (WL_LOWER | WL_CAPITAL)))
            for (size_t k = b; k < e; k++) s[k] = (char)toupper((unsigned char)s[k]);
        else if (start || ((wl & WL_CAPITAL) && !(wl & WL_LOWER)) || unknown_name(list, s, b, e, n, wl))
            s[b] = (char)toupper((unsigned char)s[b]);
        start = 0;
    }
    return 1;
}

int read_article(Doc *d, Arena *a, const RawDoc *raw, const WordList *words, char *err, size_t errsz)
{
    read_metadata(d, a, raw);
    size_t valid = utf8_valid_prefix(raw->text, raw->len);
    if (valid != raw->len) {
        size_t lineno = 1;
        for (size_t i = 0; i < valid; i++) lineno += raw->text[i] == '\n';
        snprintf(err, errsz, "invalid UTF-8 at byte %zu (text line %zu)", valid, lineno);
        return -1;
    }
    /* split into lines (after a byte-order mark, which is no text) */
    size_t bom = utf8_bom(raw->text, raw->len);
    const char *t = raw->text + bom;
    size_t n = raw->len - bom, nl = 1;
    for (const char *p = t, *end = t + n; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) nl++;
    Line *lines = arena_alloc(a, nl * sizeof *lines);
    size_t k = 0;
    for (size_t start = 0; k < nl; k++) {
        const char *nlp = memchr(t + start, '\n', n - start);
        size_t b = start, e = nlp ? (size_t)(nlp - t) : n;
        start = e + 1;
        while (b < e && isspace((unsigned char)t[b])) b++;
        while (e > b && isspace((unsigned char)t[e - 1])) e--;
        lines[k].s = t + b;
        lines[k].n = e - b;
    }
    /* title: the first line that is no page furniture (a menu, a date, a
     * byline), when it is short and no sentence */
    size_t first = 0;
    while (first < nl && lines[first].n == 0) first++;
    if (first == nl) {
        snprintf(err, errsz, "no text");
        return -1;
    }
    while (first + 1 < nl && (lines[first].n == 0 || pubdate_line(lines[first].s, lines[first].n) ||
                              title_furniture(lines[first].s, lines[first].n)))
        first++;
    size_t nonempty = 0;
    for (size_t i = first; i < nl; i++) nonempty += lines[i].n > 0;
    if (nonempty > 1 && lines[first].n < 200 && !ends_sentence(lines[first].s, lines[first].n) &&
        !pubdate_line(lines[first].s, lines[first].n) && !title_furniture(lines[first].s, lines[first].n)) {
        /* a headline line: taken as the title unless metadata gave one, and
         * then dropped only when it repeats that title */
        if (!d->title) {
            d->title = arena_strndup(a, lines[first].s, lines[first].n);
            lines[first].n = 0;
        } else if (strlen(d->title) == lines[first].n && !memcmp(d->title, lines[first].s, lines[first].n)) {
            lines[first].n = 0;
        }
    }
    /* publication date and furniture; body paragraphs */
    char *body = arena_alloc(a, n + 2);
    size_t bl = 0, recased = 0;
    int dl_done = 0, dl_monthday = 0;
    for (size_t i = 0; i < nl; i++) {
        const char *s = lines[i].s;
        size_t ln = lines[i].n;
        if (!ln) {
            if (bl && body[bl - 1] != '\n') body[bl++] = '\n';
            continue;
        }
        int pd = pubdate_line(s, ln);
        if (pd) {
            if (!d->pubdate) d->pubdate = pd;
            continue;
        }
        if (!bl && ln < 80 && starts_ci(s, ln, "date:")) {
            /* a metadata line whose date is none: reported, not text */
            size_t v = 5;
            while (v < ln && (s[v] == ' ' || s[v] == '\t')) v++;
            if (!d->bad_date && !d->pubdate) d->bad_date = arena_strndup(a, s + v, ln - v);
            continue;
        }
        if (furniture_line(s, ln)) continue;
        if (!dl_done) {
            const char *pl, *src;
            size_t plen, srclen, used = dateline(s, ln, &pl, &plen, &dl_monthday, &src, &srclen);
            dl_done = 1;
            if (used) {
                d->place = arena_strndup(a, pl, plen);
                /* the agencies and outlets it names are the source when the metadata gives none */
                if (!d->source && srclen) d->source = arena_strndup(a, src, srclen);
                s += used;
                ln -= used;
            } else if ((used = date_dateline(s, ln, &dl_monthday)) != 0) {
                s += used;   /* "14 May 2024 — ": a date with no place */
                ln -= used;
            }
        }
        if (bl && body[bl - 1] != '\n') body[bl++] = ' ';   /* same paragraph */
        memcpy(body + bl, s, ln);
        /* each line on its own: a wire alert's lede in capitals above a
         * body in ordinary case */
        if (recase(words, body + bl, ln)) recased += ln;
        bl += ln;
    }
    /* "\n" in body separates paragraphs; lines of one paragraph were joined */
    while (bl && (body[bl - 1] == '\n' || body[bl - 1] == ' ')) bl--;
    body[bl] = '\0';
    /* the document reads caseless when most of it was re-cased */
    d->caseless = (uint8_t)(recased * 2 > bl);
    d->body = body;
    d->body_len = (uint32_t)bl;
    if (!d->pubdate && dl_monthday >= 10000000) d->pubdate = dl_monthday;
    if (bl == 0) {
        snprintf(err, errsz, "no article text after removing title and page furniture");
        return -1;
    }
    return 0;
}
