/* svg.h - a time-series chart as SVG: event counts per period (a line per
 * group) above the mean Goldstein score per period */
#ifndef HERODOTUS_SVG_H
#define HERODOTUS_SVG_H
#include <stdio.h>

typedef struct Series {
    const char *title;              /* chart title */
    const char *const *periods;     /* x labels, in order */
    int nperiods;
    const char *const *groups;      /* legend labels ("events" when one) */
    int ngroups;
    const double *counts;           /* ngroups x nperiods, row by group */
    const double *goldstein;        /* nperiods, NAN where no events */
} Series;

void svg_series(FILE *f, const Series *s);

#endif
