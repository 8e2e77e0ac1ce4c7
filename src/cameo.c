/* cameo.c - the CAMEO code table */
#include "cameo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "intern.h"

static struct {
    CameoCode *c;
    size_t n, cap;
    U64Map by;       /* code sym -> 1 + index */
    char *text;
} C;

int cameo_load(const char *path, char *err, size_t errsz)
{
    size_t n;
    C.text = read_file(path, &n);
    if (!C.text) {
        snprintf(err, errsz, "%s: cannot read the CAMEO code table", path);
        return -1;
    }
    long line = 0;
    for (char *p = C.text; *p;) {
        char *e = strchr(p, '\n');
        if (e) *e = '\0';
        line++;
        char *f1 = p, *f2 = strchr(f1, '\t'), *f3 = f2 ? strchr(f2 + 1, '\t') : NULL,
             *f4 = f3 ? strchr(f3 + 1, '\t') : NULL, *f5 = f4 ? strchr(f4 + 1, '\t') : NULL;
        if (line > 1 && *p && *p != '#') {
            if (!f4) {
                snprintf(err, errsz, "%s:%ld: expected code<TAB>name<TAB>goldstein<TAB>quad[<TAB>plover]", path, line);
                return -1;
            }
            *f2++ = '\0';
            *f3++ = '\0';
            *f4++ = '\0';
            if (f5) *f5++ = '\0';
            if (C.n == C.cap) {
                C.cap = C.cap ? C.cap * 2 : 512;
                C.c = realloc(C.c, C.cap * sizeof *C.c);
                if (!C.c) abort();
            }
            CameoCode *c = &C.c[C.n++];
            c->code = f1;
            c->name = f2;
            c->goldstein = strtod(f3, NULL);
            c->quad = atoi(f4);
            c->plover = f5 && *f5 && strcmp(f5, "-") ? f5 : NULL;
            u64map_put(&C.by, sym_intern(f1, strlen(f1)), (uint32_t)C.n);
        }
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

void cameo_free(void)
{
    free(C.c);
    free(C.text);
    u64map_free(&C.by);
    memset(&C, 0, sizeof C);
}

const CameoCode *cameo_get(const char *code)
{
    if (!code) return NULL;
    Sym s = sym_find(code, strlen(code));
    uint32_t k = s ? u64map_get(&C.by, s) : 0;
    return k ? &C.c[k - 1] : NULL;
}

int cameo_quad_of_root(const char *code)
{
    if (!code || strlen(code) < 2) return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    if (r >= 1 && r <= 5) return 1;
    if (r >= 6 && r <= 8) return 2;
    if (r >= 9 && r <= 14) return 3;
    if (r >= 15 && r <= 20) return 4;
    return 0;
}

size_t cameo_count(void) { return C.n; }

int cameo_is_force(const char *code)
{
    return code && ((code[0] == '1' && code[1] >= '7' && code[1] <= '9') || (code[0] == '2' && code[1] == '0'));
}
