/* places.h - stage 9: where each event happened.
 *
 * The gazetteer is Debian's libgeonames (GeoNames' cities of 15,000 people
 * or more: name, country, region, latitude, longitude, population) and
 * Debian's iso-codes (ISO 3166 countries, two- and three-letter codes); a
 * country's point is the population-weighted centre of its cities.
 *
 * An event's place is, in this order:
 *   - sentence: the place phrase of its sentence nearest its verb (or
 *     noun): "in Kharkiv", "near the town of Bakhmut", "outside Gaza",
 *     "arrived in China" (a city the gazetteer knows, a capital or a country
 *     the actors stage named);
 *   - dateline: the article's dateline city;
 *   - none.
 * A name several cities share is the one in the article's country (its
 * dateline's, else the country its actors name most), else the most
 * populous. */
#ifndef HERODOTUS_PLACES_H
#define HERODOTUS_PLACES_H
#include <stddef.h>
#include <stdint.h>
#include "doc.h"

typedef struct Gazetteer Gazetteer;

/* The gazetteer (libgeonames, and the countries of
 * $HERODOTUS_ISO_CODES or Debian's iso-codes); NULL with why in err. */
Gazetteer *gazetteer_load(char *err, size_t errsz);
void       gazetteer_free(Gazetteer *g);

/* A place as the renderers and the store print it */
typedef struct PlaceView {
    const char *name;       /* "Kharkiv", "Ukraine"; "" none */
    const char *region;     /* the city's region ("Kharkiv Oblast"), "" for a country */
    char country[4];        /* ISO 3166 alpha-3 ("UKR"), "" none */
    char country2[3];       /* alpha-2 ("UA") */
    double lat, lon;
    const char *how;        /* "sentence", "dateline", "none" */
    int is_city;            /* a city (else a country) */
} PlaceView;

/* Fill each event's place (Event.place, Event.place_how). */
void find_places(Doc *d, const Gazetteer *g);

/* An event's place; g NULL gives none */
void place_view(const Gazetteer *g, const Event *e, PlaceView *v);

/* The city the gazetteer knows by name[0..n) (any case, with or without
 * accents), in country iso3 when it has one there (NULL: any); -1 none */
int  gazetteer_city(const Gazetteer *g, const char *name, size_t n, const char *iso3);
/* Is there a city of that name in country iso3? */
int  gazetteer_city_is_in(const Gazetteer *g, const char *name, size_t n, const char *iso3);
/* The country (alpha-3) of the city of that name, NULL none or when
 * another country has one of it a tenth as large or more */
const char *gazetteer_city_country(const Gazetteer *g, const char *name, size_t n);
/* A country by its alpha-3 code; -1 none */
int  gazetteer_country(const Gazetteer *g, const char *iso3);
/* Its point and name, for the actors' geography in exports */
int  gazetteer_country_point(const Gazetteer *g, const char *iso3, double *lat, double *lon, const char **name,
                             char iso2[3]);
/* The alpha-3 code of country k (0, 1, ...); NULL past the last */
const char *gazetteer_country_code(const Gazetteer *g, uint32_t k);

#endif
