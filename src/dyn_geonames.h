/* dyn_geonames.h - libgeonames, opened when first needed (dyn.h): include this, not
 * its own header, and call dyn_load(DYN_GEONAMES) before its functions */
#ifndef HERODOTUS_DYN_GEONAMES_H
#define HERODOTUS_DYN_GEONAMES_H
#include <geonames.h>
#include "dyn.h"

#define geonames_city_free DYN_FN(DYN_GEONAMES, geonames_city_free)
#define geonames_city_get_country_code DYN_FN(DYN_GEONAMES, geonames_city_get_country_code)
#define geonames_city_get_latitude DYN_FN(DYN_GEONAMES, geonames_city_get_latitude)
#define geonames_city_get_longitude DYN_FN(DYN_GEONAMES, geonames_city_get_longitude)
#define geonames_city_get_name DYN_FN(DYN_GEONAMES, geonames_city_get_name)
#define geonames_city_get_population DYN_FN(DYN_GEONAMES, geonames_city_get_population)
#define geonames_city_get_state DYN_FN(DYN_GEONAMES, geonames_city_get_state)
#define geonames_get_city DYN_FN(DYN_GEONAMES, geonames_get_city)
#define geonames_get_n_cities DYN_FN(DYN_GEONAMES, geonames_get_n_cities)

#endif
