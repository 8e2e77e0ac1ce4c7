/*
 * genreal.c - the realistic benchmark corpus for herodotus (`make bench`).
 *
 * Writes about N megabytes (N * 2^20 bytes, rounded up to the end of an
 * article) of JSON Lines articles, one a line:
 *
 *   {"id":"real-000001","title":"...","date":"2025-03-17","source":"...","text":"..."}
 *
 * Each article has 8 to 25 sentences drawn, without repetition, from the
 * seed sentences in DIR/sentences-*.txt (long wire-style sentences with
 * placeholders), one or two to a paragraph (paragraphs are separated by \n).
 * An article picks two countries from DIR/countries.tsv, a leader for each,
 * a minister, a person, an agency and an organisation from DIR/fills.txt,
 * and keeps them for all its sentences; numbers, weekdays and dates vary
 * from one placeholder to the next.  Most articles open with a dateline
 * (DIR/datelines.txt); titles come from DIR/headlines.txt.  A few sentences
 * are written all in lower case, as some feeds deliver them.
 *
 * Placeholders: {COUNTRY} {DEMONYM} {CAPITAL} {CITY} {TITLE} {LEADER}
 * {LEADERLAST} and the same with 2 for the second country ({COUNTRY2} ...),
 * {MINISTER} {PERSON} {ORG} {AGENCY} {AGENCYSHORT} {WEEKDAY} {MONTH} {DAY}
 * {YEAR} {NUM} {BIGNUM} {PCT} {ORD}; {X:U} is {X} in capitals.  [a|b|c] is one of
 * a, b and c, chosen at random (each may hold placeholders).
 *
 * Output is deterministic: a fixed-seed xorshift64* generator, seeded from
 * the optional third argument.
 *
 * Usage: genreal DIR MEGABYTES [SEED [YEARS [PREFIX]]] > corpus.jsonl
 *
 * With YEARS ("2000-2024"), the archive's shape (`make bench-store`):
 * publication dates spread over those years, and countries drawn by a
 * Zipf law (the r-th most covered one r times less often than the first,
 * in a fixed order that is not the alphabet's), so that some dyads are
 * busy as in real news; ids are PREFIX-000001, ... (default "real").
 */
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* PRNG: xorshift64*, seeded through splitmix64                        */
/* ------------------------------------------------------------------ */

#include "rng.h"

/* ------------------------------------------------------------------ */
/* Lists read from the seed directory                                  */
/* ------------------------------------------------------------------ */

typedef struct {
    char **v;
    unsigned n, cap;
} List;

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "genreal: %s%s%s\n", what, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static char *dupstr(const char *s)
{
    size_t l = strlen(s) + 1;
    char *p = malloc(l);
    if (!p)
        die("out of memory", NULL);
    memcpy(p, s, l);
    return p;
}

static void add(List *l, const char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v)
            die("out of memory", NULL);
    }
    l->v[l->n++] = dupstr(s);
}

static const char *pick(const List *l) { return l->v[rn(l->n)]; }

/* Read DIR/NAME's lines (no comments, no blank lines) into one list, or,
 * when the file has [SECTION] headers, into the list of that section. */
enum { S_FIRST, S_LAST, S_AGENCY, S_ORG, S_SOURCE, S_NSECT };
static const char *const sect_names[S_NSECT] = {"FIRST", "LAST", "AGENCY", "ORG", "SOURCE"};
static List sections[S_NSECT];

static void read_lines(const char *dir, const char *name, List *into)
{
    char path[4096], line[4096];
    List *cur = into;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    while (fgets(line, sizeof line, f)) {
        size_t l = strlen(line);
        while (l > 0 && (line[l - 1] == '\n' || line[l - 1] == '\r' || line[l - 1] == ' '))
            line[--l] = '\0';
        if (l == 0 || line[0] == '#')
            continue;
        if (line[0] == '[') {
            cur = NULL;
            for (int i = 0; i < S_NSECT; i++)
                if (strncmp(line + 1, sect_names[i], strlen(sect_names[i])) == 0 &&
                    line[1 + strlen(sect_names[i])] == ']')
                    cur = &sections[i];
            if (!cur)
                die("unknown section", line);
            continue;
        }
        if (!cur)
            die("line outside a section", path);
        add(cur, line);
    }
    fclose(f);
}

typedef struct {
    char *name, *demonym, *capital, *city, *title;
} Country;

static Country *countries;
static unsigned n_countries;

static void read_countries(const char *dir)
{
    List rows = {0};
    read_lines(dir, "countries.tsv", &rows);
    countries = calloc(rows.n, sizeof *countries);
    if (!countries)
        die("out of memory", NULL);
    for (unsigned i = 0; i < rows.n; i++) {
        char *f[5];
        char *p = rows.v[i];
        for (int k = 0; k < 5; k++) {
            f[k] = p;
            p = strchr(p, '\t');
            if (!p && k < 4)
                die("countries.tsv: a row needs five tab-separated fields", rows.v[i]);
            if (p)
                *p++ = '\0';
        }
        countries[i] = (Country){f[0], f[1], f[2], f[3], f[4]};
    }
    n_countries = rows.n;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* every DIR/sentences-*.txt, in name order */
static void read_sentences(const char *dir, List *into)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    List names = {0};
    if (!d)
        die("cannot open directory", dir);
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (strncmp(e->d_name, "sentences-", 10) == 0 && l > 4 &&
            strcmp(e->d_name + l - 4, ".txt") == 0)
            add(&names, e->d_name);
    }
    closedir(d);
    if (names.n == 0)
        die("no sentences-*.txt in", dir);
    qsort(names.v, names.n, sizeof *names.v, cmp_str);
    for (unsigned i = 0; i < names.n; i++)
        read_lines(dir, names.v[i], into);
}

/* ------------------------------------------------------------------ */
/* Text buffer and substitution                                        */
/* ------------------------------------------------------------------ */

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t l)
{
    if (b->n + l + 1 > b->cap) {
        while (b->n + l + 1 > b->cap)
            b->cap = b->cap ? 2 * b->cap : 4096;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            die("out of memory", NULL);
    }
    memcpy(b->p + b->n, s, l);
    b->n += l;
    b->p[b->n] = '\0';
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

static void put_num(Buf *b, unsigned long v, int commas)
{
    char tmp[32], out[48];
    int len = 0, j = 0;
    do {
        tmp[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && len < 30);
    for (int i = len - 1; i >= 0; i--) {
        out[j++] = tmp[i];
        if (commas && i > 0 && i % 3 == 0)
            out[j++] = ',';
    }
    put(b, out, (size_t)j);
}

typedef struct {
    const Country *c[2];
    char leader[2][64], leaderlast[2][32], minister[64], person[64];
    const char *org, *agency, *agencyshort;
} Cast;

static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const months[] = {"January", "February", "March",     "April",
                                     "May",     "June",     "July",      "August",
                                     "September", "October", "November", "December"};

static void name_person(char *full, size_t fl, char *last, size_t ll)
{
    const char *s = pick(&sections[S_LAST]);
    snprintf(full, fl, "%s %s", pick(&sections[S_FIRST]), s);
    if (last)
        snprintf(last, ll, "%s", s);
}

/* the archive's shape (YEARS given): Zipf-drawn countries */
static double *zipf_cum;   /* cumulative weights by rank; NULL: uniform */

static unsigned zipf_country(void)
{
    double u = (double)rn(1u << 30) / (double)(1u << 30) * zipf_cum[n_countries - 1];
    unsigned r = 0;
    while (r + 1 < n_countries && zipf_cum[r] <= u)
        r++;
    return (r * 37u) % n_countries;   /* rank to row: a fixed order, not the alphabet's */
}

static void new_cast(Cast *k)
{
    unsigned a, b;
    if (zipf_cum) {
        a = zipf_country();
        do
            b = zipf_country();
        while (b == a);
    } else {
        a = rn(n_countries), b = rn(n_countries - 1);
        if (b >= a)
            b++;
    }
    k->c[0] = &countries[a];
    k->c[1] = &countries[b];
    for (int i = 0; i < 2; i++)
        name_person(k->leader[i], sizeof k->leader[i], k->leaderlast[i], sizeof k->leaderlast[i]);
    name_person(k->minister, sizeof k->minister, NULL, 0);
    name_person(k->person, sizeof k->person, NULL, 0);
    k->org = pick(&sections[S_ORG]);
    const char *ag = pick(&sections[S_AGENCY]);
    static char shortname[64];
    const char *bar = strchr(ag, '|');
    if (!bar)
        die("fills.txt: an agency needs short|full", ag);
    snprintf(shortname, sizeof shortname, "%.*s", (int)(bar - ag), ag);
    k->agencyshort = shortname;
    k->agency = bar + 1;
}

/* the value of placeholder NAME (length L) into b */
static void fill(Buf *b, const Cast *k, const char *name, size_t l)
{
    int second = l > 1 && name[l - 1] == '2';
    const Country *c = k->c[second];
    size_t bl = second ? l - 1 : l; /* the name without its 2 */
#define IS(s) (bl == sizeof(s) - 1 && memcmp(name, s, bl) == 0)
    if (IS("COUNTRY"))
        puts_(b, c->name);
    else if (IS("DEMONYM"))
        puts_(b, c->demonym);
    else if (IS("CAPITAL"))
        puts_(b, c->capital);
    else if (IS("CITY"))
        puts_(b, rn(4) == 0 ? c->capital : c->city);
    else if (IS("TITLE"))
        puts_(b, c->title);
    else if (IS("LEADER"))
        puts_(b, k->leader[second]);
    else if (IS("LEADERLAST"))
        puts_(b, k->leaderlast[second]);
    else if (IS("MINISTER"))
        puts_(b, k->minister);
    else if (IS("PERSON"))
        puts_(b, k->person);
    else if (IS("ORG"))
        puts_(b, k->org);
    else if (IS("AGENCY"))
        puts_(b, k->agency);
    else if (IS("AGENCYSHORT"))
        puts_(b, k->agencyshort);
    else if (IS("WEEKDAY"))
        puts_(b, weekdays[rn(7)]);
    else if (IS("MONTH"))
        puts_(b, months[rn(12)]);
    else if (IS("DAY"))
        put_num(b, 1 + rn(28), 0);
    else if (IS("YEAR"))
        put_num(b, 1990 + rn(33), 0);
    else if (IS("NUM"))
        put_num(b, 2 + rn(59), 0);
    else if (IS("BIGNUM"))
        put_num(b, rn(3) == 0 ? 100 * (2 + rn(99)) : 100 + rn(89900), 1);
    else if (IS("PCT")) {
        unsigned t = 1 + rn(99);
        put_num(b, t / 10, 0);
        puts_(b, ".");
        put_num(b, t % 10, 0);
    } else if (IS("ORD")) {
        put_num(b, 4 + rn(16), 0);
        puts_(b, "th");
    } else {
        fprintf(stderr, "genreal: unknown placeholder {%.*s}\n", (int)l, name);
        exit(2);
    }
#undef IS
}

/* the template with its placeholders filled in and one of each [a|b|c]
 * chosen (no nesting of brackets), appended to b */
static void expand(Buf *b, const Cast *k, const char *t)
{
    while (*t) {
        const char *open = strpbrk(t, "{[");
        if (!open) {
            puts_(b, t);
            return;
        }
        put(b, t, (size_t)(open - t));
        if (*open == '[') {
            const char *end = strchr(open, ']');
            unsigned n = 1, want;
            if (!end)
                die("unclosed [", t);
            for (const char *q = open; q < end; q++)
                n += *q == '|';
            want = rn(n);
            const char *alt = open + 1;
            for (; want > 0; want--)
                alt = strchr(alt, '|') + 1;
            const char *alt_end = alt;
            while (alt_end < end && *alt_end != '|')
                alt_end++;
            /* the alternative may hold placeholders: expand a copy */
            char piece[1024];
            snprintf(piece, sizeof piece, "%.*s", (int)(alt_end - alt), alt);
            expand(b, k, piece);
            t = end + 1;
            continue;
        }
        const char *close = strchr(open, '}');
        if (!close)
            die("unclosed placeholder", t);
        const char *colon = memchr(open, ':', (size_t)(close - open));
        size_t start = b->n;
        fill(b, k, open + 1, (size_t)((colon ? colon : close) - open - 1));
        if (colon && colon[1] == 'U')
            for (size_t i = start; i < b->n; i++)
                b->p[i] = (char)toupper((unsigned char)b->p[i]);
        t = close + 1;
    }
}

static void json_str(const char *s, FILE *out, size_t *bytes)
{
    size_t n = 2;
    putc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\') {
            putc('\\', out);
            putc(ch, out);
            n += 2;
        } else if (ch == '\n') {
            fputs("\\n", out);
            n += 2;
        } else if (ch < 0x20) {
            fprintf(out, "\\u%04x", ch);
            n += 6;
        } else {
            putc(ch, out);
            n++;
        }
    }
    putc('"', out);
    *bytes += n;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 6) {
        fprintf(stderr, "usage: genreal DIR MEGABYTES [SEED [YEARS [PREFIX]]] > corpus.jsonl\n");
        return 2;
    }
    const char *dir = argv[1];
    double mb = atof(argv[2]);
    rng_seed(argc > 3 ? strtoull(argv[3], NULL, 10) : 20261203u);
    if (mb <= 0)
        die("MEGABYTES must be positive", argv[2]);
    unsigned y0 = 2023, ny = 4;
    const char *prefix = argc > 5 ? argv[5] : "real";
    if (argc > 4) {
        unsigned a, b;
        if (sscanf(argv[4], "%u-%u", &a, &b) != 2 || a < 1900 || b < a || b > 2100)
            die("YEARS must be FIRST-LAST, e.g. 2000-2024", argv[4]);
        y0 = a, ny = b - a + 1;
    }

    List sents = {0}, datelines = {0}, headlines = {0};
    read_sentences(dir, &sents);
    read_lines(dir, "datelines.txt", &datelines);
    read_lines(dir, "headlines.txt", &headlines);
    read_lines(dir, "fills.txt", NULL);
    read_countries(dir);
    for (int i = 0; i < S_NSECT; i++)
        if (sections[i].n == 0)
            die("fills.txt: empty section", sect_names[i]);
    if (sents.n < 25 || n_countries < 2)
        die("too few seed sentences or countries in", dir);
    if (argc > 4) {
        zipf_cum = malloc(n_countries * sizeof *zipf_cum);
        if (!zipf_cum)
            die("out of memory", NULL);
        for (unsigned r = 0; r < n_countries; r++)
            zipf_cum[r] = (r ? zipf_cum[r - 1] : 0) + 1.0 / (r + 1);
    }

    size_t want = (size_t)(mb * 1048576.0), bytes = 0;
    unsigned *order = malloc(sents.n * sizeof *order);
    Buf text = {0}, sent = {0}, title = {0};
    if (!order)
        die("out of memory", NULL);
    for (unsigned long id = 1; bytes < want; id++) {
        Cast k;
        new_cast(&k);
        unsigned ns = 8 + rn(18);
        /* the first ns of a partial shuffle: no sentence twice in an article */
        for (unsigned i = 0; i < sents.n; i++)
            order[i] = i;
        for (unsigned i = 0; i < ns; i++) {
            unsigned j = i + rn(sents.n - i), t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        text.n = 0;
        puts_(&text, "");
        for (unsigned i = 0; i < ns; i++) {
            if (i > 0)
                puts_(&text, rn(5) < 3 ? "\n" : " ");
            if (i == 0 && rn(10) < 6) {
                expand(&text, &k, pick(&datelines));
                puts_(&text, " ");
            }
            sent.n = 0;
            puts_(&sent, "");
            expand(&sent, &k, sents.v[order[i]]);
            if (rn(50) == 0) /* a feed that lost its capitals */
                for (size_t c = 0; c < sent.n; c++)
                    sent.p[c] = (char)tolower((unsigned char)sent.p[c]);
            puts_(&text, sent.p);
        }
        title.n = 0;
        puts_(&title, "");
        expand(&title, &k, pick(&headlines));

        char idbuf[96], date[16];
        snprintf(idbuf, sizeof idbuf, "%.60s-%06lu", prefix, id);
        snprintf(date, sizeof date, "%04u-%02u-%02u", y0 + rn(ny), 1 + rn(12), 1 + rn(28));
        fputs("{\"id\":", stdout);
        json_str(idbuf, stdout, &bytes);
        fputs(",\"title\":", stdout);
        json_str(title.p, stdout, &bytes);
        fputs(",\"date\":", stdout);
        json_str(date, stdout, &bytes);
        fputs(",\"source\":", stdout);
        json_str(pick(&sections[S_SOURCE]), stdout, &bytes);
        fputs(",\"text\":", stdout);
        json_str(text.p, stdout, &bytes);
        fputs("}\n", stdout);
        bytes += 43; /* the keys, braces, commas and newline */
    }
    return ferror(stdout) ? 1 : 0;
}
