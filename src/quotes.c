/* quotes.c - stage 7: quotes, their speakers and the media that relayed
 * them (quotes.h) */
#include "quotes.h"
#include <ctype.h>
#include <string.h>
#include "arena.h"

const char *quote_kind_name(int kind) { return kind == QK_PARTIAL ? "partial" : "whole"; }

const char *speaker_how_name(int how)
{
    static const char *const n[] = {"none", "named", "pronoun", "role", "previous"};
    return how >= 0 && how <= SH_PREVIOUS ? n[how] : "none";
}

const char *via_kind_name(int kind)
{
    return kind == VIA_PLATFORM ? "platform" : kind == VIA_ACCOUNT ? "account" : "outlet";
}

/* ---- words ---- */

/* Verbs that attribute speech */
static const char *const SPEECH[] = {
    "say", "add", "tell", "state", "declare", "note", "stress", "warn", "insist", "write", "tweet", "post", "ask",
    "urge", "explain", "continue", "argue", "claim", "announce", "acknowledge", "admit", "recall", "reply",
    "respond", "remark", "comment", "underline", "emphasise", "emphasize", "assert", "vow", "pledge", "promise",
    "predict", "suggest", "complain", "conclude", "confirm", "observe", "mention", "quip", "shout", "chant",
    "whisper", "concede", "reiterate", "charge", "allege", "counter", "maintain", "tell", "caution", "boast",
    "lament", "proclaim", "retort", "scoff", "joke", "describe", "call", "term", "dub", "label", "brand", "deny",
    "yell", "cry", NULL};

/* Verbs whose subject relays someone's words: "Interfax quoted him as saying" */
static const char *const RELAY[] = {"quote", "cite", "report", NULL};

static int is_speech(const Token *t) { return TAG_IS_VERB(t->tag) && (tok_lemma_in(t, SPEECH) || tok_lemma_in(t, RELAY)); }

/* Offices that stand for a person; gender where the word gives it (1 he, 2 she) */
typedef struct Role { const char *w; uint8_t gender; const char *same; } Role;
/* sorted: role_of searches it by halves */
static const Role ROLES[] = {
    {"activist", 0, NULL}, {"adviser", 0, "adviser"}, {"advisor", 0, "adviser"}, {"aide", 0, NULL},
    {"ambassador", 0, NULL}, {"analyst", 0, NULL}, {"bishop", 0, NULL}, {"captain", 0, NULL}, {"ceo", 0, NULL},
    {"chair", 0, "chair"}, {"chairman", 1, "chair"}, {"chairwoman", 2, "chair"}, {"chancellor", 0, NULL},
    {"chief", 0, NULL}, {"cleric", 0, NULL}, {"colonel", 0, NULL}, {"commander", 0, NULL},
    {"correspondent", 0, NULL}, {"delegate", 0, NULL}, {"deputy", 0, NULL}, {"diplomat", 0, NULL},
    {"director", 0, NULL}, {"emir", 1, NULL}, {"envoy", 0, NULL}, {"founder", 0, NULL}, {"general", 0, NULL},
    {"governor", 0, NULL}, {"head", 0, NULL}, {"inspector", 0, NULL}, {"judge", 0, NULL}, {"king", 1, NULL},
    {"lawmaker", 0, NULL}, {"leader", 0, NULL}, {"lieutenant", 0, NULL}, {"mayor", 0, NULL},
    {"minister", 0, NULL}, {"negotiator", 0, NULL}, {"officer", 0, NULL}, {"official", 0, NULL},
    {"organiser", 0, NULL}, {"organizer", 0, NULL}, {"police", 0, NULL}, {"pope", 1, NULL},
    {"premier", 0, NULL}, {"president", 0, NULL}, {"prince", 1, NULL}, {"princess", 2, NULL},
    {"prosecutor", 0, NULL}, {"queen", 2, NULL}, {"representative", 0, NULL}, {"resident", 0, NULL},
    {"secretary", 0, NULL}, {"senator", 0, NULL}, {"sergeant", 0, NULL}, {"sheikh", 1, NULL},
    {"source", 0, NULL}, {"spokesman", 1, "spokesperson"}, {"spokesperson", 0, "spokesperson"},
    {"spokeswoman", 2, "spokesperson"}, {"witness", 0, NULL},
};
enum { NROLES = sizeof ROLES / sizeof *ROLES };

static const Role *role_of(const Token *t)
{
    if (!TAG_IS_NOUN(t->tag)) return NULL;
    /* a plural by its lemma ("spokesmen"), else the word as written, in lower case */
    char w[16];
    const char *l = (t->tag == T_NNS || t->tag == T_NNPS) && t->lemma ? sym_name(t->lemma) : NULL;
    size_t n = l ? strlen(l) : t->n;
    if (n < 3 || n >= sizeof w) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(l ? l[i] : t->s[i]);
        w[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    w[n] = '\0';
    size_t lo = 0, hi = NROLES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(w, ROLES[mid].w);
        if (!c) return &ROLES[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

static const char *role_key(const Role *r) { return r->same ? r->same : r->w; }

/* Honorifics: 1 he, 2 she, 3 either */
static int honorific(const Token *t)
{
    static const char *const he[] = {"mr", "mr.", "sir", "lord", NULL};
    static const char *const she[] = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "dame", NULL};
    static const char *const any[] = {"dr", "dr.", "prof", "prof.", NULL};
    return tok_is_any(t, he) ? 1 : tok_is_any(t, she) ? 2 : tok_is_any(t, any) ? 3 : 0;
}

static int pronoun_gender(const Token *t)
{
    static const char *const he[] = {"he", "him", "his", NULL};
    static const char *const she[] = {"she", "her", "hers", NULL};
    return tok_is_any(t, he) ? 1 : tok_is_any(t, she) ? 2 : 0;
}

static int is_cap(const Token *t) { return (t->tag == T_NNP || t->tag == T_NNPS) && (t->flags & TOK_CAP); }

/* Media that relay words: names as printed, matched as whole words */
static const char *const OUTLETS[] = {
    "Reuters", "Agence France-Presse", "AFP", "Associated Press", "AP", "Interfax-Ukraine", "Interfax", "TASS",
    "RIA Novosti", "RIA", "Sputnik", "RT", "Xinhua", "CCTV", "CGTN", "Global Times", "People's Daily",
    "Al Jazeera", "Al Arabiya", "BBC", "CNN", "Bloomberg", "Anadolu Agency", "Anadolu", "IRNA", "Tasnim", "Fars",
    "ISNA", "Mehr", "Yonhap", "KCNA", "Kyodo", "NHK", "Jiji", "DPA", "EFE", "ANSA", "PTI", "ANI", "Ukrinform",
    "Ukrainska Pravda", "Kyiv Independent", "Suspilne", "Kommersant", "Izvestia", "Vedomosti", "Fox News", "NBC",
    "CBS", "ABC", "MSNBC", "NPR", "PBS", "Sky News", "Channel 4", "Channel 12", "Kan", "Haaretz", "Ynet",
    "Times of Israel", "Jerusalem Post", "Le Monde", "Le Figaro", "Der Spiegel", "Spiegel", "Die Zeit",
    "Bild", "El País", "El Pais", "La Repubblica", "Corriere della Sera", "The New York Times", "New York Times",
    "The Washington Post", "Washington Post", "The Wall Street Journal", "Wall Street Journal",
    "Financial Times", "The Guardian", "Guardian", "The Times", "The Telegraph", "The Economist", "Politico",
    "Axios", "Deutsche Welle", "DW", "France 24", "RFI", "Euronews", "Voice of America", "VOA",
    "Radio Free Europe", "SANA", "WAFA", "MENA", "SPA", "WAM", "QNA", "KUNA", "Saba", "Bernama", "Antara",
    "PAP", "APA", "BelTA", "Trend", "Dawn", "Geo News", "NDTV", "Daily Nation", "The Standard", "Punch",
    "Premium Times", "News24", "Asharq Al-Awsat", "Al-Ahram", "Arab News", "Sabah", "Hurriyet", "TRT", NULL};

static const char *const PLATFORMS[] = {"X", "Twitter", "Telegram", "Facebook", "Instagram", "YouTube", "TikTok",
                                         "Truth Social", "Weibo", "WeChat", "VKontakte", "VK", "Threads",
                                         "Bluesky", "WhatsApp", "LinkedIn", "Snapchat", "Rumble", NULL};

/* Nouns that make a noun phrase an outlet: "the Interfax news agency" */
static const char *const OUTLET_NOUNS[] = {"agency", "newspaper", "daily", "channel", "broadcaster", "television",
                                            "tv", "radio", "network", "outlet", "website", "magazine", "paper",
                                            "weekly", "station", "tabloid", "portal", "podcast", "wire", NULL};

/* Is token k of s an outlet's noun: "agency", "the Corvus News Service",
 * "the Bluestone Press"? */
static int outlet_noun(const Sentence *s, uint32_t k)
{
    static const char *const NAME_WORDS[] = {"press", "times", "post", "herald", "tribune", "journal", "gazette",
                                             "telegraph", "chronicle", "observer", "courier", "mirror", "express",
                                             "standard", "guardian", "monitor", NULL};
    const Token *t = &s->tok[k];
    if (!TAG_IS_NOUN(t->tag)) return 0;
    if (tok_is_any(t, OUTLET_NOUNS)) return 1;
    /* the last word of a paper's or an agency's name, capitalised, after another */
    if ((t->flags & TOK_CAP) && k > 0 && (s->tok[k - 1].flags & TOK_CAP) && tok_is_any(t, NAME_WORDS)) return 1;
    return tok_is(t, "service") && k > 0 && (tok_is(&s->tok[k - 1], "news") || tok_is(&s->tok[k - 1], "wire"));
}

/* Does the text at token i start with name (as a whole word)?  The token
 * after the match, or 0. */
static uint32_t names_at(const Doc *d, const Sentence *s, uint32_t i, const char *name)
{
    size_t n = strlen(name);
    const char *p = s->tok[i].s;
    if ((size_t)(d->body + d->body_len - p) < n || memcmp(p, name, n)) return 0;
    const char *e = p + n;
    if (e < d->body + d->body_len && (isalnum((unsigned char)*e) || *e == '-')) return 0;
    uint32_t j = i;
    while (j < s->ntok && s->tok[j].s < e) j++;
    const char *te = s->tok[j - 1].s + s->tok[j - 1].n;
    return te == e || (te == e + 1 && *e == '.') ? j : 0;   /* "on X." read as one word */
}

static const char *listed_at(const Doc *d, const Sentence *s, uint32_t i, const char *const *list, uint32_t *end)
{
    for (; *list; list++)
        if ((*list)[0] == s->tok[i].s[0] && (*end = names_at(d, s, i, *list))) return *list;
    return NULL;
}

/* ---- quote marks ---- */

enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_EITHER };

static int mark_of(const Token *t)
{
    unsigned char c = (unsigned char)t->s[0];
    if (c != '"' && c != '`' && c != '\'' && c != 0xE2 && c != 0xC2) return MARK_NONE;   /* most words */
    if (tok_is(t, "\"")) return MARK_EITHER;
    if (tok_is(t, "\xe2\x80\x9c") || tok_is(t, "\xc2\xab") || tok_is(t, "\xe2\x80\x9e")) return MARK_OPEN;  /* “ « „ */
    if (tok_is(t, "\xe2\x80\x9d") || tok_is(t, "\xc2\xbb")) return MARK_CLOSE;                            /* ” » */
    if (tok_is(t, "``")) return MARK_OPEN;
    if (tok_is(t, "''")) return MARK_CLOSE;
    return MARK_NONE;
}

/* ---- the stage's working state ---- */

typedef struct Person {
    const char *name;       /* the fullest form given ("Sergei Lavrov") */
    const char *last;       /* its last word ("Lavrov"), for later mentions */
    size_t last_n;
    const char *role;       /* role key ("spokesperson", "minister"), NULL */
    Sym code;
    uint8_t gender;         /* 0 unknown, 1 he, 2 she */
    uint32_t sent, tok;     /* where last named */
} Person;

enum { RECENT = 64 };   /* the person mentions a pronoun or an office may reach back to */

typedef struct Work {
    Doc *d;
    Person *p;
    uint32_t np, capp;
    U64Map byname, bylast;  /* hash of a full name, of a last name -> 1 + person */
    uint32_t recent[RECENT];    /* the last person mentions, a ring: persons in text order */
    uint32_t nrecent;
} Work;

static int before(uint32_t s1, uint32_t t1, uint32_t s2, uint32_t t2) { return s1 < s2 || (s1 == s2 && t1 < t2); }

static const char *span_text(Arena *a, const Sentence *s, uint32_t from, uint32_t to)
{
    if (from >= to) return NULL;
    const char *b = s->tok[from].s, *e = s->tok[to - 1].s + s->tok[to - 1].n;
    return arena_strndup(a, b, (size_t)(e - b));
}

/* The code of the actor mentioned in tokens [a, b): the widest mention
 * with a code; 0 none */
static Sym code_in(const Sentence *s, uint32_t a, uint32_t b)
{
    Sym best = 0;
    uint32_t width = 0;
    for (uint32_t i = a; i < b; i++) {
        int m = s->tok[i].mention;
        if (m < 0 || !s->men[m].code) continue;
        uint32_t w = s->men[m].end - s->men[m].start;
        if (w > width) best = s->men[m].code, width = w;
    }
    return best;
}

/* A person's name in [a, b): the last run of capitalised words that are
 * no office, honorific or country; [*na, *nb), 0 none */
static int name_in(const Sentence *s, uint32_t a, uint32_t b, uint32_t *na, uint32_t *nb)
{
    /* the name ends the phrase: "the Nigerian foreign ministry spokesman" names no one */
    if (b <= a) return 0;
    const Token *last = &s->tok[b - 1];
    int lm = last->mention;
    /* a country, a body or a place ("the government of Chile") is no person */
    int country = lm >= 0 && (s->men[lm].kind == MK_COUNTRY || s->men[lm].kind == MK_PLACE);
    if (lm >= 0 && s->men[lm].kind == MK_AGENT)   /* "government of Chile" is a body; "Rafael Grossi" a name */
        for (uint32_t k = s->men[lm].start; k < s->men[lm].end; k++) country |= !is_cap(&s->tok[k]);
    if (!is_cap(last) || role_of(last) || honorific(last) || country) return 0;
    uint32_t e = b;
    uint32_t f = e;
    while (f > a) {
        const Token *t = &s->tok[f - 1];
        if (!is_cap(t) || role_of(t) || honorific(t)) break;
        f--;
    }
    /* "Secretary of State Antony Blinken": the office's words after "of" */
    static const char *const OFFICE_OF[] = {"state", "defense", "defence", "staff", "foreign", "affairs", "justice",
                                            "health", "commerce", "treasury", "energy", "homeland", "security",
                                            "interior", "finance", "trade", "war", "economy", "the", NULL};
    if (f > a && tok_is(&s->tok[f - 1], "of"))
        while (f + 1 < e && tok_is_any(&s->tok[f], OFFICE_OF)) f++;
    /* a run covered by an organisation's or a country's name is no person
     * (the dictionaries file persons of organisations with them: a name of
     * two words or more with no word of a body's stays one) */
    static const char *const BODY[] = {"nations", "agency", "organization", "organisation", "council", "union",
                                       "party", "front", "army", "ministry", "office", "bank", "fund", "court",
                                       "committee", "commission", "forces", "movement", "group", "association",
                                       "house", "kremlin", "government", "assembly", "parliament", "congress",
                                       "league", "alliance", "brigades", "institute", "authority", "service", NULL};
    int m = s->tok[f].mention;
    if (m >= 0 && s->men[m].kind != MK_PERSON && s->men[m].kind != MK_AGENT && s->men[m].start <= f &&
        s->men[m].end >= e) {
        if (s->men[m].kind != MK_ORG || e - f < 2) return 0;
        for (uint32_t k = f; k < e; k++)
            if (tok_is_any(&s->tok[k], BODY)) return 0;
    }
    *na = f;
    *nb = e;
    return 1;
}

static uint64_t name_hash(const char *s, size_t n) { return hash_bytes(s, n) | 1; }

/* The person of that name, or whose last name it is ("Lavrov"), NULL none */
static Person *person_named(Work *w, const char *name, size_t n)
{
    uint32_t k = u64map_get(&w->byname, name_hash(name, n));
    if (!k && !memchr(name, ' ', n)) k = u64map_get(&w->bylast, name_hash(name, n));
    if (!k) return NULL;
    Person *p = &w->p[k - 1];
    int same = (strlen(p->name) == n && !memcmp(p->name, name, n)) || (p->last_n == n && !memcmp(p->last, name, n));
    return same ? p : NULL;   /* not another name of the same hash */
}

/* Remember the person named at [a, b) of sentence si (with the words
 * [ra, rb) around that may give an office) */
static Person *remember(Work *w, uint32_t si, uint32_t a, uint32_t b, uint32_t ra, uint32_t rb)
{
    Sentence *s = &w->d->sent[si];
    const char *name = span_text(w->d->arena, s, a, b);
    size_t n = strlen(name);
    Person *p = person_named(w, name, n);
    if (!p) {
        if (w->np == w->capp) {
            uint32_t nc = w->capp ? w->capp * 2 : 16;
            w->p = arena_grow(w->d->arena, w->p, w->capp * sizeof *w->p, nc * sizeof *w->p);
            w->capp = nc;
        }
        p = &w->p[w->np++];
        memset(p, 0, sizeof *p);
        p->name = name;
        const char *sp = strrchr(name, ' ');
        p->last = sp ? sp + 1 : name;
        p->last_n = strlen(p->last);
        u64map_put(&w->byname, name_hash(name, n), w->np);
        if (sp) u64map_put(&w->bylast, name_hash(p->last, p->last_n), w->np);
    }
    p->sent = si;
    p->tok = b;
    w->recent[w->nrecent++ % RECENT] = (uint32_t)(p - w->p);
    for (uint32_t i = ra; i < rb; i++) {
        const Role *r = role_of(&s->tok[i]);
        if (r) {
            p->role = role_key(r);
            if (r->gender) p->gender = r->gender;
        }
        int h = honorific(&s->tok[i]);
        if (h == 1 || h == 2) p->gender = (uint8_t)h;
    }
    Sym c = code_in(s, a, b);   /* the name's own code, else its phrase's */
    if (!c) c = code_in(s, ra, rb);
    if (c) p->code = c;
    /* the first he or she after the name, before any other name, is his or hers */
    if (!p->gender)
        for (uint32_t i = b; i < s->ntok && i < b + 25; i++) {
            /* another person: a dictionary person or a full name ("Kyiv" is none) */
            int m = s->tok[i].mention;
            if (is_cap(&s->tok[i]) && !role_of(&s->tok[i]) &&
                ((m >= 0 && s->men[m].kind == MK_PERSON) || (i + 1 < s->ntok && is_cap(&s->tok[i + 1]))))
                break;
            int g = pronoun_gender(&s->tok[i]);
            if (g) {
                p->gender = (uint8_t)g;
                break;
            }
        }
    return p;
}

/* Noun-phrase words */
static int np_word(const Token *t)
{
    switch (t->tag) {
    case T_DT: case T_PDT: case T_JJ: case T_JJR: case T_JJS: case T_NN: case T_NNS: case T_NNP: case T_NNPS:
    case T_POS: case T_PRPS: case T_CD: return 1;
    default: return 0;
    }
}

/* The noun phrase that ends at e (exclusive), no further back than lo */
static uint32_t np_back(const Sentence *s, uint32_t e, uint32_t lo)
{
    static const char *const PP[] = {"of", "for", "in", "at", "from", NULL};
    uint32_t a = e;
    while (a > lo) {
        const Token *t = &s->tok[a - 1];
        if (t->tag == T_PRP && a == e) return a - 1;
        int det = t->tag == T_DT || t->tag == T_PDT;
        if (!np_word(t) &&
            !(t->tag == T_IN && tok_is_any(t, PP) && a < e && a - 1 > lo && TAG_IS_NOUN(s->tok[a - 2].tag)))
            break;
        a--;
        /* a determiner starts the phrase, unless a noun and a preposition
         * stand before it: "a spokeswoman for the World Health Organization" */
        if (det && !(a >= lo + 2 && s->tok[a - 1].tag == T_IN && tok_is_any(&s->tok[a - 1], PP) &&
                     TAG_IS_NOUN(s->tok[a - 2].tag)))
            break;
    }
    return a;
}

/* The noun phrase that starts at a, no further than hi */
static uint32_t np_fwd(const Sentence *s, uint32_t a, uint32_t hi)
{
    if (a < hi && s->tok[a].tag == T_PRP) return a + 1;
    uint32_t e = a;
    while (e < hi) {
        const Token *t = &s->tok[e];
        if (np_word(t) || (tok_is(t, "of") && e > a && e + 1 < hi && np_word(&s->tok[e + 1]))) e++;
        else break;
    }
    return e;
}

/* Register the persons named in sentence si outside quotes: dictionary
 * persons, names with an office or honorific before them, names with an
 * office in apposition ("Maria Zakharova, the ministry's spokeswoman,"),
 * names before a speech verb. */
static void register_persons(Work *w, uint32_t si)
{
    Sentence *s = &w->d->sent[si];
    for (uint32_t i = 0; i < s->ntok;) {
        if ((s->quote && s->quote[i]) || !is_cap(&s->tok[i]) || role_of(&s->tok[i]) || honorific(&s->tok[i])) {
            i++;
            continue;
        }
        uint32_t e = i;
        while (e < s->ntok && is_cap(&s->tok[e]) && !role_of(&s->tok[e]) && !honorific(&s->tok[e]) &&
               !(s->quote && s->quote[e]))
            e++;
        uint32_t na, nb;
        if (e < s->ntok && role_of(&s->tok[e])) {
            i = e;   /* "Russian Foreign" of "Russian Foreign Minister": a title */
            continue;
        }
        int m = s->tok[i].mention;
        int person = m >= 0 && s->men[m].kind == MK_PERSON;
        int titled = i > 0 && (role_of(&s->tok[i - 1]) || honorific(&s->tok[i - 1]));
        uint32_t office = i;   /* "The spokeswoman for the Foreign Office, Sarah Hughes,": the office before */
        if (!titled && i >= 2 && s->tok[i - 1].tag == T_COMMA && e < s->ntok && s->tok[e].tag == T_COMMA) {
            uint32_t oa = np_back(s, i - 1, 0);
            for (uint32_t k = oa; k < i - 1 && !titled; k++)
                if (role_of(&s->tok[k]) && s->tok[k].tag == T_NN) titled = 1, office = oa;
        }
        int appos = e + 2 < s->ntok && s->tok[e].tag == T_COMMA && tok_is_any(&s->tok[e + 1], (const char *const[]){"the", "a", "an", NULL});
        if (appos) {
            uint32_t ae = np_fwd(s, e + 1, s->ntok);
            appos = 0;
            for (uint32_t k = e + 1; k < ae; k++) appos |= role_of(&s->tok[k]) != NULL;
        }
        uint32_t v = e;
        while (v < s->ntok && (s->tok[v].tag == T_RB || s->tok[v].tag == T_MD)) v++;
        int speaks = v < s->ntok && is_speech(&s->tok[v]);
        /* a full name that acts: "Annalena Baerbock arrived" */
        int acts = e - i >= 2 && v < s->ntok && (s->tok[v].tag == T_VBD || s->tok[v].tag == T_VBZ || s->tok[v].tag == T_MD ||
                                                 s->tok[v].tag == T_VBP) && (m < 0 || s->men[m].kind == MK_PERSON);
        if ((person || titled || appos || speaks || acts) && name_in(s, i, e, &na, &nb)) {
            uint32_t ra = office < i ? office : np_back(s, na, 0), rb = nb;
            if (appos) rb = np_fwd(s, e + 1, s->ntok);
            remember(w, si, na, nb, ra, rb);
        }
        i = e;
    }
    /* an office that acts, unnamed: "The Cameroonian foreign minister
     * criticised ..." (he, later, is this minister) */
    for (uint32_t i = 0; i + 1 < s->ntok; i++) {
        const Token *t = &s->tok[i];
        if ((s->quote && s->quote[i]) || t->tag != T_NN || !role_of(t)) continue;
        uint32_t v = i + 1;
        while (v < s->ntok && (s->tok[v].tag == T_RB || s->tok[v].tag == T_MD)) v++;
        if (v >= s->ntok || !(s->tok[v].tag == T_VBD || s->tok[v].tag == T_VBZ || s->tok[v].tag == T_VBP)) continue;
        uint32_t a = np_back(s, i + 1, 0);
        if (a >= i || s->tok[a].tag != T_DT) continue;
        remember(w, si, a, i + 1, a, i + 1);
    }
}

/* ---- finding the quotes ---- */

static Quote *new_quote(Doc *d, uint32_t *cap)
{
    if (d->nquotes == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 8;
        d->quotes = arena_grow(d->arena, d->quotes, *cap * sizeof *d->quotes, nc * sizeof *d->quotes);
        *cap = nc;
    }
    Quote *q = &d->quotes[d->nquotes++];
    memset(q, 0, sizeof *q);
    q->attr_tok = -1;
    return q;
}

static void add_part(Doc *d, Quote *q, uint32_t si, uint32_t a, uint32_t b)
{
    if (a >= b) return;
    if (q->npart == q->cappart) {   /* doubling: a quote left open over a long paragraph stays linear */
        uint32_t nc = q->cappart ? q->cappart * 2 : 2;
        q->part = arena_grow(d->arena, q->part, q->cappart * sizeof *q->part, nc * sizeof *q->part);
        q->cappart = nc;
    }
    q->part[q->npart++] = (QuotePart){si, a, b};
}

static uint32_t *quote_map(Doc *d, Sentence *s)
{
    if (!s->quote) {
        s->quote = arena_alloc(d->arena, (s->ntok + 1) * sizeof *s->quote);
        memset(s->quote, 0, (s->ntok + 1) * sizeof *s->quote);
    }
    return s->quote;
}

/* Does [a, b) of s attribute speech: a speech verb within a few words
 * ("she said", "said Lavrov", "he told reporters")? */
static int attribution_between(const Sentence *s, uint32_t a, uint32_t b)
{
    if (b <= a || b - a > 20) return 0;
    for (uint32_t i = a; i < b; i++)
        if (is_speech(&s->tok[i])) return 1;
    return 0;
}

/* The marks, paired: quotes as parts of sentences */
static void pair_marks(Doc *d)
{
    uint32_t cap = 0;
    Quote *open = NULL;          /* the quote being read, NULL outside marks */
    uint32_t from_s = 0, from_t = 0;
    int last_q = -1;             /* the last quote closed, and where */
    uint32_t last_s = 0, last_t = 0, last_comma = 0;
    for (uint32_t si = 0; si < d->nsent; si++) {
        Sentence *s = &d->sent[si];
        uint32_t i = 0;
        if (open) {
            /* the quote runs on past its sentence: one part a sentence; past
             * its paragraph only if the next one opens with a mark */
            add_part(d, open, from_s, from_t, d->sent[from_s].ntok);
            from_s = si, from_t = 0;
            if (s->ntok && (s->tok[0].flags & TOK_PARA)) {
                int m = mark_of(&s->tok[0]);
                if (m == MARK_OPEN || m == MARK_EITHER) from_t = i = 1;
                else open = NULL;
            }
        }
        for (; i < s->ntok; i++) {
            int m = mark_of(&s->tok[i]);
            if (m == MARK_NONE) continue;
            if (open && (m == MARK_CLOSE || m == MARK_EITHER)) {
                add_part(d, open, si, from_t, i);
                last_q = (int)(open - d->quotes);
                last_s = si, last_t = i + 1;
                last_comma = i > from_t && s->tok[i - 1].tag == T_COMMA;
                open = NULL;
            } else if (!open && (m == MARK_OPEN || m == MARK_EITHER)) {
                /* "...," she said, "...": the same quote goes on */
                if (last_q >= 0 && last_s == si && last_comma && i > last_t &&
                    (s->tok[i - 1].tag == T_COMMA || s->tok[i - 1].tag == T_COLON) && attribution_between(s, last_t, i))
                    open = &d->quotes[last_q];
                else
                    open = new_quote(d, &cap);
                from_s = si, from_t = i + 1;
            }
        }
    }
    if (open) add_part(d, open, from_s, from_t, d->sent[from_s].ntok);   /* never closed: it ends with the text */
    /* drop quotes with no words; map the rest onto their tokens */
    uint32_t n = 0;
    for (uint32_t k = 0; k < d->nquotes; k++) {
        if (!d->quotes[k].npart) continue;
        d->quotes[n++] = d->quotes[k];
    }
    d->nquotes = n;
    for (uint32_t k = 0; k < n; k++)
        for (uint32_t p = 0; p < d->quotes[k].npart; p++) {
            const QuotePart *qp = &d->quotes[k].part[p];
            uint32_t *map = quote_map(d, &d->sent[qp->sent]);
            for (uint32_t i = qp->start; i < qp->end; i++) map[i] = k + 1;
        }
}

/* The quoted words: each part's text, joined by a space, less a trailing
 * comma */
static void quote_text(Doc *d, Quote *q)
{
    size_t cap = 1;
    for (uint32_t p = 0; p < q->npart; p++) {
        const Sentence *s = &d->sent[q->part[p].sent];
        const Token *f = &s->tok[q->part[p].start], *l = &s->tok[q->part[p].end - 1];
        cap += (size_t)(l->s + l->n - f->s) + 1;
    }
    char *t = arena_alloc(d->arena, cap);
    size_t n = 0;
    for (uint32_t p = 0; p < q->npart; p++) {
        const Sentence *s = &d->sent[q->part[p].sent];
        const Token *f = &s->tok[q->part[p].start], *l = &s->tok[q->part[p].end - 1];
        if (n) t[n++] = ' ';
        memcpy(t + n, f->s, (size_t)(l->s + l->n - f->s));
        n += (size_t)(l->s + l->n - f->s);
        while (n && (t[n - 1] == ',' || t[n - 1] == ' ')) n--;
    }
    t[n] = '\0';
    q->text = t;
}

/* Whole when it opens its sentence or follows an attribution's ':' or
 * ',' or its speech verb; partial inside reported speech */
static int quote_kind(const Doc *d, const Quote *q)
{
    const QuotePart *p = &q->part[0];
    const Sentence *s = &d->sent[p->sent];
    uint32_t m = p->start;   /* the token after the opening mark */
    if (m <= 1) return QK_WHOLE;
    const Token *before_mark = &s->tok[m - 2];
    if (before_mark->tag == T_COLON || before_mark->tag == T_COMMA || is_speech(before_mark)) return QK_WHOLE;
    /* "he said that \"...\"" stays partial: the words are his, the clause the writer's */
    return QK_PARTIAL;
}

/* ---- attribution ---- */

/* The person named last before token t of sentence si: of gender g (0
 * any; unknown will do), holding office role (NULL any) */
static Person *latest(Work *w, uint32_t si, uint32_t t, int g, const char *role)
{
    Person *best = NULL, *known = NULL;   /* the last of any gender; the last known to be of g */
    uint32_t n = w->nrecent < RECENT ? w->nrecent : RECENT;
    for (uint32_t r = 0; r < n; r++) {   /* the most recent mentions first */
        Person *p = &w->p[w->recent[(w->nrecent - 1 - r) % RECENT]];
        if (!before(p->sent, p->tok - 1, si, t)) continue;
        if (g && p->gender && p->gender != g) continue;
        if (role && (!p->role || strcmp(p->role, role))) continue;
        if (!best || before(best->sent, best->tok, p->sent, p->tok)) best = p;
        if (g && p->gender == g && (!known || before(known->sent, known->tok, p->sent, p->tok))) known = p;
    }
    /* "Baerbock, where she met Kuleba ... she said": she whom the text called she, if named lately */
    return known && si - known->sent <= 5 ? known : best;
}

/* The speaker named by [a, b) of sentence si, with how */
static void speaker_from_np(Work *w, Quote *q, uint32_t si, uint32_t a, uint32_t b, uint32_t verb)
{
    Doc *d = w->d;
    Sentence *s = &d->sent[si];
    if (a >= b) return;
    const Token *h = &s->tok[b - 1];
    if (b - a == 1 && h->tag == T_PRP) {
        q->how = SH_PRONOUN;
        int g = pronoun_gender(h);
        Person *last_speaker = NULL;
        if (g && q > d->quotes && (q - 1)->speaker && (q - 1)->how != SH_NONE && (q - 1)->attr_tok >= 0 &&
            si - (q - 1)->attr_sent <= 4)
            last_speaker = person_named(w, (q - 1)->speaker, strlen((q - 1)->speaker));
        if (last_speaker && last_speaker->gender && last_speaker->gender != g) last_speaker = NULL;
        if (g) {
            /* "he added": the last speaker if the text said he is a he; else
             * the last person it said is one, named lately; else the last
             * speaker; else the last person named before */
            Person *p = latest(w, si, verb, g, NULL);
            if (last_speaker && (last_speaker->gender == g || !p || p->gender != g)) p = last_speaker;
            if (p) {
                q->speaker = p->name, q->code = p->code, q->role = p->role;
                if (!p->gender) p->gender = (uint8_t)g;
                return;
            }
        } else if (h->mention >= 0 && s->men[h->mention].code) {
            /* "it said", "they said": the actor the actors stage took it for,
             * named as it was named last before */
            Sym c = s->men[h->mention].code;
            q->code = c;
            for (uint32_t sj = si + 1; sj-- > 0 && sj + 6 > si;) {
                const Sentence *ps = &d->sent[sj];
                for (uint32_t k = ps->nmen; k-- > 0;) {
                    const Mention *pm = &ps->men[k];
                    if (pm->code != c || pm->kind == MK_PRONOUN || (sj == si && pm->start >= a)) continue;
                    q->speaker = span_text(d->arena, ps, pm->start, pm->end);
                    return;
                }
            }
        } else if (q - d->quotes > 0 && (tok_is(h, "it") || tok_is(h, "they"))) {
            const Quote *pq = q - 1;   /* "it said": the organisation that spoke before */
            if (pq->speaker && pq->how == SH_NAMED && !person_named(w, pq->speaker, strlen(pq->speaker))) {
                q->speaker = pq->speaker, q->code = pq->code;
                return;
            }
        }
        q->speaker = span_text(d->arena, s, a, b);
        return;
    }
    uint32_t na, nb;
    int named = name_in(s, a, b, &na, &nb);
    if (!named && is_cap(h)) {
        /* "Grossi", filed by the dictionaries with his agency: a person if
         * the article named him before */
        uint32_t f = b - 1;
        while (f > a && is_cap(&s->tok[f - 1])) f--;
        const char *t = span_text(d->arena, s, f, b);
        Person *p = person_named(w, t, strlen(t));
        if (p) {
            q->how = SH_NAMED;
            q->speaker = p->name, q->code = p->code ? p->code : code_in(s, a, b), q->role = p->role;
            p->sent = si, p->tok = b;
            return;
        }
    } else if (named) {
        Person *p = remember(w, si, na, nb, a, b);
        q->how = SH_NAMED;
        q->speaker = p->name, q->code = p->code ? p->code : code_in(s, a, b), q->role = p->role;
        return;
    }
    /* an office with no name: the last person who held it */
    const Role *r = NULL;
    for (uint32_t i = a; i < b; i++) {
        const Role *ri = role_of(&s->tok[i]);   /* nouns only */
        if (ri) r = ri;
    }
    if (r && TAG_IS_NOUN(h->tag) && !(h->tag == T_NNS || h->tag == T_NNPS)) {
        q->how = SH_ROLE;
        q->role = role_key(r);
        Person *p = latest(w, si, a, 0, role_key(r));
        /* "the Syrian leader" is not the leader of the Syrian opposition: an
         * office with a name in it ("Syrian") must be that person's */
        int specific = 0;
        for (uint32_t i = a; i < b; i++) specific |= s->tok[i].tag != T_DT && (s->tok[i].flags & TOK_CAP);
        Sym own = code_in(s, a, b);
        if (p && specific && own && p->code != own) p = NULL;
        if (p) {
            q->speaker = p->name, q->code = p->code ? p->code : code_in(s, a, b);
            return;
        }
        q->speaker = span_text(d->arena, s, a, b);
        q->code = code_in(s, a, b);
        return;
    }
    /* an organisation, a country, a group: "the ministry", "officials" */
    q->how = r ? SH_ROLE : SH_NAMED;
    if (r) q->role = role_key(r);
    q->speaker = span_text(d->arena, s, a, b);
    q->code = code_in(s, a, b);
}

static int in_this(const Sentence *s, uint32_t i, const Doc *d, const Quote *q)
{
    return s->quote && s->quote[i] == (uint32_t)(q - d->quotes) + 1;
}

static int marked(const Sentence *s, uint32_t i) { return (s->quote && s->quote[i]) || mark_of(&s->tok[i]); }

/* The speaker from a speech verb at token v of sentence si, outside the
 * marks: its subject before it, or after it ("said Lavrov"); 0 found */
static int speaker_at_verb(Work *w, Quote *q, uint32_t si, uint32_t v, int depth)
{
    Sentence *s = &w->d->sent[si];
    const Token *vt = &s->tok[v];
    if (tok_lemma_in(vt, RELAY)) {
        /* "Interfax quoted him as saying": the speaker is its object */
        uint32_t e = np_fwd(s, v + 1, s->ntok);
        if (e > v + 1 && !marked(s, v + 1)) {
            speaker_from_np(w, q, si, v + 1, e, v);
            return 0;
        }
        if (vt->tag != T_VBN) return -1;   /* "he was quoted (by TASS) as saying": the subject speaks */
    }
    if (vt->tag == T_VBG && depth < 2) {
        /* "..., adding that": the subject of the clause it hangs on */
        for (uint32_t k = v; k-- > 0;)
            if (!marked(s, k) && (s->tok[k].tag == T_VBD || s->tok[k].tag == T_VBZ || s->tok[k].tag == T_VBP))
                return speaker_at_verb(w, q, si, k, depth + 1);
        return -1;
    }
    uint32_t b = v;
    while (b > 0 && !marked(s, b - 1) &&
           (s->tok[b - 1].tag == T_RB || s->tok[b - 1].tag == T_MD || tok_is(&s->tok[b - 1], "has") ||
            tok_is(&s->tok[b - 1], "had") || tok_is(&s->tok[b - 1], "have") || tok_is(&s->tok[b - 1], "was") ||
            tok_is(&s->tok[b - 1], "were") || tok_is(&s->tok[b - 1], "is")))
        b--;
    uint32_t lo = b;
    while (lo > 0 && !marked(s, lo - 1)) lo--;
    if ((vt->tag == T_VBN || vt->tag == T_VBD) && v + 2 < s->ntok && tok_is(&s->tok[v + 1], "by") && !tok_lemma_in(vt, RELAY)) {
        /* "denounced by the president as a \"judicial coup\"": the agent */
        uint32_t e = np_fwd(s, v + 2, s->ntok);
        if (e > v + 2 && !marked(s, v + 2)) {
            speaker_from_np(w, q, si, v + 2, e, v);
            return 0;
        }
    }
    if (b > lo && s->tok[b - 1].tag == T_CC && depth < 2) {
        /* "Peskov called the talks \"constructive\" and said": the first verb's subject */
        for (uint32_t k = b - 1; k-- > 0;)
            if (!marked(s, k) && TAG_IS_VERB(s->tok[k].tag) && s->tok[k].tag != T_VBG && s->tok[k].tag != T_VB)
                return speaker_at_verb(w, q, si, k, depth + 1);
    }
    /* past clauses set off by commas between subject and verb: "Xu, who
     * had been under pressure, said", "The minister, speaking to
     * reporters, said" */
    static const char *const CLAUSE[] = {"who", "which", "whose", "whom", "where", "when", "while", "in", "at", "on", NULL};
    uint32_t e = b;
    while (e > lo + 2 && s->tok[e - 1].tag == T_COMMA) {
        uint32_t k = e - 1;   /* the clause is [k, e - 1), a comma before it */
        while (k > lo && s->tok[k - 1].tag != T_COMMA) k--;
        if (k == lo || k + 1 >= e) break;
        if (!(tok_is_any(&s->tok[k], CLAUSE) || s->tok[k].tag == T_VBG || s->tok[k].tag == T_VBN)) break;
        e = k - 1;
    }
    uint32_t a = np_back(s, e, lo);
    if (a == e && e > lo + 1 && s->tok[e - 1].tag == T_COMMA) {
        e--;   /* "Zakharova, the spokeswoman, said": the apposition's end */
        a = np_back(s, e, lo);
    }
    if (a < e) {
        /* "Maria Zakharova, the ministry's spokeswoman," or "the foreign
         * minister, Anders Tadesse,": the name, and the office */
        if (a >= lo + 2 && s->tok[a - 1].tag == T_COMMA) {
            uint32_t a1 = np_back(s, a - 1, lo), na, nb;
            int starts = a1 == lo || s->tok[a1 - 1].tag == T_COMMA || s->tok[a1 - 1].tag == T_CC;
            if (a1 < a - 1 && starts && (name_in(s, a1, a - 1, &na, &nb) || name_in(s, a, e, &na, &nb))) {
                Person *p = remember(w, si, na, nb, a1, e);
                q->how = SH_NAMED;
                q->speaker = p->name, q->code = p->code ? p->code : code_in(s, a1, e), q->role = p->role;
                return 0;
            }
        }
        speaker_from_np(w, q, si, a, e, v);
        return 0;
    }
    /* "..., said Lavrov": right after the quote */
    e = np_fwd(s, v + 1, s->ntok);
    int after_mark = v > 0 && (mark_of(&s->tok[v - 1]) || (v > 1 && s->tok[v - 1].tag == T_COMMA && mark_of(&s->tok[v - 2])));
    if (e > v + 1 && !marked(s, v + 1) && (after_mark || v == 0)) {
        speaker_from_np(w, q, si, v + 1, e, v);
        return 0;
    }
    return -1;
}

/* An attribution between two parts of the quote in one sentence:
 * "...," she said, "..." */
static int attr_between(Work *w, Quote *q)
{
    const Doc *d = w->d;
    for (uint32_t p = 0; p + 1 < q->npart; p++) {
        const QuotePart *x = &q->part[p], *y = &q->part[p + 1];
        if (x->sent != y->sent) continue;
        const Sentence *s = &d->sent[x->sent];
        for (uint32_t i = x->end; i < y->start; i++)
            if (is_speech(&s->tok[i]) && !marked(s, i) && speaker_at_verb(w, q, x->sent, i, 0) == 0) {
                q->attr_sent = x->sent, q->attr_tok = (int)i;
                return 0;
            }
    }
    return -1;
}

/* "according to X" at i: X speaks, unless X is an outlet (then it is a
 * via, read later) */
static int according_to(Work *w, Quote *q, uint32_t si, uint32_t i, uint32_t hi)
{
    Doc *d = w->d;
    const Sentence *s = &d->sent[si];
    if (!tok_is(&s->tok[i], "according") || i + 2 >= hi || !tok_is(&s->tok[i + 1], "to")) return -1;
    uint32_t e = np_fwd(s, i + 2, hi), end;
    if (e <= i + 2 || listed_at(d, s, i + 2, OUTLETS, &end)) return -1;
    for (uint32_t k = i + 2; k < e; k++)
        if (outlet_noun(s, k)) return -1;
    speaker_from_np(w, q, si, i + 2, e, i);
    q->attr_sent = si, q->attr_tok = (int)i;
    return 0;
}

/* After the quote's last part, to the end of its sentence or the next quote */
static int attr_after(Work *w, Quote *q)
{
    const Doc *d = w->d;
    const QuotePart *last = &q->part[q->npart - 1];
    const Sentence *s = &d->sent[last->sent];
    for (uint32_t i = last->end; i < s->ntok; i++) {
        if (s->quote && s->quote[i] && !in_this(s, i, d, q)) break;   /* another quote */
        if (marked(s, i)) continue;
        if ((is_speech(&s->tok[i]) && speaker_at_verb(w, q, last->sent, i, 0) == 0) ||
            according_to(w, q, last->sent, i, s->ntok) == 0) {
            q->attr_sent = last->sent, q->attr_tok = (int)i;
            return 0;
        }
    }
    return -1;
}

/* Before the quote's first part, back to its sentence's start or the quote
 * before; any_verb: the nearest finite verb's subject will do (a partial
 * quote: "Peskov called the talks \"constructive\"") */
static int attr_before(Work *w, Quote *q, int any_verb)
{
    const Doc *d = w->d;
    const QuotePart *first = &q->part[0];
    const Sentence *s = &d->sent[first->sent];
    uint32_t open = first->start ? first->start - 1 : 0;
    for (uint32_t i = open; i-- > 0;) {
        if (s->quote && s->quote[i] && !in_this(s, i, d, q)) break;
        if (marked(s, i)) continue;
        const Token *t = &s->tok[i];
        int finite = t->tag == T_VBD || t->tag == T_VBZ || t->tag == T_VBP ||
                     (t->tag == T_VBN && i + 1 < open && tok_is(&s->tok[i + 1], "by"));
        if (((any_verb ? finite : is_speech(t)) && speaker_at_verb(w, q, first->sent, i, 0) == 0) ||
            (!any_verb && according_to(w, q, first->sent, i, open) == 0)) {
            q->attr_sent = first->sent, q->attr_tok = (int)i;
            return 0;
        }
    }
    return -1;
}

/* A partial quote that a verb characterises: "rejected as \"baseless
 * propaganda\"", "denounced by the president as a \"judicial coup\"",
 * "calling the allegations \"fabrications\"": the nearest verb before
 * it, when it speaks, judges, or takes an "as" before the quote */
static int attr_characterised(Work *w, Quote *q)
{
    static const char *const JUDGE[] = {"reject", "denounce", "condemn", "dismiss", "welcome", "hail", "praise",
                                        "criticise", "criticize", "decry", "slam", "blast", "brand", "deride",
                                        "accuse", "regard", "see", "view", "consider", "characterise",
                                        "characterize", "portray", NULL};
    const Doc *d = w->d;
    const QuotePart *first = &q->part[0];
    const Sentence *s = &d->sent[first->sent];
    uint32_t open = first->start ? first->start - 1 : 0;
    int as = 0;
    for (uint32_t i = open; i-- > 0;) {
        if (marked(s, i)) break;
        const Token *t = &s->tok[i];
        as |= tok_is(t, "as");
        if (!TAG_IS_VERB(t->tag) || t->tag == T_VB) continue;
        if (!(is_speech(t) || tok_lemma_in(t, JUDGE) || as)) return -1;
        if (t->tag == T_VBG) {
            /* "..., calling the allegations \"fabrications\"": the subject of the clause before */
            for (uint32_t k = i; k-- > 0;)
                if (!marked(s, k) && (s->tok[k].tag == T_VBD || s->tok[k].tag == T_VBZ || s->tok[k].tag == T_VBP) &&
                    speaker_at_verb(w, q, first->sent, k, 0) == 0) {
                    q->attr_sent = first->sent, q->attr_tok = (int)k;
                    return 0;
                }
            return -1;
        }
        if (speaker_at_verb(w, q, first->sent, i, 0) == 0) {
            q->attr_sent = first->sent, q->attr_tok = (int)i;
            return 0;
        }
        return -1;
    }
    return -1;
}

/* Who said it: an attribution between its parts, after it, before it; a
 * partial quote's words belong to the subject of the sentence it sits in */
static int attribute(Work *w, Quote *q)
{
    if (attr_between(w, q) == 0) return 0;
    if (q->kind == QK_PARTIAL)
        return attr_characterised(w, q) == 0 || attr_before(w, q, 0) == 0 || attr_after(w, q) == 0 ||
                       attr_before(w, q, 1) == 0
                   ? 0
                   : -1;
    return attr_after(w, q) == 0 || attr_before(w, q, 0) == 0 ? 0 : -1;
}

/* ---- via ---- */

static void add_via(Quote *q, const char *name, int kind)
{
    for (uint32_t i = 0; i < q->nvia; i++)
        if (!strcmp(q->via[i].name, name)) return;
    if (q->nvia < QUOTE_MAX_VIA) q->via[q->nvia++] = (Via){name, (uint8_t)kind};
}

/* The name of an outlet noun phrase [a, b): its capitalised words that are
 * no country ("the Russian state news agency RIA Novosti": RIA Novosti) */
static const char *outlet_name(Doc *d, const Sentence *s, uint32_t a, uint32_t b)
{
    uint32_t best_a = 0, best_b = 0;
    for (uint32_t i = a; i < b;) {
        const Token *t = &s->tok[i];
        int m = t->mention;
        int generic = tok_is_any(t, OUTLET_NOUNS) || (tok_is(t, "service") && outlet_noun(s, i));
        if (!is_cap(t) || generic || (m >= 0 && s->men[m].kind == MK_COUNTRY && s->men[m].end - s->men[m].start == 1)) {
            i++;
            continue;
        }
        uint32_t e = i;
        while (e < b && is_cap(&s->tok[e]) && !tok_is_any(&s->tok[e], OUTLET_NOUNS) &&
               !(tok_is(&s->tok[e], "service") && outlet_noun(s, e)))   /* "Corvus News Service": Corvus News */
            e++;
        best_a = i, best_b = e;
        i = e;
    }
    if (best_b > best_a) return span_text(d->arena, s, best_a, best_b);
    uint32_t f = a;
    if (f < b && s->tok[f].tag == T_DT) f++;
    return span_text(d->arena, s, f, b);
}

/* The outlets, platforms and accounts named in [a, b) of sentence si */
static void via_in(Doc *d, Quote *q, uint32_t si, uint32_t a, uint32_t b)
{
    const Sentence *s = &d->sent[si];
    static const char *const SHARE[] = {"shared", "posted", "published", "released", "issued", "uploaded", "put", NULL};
    static const char *const PLATFORM_CUE[] = {"on", "via", "to", "his", "her", "its", "their", "the", NULL};
    static const char *const PLATFORM_AFTER[] = {"post", "posts", "account", "channel", "page", "video", "message",
                                                "statement", "feed", NULL};
    for (uint32_t i = a; i < b; i++) {
        if (marked(s, i)) continue;
        uint32_t end;
        const char *name;
        if ((name = listed_at(d, s, i, PLATFORMS, &end)) && end <= b &&
            ((i > 0 && tok_is_any(&s->tok[i - 1], PLATFORM_CUE)) || (end < s->ntok && tok_is_any(&s->tok[end], PLATFORM_AFTER)))) {
            add_via(q, name, VIA_PLATFORM);
            i = end - 1;
            continue;
        }
        if ((name = listed_at(d, s, i, OUTLETS, &end)) && end <= b) {
            add_via(q, name, VIA_OUTLET);
            i = end - 1;
            continue;
        }
        if (!np_word(&s->tok[i]) || (i > a && np_word(&s->tok[i - 1]) && !marked(s, i - 1))) continue;
        uint32_t e = np_fwd(s, i, b);
        if (e <= i) continue;
        int outlet = 0;
        for (uint32_t k = i; k < e; k++) outlet |= outlet_noun(s, k);
        if (outlet) {
            /* the list's name inside it, else its own capitalised words */
            const char *listed = NULL;
            for (uint32_t k = i; k < e && !listed; k++) listed = listed_at(d, s, k, OUTLETS, &end);
            add_via(q, listed ? listed : outlet_name(d, s, i, e), VIA_OUTLET);
        } else if (i >= 2 && tok_is(&s->tok[i - 1], "by") && tok_is_any(&s->tok[i - 2], SHARE)) {
            add_via(q, span_text(d->arena, s, i, e), VIA_ACCOUNT);
        }
        i = e - 1;
    }
}

static void find_via(Doc *d, Quote *q)
{
    /* the attribution's sentences: every part's, outside the marks */
    uint32_t prev = (uint32_t)-1;
    for (uint32_t p = 0; p < q->npart; p++) {
        uint32_t si = q->part[p].sent;
        if (si == prev) continue;
        prev = si;
        via_in(d, q, si, 0, d->sent[si].ntok);
    }
}

/* ---- first persons inside a quote ---- */

static void first_persons(Doc *d, const Quote *q)
{
    if (!q->code) return;
    static const char *const FIRST[] = {"we", "i", "us", "me", NULL};
    for (uint32_t p = 0; p < q->npart; p++) {
        Sentence *s = &d->sent[q->part[p].sent];
        for (uint32_t i = q->part[p].start; i < q->part[p].end; i++) {
            Token *t = &s->tok[i];
            if (t->tag != T_PRP || t->mention >= 0 || !tok_is_any(t, FIRST)) continue;
            Mention m = {.start = i, .end = i + 1, .code = q->code, .kind = MK_PRONOUN, .conj = -1};
            t->mention = (int16_t)doc_add_mention(d, s, &m);
        }
    }
}

void find_quotes(Doc *d, const Options *o)
{
    d->quotes = NULL;
    d->nquotes = 0;
    pair_marks(d);
    if (!d->nquotes) return;
    Work w = {.d = d};
    uint32_t next = 0;   /* the next quote to attribute, in text order */
    for (uint32_t si = 0; si < d->nsent && next < d->nquotes; si++) {   /* persons named after the last quote speak in none */
        register_persons(&w, si);
        /* a quote is attributed once the persons named up to its last sentence are known */
        while (next < d->nquotes && d->quotes[next].part[d->quotes[next].npart - 1].sent <= si) {
            Quote *q = &d->quotes[next++];
            quote_text(d, q);
            q->kind = (uint8_t)quote_kind(d, q);
            if (attribute(&w, q) < 0 && q > d->quotes) {
                /* no attribution: the quote before it goes on, if it is near */
                const Quote *pq = q - 1;
                if (pq->speaker && q->part[0].sent <= pq->part[pq->npart - 1].sent + 3) {
                    q->speaker = pq->speaker, q->code = pq->code, q->role = pq->role;
                    q->how = SH_PREVIOUS;
                    memcpy(q->via, pq->via, sizeof q->via);
                    q->nvia = pq->nvia;
                }
            }
            find_via(d, q);
            if (conventions(o)->speech) first_persons(d, q);
        }
    }
    u64map_free(&w.byname);
    u64map_free(&w.bylast);
}
