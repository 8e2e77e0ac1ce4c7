/* dyn.c - the libraries opened when first needed (dyn.h) */
#include "dyn.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* the files, as the build found them (Makefile: their SONAME) */
#ifndef HD_SONAME_PQ
#define HD_SONAME_PQ "libpq.so.5"
#endif
#ifndef HD_SONAME_XML
#define HD_SONAME_XML "libxml2.so.2"
#endif
#ifndef HD_SONAME_GEONAMES
#define HD_SONAME_GEONAMES "libgeonames.so.0"
#endif
#ifndef HD_SONAME_MHD
#define HD_SONAME_MHD "libmicrohttpd.so.12"
#endif

#define DYN_NAME(name) #name,
static const char *const PQ_NAMES[] = {DYN_PQ_SYMS(DYN_NAME)};
static const char *const XML_NAMES[] = {DYN_XML_SYMS(DYN_NAME)};
static const char *const GEONAMES_NAMES[] = {DYN_GEONAMES_SYMS(DYN_NAME)};
static const char *const MHD_NAMES[] = {DYN_MHD_SYMS(DYN_NAME)};

#define DYN_MAX_SYMS 32
_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "dlsym's addresses hold functions (POSIX)");
_Static_assert(DYN_PQ_COUNT <= DYN_MAX_SYMS && DYN_XML_COUNT <= DYN_MAX_SYMS && DYN_GEONAMES_COUNT <= DYN_MAX_SYMS &&
                   DYN_MHD_COUNT <= DYN_MAX_SYMS,
               "a library's table holds its symbols");

static const struct {
    const char *soname, *package, *needed_by;
    const char *const *names;
    int n;
} LIBS[DYN_LIBS] = {
    [DYN_PQ] = {HD_SONAME_PQ, "libpq5", "PostgreSQL stores", PQ_NAMES, DYN_PQ_COUNT},
    [DYN_XML] = {HD_SONAME_XML, "libxml2", "web pages and XML files", XML_NAMES, DYN_XML_COUNT},
    [DYN_GEONAMES] = {HD_SONAME_GEONAMES, "libgeonames0", "the gazetteer", GEONAMES_NAMES, DYN_GEONAMES_COUNT},
    [DYN_MHD] = {HD_SONAME_MHD, "libmicrohttpd12", "serve", MHD_NAMES, DYN_MHD_COUNT},
};

/* What opening each library found: written once, by the first caller
 * (under its pthread_once), read only after. */
static struct {
    void *handle;
    void *sym[DYN_MAX_SYMS];
    char err[320];
} opened[DYN_LIBS];
static pthread_once_t once[DYN_LIBS] = {PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT};

static void open_lib(DynLib lib)
{
    void *h = dlopen(LIBS[lib].soname, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(opened[lib].err, sizeof opened[lib].err, "%s need %s (Debian package %s): %s", LIBS[lib].needed_by,
                 LIBS[lib].soname, LIBS[lib].package, why ? why : "cannot be opened");
        return;
    }
    for (int i = 0; i < LIBS[lib].n; i++) {
        dlerror();
        void *p = dlsym(h, LIBS[lib].names[i]);
        if (!p) {
            snprintf(opened[lib].err, sizeof opened[lib].err, "%s: %s has no %s (another version than the one built"
                     " against?)", LIBS[lib].needed_by, LIBS[lib].soname, LIBS[lib].names[i]);
            dlclose(h);
            return;
        }
        opened[lib].sym[i] = p;
    }
    opened[lib].handle = h;
}
static void open_pq(void) { open_lib(DYN_PQ); }
static void open_xml(void) { open_lib(DYN_XML); }
static void open_geonames(void) { open_lib(DYN_GEONAMES); }
static void open_mhd(void) { open_lib(DYN_MHD); }

int dyn_load(DynLib lib, char *err, size_t errsz)
{
    static void (*const openers[DYN_LIBS])(void) = {open_pq, open_xml, open_geonames, open_mhd};
    pthread_once(&once[lib], openers[lib]);
    if (opened[lib].handle) return 0;
    snprintf(err, errsz, "%s", opened[lib].err);
    return -1;
}

void (*dyn_fn(DynLib lib, int i))(void)
{
    void (*f)(void);
    void *p = opened[lib].sym[i];
    memcpy(&f, &p, sizeof f);   /* dlsym's object pointer as the function it is (POSIX) */
    return f;
}

void *dyn_var(DynLib lib, int i) { return opened[lib].sym[i]; }
