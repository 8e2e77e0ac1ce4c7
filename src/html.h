/* html.h - stage 1 front for web pages: a saved article page (libxml2's
 * HTML parser) into the metadata and plain text the reader takes.
 *
 *   - metadata: the title (og:title, JSON-LD headline, the page's <h1>, its
 *     <title> less the site's name), the publication date
 *     (article:published_time, JSON-LD datePublished, microdata and other
 *     date metas, the first <time datetime>), the author (meta author,
 *     JSON-LD author names, a byline), the canonical URL (link
 *     rel=canonical, og:url, JSON-LD url) and the site (og:site_name,
 *     JSON-LD publisher);
 *   - the text: the element that holds the story (itemprop=articleBody, or
 *     the one whose paragraphs weigh most, a paragraph counting fully for
 *     its parent and half for the one above), without what is no story:
 *     scripts, navigation, menus, headers, footers, asides, forms, figures
 *     and captions, timestamps, embedded posts, and every element whose
 *     class, id or role names page furniture (sharing, related links,
 *     cookie banners, newsletters, ads, comments, most read, ...);
 *     paragraphs mostly of links, and credit lines, are dropped.  One
 *     paragraph a block, separated by a blank line.
 *
 * No network, no external entity, no DTD is ever read. */
#ifndef HERODOTUS_HTML_H
#define HERODOTUS_HTML_H
#include <stddef.h>
#include "buf.h"

typedef struct Page {
    char *title, *date, *author, *url, *source;   /* NULL when the page gives none */
    Buf text;                                     /* the story's paragraphs */
} Page;

/* Does the text look like an HTML page (for standard input)? */
int  html_looks_like(const char *s, size_t n);
/* Read the page s[0..n) into p; 0, or -1 with why in err (no story text). */
int  html_read(const char *s, size_t n, Page *p, char *err, size_t errsz);
void page_free(Page *p);

#endif
