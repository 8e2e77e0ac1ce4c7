/* dyn.h - the libraries a command loads only when it needs them.
 *
 * PostgreSQL's libpq (a postgresql:// store), libxml2 (web pages and XML
 * dictionaries), libgeonames (the gazetteer) and libmicrohttpd (serve)
 * bring some thirty libraries with them (Kerberos, TLS, LDAP, ICU, GLib):
 * linked to the binary, the loader maps and relocates them all before
 * main, about 25 ms of every run (a `stats` or `query` that reads a few
 * rows took 33 ms, 5 without them).  So they are opened with dlopen when
 * first used, and their functions called through the addresses found
 * then: the dyn_*.h headers turn each name into such a call, so that the
 * code calling them reads as if they were linked.
 *
 * Each library is opened at most once in a process, by whichever thread
 * asks first; the addresses are written then and only read after.  A
 * caller asks dyn_load(lib) once before it calls the library (a store,
 * a reader, the gazetteer, the server do so when they open); a library
 * that cannot be opened is an error of that command, named with the
 * Debian package that holds it. */
#ifndef HERODOTUS_DYN_H
#define HERODOTUS_DYN_H
#include <stddef.h>

typedef enum { DYN_PQ, DYN_XML, DYN_GEONAMES, DYN_MHD, DYN_LIBS } DynLib;

/* the functions (and variables) herodotus uses, by library */
#define DYN_PQ_SYMS(X)                                                                                           \
    X(PQcancel) X(PQclear) X(PQconnectdb) X(PQerrorMessage) X(PQexec) X(PQexecParams) X(PQexecPrepared)          \
    X(PQfinish) X(PQfname) X(PQfreeCancel) X(PQfreemem) X(PQftype) X(PQgetCancel) X(PQgetResult) X(PQgetisnull)  \
    X(PQgetvalue) X(PQnfields) X(PQntuples) X(PQprepare) X(PQputCopyData) X(PQputCopyEnd) X(PQreset)             \
    X(PQresultErrorField) X(PQresultErrorMessage) X(PQresultStatus) X(PQsendQueryParams) X(PQsetSingleRowMode)   \
    X(PQstatus) X(PQunescapeBytea)
#define DYN_XML_SYMS(X)                                                                                          \
    X(htmlReadMemory) X(xmlCleanupParser) X(xmlCreateFileParserCtxt) X(xmlCtxtGetLastError) X(xmlCtxtUseOptions) \
    X(xmlDocGetRootElement) X(xmlFree) X(xmlFreeDoc) X(xmlFreeParserCtxt) X(xmlGetProp) X(xmlNodeGetContent)     \
    X(xmlParseDocument) X(xmlStopParser) X(xmlStrdup)
#define DYN_GEONAMES_SYMS(X)                                                                                     \
    X(geonames_city_free) X(geonames_city_get_country_code) X(geonames_city_get_latitude)                        \
    X(geonames_city_get_longitude) X(geonames_city_get_name) X(geonames_city_get_population)                     \
    X(geonames_city_get_state) X(geonames_get_city) X(geonames_get_n_cities)
#define DYN_MHD_SYMS(X)                                                                                          \
    X(MHD_add_response_header) X(MHD_create_response_from_buffer) X(MHD_destroy_response)                       \
    X(MHD_get_connection_values) X(MHD_get_daemon_info) X(MHD_lookup_connection_value) X(MHD_queue_response)     \
    X(MHD_start_daemon) X(MHD_stop_daemon)

/* a symbol's place in its library's table: DYN_SYM_PQexec, ... */
#define DYN_ENUM(name) DYN_SYM_##name,
enum { DYN_PQ_SYMS(DYN_ENUM) DYN_PQ_COUNT };
enum { DYN_XML_SYMS(DYN_ENUM) DYN_XML_COUNT };
enum { DYN_GEONAMES_SYMS(DYN_ENUM) DYN_GEONAMES_COUNT };
enum { DYN_MHD_SYMS(DYN_ENUM) DYN_MHD_COUNT };

/* Open lib (once: later calls return at once): 0, or -1 with why in err
 * ("PostgreSQL stores need libpq.so.5 (Debian package libpq5): ..."). */
int dyn_load(DynLib lib, char *err, size_t errsz);
/* The address of symbol i of lib, after dyn_load(lib) returned 0 */
void (*dyn_fn(DynLib lib, int i))(void);
void *dyn_var(DynLib lib, int i);

/* name, a function of lib, called through its address */
#define DYN_FN(lib, name) ((__typeof__(&name))dyn_fn(lib, DYN_SYM_##name))

#endif
