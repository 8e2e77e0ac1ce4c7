/* html.c - web pages into metadata and story text (html.h) */
#include "html.h"
#include <ctype.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "dyn_xml.h"
#include "utf8.h"

int html_looks_like(const char *s, size_t n)
{
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<article", "<meta", "<title",
                                         "<main", "<section", "<div", "<p>", "<p ", "<!--", NULL};
    size_t i = utf8_bom(s, n);
    while (i < n && isspace((unsigned char)s[i])) i++;
    for (const char *const *p = starts; *p; p++) {
        size_t k = strlen(*p);
        if (n - i >= k && !strncasecmp(s + i, *p, k)) return 1;
    }
    return 0;
}

void page_free(Page *p)
{
    free(p->title);
    free(p->date);
    free(p->author);
    free(p->url);
    free(p->source);
    buf_free(&p->text);
    memset(p, 0, sizeof *p);
}

/* ---- small helpers over the tree ---- */

/* Does hay hold needle, in any case? */
static int has_ci(const char *hay, const char *needle)
{
    size_t k = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, k)) return 1;
    return 0;
}

static int named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name);
}

static int named_any(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (named(n, *names)) return 1;
    return 0;
}

/* An attribute's value (libxml2's copy: xmlFree it), NULL none */
static char *attr(const xmlNode *n, const char *name) { return (char *)xmlGetProp(n, (const xmlChar *)name); }

static int attr_is(const xmlNode *n, const char *name, const char *value)
{
    char *v = attr(n, name);
    int r = v && !strcasecmp(v, value);
    xmlFree(v);
    return r;
}

/* Text with runs of white space (and no-break spaces) made one space,
 * trimmed, appended to b */
static void put_collapsed(Buf *b, const char *s, size_t n, int *space)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) ws = 1, i++;
        if (ws) {
            *space = 1;
            continue;
        }
        if (*space && b->len && b->data[b->len - 1] != '\n') buf_putc(b, ' ');
        *space = 0;
        buf_putc(b, (char)c);
    }
}

/* The text of a node and what it holds, collapsed, into a new string */
static char *text_of(const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    Buf b = {0};
    int space = 0;
    put_collapsed(&b, (const char *)c, strlen((const char *)c), &space);
    xmlFree(c);
    if (!b.len) {
        buf_free(&b);
        return NULL;
    }
    buf_putc(&b, '\0');
    return b.data;
}

static char *dup_str(const char *s) { return s ? strdup(s) : NULL; }

static void set_once(char **field, const char *value)
{
    if (*field || !value || !*value) return;
    Buf b = {0};
    int space = 0;
    put_collapsed(&b, value, strlen(value), &space);
    if (!b.len) return;
    buf_putc(&b, '\0');
    *field = b.data;
}

/* The first element under n with itemprop=prop, NULL none */
static const xmlNode *item_named(const xmlNode *n, const char *prop)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (attr_is(c, "itemprop", prop)) return c;
        const xmlNode *d = item_named(c, prop);
        if (d) return d;
    }
    return NULL;
}

/* An attribute's value in a string of our own (free it), NULL none */
static char *attr_str(const xmlNode *n, const char *name)
{
    char *v = attr(n, name);
    char *r = v ? strdup(v) : NULL;
    xmlFree(v);
    return r;
}

/* A copy of a list of names with its last comma an "and": "Hana Osman,
 * Peter Lund" is "Hana Osman and Peter Lund" */
static char *and_names(const char *s)
{
    const char *last = strstr(s, " and ") ? NULL : strrchr(s, ',');
    if (!last || last[1] != ' ') return strdup(s);
    size_t n = strlen(s) + 8;
    char *t = malloc(n);
    if (!t) abort();
    snprintf(t, n, "%.*s and %s", (int)(last - s), s, last + 2);
    return t;
}

/* ---- metadata ---- */

typedef struct Meta {
    char *og_title, *ld_title, *h1, *title;
    char *pub_meta, *ld_date, *micro_date, *other_date, *time_date;
    char *meta_author, *ld_author, *rel_authors, *byline;
    char *canonical, *og_url, *ld_url;
    char *site, *ld_site;
} Meta;

static void meta_free(Meta *m)
{
    char **all[] = {&m->og_title, &m->ld_title, &m->h1, &m->title, &m->pub_meta, &m->ld_date, &m->micro_date,
                    &m->other_date, &m->time_date, &m->meta_author, &m->ld_author, &m->rel_authors, &m->byline, &m->canonical,
                    &m->og_url, &m->ld_url, &m->site, &m->ld_site};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) free(*all[i]);
}

static int is_article_type(json_t *t)
{
    static const char *const types[] = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                                        "BlogPosting", "LiveBlogPosting", "Report", "OpinionNewsArticle",
                                        "BackgroundNewsArticle", NULL};
    if (json_is_array(t)) {
        size_t i;
        json_t *v;
        json_array_foreach(t, i, v) if (is_article_type(v)) return 1;
        return 0;
    }
    if (!json_is_string(t)) return 0;
    for (const char *const *p = types; *p; p++)
        if (!strcmp(json_string_value(t), *p)) return 1;
    return 0;
}

/* A JSON-LD author: a name, an object with a name, or a list of them */
static void ld_names(json_t *a, Buf *out)
{
    if (json_is_string(a)) {
        if (out->len) buf_puts(out, " and ");
        buf_puts(out, json_string_value(a));
    } else if (json_is_object(a)) {
        json_t *n = json_object_get(a, "name");
        if (json_is_string(n)) ld_names(n, out);
    } else if (json_is_array(a)) {
        size_t i;
        json_t *v;
        json_array_foreach(a, i, v) ld_names(v, out);
    }
}

static void ld_article(json_t *o, Meta *m)
{
    if (json_is_array(o)) {
        size_t i;
        json_t *v;
        json_array_foreach(o, i, v) ld_article(v, m);
        return;
    }
    if (!json_is_object(o)) return;
    json_t *graph = json_object_get(o, "@graph");
    if (graph) ld_article(graph, m);
    if (!is_article_type(json_object_get(o, "@type"))) return;
    json_t *v;
    if (json_is_string(v = json_object_get(o, "headline"))) set_once(&m->ld_title, json_string_value(v));
    if (json_is_string(v = json_object_get(o, "datePublished"))) set_once(&m->ld_date, json_string_value(v));
    if (json_is_string(v = json_object_get(o, "url"))) set_once(&m->ld_url, json_string_value(v));
    if ((v = json_object_get(o, "mainEntityOfPage"))) {
        if (json_is_string(v)) set_once(&m->ld_url, json_string_value(v));
        else if (json_is_object(v) && json_is_string(json_object_get(v, "@id")))
            set_once(&m->ld_url, json_string_value(json_object_get(v, "@id")));
    }
    if ((v = json_object_get(o, "author"))) {
        Buf b = {0};
        ld_names(v, &b);
        if (b.len) {
            buf_putc(&b, '\0');
            set_once(&m->ld_author, b.data);
        }
        buf_free(&b);
    }
    if ((v = json_object_get(o, "publisher")) && json_is_object(v) && json_is_string(json_object_get(v, "name")))
        set_once(&m->ld_site, json_string_value(json_object_get(v, "name")));
}

static void meta_walk(const xmlNode *n, Meta *m)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (named(n, "meta")) {
            char *prop = attr(n, "property"), *name = attr(n, "name"), *item = attr(n, "itemprop"),
                 *content = attr(n, "content");
            const char *key = prop ? prop : name ? name : "";
            if (content) {
                if (!strcasecmp(key, "og:title")) set_once(&m->og_title, content);
                else if (!strcasecmp(key, "article:published_time")) set_once(&m->pub_meta, content);
                else if (!strcasecmp(key, "og:url")) set_once(&m->og_url, content);
                else if (!strcasecmp(key, "og:site_name")) set_once(&m->site, content);
                else if (!strcasecmp(key, "author") || !strcasecmp(key, "parsely-author") ||
                         !strcasecmp(key, "sailthru.author") || !strcasecmp(key, "dc.creator") ||
                         !strcasecmp(key, "dcterms.creator") ||
                         (!strcasecmp(key, "article:author") && strncmp(content, "http", 4)))
                    set_once(&m->meta_author, content);
                else if (!strcasecmp(key, "byl"))   /* "By Jane Doe" */
                    set_once(&m->meta_author, strncasecmp(content, "By ", 3) ? content : content + 3);
                else if (!strcasecmp(key, "date") || !strcasecmp(key, "pubdate") || !strcasecmp(key, "publish-date") ||
                         !strcasecmp(key, "dc.date") || !strcasecmp(key, "dc.date.issued") ||
                         !strcasecmp(key, "dcterms.date") || !strcasecmp(key, "parsely-pub-date") ||
                         !strcasecmp(key, "sailthru.date") || !strcasecmp(key, "publication_date"))
                    set_once(&m->other_date, content);
                if (item && !strcasecmp(item, "datePublished")) set_once(&m->micro_date, content);
            }
            xmlFree(prop), xmlFree(name), xmlFree(item), xmlFree(content);
        } else if (named(n, "link")) {
            char *rel = attr(n, "rel"), *href = attr(n, "href");
            if (rel && href && !strcasecmp(rel, "canonical")) set_once(&m->canonical, href);
            xmlFree(rel), xmlFree(href);
        } else if (named(n, "title")) {
            char *t = text_of(n);
            set_once(&m->title, t);
            free(t);
        } else if (named(n, "h1") && !m->h1) {
            m->h1 = text_of(n);
        } else if (named(n, "time")) {
            char *dt = attr(n, "datetime");
            set_once(&m->time_date, dt);
            xmlFree(dt);
            if (!m->micro_date && attr_is(n, "itemprop", "datePublished")) {
                char *t = text_of(n);
                set_once(&m->micro_date, t);
                free(t);
            }
        } else if (named(n, "script")) {
            if (attr_is(n, "type", "application/ld+json")) {
                xmlChar *c = xmlNodeGetContent(n);
                if (c) {
                    json_t *o = json_loads((const char *)c, 0, NULL);
                    if (o) ld_article(o, m);
                    json_decref(o);
                    xmlFree(c);
                }
            }
            continue;
        }
        if (!named(n, "script") && !named(n, "style")) {
            char *cl = attr(n, "class"), *rel = attr(n, "rel"), *ip = attr(n, "itemprop");
            if ((rel && !strcasecmp(rel, "author")) || (ip && !strcasecmp(ip, "author") && !named(n, "meta"))) {
                /* each author's link or item: "Nino Kavtaradze", "Daniel Hearst";
                 * an item's name where it gives one */
                const xmlNode *nm = item_named(n, "name");
                char *t = nm ? (named(nm, "meta") ? attr_str(nm, "content") : text_of(nm)) : text_of(n);
                if (t && strlen(t) < 80 && (!m->rel_authors || !strstr(m->rel_authors, t))) {
                    Buf b = {0};
                    if (m->rel_authors) buf_printf(&b, "%s and ", m->rel_authors);
                    buf_puts(&b, t);
                    buf_putc(&b, '\0');
                    free(m->rel_authors);
                    m->rel_authors = b.data;
                }
                free(t);
            } else if (!m->byline && cl && (has_ci(cl, "byline") || has_ci(cl, "author"))) {
                m->byline = text_of(n);
            }
            xmlFree(cl), xmlFree(rel), xmlFree(ip);
        }
        meta_walk(n->children, m);
    }
}

/* "Headline | Site", "Headline - Site": the headline */
static char *strip_site(const char *t)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", NULL};
    const char *cut = NULL;
    for (const char *const *s = seps; *s; s++) {
        const char *p = strstr(t, *s);
        while (p) {
            const char *next = strstr(p + 1, *s);
            if (!next) break;
            p = next;
        }
        if (p && strlen(p) < 50 && (!cut || p < cut)) cut = p;
    }
    if (!cut || cut == t) return strdup(t);
    return strndup(t, (size_t)(cut - t));
}

/* A date as the reader takes it: an ISO date's first ten characters, else
 * the text as given ("March 5, 2025") */
static char *date_of(const char *s)
{
    if (!s) return NULL;
    while (isspace((unsigned char)*s)) s++;
    if (strlen(s) >= 10 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]) && s[4] == '-' && s[7] == '-')
        return strndup(s, 10);
    return strdup(s);
}

static char *first_of(char *const *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c[i] && *c[i]) return c[i];
    return NULL;
}

/* ---- the story ---- */

/* Elements whose words are never the story */
static const char *const DROP_TAGS[] = {"script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
                                        "svg", "button", "template", "select", "input", "textarea", "figure",
                                        "figcaption", "header", "time", "h1", "head", "title", "menu", "dialog",
                                        "object", "embed", "video", "audio", "canvas", "map", "amp-ad",
                                        "amp-img", "amp-social-share", "amp-sidebar", "label", NULL};

/* Words of a class or id that name page furniture */
static const char *const FURNITURE[] = {
    "nav", "navbar", "navigation", "menu", "footer", "sidebar", "rail", "related", "share", "sharing", "social",
    "cookie", "cookies", "consent", "gdpr", "banner", "newsletter", "subscribe", "subscription", "promo",
    "promotion", "ad", "ads", "advert", "advertisement", "adslot", "sponsored", "comment", "comments",
    "breadcrumb", "breadcrumbs", "tags", "byline", "author", "caption", "figcaption", "popular", "trending",
    "recommended", "recommendations", "outbrain", "taboola", "paywall", "signup", "modal", "popup", "teaser",
    "teasers", "toolbar", "widget", "masthead", "header", "timestamp", "embed", "tweet", "twitter", "instagram",
    "gallery", "credit", "credits", "disclaimer", "copyright", "mostread", "pinned", "keyevents", "readmore",
    "morefrom", "more", "list", "skip", "print", "meta", "topics", "sponsor", "outstream", "dfp", NULL};

/* Class names that say the story is here */
static const char *const BODY_CLASSES[] = {"articlebody", "article-body", "article_body", "article__body",
                                           "story-body", "storybody", "story-content", "entry-content",
                                           "post-content", "content-body", "article-content", "story-text",
                                           "article-text", "body-text", "amp-article-body", NULL};

static int furniture_words(const char *v)
{
    /* split on spaces, '-' and '_': "share-tools" has "share"; "mostRead" and
     * "most-read" both give "mostread" */
    char w[64];
    size_t n = 0;
    for (const char *p = v;; p++) {
        int end = !*p || isspace((unsigned char)*p);
        int sep = end || *p == '-' || *p == '_';
        if (!sep && n + 1 < sizeof w) w[n++] = (char)tolower((unsigned char)*p);
        if (sep && n) {
            w[n] = '\0';
            for (const char *const *f = FURNITURE; *f; f++)
                if (!strcmp(w, *f)) return 1;
            n = 0;
        }
        if (end) {
            if (!*p) break;
            continue;
        }
    }
    /* compounds across a dash: "most-read", "key-events", "read-more", "more-from" */
    static const char *const pairs[] = {"most-read", "most_read", "key-events", "read-more", "more-from", NULL};
    for (const char *const *q = pairs; *q; q++)
        if (has_ci(v, *q)) return 1;
    return 0;
}

typedef struct El {
    xmlNode *n;
    double score;
    size_t own;             /* its own words' letters (inline_text), once */
    size_t text;            /* story-like text (paragraphs) under it */
    int furniture;          /* named as furniture, and holding less than half the page's text */
} El;

typedef struct Tree {
    El *el;
    size_t nel, cap;
    size_t total;           /* paragraph text of the whole page */
} Tree;

static size_t el_of(const xmlNode *n) { return (size_t)(uintptr_t)n->_private; }   /* 1 + index, 0 none */

static int dropped_tag(const xmlNode *n) { return named_any(n, DROP_TAGS); }

/* class, id or role of n naming furniture; or hidden */
static int furniture(const xmlNode *n)
{
    static const char *const attrs[] = {"class", "id", "role", NULL};
    for (const char *const *a = attrs; *a; a++) {
        char *v = attr(n, *a);
        int f = v && (furniture_words(v) ||
                      (!strcmp(*a, "role") && (!strcasecmp(v, "navigation") || !strcasecmp(v, "banner") ||
                                               !strcasecmp(v, "contentinfo") || !strcasecmp(v, "complementary") ||
                                               !strcasecmp(v, "search") || !strcasecmp(v, "dialog"))));
        xmlFree(v);
        if (f) return 1;
    }
    char *h = attr(n, "hidden"), *ah = attr(n, "aria-hidden");
    int hidden = h != NULL || (ah && !strcasecmp(ah, "true"));
    xmlFree(h), xmlFree(ah);
    return hidden;
}

static int is_inline(const xmlNode *n)
{
    static const char *const inl[] = {"a", "b", "i", "em", "strong", "span", "font", "small", "u", "q", "cite",
                                      "abbr", "sup", "sub", "mark", NULL};
    return named_any(n, inl);
}

/* The text of an element's own words and inline elements (not of the
 * blocks in it); an inline element's words are its block's, not its own */
static size_t inline_text(const xmlNode *n)
{
    size_t len = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++) len += !isspace(*p);
        } else if (is_inline(c)) {
            len += inline_text(c);
        }
    }
    return len;
}

static void number(Tree *t, xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (t->nel == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 256;
            t->el = realloc(t->el, t->cap * sizeof *t->el);
            if (!t->el) abort();
        }
        t->el[t->nel] = (El){n, 0, 0, 0, 0};
        n->_private = (void *)(uintptr_t)(++t->nel);
        number(t, n->children);
    }
}

/* The text of paragraphs under each element (what no dropped tag holds) */
static void measure(Tree *t, xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || dropped_tag(n)) continue;
        size_t own = is_inline(n) ? 0 : inline_text(n);   /* counted once, by its block */
        t->el[el_of(n) - 1].own = own;
        if (own >= 25) {
            for (xmlNode *a = n; a; a = a->parent)
                if (el_of(a)) t->el[el_of(a) - 1].text += own;
            t->total += own;
        }
        measure(t, n->children);
    }
}

/* Furniture: named so, unless it holds half the page's text ("a
 * content-with-sidebar" wrapper is no sidebar) */
static void mark_furniture(Tree *t)
{
    for (size_t i = 0; i < t->nel; i++)
        t->el[i].furniture = t->el[i].text * 2 < t->total && furniture(t->el[i].n);
}

static int skipped(const Tree *t, const xmlNode *n) { return dropped_tag(n) || (el_of(n) && t->el[el_of(n) - 1].furniture); }

static void weigh(Tree *t, xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || skipped(t, n)) continue;
        /* a paragraph (p, li, blockquote) for its parent; text set with
         * <br> straight in a block for the block itself */
        size_t own = t->el[el_of(n) - 1].own;   /* measure's */
        int para = named_any(n, (const char *const[]){"p", "li", "blockquote", "pre", "dd", NULL});
        if (own >= 25) {
            /* in full for its block, half for the one above, a third for the
             * next: a feed of updates outweighs any one of them */
            xmlNode *home = para ? n->parent : n;
            for (int level = 1; home && level <= 3; level++, home = home->parent)
                if (el_of(home)) t->el[el_of(home) - 1].score += (double)own / level;
        }
        weigh(t, n->children);
    }
}

static int has_body_class(const xmlNode *n)
{
    char *c = attr(n, "class"), *id = attr(n, "id");
    int r = 0;
    for (const char *const *b = BODY_CLASSES; *b && !r; b++)
        r = (c && has_ci(c, *b)) || (id && has_ci(id, *b));
    xmlFree(c), xmlFree(id);
    return r;
}

/* The story's element: itemprop=articleBody, else the heaviest */
static xmlNode *story_root(Tree *t)
{
    for (size_t i = 0; i < t->nel; i++)
        if (attr_is(t->el[i].n, "itemprop", "articleBody") && t->el[i].text > 0) return t->el[i].n;
    xmlNode *best = NULL;
    double top = 0;
    for (size_t i = 0; i < t->nel; i++) {
        double s = t->el[i].score;
        if (s <= 0) continue;
        if (named(t->el[i].n, "article")) s *= 1.2;
        if (has_body_class(t->el[i].n)) s *= 1.5;
        if (s > top) top = s, best = t->el[i].n;
    }
    return best;
}

/* Writing the story out: one paragraph a block */
typedef struct Out {
    const Tree *t;
    Buf *b;
    size_t para_start;      /* where the current paragraph began in b */
    size_t link_chars, chars;
    int space;
} Out;

static int credit_line(const char *s, size_t n)
{
    static const char *const starts[] = {"Reporting by", "Additional reporting", "Writing by", "Editing by",
                                         "(Reporting by", "Read more:", "Read more", "READ MORE", "Related:",
                                         "Related coverage", "Sign up", "Subscribe", "Follow us", "Click here",
                                         "Share this", "Advertisement", "ADVERTISEMENT", "Copyright", "\xc2\xa9",
                                         "All rights reserved", NULL};
    for (const char *const *p = starts; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && !strncmp(s, *p, k)) return 1;
    }
    return 0;
}

/* End the paragraph: kept unless it is mostly links or a credit line */
static void end_para(Out *o)
{
    Buf *b = o->b;
    while (b->len > o->para_start && b->data[b->len - 1] == ' ') b->len--;
    size_t n = b->len - o->para_start;
    if (n && (o->link_chars * 10 > o->chars * 6 || credit_line(b->data + o->para_start, n))) b->len = o->para_start;
    if (b->len > o->para_start) {
        buf_puts(b, "\n\n");
    }
    o->para_start = b->len;
    o->link_chars = o->chars = 0;
    o->space = 0;
}

static int block(const xmlNode *n)
{
    static const char *const blocks[] = {"p", "div", "li", "ul", "ol", "blockquote", "section", "article", "br",
                                         "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "pre", "dl",
                                         "dt", "dd", "main", "hr", NULL};
    return named_any(n, blocks);
}

static void emit(Out *o, const xmlNode *n, int in_link)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            size_t before = o->b->len;
            if (n->content) put_collapsed(o->b, (const char *)n->content, strlen((const char *)n->content), &o->space);
            size_t added = o->b->len - before;
            o->chars += added;
            if (in_link) o->link_chars += added;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || skipped(o->t, n)) continue;
        int is_block = block(n);
        int heading = named_any(n, (const char *const[]){"h2", "h3", "h4", "h5", "h6", NULL});
        if (is_block) end_para(o);
        if (heading) continue;   /* subheadings are no sentences of the story */
        emit(o, n->children, in_link || named(n, "a"));
        if (is_block) end_para(o);
    }
}

int html_read(const char *s, size_t n, Page *p, char *err, size_t errsz)
{
    memset(p, 0, sizeof *p);
    if (n > INT32_MAX) {
        snprintf(err, errsz, "page too large");
        return -1;
    }
    if (dyn_load(DYN_XML, err, errsz)) return -1;
    size_t bom = utf8_bom(s, n);
    int utf8 = utf8_valid_prefix(s + bom, n - bom) == n - bom;
    htmlDocPtr doc = htmlReadMemory(s + bom, (int)(n - bom), NULL, utf8 ? "UTF-8" : NULL,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    if (!doc) {
        snprintf(err, errsz, "not an HTML page libxml2 can read");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    Meta m = {0};
    meta_walk(root, &m);
    Tree t = {0};
    number(&t, root);
    measure(&t, root);
    mark_furniture(&t);
    weigh(&t, root);
    xmlNode *story = story_root(&t);
    if (story) {
        Out o = {&t, &p->text, 0, 0, 0, 0};
        emit(&o, story->children, 0);
        end_para(&o);
        while (p->text.len && p->text.data[p->text.len - 1] == '\n') p->text.len--;
    }
    char *titles[] = {m.og_title, m.ld_title, m.h1};
    const char *tt = first_of(titles, 3);
    p->title = tt ? dup_str(tt) : m.title ? strip_site(m.title) : NULL;
    char *dates[] = {m.pub_meta, m.ld_date, m.micro_date, m.other_date, m.time_date};
    p->date = date_of(first_of(dates, 5));
    char *authors[] = {m.meta_author, m.ld_author, m.rel_authors};
    const char *au = first_of(authors, 3);
    if (au) {
        p->author = and_names(au);
    } else if (m.byline) {
        /* "By Jane Doe | April 16, 2024 · 5 min read": the names */
        au = m.byline;
        if (!strncasecmp(au, "By ", 3)) au += 3;
        size_t k = 0;
        while (au[k] && !isdigit((unsigned char)au[k]) && au[k] != '|' && strncmp(au + k, "\xc2\xb7", 2) &&
               strncmp(au + k, " - ", 3) && strncmp(au + k, ", ", 2))
            k++;
        while (k && au[k - 1] == ' ') k--;
        if (k) p->author = strndup(au, k);
    }
    char *urls[] = {m.canonical, m.og_url, m.ld_url};
    p->url = dup_str(first_of(urls, 3));
    char *sites[] = {m.site, m.ld_site};
    p->source = dup_str(first_of(sites, 2));
    meta_free(&m);
    free(t.el);
    xmlFreeDoc(doc);
    if (!p->text.len) {
        snprintf(err, errsz, "no story text found in the page");
        return -1;
    }
    buf_putc(&p->text, '\0');
    p->text.len--;
    return 0;
}
