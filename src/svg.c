/* svg.c - the time-series chart */
#include "svg.h"
#include <math.h>
#include <string.h>

enum { W = 1000, H = 560, L = 70, R = 230, T = 50, B = 80, GAP = 40 };

static const char *const COLORS[] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                                     "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<') fputs("&lt;", f);
        else if (*s == '>') fputs("&gt;", f);
        else if (*s == '&') fputs("&amp;", f);
        else if (*s == '"') fputs("&quot;", f);
        else fputc(*s, f);
    }
}

/* a "nice" step for about n ticks up to max */
static double nice_step(double max, int n)
{
    double raw = max / n, mag = pow(10, floor(log10(raw > 0 ? raw : 1)));
    double r = raw / mag;
    return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
}

void svg_series(FILE *f, const Series *s)
{
    int np = s->nperiods > 0 ? s->nperiods : 1;
    double max = 0;
    for (int g = 0; g < s->ngroups; g++)
        for (int p = 0; p < s->nperiods; p++)
            if (s->counts[g * s->nperiods + p] > max) max = s->counts[g * s->nperiods + p];
    double step = nice_step(max > 0 ? max : 1, 5);
    double top = ceil((max > 0 ? max : 1) / step) * step;
    int plot_w = W - L - R;
    int h1 = (H - T - B - GAP) * 2 / 3, h2 = (H - T - B - GAP) - h1;
    int y1 = T, y2 = T + h1 + GAP;
    double dx = np > 1 ? (double)plot_w / (np - 1) : 0;
#define X(p) (L + (np > 1 ? (p) * dx : plot_w / 2.0))
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
               "font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H);
    fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", W, H);
    fprintf(f, "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">", L);
    esc(f, s->title);
    fputs("</text>\n", f);
    /* panel 1: counts */
    for (double v = 0; v <= top + step / 2; v += step) {
        double y = y1 + h1 - v / top * h1;
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, y, L + plot_w, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", L - 6, y + 4, v);
    }
    fprintf(f, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">events</text>\n", y1 + h1 / 2);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, y1, L, y1 + h1);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, y1 + h1, L + plot_w, y1 + h1);
    for (int g = 0; g < s->ngroups; g++) {
        const char *c = COLORS[g % 10];
        fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", c);
        for (int p = 0; p < s->nperiods; p++)
            fprintf(f, "%.1f,%.1f ", X(p), y1 + h1 - s->counts[g * s->nperiods + p] / top * h1);
        fputs("\"/>\n", f);
        if (s->nperiods <= 60)
            for (int p = 0; p < s->nperiods; p++)
                fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n", X(p),
                        y1 + h1 - s->counts[g * s->nperiods + p] / top * h1, c);
        /* legend */
        int ly = y1 + 10 + g * 18;
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>\n", L + plot_w + 16, ly, c);
        fprintf(f, "<text x=\"%d\" y=\"%d\">", L + plot_w + 36, ly + 6);
        esc(f, s->groups[g]);
        fputs("</text>\n", f);
    }
    /* panel 2: mean Goldstein, -10 .. +10 */
    for (int v = -10; v <= 10; v += 5) {
        double y = y2 + h2 / 2.0 - v / 10.0 * (h2 / 2.0);
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>\n", L, y, L + plot_w, y,
                v == 0 ? "#999" : "#eee");
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%+d</text>\n", L - 6, y + 4, v);
    }
    fprintf(f, "<text transform=\"translate(18,%d) rotate(-90)\" text-anchor=\"middle\">mean Goldstein</text>\n",
            y2 + h2 / 2);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, y2, L, y2 + h2);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", L, y2 + h2, L + plot_w, y2 + h2);
    fputs("<polyline fill=\"none\" stroke=\"#444\" stroke-width=\"2\" points=\"", f);
    for (int p = 0; p < s->nperiods; p++)
        if (!isnan(s->goldstein[p])) fprintf(f, "%.1f,%.1f ", X(p), y2 + h2 / 2.0 - s->goldstein[p] / 10.0 * (h2 / 2.0));
    fputs("\"/>\n", f);
    fprintf(f, "<text x=\"%d\" y=\"%d\">mean Goldstein score</text>\n", L + plot_w + 16, y2 + 10);
    fprintf(f, "<text x=\"%d\" y=\"%d\" fill=\"#666\">+ cooperation, - conflict</text>\n", L + plot_w + 16, y2 + 26);
    /* x labels: at most about 16 */
    int every = s->nperiods > 16 ? (s->nperiods + 15) / 16 : 1;
    for (int p = 0; p < s->nperiods; p += every) {
        fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>\n", X(p), y2 + h2, X(p),
                y2 + h2 + 4);
        fprintf(f, "<text transform=\"translate(%.1f,%d) rotate(-40)\" text-anchor=\"end\">", X(p), y2 + h2 + 16);
        esc(f, s->periods[p]);
        fputs("</text>\n", f);
    }
    fputs("</svg>\n", f);
#undef X
}
