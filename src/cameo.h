/* cameo.h - the CAMEO event code table (data/cameo.tsv): name, Goldstein
 * weight, quad class and PLOVER category of every code. */
#ifndef HERODOTUS_CAMEO_H
#define HERODOTUS_CAMEO_H
#include <stddef.h>

typedef struct CameoCode {
    const char *code, *name;
    double goldstein;
    int quad;
    const char *plover;     /* PLOVER category ("ASSAULT"), NULL none (statements, appeals) */
} CameoCode;

int  cameo_load(const char *path, char *err, size_t errsz);
void cameo_free(void);
const CameoCode *cameo_get(const char *code);   /* NULL if unknown */
/* Quad class from the root alone (1..4), 0 if not a CAMEO root. */
int  cameo_quad_of_root(const char *code);
size_t cameo_count(void);
/* Coercion (17), assault (18), fighting (19) or mass violence (20). */
int  cameo_is_force(const char *code);

#endif
