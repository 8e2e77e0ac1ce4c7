/* places.c - the gazetteer and where events happened (places.h) */
#include "places.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>
#include "actors.h"
#include "dyn_geonames.h"
#include "intern.h"

#ifndef ISO_CODES_DEFAULT
#define ISO_CODES_DEFAULT "/usr/share/iso-codes/json/iso_3166-1.json"
#endif

typedef struct City {
    char *name, *region;
    uint16_t country;       /* index in Gazetteer.country */
    float lat, lon;
    uint32_t pop;
    int32_t next;           /* the next (less populous) city of the same name, -1 */
} City;

typedef struct Country {
    char iso3[4], iso2[3];
    char *name;
    double lat, lon, weight;    /* population-weighted centre of its cities */
} Country;

struct Gazetteer {
    City *city;
    uint32_t ncity;
    Country *country;
    uint32_t ncountry;
    U64Map byname;          /* hash of a name's key -> 1 + its most populous city */
    U64Map by2, by3;        /* hash of a country code -> 1 + country */
};

enum { PH_NONE, PH_SENTENCE, PH_DATELINE };

/* A name's key: lower case, accents stripped ("Zürich" -> "zurich"), into
 * out; its length, 0 when it does not fit */
static size_t place_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char a = (unsigned char)s[i];
        if (a < 0x80) {   /* ASCII, most names: no decomposition to look up */
            i++;
            char c = a == '-' ? ' ' : (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
            if (c == ' ' && (!o || out[o - 1] == ' ')) continue;
            if (o + 4 >= cap) return 0;
            out[o++] = c;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        i += (size_t)k;
        utf8proc_int32_t d[8];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD,
                                                      &last);
        for (utf8proc_ssize_t j = 0; j < nd && j < 8; j++) {
            utf8proc_int32_t c = d[j];
            if (c == '-' || c == 0x2019 || c == '\'') c = c == '-' ? ' ' : '\'';
            if (c == ' ' && (!o || out[o - 1] == ' ')) continue;
            if (o + 4 >= cap) return 0;
            o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out + o);
        }
    }
    while (o && out[o - 1] == ' ') o--;
    return o;
}

static uint64_t code_hash(const char *c) { return hash_bytes(c, strlen(c)) | 1; }

static int load_countries(Gazetteer *g, char *err, size_t errsz)
{
    const char *path = getenv("HERODOTUS_ISO_CODES");
    if (!path || !*path) path = ISO_CODES_DEFAULT;
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    json_t *list = root ? json_object_get(root, "3166-1") : NULL;
    if (!json_is_array(list)) {
        snprintf(err, errsz, "%s: cannot read the ISO 3166 countries (package iso-codes)%s%s", path, root ? "" : ": ",
                 root ? "" : je.text);
        json_decref(root);
        return -1;
    }
    g->country = calloc(json_array_size(list) + 1, sizeof *g->country);
    if (!g->country) abort();
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c) {
        const char *a2 = json_string_value(json_object_get(c, "alpha_2")),
                   *a3 = json_string_value(json_object_get(c, "alpha_3")),
                   *nm = json_string_value(json_object_get(c, "common_name"));
        if (!nm) nm = json_string_value(json_object_get(c, "name"));
        if (!a2 || !a3 || !nm || strlen(a2) != 2 || strlen(a3) != 3) continue;
        Country *k = &g->country[g->ncountry];
        memcpy(k->iso2, a2, 3);
        memcpy(k->iso3, a3, 4);
        k->name = strdup(nm);
        u64map_put(&g->by2, code_hash(a2), g->ncountry + 1);
        u64map_put(&g->by3, code_hash(a3), g->ncountry + 1);
        g->ncountry++;
    }
    json_decref(root);
    return 0;
}

static int by_population(const void *a, const void *b)
{
    const City *x = a, *y = b;
    return x->pop < y->pop ? 1 : x->pop > y->pop ? -1 : strcmp(x->name, y->name);
}

Gazetteer *gazetteer_load(char *err, size_t errsz)
{
    Gazetteer *g = calloc(1, sizeof *g);
    if (!g) abort();
    if (load_countries(g, err, errsz) || dyn_load(DYN_GEONAMES, err, errsz)) {
        gazetteer_free(g);
        return NULL;
    }
    int n = geonames_get_n_cities();
    if (n <= 0) {
        snprintf(err, errsz, "libgeonames holds no cities (package libgeonames0)");
        gazetteer_free(g);
        return NULL;
    }
    g->city = calloc((size_t)n, sizeof *g->city);
    if (!g->city) abort();
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        if (!c) continue;
        const char *cc = geonames_city_get_country_code(c), *nm = geonames_city_get_name(c);
        uint32_t k = cc && nm ? u64map_get(&g->by2, code_hash(cc)) : 0;
        if (k) {
            City *x = &g->city[g->ncity++];
            x->name = strdup(nm);
            const char *st = geonames_city_get_state(c);
            x->region = strdup(st ? st : "");
            x->country = (uint16_t)(k - 1);
            x->lat = (float)geonames_city_get_latitude(c);
            x->lon = (float)geonames_city_get_longitude(c);
            x->pop = geonames_city_get_population(c);
        }
        geonames_city_free(c);
    }
    /* most populous first: a name's chain starts with its largest city */
    qsort(g->city, g->ncity, sizeof *g->city, by_population);
    int32_t *tail = malloc(((size_t)g->ncity + 1) * sizeof *tail);
    if (!tail) abort();
    for (uint32_t i = 0; i < g->ncity; i++) {
        City *x = &g->city[i];
        x->next = -1;
        Country *k = &g->country[x->country];
        double w = (double)x->pop + 1;
        k->lat += w * x->lat, k->lon += w * x->lon, k->weight += w;
        char key[256];
        size_t kn = place_key(x->name, strlen(x->name), key, sizeof key);
        if (!kn) continue;
        uint64_t h = hash_bytes(key, kn) | 1;
        uint32_t head = u64map_get(&g->byname, h);
        if (!head) {
            u64map_put(&g->byname, h, i + 1);
            tail[i] = (int32_t)i;
        } else {
            g->city[tail[head - 1]].next = (int32_t)i;
            tail[head - 1] = (int32_t)i;
        }
    }
    free(tail);
    for (uint32_t i = 0; i < g->ncountry; i++)
        if (g->country[i].weight > 0) g->country[i].lat /= g->country[i].weight, g->country[i].lon /= g->country[i].weight;
    return g;
}

void gazetteer_free(Gazetteer *g)
{
    if (!g) return;
    for (uint32_t i = 0; i < g->ncity; i++) free(g->city[i].name), free(g->city[i].region);
    for (uint32_t i = 0; i < g->ncountry; i++) free(g->country[i].name);
    free(g->city);
    free(g->country);
    u64map_free(&g->byname);
    u64map_free(&g->by2);
    u64map_free(&g->by3);
    free(g);
}

int gazetteer_country(const Gazetteer *g, const char *iso3)
{
    if (!g || !iso3 || strlen(iso3) < 3) return -1;
    char c[4] = {iso3[0], iso3[1], iso3[2], 0};
    uint32_t k = u64map_get(&g->by3, code_hash(c));
    return k ? (int)k - 1 : -1;
}

int gazetteer_city(const Gazetteer *g, const char *name, size_t n, const char *iso3)
{
    char key[256];
    size_t kn = place_key(name, n, key, sizeof key);
    if (!g || !kn) return -1;
    uint32_t head = u64map_get(&g->byname, hash_bytes(key, kn) | 1);
    if (!head) return -1;
    /* the chain of that key, most populous first: the first in the
     * wanted country, else the largest */
    int want = gazetteer_country(g, iso3);
    for (int32_t i = (int32_t)head - 1; want >= 0 && i >= 0; i = g->city[i].next)
        if (g->city[i].country == want) return i;
    return (int)head - 1;
}

int gazetteer_city_is_in(const Gazetteer *g, const char *name, size_t n, const char *iso3)
{
    int c = gazetteer_city(g, name, n, iso3), want = gazetteer_country(g, iso3);
    return c >= 0 && want >= 0 && g->city[c].country == want;
}

const char *gazetteer_city_country(const Gazetteer *g, const char *name, size_t n)
{
    int c = gazetteer_city(g, name, n, NULL);
    if (c < 0) return NULL;
    /* "Leon" is Mexico's and Nicaragua's, "Tripoli" Libya's and Lebanon's:
     * none, unless the largest is ten times any other country's */
    for (int32_t i = g->city[c].next; i >= 0; i = g->city[i].next)
        if (g->city[i].country != g->city[c].country && (uint64_t)g->city[i].pop * 10 >= g->city[c].pop) return NULL;
    return g->country[g->city[c].country].iso3;
}

int gazetteer_country_point(const Gazetteer *g, const char *iso3, double *lat, double *lon, const char **name,
                            char iso2[3])
{
    int k = gazetteer_country(g, iso3);
    if (k < 0 || g->country[k].weight <= 0) return -1;
    *lat = g->country[k].lat, *lon = g->country[k].lon, *name = g->country[k].name;
    memcpy(iso2, g->country[k].iso2, 3);
    return 0;
}

const char *gazetteer_country_code(const Gazetteer *g, uint32_t k)
{
    return g && k < g->ncountry ? g->country[k].iso3 : NULL;
}

/* ---- where an event happened ---- */

/* Words that put what follows in a place */
static int place_prep(const Token *t)
{
    static const char *const preps[] = {"in", "at", "near", "outside", "inside", "around", "across", "into",
                                        "throughout", "across", NULL};
    return t->tag == T_IN || t->tag == T_RB ? tok_is_any(t, preps) : 0;
}

/* A place named at token i (after its preposition): the words "the",
 * "northern", "city of", ... skipped; a city or a country.  Returns
 * 1 + city, -(1 + country), 0 none. */
static int32_t place_at(const Sentence *s, uint32_t i, const Gazetteer *g, const char *prefer)
{
    static const char *const skip[] = {"the", "northern", "southern", "eastern", "western", "central", "north",
                                       "south", "east", "west", "northeastern", "northwestern", "southeastern",
                                       "southwestern", "city", "town", "village", "capital", "port", "region",
                                       "province", "district", "of", "occupied", "besieged", "nearby", NULL};
    while (i < s->ntok && !(s->tok[i].flags & TOK_CAP) && tok_is_any(&s->tok[i], skip)) i++;
    if (i >= s->ntok || !(s->tok[i].flags & TOK_CAP)) return 0;
    /* over "de", "del", "da", ... between capitalised words: "Santiago de
     * Cuba", "Rio de Janeiro" */
    uint32_t e = i;
    while (e < s->ntok && e < i + 5 &&
           (((s->tok[e].flags & TOK_CAP) && (s->tok[e].tag == T_NNP || s->tok[e].tag == T_NNPS)) ||
            (e > i && name_goes_on(s, e))))
        e++;
    if (e == i) return 0;
    int m = s->tok[i].mention;
    /* the country the actors stage took it for ("Beijing" is CHN, "Ukraine" UKR) */
    int k = m >= 0 && s->men[m].code && (s->men[m].kind == MK_COUNTRY || s->men[m].is_capital)
                ? gazetteer_country(g, sym_name(s->men[m].code))
                : -1;
    for (uint32_t b = e; b > i; b--) {   /* the longest name the gazetteer knows, in that country if any */
        const char *from = s->tok[i].s, *to = s->tok[b - 1].s + s->tok[b - 1].n;
        int c = gazetteer_city(g, from, (size_t)(to - from), k >= 0 ? g->country[k].iso3 : prefer);
        if (c >= 0 && (k < 0 || g->city[c].country == k)) return c + 1;
    }
    return k >= 0 ? -(k + 1) : 0;   /* a country: "in Ukraine" */
}

/* The article's country: its dateline city's, else the one its actors
 * name most */
static const char *doc_country(const Doc *d, const Gazetteer *g, char out[4])
{
    out[0] = '\0';
    if (d->place) {
        size_t n = strcspn(d->place, ",");
        int c = gazetteer_city(g, d->place, n, NULL);
        if (c >= 0) {
            memcpy(out, g->country[g->city[c].country].iso3, 4);
            return out;
        }
    }
    /* the countries named in the first sentences, counted (a few distinct ones) */
    enum { KINDS = 32 };
    char code[KINDS][4];
    uint32_t count[KINDS], kinds = 0, best = 0;
    for (uint32_t si = 0; si < d->nsent && si < 64; si++) {
        const Sentence *s = &d->sent[si];
        for (uint32_t k = 0; k < s->nmen; k++) {
            if (!s->men[k].code || s->men[k].kind == MK_PRONOUN) continue;
            const char *c = sym_name(s->men[k].code);
            if (strlen(c) < 3) continue;
            uint32_t j = 0;
            while (j < kinds && memcmp(code[j], c, 3)) j++;
            if (j == kinds) {
                if (kinds == KINDS || gazetteer_country(g, c) < 0) continue;
                memcpy(code[j], c, 3), code[j][3] = '\0', count[j] = 0, kinds++;
            }
            if (++count[j] > best) best = count[j], memcpy(out, code[j], 4);
        }
    }
    return out[0] ? out : NULL;
}

void find_places(Doc *d, const Gazetteer *g)
{
    if (!g || !d->nev) return;
    char pref[4];
    const char *prefer = doc_country(d, g, pref);
    int32_t dateline = 0;
    if (d->place) {
        int c = gazetteer_city(g, d->place, strcspn(d->place, ","), prefer);
        if (c >= 0) dateline = c + 1;
    }
    uint32_t cached_sent = UINT32_MAX;
    int32_t cand[32];
    uint32_t cand_tok[32], ncand = 0;
    for (uint32_t k = 0; k < d->nev; k++) {
        Event *e = &d->ev[k];
        const Sentence *s = &d->sent[e->sent];
        if (e->sent != cached_sent) {
            /* the sentence's place phrases, once */
            cached_sent = e->sent;
            ncand = 0;
            for (uint32_t i = 0; i + 1 < s->ntok && ncand < 32; i++) {
                if (!place_prep(&s->tok[i]) || speaker_place(s, i)) continue;   /* not "officials in Nairobi said" */
                int32_t p = place_at(s, i + 1, g, prefer);
                if (p) cand[ncand] = p, cand_tok[ncand++] = i;
            }
        }
        uint32_t near = e->noun ? s->nn[e->noun - 1].head : e->vp < s->nvp ? s->vp[e->vp].head : 0;
        int32_t best = 0;
        uint32_t dist = UINT32_MAX;
        for (uint32_t c = 0; c < ncand; c++) {
            uint32_t dd = cand_tok[c] > near ? cand_tok[c] - near : (near - cand_tok[c]) * 2;   /* after the verb first */
            if (dd < dist) dist = dd, best = cand[c];
        }
        e->place = best ? best : dateline;
        e->place_how = (uint8_t)(best ? PH_SENTENCE : dateline ? PH_DATELINE : PH_NONE);
    }
}

void place_view(const Gazetteer *g, const Event *e, PlaceView *v)
{
    memset(v, 0, sizeof *v);
    v->name = v->region = "";
    v->how = "none";
    if (!g || !e->place) return;
    v->how = e->place_how == PH_DATELINE ? "dateline" : "sentence";
    const Country *k;
    if (e->place > 0) {
        const City *c = &g->city[e->place - 1];
        k = &g->country[c->country];
        v->name = c->name, v->region = c->region, v->lat = c->lat, v->lon = c->lon, v->is_city = 1;
    } else {
        k = &g->country[-e->place - 1];
        v->name = k->name, v->lat = k->lat, v->lon = k->lon;
    }
    memcpy(v->country, k->iso3, 4);
    memcpy(v->country2, k->iso2, 3);
}
