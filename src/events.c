/* events.c - stage 6: events */
#include "events.h"
#include "words.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "actors.h"
#include "cameo.h"
#include "dates.h"
#include "when.h"

/* ---- actors for a verb phrase ---- */

static int is_pp_head(const Token *t)
{
    return tok_word(t, W_ON) || tok_word(t, W_IN) || tok_word(t, W_AT) || tok_word(t, W_DURING) || tok_word(t, W_LATE) ||
           tok_word(t, W_EARLY) || tok_word(t, W_EARLIER) || tok_word(t, W_LATER) || tok_word(t, W_ACROSS) ||
           tok_word(t, W_THROUGHOUT);
}

/* Mention whose last token is right before token i, skipping adverbs and
 * time phrases ("Pakistan's Foreign Office on Thursday accused"); -1 none. */
static int mention_before(const Sentence *s, uint32_t i)
{
    for (;;) {
        while (i > 0 && (s->tok[i - 1].tag == T_RB || s->tok[i - 1].tag == T_RBR || s->tok[i - 1].tag == T_RBS ||
                         s->tok[i - 1].tag == T_MD))
            i--;
        /* a short time or place phrase without actors: "on Tuesday afternoon" */
        uint32_t j = i;
        while (j > 0 && i - j < 4 && s->tok[j - 1].mention < 0 &&
               (TAG_IS_NOUN(s->tok[j - 1].tag) || s->tok[j - 1].tag == T_CD || s->tok[j - 1].tag == T_DT ||
                s->tok[j - 1].tag == T_JJ))
            j--;
        if (j < i && j > 0 && is_pp_head(&s->tok[j - 1])) {
            i = j - 1;
            /* "late on Tuesday", "from across the country" */
            while (i > 0 && (is_pp_head(&s->tok[i - 1]) || tok_word(&s->tok[i - 1], W_FROM))) i--;
            continue;
        }
        /* a participle that modifies the subject: "journalists covering
         * the protests were arrested", "people living in the area" */
        if (j >= 2 && (s->tok[j - 1].tag == T_VBG || s->tok[j - 1].tag == T_VBN) && s->tok[j - 2].mention >= 0 &&
            s->tok[j - 1].mention < 0) {
            i = j - 1;
            break;
        }
        /* a relative clause on the subject: "Students who led the protests
         * demanded" */
        if (j >= 3 && j < i && TAG_IS_VERB(s->tok[j - 1].tag) &&
            (tok_word(&s->tok[j - 2], W_WHO) || tok_word(&s->tok[j - 2], W_THAT)) && s->tok[j - 3].mention >= 0) {
            i = j - 2;
            break;
        }
        break;
    }
    /* "Washington along with its allies demanded": the companions are no
     * subject of their own */
    for (uint32_t w = i; w >= 2 && i - w < 8; w--) {
        const Token *t = &s->tok[w - 1];
        if (tok_word(t, W_WITH) && (tok_word(&s->tok[w - 2], W_ALONG) || tok_word(&s->tok[w - 2], W_TOGETHER))) {
            i = w - 2;
            if (i > 0 && s->tok[i - 1].tag == T_COMMA) i--;
            break;
        }
        if (!(TAG_IS_NOUN(t->tag) || t->tag == T_DT || t->tag == T_JJ || t->tag == T_PRPS || t->tag == T_CD ||
              t->tag == T_CC || t->tag == T_COMMA || t->mention >= 0))
            break;
    }
    /* "Laurent Fabius and a group of deputies held talks": a conjunct no
     * dictionary codes leaves the actor before it the subject */
    {
        uint32_t w = i;
        while (w > 0 && i - w < 6 && s->tok[w - 1].mention < 0 &&
               (TAG_IS_NOUN(s->tok[w - 1].tag) || s->tok[w - 1].tag == T_DT || s->tok[w - 1].tag == T_JJ ||
                s->tok[w - 1].tag == T_CD || tok_word(&s->tok[w - 1], W_OF)))
            w--;
        if (w < i && w >= 2 && TAG_IS_NOUN(s->tok[i - 1].tag) && tok_word(&s->tok[w - 1], W_AND) &&
            s->tok[w - 2].mention >= 0)
            i = w - 1;
    }
    /* "the European Union (EU) agree": a bracketed aside */
    if (i >= 3 && s->tok[i - 1].tag == T_RRB) {
        uint32_t c = i - 1;
        while (c > 0 && i - c < 8 && s->tok[c].tag != T_LRB) c--;
        if (s->tok[c].tag == T_LRB) i = c;
    }
    if (i == 0) return -1;
    /* "Chief minister N Biren Singh, who visited the villages on Monday,
     * announced": over a relative clause between commas */
    uint32_t open, close;
    if (i >= 3 && s->tok[i - 1].tag == T_COMMA && relative_aside(s, i - 2, &open, &close) && close == i - 1 &&
        open >= 2 && i - open < 20)
        i = open - 1;
    /* a parenthetical between commas: "Arnor's foreign minister, in remarks
     * published on Monday, urged" */
    if (s->tok[i - 1].tag == T_COMMA && i >= 3) {
        uint32_t c = i - 2;
        while (c > 0 && i - c < 14 && s->tok[c].tag != T_COMMA) c--;
        /* (not a clause of its own: "..., two officials told Reuters, speaking") */
        int finite = 0;
        for (uint32_t q = c + 2; q < i - 1; q++)
            finite |= (s->tok[q].tag == T_VBD || s->tok[q].tag == T_VBZ || s->tok[q].tag == T_VBP) &&
                      s->tok[q - 1].mention >= 0;
        if (s->tok[c].tag == T_COMMA && c > 0 && s->tok[c - 1].mention >= 0 && !finite) return s->tok[c - 1].mention;
        /* "Salaheddine Sidhoum, Algeria's leading rights activist, staged":
         * a name no dictionary knows, and an apposition that is an actor */
        int a = s->tok[i - 2].mention;
        /* "Kenzo Oshima, the United Nations Emergency Relief Coordinator," */
        for (uint32_t q = i - 2; a < 0 && q > c + 1 && i - 2 - q < 4 && s->tok[q].tag == T_NNP; q--)
            a = s->tok[q - 1].mention;
        if (s->tok[c].tag == T_COMMA && c > 0 && s->tok[c - 1].tag == T_NNP && a >= 0 &&
            s->men[a].kind != MK_PRONOUN && s->men[a].start <= c + 2)
            return a;
        /* "The main opposition candidate, Atiku Abubakar, accused": a name
         * no dictionary knows after a head noun with an actor inside */
        int name = s->tok[c].tag == T_COMMA && c + 2 < i;
        for (uint32_t q = c + 1; name && q < i - 1; q++) name = s->tok[q].tag == T_NNP && s->tok[q].mention < 0;
        if (name && c > 1 && TAG_IS_NOUN(s->tok[c - 1].tag) && s->tok[c - 1].mention < 0) {
            uint32_t h = c - 1;
            while (h > 0 && c - h < 4 && s->tok[h - 1].mention < 0 &&
                   (TAG_IS_NOUN(s->tok[h - 1].tag) || s->tok[h - 1].tag == T_JJ))
                h--;
            if (h > 0 && s->tok[h - 1].mention >= 0 && s->men[s->tok[h - 1].mention].kind != MK_PRONOUN &&
                s->men[s->tok[h - 1].mention].end == h)
                return s->tok[h - 1].mention;
        }
    }
    const Token *t = &s->tok[i - 1];
    if (t->mention >= 0) {
        /* "Russian aircraft including helicopter gunships killed", "rebel
         * groups such as the FNL": what "including" or "such as" names is
         * part of the subject before it */
        uint32_t st = s->men[t->mention].start;
        int before = -1;
        if (st >= 2 && tok_word(&s->tok[st - 1], W_INCLUDING)) before = s->tok[st - 2].mention;
        else if (st >= 3 && tok_word(&s->tok[st - 1], W_AS) && tok_word(&s->tok[st - 2], W_SUCH))
            before = s->tok[st - 3].mention;
        if (before >= 0 && s->men[before].kind != MK_PRONOUN) return before;
        /* "police officers guarding the embassy were attacked": the object
         * of a participle that modifies the subject */
        uint32_t ps = st;
        while (ps > 0 && st - ps < 3 &&
               (s->tok[ps - 1].tag == T_DT || s->tok[ps - 1].tag == T_JJ || s->tok[ps - 1].tag == T_PRPS))
            ps--;
        if (ps >= 2 && s->tok[ps - 1].tag == T_VBG && s->tok[ps - 2].mention >= 0 &&
            s->men[s->tok[ps - 2].mention].kind != MK_PRONOUN)
            return s->tok[ps - 2].mention;
        /* "M23 rebels backed by Rwandan troops captured": the agent of a
         * participle on the subject */
        if (ps >= 3 && tok_word(&s->tok[ps - 1], W_BY) &&
            (s->tok[ps - 2].tag == T_VBN || s->tok[ps - 2].tag == T_VBD) && s->tok[ps - 3].mention >= 0 &&
            s->men[s->tok[ps - 3].mention].kind != MK_PRONOUN)
            return s->tok[ps - 3].mention;
        return t->mention;
    }
    /* a title and a name the dictionaries lack: "Opposition leader Raila Odinga" */
    uint32_t k = i;
    while (k > 0 && i - k < 4 && s->tok[k - 1].tag == T_NNP && s->tok[k - 1].mention < 0) k--;
    if (k < i && k > 0 && s->tok[k - 1].mention >= 0 && s->men[s->tok[k - 1].mention].has_agent &&
        s->men[s->tok[k - 1].mention].end == k)
        return s->tok[k - 1].mention;
    /* "the Russian delegation", "the official news agency WFNA": an actor
     * inside the noun phrase that ends before the verb */
    uint32_t j = i;
    while (j > 0 && i - j < 5 && s->tok[j - 1].mention < 0 &&
           (TAG_IS_NOUN(s->tok[j - 1].tag) || s->tok[j - 1].tag == T_JJ ||
            (s->tok[j - 1].tag == T_CC && j < i && TAG_IS_NOUN(s->tok[j].tag))))   /* "death and injury toll" */
        j--;
    if (j < i && j > 0 && s->tok[j - 1].mention >= 0 && s->men[s->tok[j - 1].mention].kind != MK_PRONOUN)
        return s->tok[j - 1].mention;
    /* "The Asia-Pacific Economic Cooperation (APEC) forum agreed": over the
     * bracketed abbreviation to the name */
    if (j < i && j > 2 && s->tok[j - 1].tag == T_RRB) {
        uint32_t c = j - 1;
        while (c > 0 && j - c < 6 && s->tok[c].tag != T_LRB) c--;
        if (s->tok[c].tag == T_LRB && c > 0 && s->tok[c - 1].mention >= 0 &&
            s->men[s->tok[c - 1].mention].kind != MK_PRONOUN)
            return s->tok[c - 1].mention;
    }
    /* "the police chief of Valparaiso was shot", "the Minister for
     * Interior allowed": the head before an "of" phrase no dictionary
     * knows, or before a "for" phrase naming an office's remit */
    if (j < i && j > 1 && s->tok[j - 2].mention >= 0 && s->men[s->tok[j - 2].mention].kind != MK_PRONOUN &&
        (tok_word(&s->tok[j - 1], W_OF) || (tok_word(&s->tok[j - 1], W_FOR) && s->men[s->tok[j - 2].mention].has_agent)))
        return s->tok[j - 2].mention;
    /* "farmers angry over cheap imports blocked": an adjective phrase
     * after the subject */
    if (j < i && j > 2 && s->tok[j - 1].tag == T_IN && s->tok[j - 2].tag == T_JJ && s->tok[j - 3].mention >= 0 &&
        s->men[s->tok[j - 3].mention].kind != MK_PRONOUN)
        return s->tok[j - 3].mention;
    /* "Caras Galadhon's new mayor": the possessor stands for a head no
     * dictionary knows */
    if (j < i && j > 1 && s->tok[j - 1].tag == T_POS && s->tok[j - 2].mention >= 0) return s->tok[j - 2].mention;
    return -1;
}

/* The head mention of an NP with a place inside: "police in Nairobi
 * fired", "Wang Yi in Beijing said" -> police, Wang Yi. */
/* A city or country in a place phrase of a noun no dictionary knows: "an
 * explosion at an arms depot near Yangon killed" - Yangon did not kill. */
/* "in the town of", "at the port of", "near the southern city of": how
 * many tokens before token st name the kind of place, 0 none. */
static uint32_t place_kind_before(const Sentence *s, uint32_t st)
{
    if (st < 3 || !tok_word(&s->tok[st - 1], W_OF) || !is_place_noun(&s->tok[st - 2])) return 0;
    uint32_t b = st - 2;
    while (b > 0 && st - b < 6 && (s->tok[b - 1].tag == T_JJ || s->tok[b - 1].tag == T_DT)) b--;
    return st - b;
}

/* Is the mention a weapon its verb's force is dealt with ("launched
 * artillery, mortar and rocket fire against ...", "used warplanes"): the
 * weapon's word alone, no country or name of its own, right after the
 * verb? (As a subject it stands for its side: "Russian aircraft killed".) */
static int weapon_object(const Sentence *s, const VerbPhrase *v, int m)
{
    static const char *const w[] = {"artillery", "aircraft", "warplane", "warship", "gunship", "jet", "helicopter",
                                    "submarine", "vessel", "tank", NULL};
    const Mention *mm = &s->men[m];
    if (!cameo_is_force(v->code) || mm->actor_ref || !tok_lemma_in(&s->tok[mm->end - 1], w)) return 0;
    for (uint32_t i = v->end; i < mm->start; i++)
        if (!(s->tok[i].tag == T_DT || s->tok[i].tag == T_JJ || s->tok[i].tag == T_CD || s->tok[i].tag == T_PRPS))
            return 0;
    return 1;
}

/* Is the mention a place in a site phrase ("at the port of Mombasa", "in
 * the town of Baidoa"), not someone acted upon? */
static int site_phrase(const Sentence *s, int m)
{
    const Mention *mm = &s->men[m];
    if (mm->kind != MK_COUNTRY || mm->has_agent) return 0;
    uint32_t k = place_kind_before(s, mm->start);
    if (!k || mm->start < k + 1) return 0;
    const Token *p = &s->tok[mm->start - k - 1];
    return is_place_prep(p);
}

static int place_in_phrase(const Sentence *s, int m)
{
    const Mention *mm = &s->men[m];
    uint32_t st = mm->start;
    if (mm->kind != MK_COUNTRY || mm->has_agent || st < 2) return 0;
    if (site_phrase(s, m)) return 1;
    const Token *p = &s->tok[st - 1];
    if (!is_place_prep(p) && !tok_word(p, W_FROM)) return 0;
    return TAG_IS_NOUN(s->tok[st - 2].tag) || s->tok[st - 2].tag == T_DT;
}

static int np_head(const Sentence *s, int m)
{
    const Mention *mm = &s->men[m];
    uint32_t st = mm->start;
    /* "the Chilean police chief of Valparaiso": the head before "of" */
    if (st >= 2 && tok_word(&s->tok[st - 1], W_OF) && s->tok[st - 2].mention >= 0 &&
        s->men[s->tok[st - 2].mention].has_agent && mm->kind == MK_COUNTRY && !mm->has_agent)
        return s->tok[st - 2].mention;
    /* "police in the Kenyan capital" */
    if (st >= 3 && s->tok[st - 1].tag == T_DT && (tok_word(&s->tok[st - 2], W_IN) || tok_word(&s->tok[st - 2], W_FROM)) &&
        s->tok[st - 3].mention >= 0)
        return s->tok[st - 3].mention;
    if (st >= 2 && (tok_word(&s->tok[st - 1], W_IN) || tok_word(&s->tok[st - 1], W_FROM) || tok_word(&s->tok[st - 1], W_AT)) &&
        s->tok[st - 2].mention >= 0)
        return s->tok[st - 2].mention;
    return m;
}

static int first_of_conj(const Sentence *s, int m)
{
    for (int p = 0; p < m; p++)
        if (s->men[p].conj == m) {
            m = p;
            p = -1;
        }
    return m;
}

/* Is mention m the subject of a later finite verb phrase ("said Beijing
 * would strengthen", "..., officials on both sides said")? */
static int is_subject_of_next(const Sentence *s, int m, uint32_t vp_index)
{
    for (uint32_t k = vp_index + 1; k < s->nvp; k++) {
        if (s->vp[k].flags & VP_INFINITIVE) continue;
        if (s->vp[k].start < s->men[m].end) continue;
        /* "detained a man suspected of ...", "protesters carrying
         * placards": a bare participle modifies the noun, no clause */
        const VerbPhrase *nv = &s->vp[k];
        if (nv->start == nv->head && (s->tok[nv->head].tag == T_VBN || s->tok[nv->head].tag == T_VBG)) {
            int np = 1;   /* only the rest of its noun phrase between: "Palestinian lorries passing" */
            for (uint32_t j = s->men[m].end; j < nv->start && np; j++) np = TAG_IS_NOUN(s->tok[j].tag);
            if (np) return 0;
        }
        int b = mention_before(s, s->vp[k].start);
        /* "residents and aid workers said": any of the subject's conjuncts */
        return b >= 0 && first_of_conj(s, np_head(s, b)) == first_of_conj(s, m);
    }
    return 0;
}

typedef struct {
    int src[8], nsrc;
    const char *rule;
} Subj;

/* "they" that stands for the last of actors named together in its sentence
 * stands for all of them: "Lithuania and Latvia said they would close"
 * (the first of them returned, its conjuncts following); else m */
static int they_all(const Sentence *s, int m)
{
    if (m < 0 || s->men[m].kind != MK_PRONOUN || !tok_is(&s->tok[s->men[m].start], "they")) return m;
    for (int c = m; c-- > 0;) {
        if (s->men[c].start >= s->men[m].start || s->men[c].kind == MK_PRONOUN || s->men[c].code != s->men[m].code) continue;
        int f = s->men[c].conj < 0 ? first_of_conj(s, c) : c;
        return f != c ? f : m;
    }
    return m;
}

static void add_conj(const Sentence *s, int m, int *out, int *n, int max)
{
    m = they_all(s, m);
    while (m >= 0 && *n < max) {
        out[(*n)++] = m;
        m = s->men[m].conj;
    }
}

/* Verbs whose object is the subject of their "to" complement. */
static const char *const OBJECT_CONTROL[] = {"urge", "ask", "call", "force", "invite", "tell", "allow", "persuade",
                                             "prompt", "encourage", "order", "press", "push", "help", "pressure", "request",
                                             "warn", "advise", "want", "expect", NULL};

/* Verbs whose "of"/"for" names what someone is said to have done */
static const char *const ACCUSING[] = {"accuse", "charge", "blame", "suspect", "convict", "condemn", "criticise",
                                       "criticize", "denounce", "arrest", "indict", NULL};

/* Speech verbs whose object is whom they address: "told reporters". */
static const char *const ADDRESSED[] = {"tell", "inform", "assure", "brief", "warn", "remind", "notify", NULL};

/* Verbs whose infinitive names what someone else is asked to do, not
 * what was done: "invited Putin to visit Beijing" is an invitation. */
static const char *const ASKED[] = {"urge", "ask", "call", "invite", "request", "press", "push", "pressure",
                                    "encourage", "persuade", "advise", "appeal", "beg", "implore",
                                    /* "would allow the opposition to hold a rally": permitted, not done */
                                    "allow", "permit", "authorise", "authorize", NULL};

/* Nouns whose infinitive names an action wanted, not done ("the need to
 * end the war", "efforts to reach a deal"); others are objects before a
 * purpose ("fired tear gas to disperse the crowd": the dispersal is done). */
static const char *const WANTED[] = {"need", "effort", "plan", "bid", "attempt", "call", "proposal", "demand",
                                     "appeal", "request", "push", "pressure", "way", "chance", "opportunity",
                                     "willingness", "readiness", "threat", "plea", "initiative", "idea", "option",
                                     "strategy", "goal", "aim", "ambition", "pledge", "promise", "commitment",
                                     "offer", "intention", "desire", "hope", "wish", "move", "campaign",
                                     "decision",
                                     /* "rejected an invitation to attend", "signed a deal to free the
                                      * hostages", "talks to end the war": what they are for is to come */
                                     "invitation", "agreement", "deal", "accord", "ultimatum", "deadline",
                                     "permission", "talk", "negotiation", NULL};

/* Nouns whose "that" clause is said, not shown to have happened:
 * "allegations that soldiers had executed prisoners". */
static const char *const ALLEGED[] = {"allegation", "claim", "accusation", "charge", "report", "rumour", "rumor",
                                      "suspicion", "fear", "speculation", "suggestion", NULL};

/* An infinitive that names an action not done: asked of someone else
 * ("urged Iran to release ..."), or after a noun of wanting ("the need to
 * end the war", "efforts to reach a deal", "plans to send troops"). */
static const char *const DEMANDED[] = {"demand", "insist", "urge", "ask", "request", "propose", "recommend",
                                       "suggest", NULL};

/* Nothing where the verb's object would be: the sentence ends or a
 * preposition, a punctuation mark or a time follows ("that Iran rejected
 * on Monday", "that Israel approved last week") */
static int object_gap(const Sentence *s, const VerbPhrase *v)
{
    static const char *const when[] = {"last", "this", "next", "yesterday", "today", "earlier", "later", NULL};
    if (v->end >= s->ntok) return 1;
    const Token *t = &s->tok[v->end];
    return t->tag == T_IN || t->tag == T_TO || t->tag == T_COMMA || t->tag == T_PERIOD || t->tag == T_COLON ||
           tok_is_any(t, when);
}

static int not_done(const Sentence *s, uint32_t k)
{
    const VerbPhrase *v = &s->vp[k];
    /* "would not agree to end the war until Hamas was destroyed", "will
     * fight until the last occupier leaves": what a refusal or a plan
     * waits for has not happened */
    /* ... and so has what it must come before or unless, in the present
     * tense: "must agree to constitutional changes before they demobilize",
     * "will not disarm unless the army withdraws" */
    int present = s->tok[v->head].tag == T_VBP || s->tok[v->head].tag == T_VBZ ||
                  (s->tok[v->head].tag == T_VB && !(v->flags & VP_INFINITIVE));
    for (uint32_t i = v->start, stop = k ? s->vp[k - 1].end : 0; i-- > stop && v->start - i < 10;) {
        if (s->tok[i].tag == T_COMMA) break;
        if (!tok_word(&s->tok[i], W_UNTIL) && !(present && (tok_word(&s->tok[i], W_BEFORE) || tok_is(&s->tok[i], "unless"))))
            continue;
        for (uint32_t q = k; q-- > 0;)
            if (s->vp[q].end <= i)
                return (s->vp[q].flags & (VP_NEGATED | VP_FUTURE | VP_MAYBE)) != 0 || s->tok[s->vp[q].start].tag == T_MD;
        break;
    }
    if (!(v->flags & VP_INFINITIVE)) {
        /* "demanded that Hamas renounce violence", "its demand that Israel
         * ease restrictions": what is demanded has not been done */
        uint32_t from = k ? s->vp[k - 1].end : 0;
        for (uint32_t i = v->start; i-- > from && v->start - i < 12;) {
            if (!tok_word(&s->tok[i], W_THAT)) continue;
            if (i == 0) break;
            const Token *p = &s->tok[i - 1];
            /* "the offer that Iran rejected on Monday": a relative clause,
             * its object the noun, tells what was done */
            if (TAG_IS_NOUN(p->tag) && object_gap(s, v)) return 0;
            return (TAG_IS_VERB(p->tag) && tok_lemma_in(p, DEMANDED)) ||
                   (TAG_IS_NOUN(p->tag) && (tok_lemma_in(p, WANTED) || tok_lemma_in(p, ALLEGED)));
        }
        return 0;
    }
    uint32_t to = v->start;
    while (to < v->head && s->tok[to].tag != T_TO) to++;
    if (to > 0 && s->tok[to].tag == T_TO && TAG_IS_NOUN(s->tok[to - 1].tag) && tok_lemma_in(&s->tok[to - 1], WANTED))
        return 1;
    /* "demanding a deal to free the hostages", "urged a law to ban
     * rallies": the thing demanded, and what it is to do */
    if (to > 1 && s->tok[to].tag == T_TO && TAG_IS_NOUN(s->tok[to - 1].tag)) {
        uint32_t b = to - 1;
        while (b > 0 && to - b < 5 && (TAG_IS_NOUN(s->tok[b - 1].tag) || s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ))
            b--;
        if (b > 0 && TAG_IS_VERB(s->tok[b - 1].tag) && (tok_lemma_in(&s->tok[b - 1], DEMANDED) || tok_lemma_in(&s->tok[b - 1], ASKED)))
            return 1;
    }
    /* "any attempt by the West to isolate Russia", "calls for the
     * perpetrators to be brought to justice": over the wanter or wanted */
    if (s->tok[to].tag == T_TO)
        for (uint32_t b = to; b-- > 1 && to - b < 7;) {
            if (!(tok_word(&s->tok[b], W_BY) || tok_word(&s->tok[b], W_OF) || tok_word(&s->tok[b], W_FOR))) continue;
            if (TAG_IS_NOUN(s->tok[b - 1].tag) && tok_lemma_in(&s->tok[b - 1], WANTED)) return 1;
            break;
        }
    if (k == 0) return 0;
    const VerbPhrase *pv = &s->vp[k - 1];
    if (!tok_lemma_in(&s->tok[pv->head], ASKED)) return 0;
    for (uint32_t i = pv->end; i < v->start; i++)     /* someone is asked: an object between */
        if (s->tok[i].mention >= 0 || s->tok[i].tag == T_PRP || TAG_IS_NOUN(s->tok[i].tag)) return 1;
    return 0;
}

/* What is issued, published or sent and speaks for its issuer */
static const char *const STATEMENT_NOUNS[] = {"statement", "statements", "communique", "communiqué", "declaration",
    "letter", "resolution", "message", "note", "report", "post", "video", "decree", "order", "notice",
    "ultimatum", "appeal", "bulletin", "editorial", "press", NULL};

/* Does a clause of time or reason open between tokens a and b? */
static int adverbial_between(const Sentence *s, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b && i < s->ntok; i++)
        if ((s->tok[i].tag == T_IN || s->tok[i].tag == T_WRB) && is_subordinator(&s->tok[i])) return 1;
    return 0;
}

/* "captured Goma", "seized the town of X": a place taken is occupied
 * (192), not a person arrested (173) */
static int captured_place(const Sentence *s, const VerbPhrase *v, const Mention *tm, const char *code)
{
    static const char *const take[] = {"capture", "seize", "take", "overrun", NULL};
    return code && !strcmp(code, "173") && tm->kind == MK_COUNTRY && !tm->has_agent &&
           tok_lemma_in(&s->tok[v->head], take);
}

/* A past perfect verb group: "had run over", "had been shot" */
static int past_perfect(const Sentence *s, const VerbPhrase *v)
{
    return v->head > v->start && tok_word(&s->tok[v->start], W_HAD) &&
           (s->tok[v->head].tag == T_VBN || s->tok[v->head].tag == T_VBD);
}

/* A participle standing alone as its verb group: "demanding", "injuring" */
static int bare_participle(const Sentence *s, const VerbPhrase *v)
{
    return v->start == v->head && (s->tok[v->head].tag == T_VBG || s->tok[v->head].tag == T_VBN);
}

/* The verb group of a relative clause: "teachers who were protesting" */
static int relative_clause_verb(const Sentence *s, const VerbPhrase *v)
{
    return v->start > 0 && (tok_word(&s->tok[v->start - 1], W_WHO) || tok_word(&s->tok[v->start - 1], W_WHICH) ||
                            (tok_word(&s->tok[v->start - 1], W_THAT) && s->tok[v->start - 1].tag == T_WDT));
}

/* The mention ends a place phrase ("outside the education ministry", "in
 * Nairobi"): a place, not who does what follows it */
static int in_place_phrase(const Sentence *s, int m)
{
    uint32_t b = s->men[m].start;
    while (b > 0 && s->men[m].start - b < 3 && (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ)) b--;
    return b > 0 && is_place_prep(&s->tok[b - 1]);
}

/* The verb group whose clause a participle after a comma hangs on: back
 * from j over participles and relative clauses ("baton-charged teachers who
 * were protesting outside the ministry demanding jobs, injuring 15") */
static uint32_t clause_hung_on(const Sentence *s, uint32_t j, const int *subj_of_vp)
{
    while (j > 0 && (bare_participle(s, &s->vp[j]) || relative_clause_verb(s, &s->vp[j])) && subj_of_vp[j - 1] >= 0) j--;
    return j;
}

/* Do the words from token `from` up to token i continue a noun phrase
 * (nouns, prepositions and their phrases, adverbs: "of the town
 * overnight", "on a wedding party", "near the border"), at most 7 of them? */
static int phrase_reaches(const Sentence *s, uint32_t from, uint32_t i)
{
    for (uint32_t e = from; e < i; e++) {
        if (e >= from + 7) return 0;
        switch (s->tok[e].tag) {
        case T_IN: case T_DT: case T_JJ: case T_JJR: case T_JJS: case T_NN: case T_NNS: case T_NNP: case T_NNPS:
        case T_CD: case T_RB: case T_PRPS: case T_POS:
            if (tok_word(&s->tok[e], W_THAT)) return 0;
            break;
        default: return 0;
        }
    }
    return from <= i;
}

/* The actor of an attack named by a noun whose phrase ends right before
 * token i (over adverbs), the noun having no support verb and no target of
 * its own: "Israeli strikes killed 40 Palestinians", "Israeli shelling
 * overnight wounded"; -1 none.  ("Israeli air strikes on Gaza killed 12
 * people" is the strikes' event, on Gaza, and no other.) */
static int attack_before(const Sentence *s, uint32_t i, uint32_t k, const int *subj_of_vp)
{
    while (i > 0 && (s->tok[i - 1].tag == T_RB || s->tok[i - 1].tag == T_MD)) i--;
    /* over a participle or relative clause between commas: "Recent US
     * Predator attacks, occurring about once every three days, have
     * killed" */
    if (i >= 3 && s->tok[i - 1].tag == T_COMMA) {
        uint32_t c = i - 1;
        while (c > 0 && i - 1 - c < 12 && s->tok[c - 1].tag != T_COMMA && s->tok[c - 1].mention < 0) c--;
        if (c >= 2 && s->tok[c - 1].tag == T_COMMA && c + 1 < i &&
            (s->tok[c].tag == T_VBG || s->tok[c].tag == T_VBN || s->tok[c].tag == T_WDT)) {
            i = c - 1;
            while (k > 0 && s->vp[k - 1].start >= i) k--;
        }
    }
    if (k > 0) {
        /* a gerund tagged as a verb: "Russian shelling of the town
         * overnight killed" */
        const VerbPhrase *g = &s->vp[k - 1];
        int a = subj_of_vp[k - 1];
        if (phrase_reaches(s, g->end, i) && a >= 0 && g->start == g->head && s->tok[g->head].tag == T_VBG && g->start > 0 &&
            s->tok[g->start - 1].mention == a && cameo_is_force(g->code) && !(g->flags & (VP_NEGATED | VP_FUTURE)) &&
            g->target_tok < 0)
            return a;
    }
    for (uint32_t q = 0; q < s->nnn; q++) {
        const NounEvent *ne = &s->nn[q];
        uint32_t end = ne->end > ne->head + 1 ? ne->end : ne->head + 1;
        if (phrase_reaches(s, end, i) && ne->src_m >= 0 && ne->tgt_m < 0 && ne->support < 0 && !(ne->flags & (VP_NEGATED | VP_FUTURE)) &&
            cameo_is_force(ne->code) && s->men[ne->src_m].start < ne->head)
            return ne->src_m;
    }
    return -1;
}

static int subject_of(const Sentence *s, uint32_t k, Subj *sub, const int *subj_of_vp, const int *agent_of_vp,
                      int cv_participles)
{
    const VerbPhrase *v = &s->vp[k];
    sub->nsrc = 0;
    if (!(v->flags & (VP_INFINITIVE | VP_PASSIVE)) && cameo_is_force(v->code)) {
        int a = attack_before(s, v->start, k, subj_of_vp);
        if (a >= 0) {
            add_conj(s, a, sub->src, &sub->nsrc, 8);
            sub->rule = "the actor of the attack its subject names";
            return 0;
        }
    }
    int m = (v->flags & VP_INFINITIVE) ? -1 : mention_before(s, v->start);
    /* a participle ("accusing", "demanding") with a mention before it that
     * is not its subject */
    int participle = cv_participles && m >= 0 && k > 0 && bare_participle(s, v) && s->tok[v->head].tag == T_VBG &&
                     subj_of_vp[k - 1] >= 0 && s->vp[k - 1].end <= s->men[m].start;
    /* "Protesters attacked the embassies of Rwanda and France, accusing
     * Western countries": after a comma, not its object's */
    if (participle && s->tok[v->start - 1].tag == T_COMMA && !(s->vp[k - 1].flags & VP_SPEECH)) {
        add_conj(s, subj_of_vp[clause_hung_on(s, k - 1, subj_of_vp)], sub->src, &sub->nsrc, 8);
        sub->rule = "subject of the clause the participle hangs on";
        return 0;
    }
    /* "teachers who were protesting outside the education ministry
     * demanding jobs": after a place phrase, the subject's of the clause
     * before */
    if (participle && in_place_phrase(s, m)) {
        add_conj(s, subj_of_vp[k - 1], sub->src, &sub->nsrc, 8);
        sub->rule = "subject of the clause the participle follows";
        return 0;
    }
    if (m < 0 && !(v->flags & VP_INFINITIVE)) {
        /* "supporters who had gathered", "the group that claimed": the
         * relative pronoun's antecedent */
        uint32_t b = v->start;
        while (b > 0 && (s->tok[b - 1].tag == T_RB || s->tok[b - 1].tag == T_MD)) b--;
        if (b >= 2 && (tok_word(&s->tok[b - 1], W_WHO) || tok_word(&s->tok[b - 1], W_WHICH) ||
                       tok_word(&s->tok[b - 1], W_THAT))) {
            uint32_t a = b - 1;
            if (s->tok[a - 1].tag == T_COMMA) a--;
            if (a > 0 && s->tok[a - 1].mention >= 0 && !place_in_phrase(s, s->tok[a - 1].mention)) {
                m = s->tok[a - 1].mention;
                sub->rule = "the antecedent of a relative pronoun";
                add_conj(s, first_of_conj(s, np_head(s, m)), sub->src, &sub->nsrc, 8);
                return 0;
            }
        }
    }
    if (m >= 0 && np_head(s, m) == m && place_in_phrase(s, m)) {
        /* "hundreds of workers at a steel plant in Balti downed tools": the
         * subject is the phrase the place ends */
        uint32_t p = s->men[m].start;
        while (p > 0 && s->men[m].start - p < 5 && !is_place_prep(&s->tok[p - 1]) && !tok_word(&s->tok[p - 1], W_FROM)) p--;
        int b = p > 0 ? mention_before(s, p - 1) : -1;
        /* ... itself no preposition's object ("A bomb attack on a church
         * during the service in Davao killed"), but a count's ("hundreds of
         * workers") */
        uint32_t bs = b >= 0 ? s->men[b].start : 0;
        while (bs > 0 && (s->tok[bs - 1].tag == T_DT || s->tok[bs - 1].tag == T_JJ || s->tok[bs - 1].tag == T_CD)) bs--;
        int object = bs > 0 && (s->tok[bs - 1].tag == T_IN || s->tok[bs - 1].tag == T_TO) &&
                     !(tok_word(&s->tok[bs - 1], W_OF) && bs >= 2 &&
                       (s->tok[bs - 2].tag == T_CD || s->tok[bs - 2].tag == T_NNS || s->tok[bs - 2].tag == T_NN));
        m = b >= 0 && b != m && !object && s->men[b].end < p && phrase_reaches(s, s->men[b].end, p - 1) &&
                    !place_in_phrase(s, b) ? b : -1;
    }
    if (m >= 0) {
        m = first_of_conj(s, np_head(s, m));
        add_conj(s, m, sub->src, &sub->nsrc, 8);
        sub->rule = sub->nsrc > 1 ? "compound subject" : "subject";
        return 0;
    }
    if (k == 0) return -1;
    const VerbPhrase *pv = &s->vp[k - 1];
    if ((v->flags & VP_INFINITIVE) && v->start >= 2 && TAG_IS_NOUN(s->tok[v->start - 1].tag) &&
        s->tok[v->start - 1].mention < 0) {
        /* "the latest mass abduction to hit the region", "the first
         * country to do so": the noun's infinitive, no one's deed */
        for (uint32_t b = v->start - 1; b-- > pv->end && v->start - b < 6;) {
            const Token *t = &s->tok[b];
            if (t->tag == T_JJS || tok_word(t, W_FIRST) || tok_word(t, W_LAST) || tok_word(t, W_LATEST) ||
                tok_word(t, W_ONLY) || tok_word(t, W_NEXT))
                return -1;
            if (!(TAG_IS_NOUN(t->tag) || t->tag == T_JJ || t->tag == T_DT)) break;
        }
    }
    if (v->flags & VP_INFINITIVE) {
        if (tok_lemma_in(&s->tok[pv->head], OBJECT_CONTROL))
            for (uint32_t i = pv->end; i < v->start; i++) {
                if (s->tok[i].mention >= 0) {
                    add_conj(s, s->tok[i].mention, sub->src, &sub->nsrc, 8);
                    sub->rule = "object of the governing verb";
                    return 0;
                }
                /* "ordered them to evacuate": someone not named here, not
                 * the one who ordered */
                if (s->tok[i].tag == T_PRP) return -1;
            }
        if (subj_of_vp[k - 1] >= 0) {
            add_conj(s, subj_of_vp[k - 1], sub->src, &sub->nsrc, 8);
            sub->rule = "subject of the governing verb";
            return 0;
        }
        return -1;
    }
    if (s->tok[v->head].tag == T_VBG && v->start == v->head && v->start > pv->end && subj_of_vp[k - 1] >= 0 &&
        tok_is_any(&s->tok[v->start - 1], STATEMENT_NOUNS)) {
        /* "issued a statement condemning the attack": what the
         * statement does, its issuer does */
        uint32_t b = v->start - 1;
        while (b > pv->end && (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ || s->tok[b - 1].tag == T_CD))
            b--;
        if (b == pv->end) {
            add_conj(s, subj_of_vp[k - 1], sub->src, &sub->nsrc, 8);
            sub->rule = "subject of the verb whose statement it is";
            return 0;
        }
    }
    if (s->tok[v->head].tag == T_VBG && v->start == v->head && v->start > pv->end + 1 && subj_of_vp[k - 1] >= 0 &&
        !(pv->flags & VP_PASSIVE) && cameo_is_force(pv->code) && cameo_is_force(v->code)) {
        /* "captured the stronghold after five days of fighting": force in
         * the time adjunct of a clause of force is its subject's ("the bank
         * refused the accord after weeks of fighting" did not fight) */
        uint32_t b = adjunct_phrase_start(s, v->start, pv->end + 1);
        if (b > pv->end && opens_time_adjunct(&s->tok[b - 1])) {
            add_conj(s, subj_of_vp[k - 1], sub->src, &sub->nsrc, 8);
            sub->rule = "subject of the clause whose time adjunct it is";
            return 0;
        }
    }
    if ((v->flags & VP_SPEECH) && s->tok[v->head].tag == T_VBG && v->start == v->head && v->start > 0 &&
        s->tok[v->start - 1].tag == T_COMMA) {
        /* "Peskov denied that Russian troops had targeted civilians,
         * telling reporters ...": a speech participle after a reported
         * clause is the speaker's, not the reported subject's */
        for (uint32_t q = k - 1; q-- > 0;) {
            const VerbPhrase *sv = &s->vp[q];
            if (!((sv->flags & VP_SPEECH) || s->tok[sv->head].lemma == W_DENY) || subj_of_vp[q] < 0) continue;
            add_conj(s, subj_of_vp[q], sub->src, &sub->nsrc, 8);
            sub->rule = "the speaker of the clause before";
            return 0;
        }
    }
    /* "said shelling had intensified": a gerund before a finite verb is
     * that verb's subject, a deed whose doer goes unnamed - not the
     * speaker's */
    if (bare_participle(s, v) && s->tok[v->head].tag == T_VBG && v->head + 1 < s->ntok &&
        (s->tok[v->head + 1].tag == T_VBD || s->tok[v->head + 1].tag == T_VBZ || s->tok[v->head + 1].tag == T_VBP ||
         s->tok[v->head + 1].tag == T_MD))
        return -1;
    if ((v->flags & VP_COORD) || v->start == pv->end + 1 || (v->start > 0 && s->tok[v->start - 1].tag == T_COMMA) ||
        (v->start == pv->end && s->tok[v->head].tag == T_VBG)) {   /* "demonstrated calling for" */
        /* over participles modifying a noun ("over rising prices, accusing
         * the government"): the clause's verb */
        uint32_t j = k - 1;
        /* "said the army would not attack civilians and urged rebels": a
         * past tense does not join a verb after a modal or "to"; it joins
         * the finite verb before */
        int vt = s->tok[v->head].tag;
        /* "Naqvi said the protesters had run over the soldiers and blamed
         * Khan's party": a simple past after a past perfect reported
         * clause joins the speech verb */
        if ((v->flags & VP_COORD) && vt == T_VBD && k >= 2 && past_perfect(s, &s->vp[k - 1]) &&
            (s->vp[k - 2].flags & VP_SPEECH) && subj_of_vp[k - 2] >= 0 && !(v->flags & VP_SPEECH)) {
            add_conj(s, subj_of_vp[k - 2], sub->src, &sub->nsrc, 8);
            sub->rule = "subject of the speech verb, coordinated past a reported clause";
            return 0;
        }
        if ((v->flags & VP_COORD) && (vt == T_VBD || vt == T_VBZ)) {
            uint32_t q = k - 1;
            /* ... nor a participle: "raised the reward for information
             * leading to Maduro's arrest and imposed sanctions" */
            /* ... nor one of a clause of time ("said she would not step
             * down when her term ends and called the parliament illegitimate") */
            while (q > 0 && (s->tok[s->vp[q].start].tag == T_MD || (s->vp[q].flags & VP_INFINITIVE) ||
                             s->tok[s->vp[q].head].tag == T_VB || bare_participle(s, &s->vp[q]) ||
                             adverbial_between(s, s->vp[q - 1].end, s->vp[q].start)))
                q--;
            if (q != k - 1 && subj_of_vp[q] >= 0) {
                add_conj(s, subj_of_vp[q], sub->src, &sub->nsrc, 8);
                sub->rule = "subject of the coordinated verb";
                return 0;
            }
        }
        /* "accused the paramilitaries of looting homes and abducting
         * women": what one is accused of, however the list is tagged */
        if (s->tok[v->head].tag == T_VBG && tok_lemma_in(&s->tok[pv->head], ACCUSING))
            for (uint32_t i = pv->end; i < v->start; i++)
                if (tok_word(&s->tok[i], W_OF) || tok_word(&s->tok[i], W_FOR)) return -1;
        /* "accused the US of violating rights, ignoring the law": a list
         * of what the accused did, no deed of the subject */
        if (s->tok[v->head].tag == T_VBG) {
            uint32_t q = k - 1;   /* back to the list's first gerund */
            while (q > 0 && s->tok[s->vp[q].head].tag == T_VBG && s->vp[q].start > 0 &&
                   (s->tok[s->vp[q].start - 1].tag == T_COMMA || (s->vp[q].flags & VP_COORD)) &&
                   s->tok[s->vp[q - 1].head].tag == T_VBG)
                q--;
            const VerbPhrase *first = &s->vp[q];
            if (s->tok[first->head].tag == T_VBG && first->start > 0 &&
                (tok_word(&s->tok[first->start - 1], W_OF) || tok_word(&s->tok[first->start - 1], W_FOR)))
                return -1;
        }
        /* "baton-charged teachers who were protesting outside the ministry
         * demanding jobs, injuring 15": a participle after a comma hangs on
         * the main clause, over participles and relative clauses */
        if (cv_participles && s->tok[v->head].tag == T_VBG && v->start == v->head && s->tok[v->start - 1].tag == T_COMMA) {
            j = clause_hung_on(s, j, subj_of_vp);
            /* "was attacked by militiamen, killing 156": the passive's
             * agent did what the participle says, not its subject */
            if ((s->vp[j].flags & VP_PASSIVE) && agent_of_vp[j] >= 0) {
                add_conj(s, agent_of_vp[j], sub->src, &sub->nsrc, 8);
                sub->rule = "the agent of the passive the participle follows";
                return 0;
            }
        }
        while (j > 0 && subj_of_vp[j] < 0 && s->tok[v->head].tag == T_VBG && !(s->vp[j].flags & VP_INFINITIVE) &&
               (s->tok[s->vp[j].head].tag == T_VBG || s->tok[s->vp[j].head].tag == T_VBN) && s->vp[j].start == s->vp[j].head)
            j--;
        if (subj_of_vp[j] >= 0) {
            add_conj(s, subj_of_vp[j], sub->src, &sub->nsrc, 8);
            sub->rule = "subject of the coordinated verb";
            return 0;
        }
    }
    return -1;
}

/* Is there a noun phrase after the verb, other than a bare time word
 * ("said today" has none, "said on Saturday" has one)? */
static int has_null_phrase(const Sentence *s, const VerbPhrase *v)
{
    static const char *const bare[] = {"today", "tonight", "yesterday", "tomorrow", "now", NULL};
    for (uint32_t i = v->end; i < v->clause_end; i++) {
        const Token *t = &s->tok[i];
        if (!TAG_IS_NOUN(t->tag) && t->tag != T_CD) continue;
        int b = 0;
        for (int k = 0; bare[k]; k++) b |= tok_is(t, bare[k]);
        if (!b) return 1;
    }
    return 0;
}

/* it/they/we/he/she right before token i (adverbs and modals between) */
static int pronoun_before(const Sentence *s, uint32_t i)
{
    while (i > 0 && (s->tok[i - 1].tag == T_RB || s->tok[i - 1].tag == T_MD)) i--;
    if (i == 0 || s->tok[i - 1].tag != T_PRP) return 0;
    const Token *t = &s->tok[i - 1];
    return tok_word(t, W_IT) || tok_word(t, W_THEY) || tok_word(t, W_WE) || tok_word(t, W_HE) || tok_word(t, W_SHE);
}

/* The suite's source: the leftmost actor between the sentence start (or
 * the nearest comma before the verb) and the verb; a passive or a pattern
 * may still change it. */
static void petrarch_source(const Sentence *s, const VerbPhrase *v, Subj *sub)
{
    uint32_t from = v->start;
    while (from > 0 && s->tok[from - 1].tag != T_COMMA) from--;
    for (uint32_t i = from; i < v->start; i++) {
        int m = s->tok[i].mention;
        if (m < 0) continue;
        sub->nsrc = 0;
        add_conj(s, first_of_conj(s, m), sub->src, &sub->nsrc, 8);
        sub->rule = "leftmost actor before the verb";
        return;
    }
}

/* The suite's new actors: the words [a, b) as a mention coded by their
 * text in quotes ("THE MINISTRY OF MAGIC"), when they are at most max
 * words; -1 otherwise. */
static int new_actor(Doc *d, Sentence *s, uint32_t a, uint32_t b, int max)
{
    char buf[256];
    size_t n = 0;
    int words = 0;
    buf[n++] = '"';
    for (uint32_t i = a; i < b; i++) {
        const Token *t = &s->tok[i];
        if (t->tag == T_POS || (t->flags & TOK_PUNCT)) continue;
        if (n + t->n + 3 >= sizeof buf) return -1;
        if (words++) buf[n++] = ' ';
        for (uint32_t k = 0; k < t->n; k++) buf[n++] = (char)toupper((unsigned char)t->s[k]);
    }
    buf[n++] = '"';
    if (!words || words > max) return -1;
    Mention m = {.start = a, .end = b, .conj = -1, .code = sym_intern(buf, n), .kind = MK_ORG};
    return doc_add_mention(d, s, &m);
}

/* the noun phrase after the verb (past a preposition): "for the Ministry of Magic" */
static void phrase_after(const Sentence *s, uint32_t i, uint32_t end, uint32_t *a, uint32_t *b)
{
    while (i < end && (s->tok[i].tag == T_IN || s->tok[i].tag == T_TO || s->tok[i].tag == T_RP)) i++;
    *a = i;
    while (i < end && (TAG_IS_NOUN(s->tok[i].tag) || s->tok[i].tag == T_DT || s->tok[i].tag == T_JJ ||
                       (tok_word(&s->tok[i], W_OF) && i + 1 < end && TAG_IS_NOUN(s->tok[i + 1].tag))))
        i++;
    *b = i;
}

/* CAMEO code for what an actor says it will do: the 03x intent code that
 * matches the action (072 military aid -> 0332, 046 negotiate -> 036 ...);
 * a protest said to come threatens dissent (133: "plan to stage a protest
 * outside parliament next week"); a conflict action said to come is a
 * threat (13x). */
/* A code recoded by the first entry of map whose code is a prefix of it
 * (the longest prefixes are listed first); NULL when none is. */
typedef struct Recode {
    const char *from, *to;
} Recode;

static const char *recode(const Recode *map, size_t n, const char *code)
{
    if (!code || strlen(code) < 2) return NULL;
    for (size_t i = 0; i < n; i++)
        if (!strncmp(code, map[i].from, strlen(map[i].from))) return map[i].to;
    return NULL;
}

static const char *intent_code(const char *code)
{
    static const Recode map[] = {
        {"045", "039"}, {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
        {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
        {"081", "0351"}, {"082", "0352"}, {"0831", "0341"}, {"0832", "0342"}, {"0833", "0343"},
        {"0834", "0344"}, {"083", "034"}, {"084", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
        {"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"}, {"14", "133"},
        {"15", "130"}, {"16", "131"}, {"17", "137"}, {"18", "138"}, {"19", "138"}, {"20", "138"}};
    const char *to = recode(map, sizeof map / sizeof *map, code);
    return to ? to : code;
}

/* The rejection (12) of a cooperative action refused: to meet or
 * negotiate (125), to mediate (126), to sign a deal (127), to cooperate
 * (121), to give aid (122), to reform or step down (123), to yield (124:
 * ease restrictions, release, allow involvement, de-escalate); NULL for
 * anything else (refusing to attack is no event). */
static const char *refusal_code(const char *code)
{
    static const Recode map[] = {
        {"0831", "1231"}, {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"}, {"045", "126"}, {"046", "125"},
        {"057", "127"}, {"081", "1241"}, {"082", "1242"}, {"083", "123"}, {"084", "1243"}, {"085", "1244"},
        {"086", "1245"}, {"087", "1246"}, {"04", "125"}, {"03", "120"}, {"05", "120"}, {"06", "121"},
        {"07", "122"}, {"08", "124"}};
    return recode(map, sizeof map / sizeof *map, code);
}

/* Does verb phrase k's plain event give way to its complement's more
 * particular one?  "threatened to launch a strike": the threat of a
 * strike (133), not also a plain threat (130); "refused to extradite the
 * suspect": the refusal of what was refused (121), not also a plain
 * rejection (120). */
static int yields_to_complement(const Sentence *s, uint32_t k)
{
    const VerbPhrase *v = &s->vp[k], *c = k + 1 < s->nvp ? &s->vp[k + 1] : NULL;
    if (!c || !c->code || !v->code) return 0;
    /* "vowed to attack": the threat (138), not also a vow to cooperate;
     * "pledged to send aid": the pledge of aid (033) */
    if (!strcmp(v->code, "030")) {
        if (!(c->flags & VP_INFINITIVE) || !(c->flags & VP_FUTURE) || c->start > v->end + 1) return 0;
        const char *ic = intent_code(c->code);   /* only a more particular intent: not "agreed to send troops" (130) */
        return ic && strlen(ic) >= 3 && strcmp(ic, "130") && strcmp(ic, "030");
    }
    if (!strcmp(v->code, "130"))
        return (c->flags & VP_INFINITIVE) && (c->flags & VP_FUTURE) && c->start <= v->end + 1 &&
               !strncmp(intent_code(c->code), "13", 2);
    return !strncmp(v->code, "12", 2) && (c->flags & VP_REFUSED) &&
           ((c->flags & VP_RECODED) || refusal_code(c->code));
}

/* Words that open an adjunct (time, cause, concession): an actor after
 * them is no object of the verb. */
static int is_adjunct_start(const Token *t)
{
    switch ((unsigned char)t->s[0] | 32u) {   /* by the first letter: a few words to compare */
    case 's': return tok_word(t, W_SINCE);
    case 'a': return tok_word(t, W_AFTER) || tok_word(t, W_AMID) || tok_word(t, W_ALTHOUGH) || tok_word(t, W_AS);
    case 'b': return tok_word(t, W_BEFORE) || tok_word(t, W_BECAUSE);
    case 'd': return tok_word(t, W_DURING) || tok_word(t, W_DESPITE);
    case 'f': return tok_word(t, W_FOLLOWING);
    case 'u': return tok_word(t, W_UNTIL) || tok_word(t, W_UNLESS);
    case 'w': return tok_word(t, W_WHEN) || tok_word(t, W_WHILE) || tok_word(t, W_WHEREAS);
    case 'i': return tok_word(t, W_IF);
    case 't': return tok_word(t, W_THOUGH);
    default: return 0;
    }
}

/* The mention a tree node stands for: its own, else one of its
 * children's ("the Kenyan police": police; "officials of the ministry"). */
static int node_mention(const Sentence *s, uint32_t i)
{
    if (s->tok[i].mention >= 0) return s->tok[i].mention;
    for (uint32_t j = 0; j < s->ntok; j++)
        if (s->tok[j].head == (int)i && s->tok[j].mention >= 0 &&
            (s->tok[j].rel == REL_COMPOUND || s->tok[j].rel == REL_FLAT || s->tok[j].rel == REL_AMOD ||
             s->tok[j].rel == REL_NMOD || s->tok[j].rel == REL_NMOD_POSS || s->tok[j].rel == REL_APPOS))
            return s->tok[j].mention;
    return -1;
}

/* The dependent of token h in relation rel that stands for an actor, -1
 * none. */
static int tree_dependent(const Sentence *s, uint32_t h, int rel)
{
    for (uint32_t i = 0; i < s->ntok; i++)
        if (s->tok[i].head == (int)h && s->tok[i].rel == rel) {
            int m = node_mention(s, i);
            if (m >= 0) return m;
        }
    return -1;
}

/* Token i an open complement of h: its xcomp, or an infinitive the
 * parser took for an adverbial clause after it ("threatened Monday to
 * resume attacks in Israel", "fired tear gas to disperse protesters"). */
static int open_complement(const Sentence *s, uint32_t i, uint32_t h)
{
    if (s->tok[i].head != (int)h) return 0;
    if (s->tok[i].rel == REL_XCOMP) return 1;
    if (s->tok[i].rel != REL_ADVCL || i < h) return 0;
    for (uint32_t j = h + 1; j < i; j++)
        if (s->tok[j].head == (int)i && s->tok[j].rel == REL_MARK && tok_word(&s->tok[j], W_TO)) return 1;
    return 0;
}

/* The preposition (case dependent) of tree node i, NULL none. */
static const Token *tree_case(const Sentence *s, uint32_t i)
{
    for (uint32_t j = 0; j < i; j++)
        if (s->tok[j].head == (int)i && s->tok[j].rel == REL_CASE) return &s->tok[j];
    return NULL;
}

/* Prepositions that mark whom an action is on: "talks with Iran",
 * "sanctions against Russia", "aid to Gaza", "the curfew on Palestinians",
 * "an offer from Kabul", "reforms by the government". */
static int target_case(const Token *c)
{
    static const char *const w[] = {"to", "with", "against", "on", "upon", "at", "into", "from", "toward", "towards",
                                    "over", "by", "of", NULL};
    for (int i = 0; c && w[i]; i++)
        if (tok_is(c, w[i])) return 1;
    return 0;
}

/* "its embassy", "their troops": the subject's own, no target */
static int own_thing(const Sentence *s, int m)
{
    uint32_t st = s->men[m].start;
    return st > 0 && (tok_word(&s->tok[st - 1], W_ITS) || tok_word(&s->tok[st - 1], W_THEIR));
}

/* The actor a complaint is about, after its addressee ending at token i:
 * "over" or "about" (or "against"), then an actor within four words,
 * before any other verb ("to the UN on Tuesday over two Israeli air
 * raids"); -1 none. */
static int complaint_about(const Sentence *s, uint32_t i)
{
    for (uint32_t j = i; j < s->ntok && j < i + 6; j++) {
        const Token *t = &s->tok[j];
        if (TAG_IS_VERB(t->tag) || t->tag == T_COMMA) return -1;
        if (!(tok_word(t, W_OVER) || tok_word(t, W_ABOUT) || tok_word(t, W_AGAINST))) continue;
        for (uint32_t q = j + 1; q < s->ntok && q <= j + 4; q++) {
            if (TAG_IS_VERB(s->tok[q].tag)) return -1;
            if (s->tok[q].mention >= 0 && s->men[s->tok[q].mention].kind != MK_PRONOUN) return s->tok[q].mention;
        }
        return -1;
    }
    return -1;
}

/* A complaint's target: its addressee m ("to the UN", "with the UN")
 * gives way to what it is about, when it says */
static int complaint_target(const Sentence *s, int m)
{
    if (m < 0) return m;
    uint32_t pp = s->men[m].start;
    if (pp >= 1 && s->tok[pp - 1].tag == T_DT) pp--;
    if (pp == 0 || !(tok_word(&s->tok[pp - 1], W_TO) || tok_word(&s->tok[pp - 1], W_WITH))) return m;
    int about = complaint_about(s, s->men[m].end);
    return about >= 0 ? about : m;
}

/* The first finite verb after token h (ntok none): a target of h stands
 * before it */
static uint32_t next_finite(const Sentence *s, uint32_t h)
{
    for (uint32_t i = h + 1; i < s->ntok; i++) {
        int t = s->tok[i].tag;
        if (t == T_VBD || t == T_VBZ || t == T_VBP || t == T_MD) return i;
    }
    return s->ntok;
}

/* A mention other than skip starting after token i and before token stop */
static int mention_between(const Sentence *s, uint32_t i, uint32_t stop, int skip)
{
    for (uint32_t m = 0; m < s->nmen; m++)
        if (s->men[m].start > i && s->men[m].start < stop && (int)m != skip) return 1;
    return 0;
}

/* A target read off the tree when the rules found none, -1 none: the
 * verb's object or indirect object; an oblique with a preposition of
 * whom an action is on (not "in", "at" for meetings: places); the
 * possessor or such a modifier of the object ("rejected Israel's
 * proposal", "lifted the curfew on Palestinians"); the object of an open
 * complement ("refused to meet Iran"), else its oblique ("threatened to
 * deliver blows to the United States"); for a demand, the subject of the
 * clause demanded ("demanded that Hamas release"); after the verb and
 * before the next finite verb (where --tree looks for one: see
 * make_events).  *how names the relation for --explain. */
static int target_in_tree(const Sentence *s, uint32_t h, const char *code, int src, const char **how)
{
    int consult = code && code[0] == '0' && code[1] == '4';
    uint32_t stop = next_finite(s, h);
    int demand = code && (!strncmp(code, "10", 2) || !strncmp(code, "02", 2));
    int m;
    int later = -1;   /* people no country names ("sent more troops to Somalia"): where they go first */
    const char *later_how = NULL;
#define TRY(expr, why)                                                     \
    do {                                                                   \
        m = (expr);                                                        \
        if (m >= 0 && m != src && s->men[m].start > h && s->men[m].start < stop && !own_thing(s, m)) { \
            if (s->men[m].has_agent && !s->men[m].actor_ref && later < 0) { \
                later = m;                                                 \
                later_how = (why);                                         \
            } else {                                                       \
                *how = (why);                                              \
                return m;                                                  \
            }                                                              \
        }                                                                  \
    } while (0)
    TRY(tree_dependent(s, h, REL_OBJ), "obj of the verb in the tree");
    TRY(tree_dependent(s, h, REL_IOBJ), "iobj of the verb in the tree");
    for (uint32_t i = 0; i < s->ntok; i++) {
        if (s->tok[i].head != (int)h || s->tok[i].rel != REL_OBL) continue;
        const Token *c = tree_case(s, i);
        if (!target_case(c) || (consult && (tok_word(c, W_AT) || tok_word(c, W_ON)))) continue;
        TRY(node_mention(s, i), "obl of the verb in the tree, with its preposition");
    }
    for (uint32_t o = 0; o < s->ntok; o++) {
        if (s->tok[o].head != (int)h || s->tok[o].rel != REL_OBJ) continue;
        for (uint32_t i = 0; i < s->ntok; i++) {
            if (s->tok[i].head != (int)o) continue;
            /* the modifier itself an actor: "the curfew on Palestinians",
             * not "an agreement on the release of prisoners" */
            if (s->tok[i].rel == REL_NMOD_POSS || (s->tok[i].rel == REL_NMOD && target_case(tree_case(s, i))))
                TRY(s->tok[i].mention, "a possessor or modifier of the object in the tree");
        }
    }
    for (uint32_t i = 0; i < s->ntok; i++) {
        if (s->tok[i].head != (int)h) continue;
        int xcomp = open_complement(s, i, h);
        if (xcomp) TRY(tree_dependent(s, i, REL_OBJ), "obj of the verb's xcomp in the tree");
        if (demand && s->tok[i].rel == REL_CCOMP)
            TRY(tree_dependent(s, i, REL_NSUBJ), "nsubj of the clause demanded, in the tree");
        if (xcomp)   /* "agreed to send troops to Somalia", "threatened to deliver blows to" */
            for (uint32_t j = 0; j < s->ntok; j++)
                if (s->tok[j].head == (int)i && s->tok[j].rel == REL_OBL && target_case(tree_case(s, j)))
                    TRY(node_mention(s, j), "obl of the verb's xcomp in the tree, with its preposition");
    }
#undef TRY
    *how = later_how;
    return later;
}

/* The subject of the verb at h from the tree: its nsubj, else the subject
 * it shares with the verb it is coordinated with or completes ("Iran
 * denied the report and accused Israel", "agreed to withdraw"). */
static int tree_subject(const Sentence *s, uint32_t h)
{
    uint32_t verb = h;
    for (int hops = 0; hops < 4; hops++) {
        int m = tree_dependent(s, h, REL_NSUBJ);
        if (m >= 0) return s->men[m].start < verb ? m : -1;
        const Token *t = &s->tok[h];
        if (t->head < 0 || (t->rel != REL_CONJ && t->rel != REL_XCOMP)) return -1;
        h = (uint32_t)t->head;
    }
    return -1;
}

/* A "by" at or after token i */
static int by_after(const Sentence *s, uint32_t i)
{
    for (; i < s->ntok; i++)
        if (tok_word(&s->tok[i], W_BY)) return 1;
    return 0;
}

/* The passive verb's agent, -1 none: from the tree, the mention in the
 * verb's obl:agent phrase ("were arrested by the police in Nairobi");
 * else "by" then the actor, over a determiner or possessive ("by the
 * police", "by its army"; the suite's conventions: right after "by"). */
static int passive_agent(const Sentence *s, const VerbPhrase *v, const Options *o, int *from_tree)
{
    *from_tree = s->parsed;
    if (s->parsed)
        for (uint32_t i = v->end; i < s->ntok; i++) {
            const Token *t = &s->tok[i];
            if (t->head != (int)v->head || t->rel != REL_OBL_AGENT) continue;
            /* the first actor of the phrase: "by the U.N. war crimes court"
             * is the U.N.'s */
            uint32_t from = i, by = 0;
            while (from > v->end && s->tok[from - 1].head == (int)i) from--;
            for (uint32_t j = v->end; j < i && !by; j++) by = s->tok[j].head == (int)i && tok_word(&s->tok[j], W_BY);
            if (!by) continue;   /* an agent is a "by" phrase */
            for (uint32_t j = from; j <= i; j++)
                if (s->tok[j].mention >= 0 && s->men[s->tok[j].mention].start > v->end) return s->tok[j].mention;
            int m = node_mention(s, i);
            if (m >= 0 && s->men[m].start > v->end) return m;
        }
    *from_tree = 0;
    for (uint32_t i = v->end; i + 1 < v->clause_end; i++) {
        if (!tok_word(&s->tok[i], W_BY)) continue;
        uint32_t k = i + 1;
        if (conventions(o)->agent_phrases && k + 1 < v->clause_end && (s->tok[k].tag == T_DT || s->tok[k].tag == T_PRPS)) k++;
        /* "by suspected militants", "by heavily armed men", "by plainclothes officers" */
        for (int adj = 0; adj < 3 && conventions(o)->agent_phrases && k + 1 < s->ntok && s->tok[k].mention < 0 &&
                          (s->tok[k].tag == T_JJ || s->tok[k].tag == T_VBN || s->tok[k].tag == T_VBD || s->tok[k].tag == T_RB ||
                           s->tok[k].tag == T_NN || s->tok[k].tag == T_NNS);
             adj++)
            k++;
        if (s->tok[k].mention >= 0) return s->tok[k].mention;
    }
    return -1;
}

/* A code that is an event without anyone acted upon: a protest, a riot, a
 * strike, violence whose victims go unnamed ("thousands marched through
 * the capital", "gunmen opened fire").  GDELT leaves the second actor
 * empty for these too. */
static int stands_alone(const char *code)
{
    /* ... and a curfew, a state of emergency, a ban imposed on a place
     * (172), a leader's resignation (0831) */
    return !strncmp(code, "14", 2) || !strncmp(code, "18", 2) || !strncmp(code, "19", 2) ||
           !strncmp(code, "20", 2) || !strncmp(code, "15", 2) || !strncmp(code, "172", 3) || !strcmp(code, "0831");
}

/* The verb group says what someone must or should do: "must withdraw",
 * "should release", "has to stop" (not "must not": a ban, left alone). */
static int obliged(const Sentence *s, const VerbPhrase *v)
{
    for (uint32_t i = v->start; i < v->head; i++) {
        const Token *t = &s->tok[i];
        if (t->tag == T_MD && (tok_word(t, W_MUST) || tok_word(t, W_SHOULD))) return 1;
        if ((tok_word(t, W_HAS) || tok_word(t, W_HAVE)) && i + 1 < v->head && tok_word(&s->tok[i + 1], W_TO)) return 1;
    }
    return 0;
}

/* A future action on a condition another must meet: the token of the
 * first actor after "unless" later in the sentence ("... unless the
 * president agrees to step down"), or the "unless" itself; -1 none. */
static int condition_after(const Sentence *s, const VerbPhrase *v)
{
    /* "if" too, for an action against another: "will impose sanctions if
     * Iran does not comply", "may halt its mediation if the talks founder" */
    const char *c = v->code;
    int hostile = c && (c[0] == '1' && c[1] >= '3');
    for (uint32_t i = v->end; i < s->ntok; i++) {
        if (!tok_word(&s->tok[i], W_UNLESS) && !(hostile && tok_word(&s->tok[i], W_IF))) continue;
        for (uint32_t j = i + 1; j < s->ntok && j < i + 8; j++)
            if (s->tok[j].mention >= 0) return (int)j;
        return (int)i;
    }
    return -1;
}

/* An agentless passive that stands as an event with its first actor
 * unknown: force (arrests and repression, assaults, fighting, mass
 * violence: "five protesters were arrested"), and investigations and
 * accusations ("was put under investigation", "has been accused of
 * embezzling"), which news reports without naming who brought them as
 * often as not. */
static int agentless_passive_counts(const char *code)
{
    return cameo_is_force(code) || !strncmp(code, "09", 2) || !strncmp(code, "11", 2) ||
           !strncmp(code, "084", 3);   /* "two hostages were freed" */
}

/* The unidentified forces of a country's code ("KEN" -> "KENUAF"), the
 * field's actor for violence whose perpetrators go unnamed. */
static Sym unidentified_forces(Sym country)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%sUAF", sym_name(country));
    return sym_intern(buf, strlen(buf));
}

/* What two sides do together: meet, agree, cooperate, fight. */
static int together_code(const char *code)
{
    return code[0] == '0' ? code[1] >= '3' && code[1] <= '8' : !strncmp(code, "19", 2);
}

/* Nouns of a weapon or an attack (as lemma or word): what violence was
 * done with or in when no one is named ("a roadside bomb killed", "killed
 * in Israeli strikes") */
static const char *const ATTACK_WORDS[] = {"bomb", "bombing", "blast", "explosion", "mine", "landmine", "shell",
                                           "shelling", "rocket", "missile", "grenade", "airstrike", "strike",
                                           "attack", "ambush", "device", "ied", "drone", "fire", "gunfire",
                                           "barrage", "raid", "mortar", "bombardment", "suicide", "offensive",
                                           "assault", NULL};

static int attack_word(const Token *t) { return tok_lemma_in(t, ATTACK_WORDS) || tok_is_any(t, ATTACK_WORDS); }

/* Does the verb's subject name a weapon, a blast or an attack rather than
 * someone (2: a weapon or an attack; 1: a blast, which may be an accident) ("a roadside bombing near Samarra killed", "the explosion at an
 * arms depot wounded")?  The nearest noun before the verb, over place and
 * time phrases, from the clause start. */
static int weapon_subject(const Sentence *s, const VerbPhrase *v)
{
    uint32_t from = v->start, to = v->start;
    /* over a relative clause: "The conflict in Morocco, which began in
     * 1999, has killed" */
    if (from >= 2 && s->tok[from - 1].tag == T_COMMA) {
        uint32_t c = from - 1;
        while (c > 0 && from - c < 14 && s->tok[c - 1].tag != T_COMMA) c--;
        if (c > 1 && (tok_word(&s->tok[c], W_WHICH) || tok_word(&s->tok[c], W_WHO))) from = to = c - 1;
    }
    /* "a drone attack that killed three soldiers": the relative pronoun's
     * antecedent, from its own noun phrase on */
    else if (from >= 2 && (tok_word(&s->tok[from - 1], W_THAT) || tok_word(&s->tok[from - 1], W_WHICH))) {
        from = to = from - 1;
        if (s->tok[from - 1].tag == T_COMMA) from = to = from - 1;   /* "The drone attack, which killed" */
        if (from == 0 || !TAG_IS_NOUN(s->tok[from - 1].tag)) return 0;
        while (from > 0 && to - from < 6 &&
               (TAG_IS_NOUN(s->tok[from - 1].tag) || s->tok[from - 1].tag == T_JJ || s->tok[from - 1].tag == T_DT))
            from--;
        if (from > 0 && s->tok[from - 1].mention >= 0) return 0;
        return attack_word(&s->tok[to - 1]) ? 2 : 0;
    }
    while (from > 0 && s->tok[from - 1].tag != T_COMMA && !TAG_IS_VERB(s->tok[from - 1].tag) &&
           s->tok[from - 1].tag != T_MD && to - from < 16)
        from--;
    /* the head of the first noun phrase of the clause: the last noun before
     * a preposition, or before the verb */
    int head = -1;
    for (uint32_t i = from; i < to; i++) {
        const Token *t = &s->tok[i];
        if (t->tag == T_IN || t->tag == T_TO) break;
        if (t->mention >= 0 && TAG_IS_NOUN(t->tag) && !(i + 1 < to && TAG_IS_NOUN(s->tok[i + 1].tag)))
            return 0;   /* an actor heads the subject */
        if (TAG_IS_NOUN(t->tag)) head = (int)i;
    }
    if (head < 0) return 0;
    /* a blast or a fire may be an accident; the rest someone's attack */
    static const char *const blast[] = {"blast", "explosion", "fire", "conflict", "war", "fighting", "violence",
                                        "clash", "unrest", "insurgency", "uprising", NULL};
    if (tok_lemma_in(&s->tok[head], blast)) return 1;
    return attack_word(&s->tok[head]) ? 2 : 0;
}

/* The doer of the deed a verb condemns: its object is an event noun of
 * coercion or violence (17-20) that names no one doing it ("the attack",
 * "Tuesday's killing of the journalist"); the source of the last such
 * event coded before it in the article; or a noun of any deed ("the move",
 * "the decision"), the source of the last deed.  0 none. */
#define RECENT_SENTENCES 8

static Sym condemned_doer(const Doc *d, const Sentence *s, const VerbPhrase *v, Sym self)
{
    for (uint32_t q = 0; q < s->nnn; q++) {
        const NounEvent *ne = &s->nn[q];
        if (ne->start < v->end || ne->start > v->end + 1 || ne->head >= v->clause_end) continue;
        /* ("criticised the summit's declaration": the declaration) */
        if (ne->head + 1 < s->ntok && s->tok[ne->head + 1].tag == T_POS) continue;
        int root = (ne->code[0] - '0') * 10 + (ne->code[1] - '0');
        /* violence and coercion, or a meeting ("criticised the talks") */
        if (ne->src_m >= 0 || ne->between || (root < 17 && root != 4)) continue;
        /* the deed was told in the last few sentences: a long document is
         * not searched from its start for every condemnation */
        uint32_t si = (uint32_t)(s - d->sent);
        for (uint32_t i = d->nev; i-- > 0 && d->ev[i].sent + RECENT_SENTENCES >= si;) {
            const Event *e = &d->ev[i];
            int r = (e->code[0] - '0') * 10 + (e->code[1] - '0');
            int alike = r == root || (r >= 18 && root >= 18);
            if (alike && e->source && e->source != self && actor_country(e->source) != actor_country(self))
                return e->source;
        }
    }
    /* "condemned the persecution of opposition figures in Russia": a
     * state's repression of its people is the state's */
    {
        static const char *const repress[] = {"persecution", "repression", "crackdown", "suppression", "harassment",
                                              "jailing", "imprisonment", "treatment", "intimidation", "violence",
                                              NULL};
        uint32_t j = v->end, end = v->clause_end < s->ntok ? v->clause_end : s->ntok;
        while (j < end && j - v->end < 4 && (s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ || s->tok[j].tag == T_VBN))
            j++;
        if (j + 2 < end && tok_is_any(&s->tok[j], repress) &&
            (tok_word(&s->tok[j + 1], W_OF) || tok_word(&s->tok[j + 1], W_ON) || tok_word(&s->tok[j + 1], W_AGAINST)))
            for (uint32_t q = j + 2; q < end && q < j + 8; q++) {
                int m = s->tok[q].mention;
                if (m < 0) continue;
                const Mention *mm = &s->men[m];
                const char *ag = mm->agent ? sym_name(mm->agent) : "";
                Sym c = actor_country(mm->code);
                if (mm->has_agent && c && c != actor_country(self) && strcmp(ag, "GOV") && strcmp(ag, "MIL") &&
                    strcmp(ag, "COP") && strcmp(ag, "SPY"))
                    return c;
                break;
            }
    }
    /* "rejected the accusation", "denied the allegations": whoever made
     * the accusation told last */
    {
        static const char *const accusation[] = {"accusation", "accusations", "allegation", "allegations",
                                                  "charge", "charges", "claim", "claims", NULL};
        uint32_t j = v->end, end = v->clause_end < s->ntok ? v->clause_end : s->ntok;
        while (j < end && j - v->end < 3 && (s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ)) j++;
        if (j < end && j > v->end && tok_is_any(&s->tok[j], accusation) &&
            !(j + 1 < s->ntok && (tok_word(&s->tok[j + 1], W_BY) || tok_word(&s->tok[j + 1], W_OF)))) {
            uint32_t si = (uint32_t)(s - d->sent);
            for (uint32_t q = d->nev; q-- > 0 && d->ev[q].sent + RECENT_SENTENCES >= si;) {
                const Event *e = &d->ev[q];
                if (strncmp(e->code, "11", 2) || !e->source || e->source == self) continue;
                return actor_country(e->source) != actor_country(self) ? e->source : 0;
            }
            return 0;
        }
    }
    /* "criticised the move", "condemned the decision": a deed of any kind
     * but words (statements, appeals, demands, disapproval, rejections) */
    static const char *const deed[] = {"move", "decision", "step", "action", "actions", "ban", "expulsion",
                                       "expulsions", NULL};
    static const char *const det[] = {"the", "this", "that", "these", "those", NULL};
    uint32_t i = v->end, end = v->clause_end < s->ntok ? v->clause_end : s->ntok;
    if (i >= end || !tok_is_any(&s->tok[i], det)) return 0;
    uint32_t j = i + 1;
    while (j < end && j - i < 4 && s->tok[j].mention < 0 &&
           (s->tok[j].tag == T_JJ || s->tok[j].tag == T_VBN || s->tok[j].tag == T_RB))
        j++;
    if (j >= end || s->tok[j].mention >= 0 || !tok_is_any(&s->tok[j], deed)) return 0;
    /* one with its own actor after it is not the one told before: "the
     * decision of the court", "the move by Hamas" */
    if (j + 1 < s->ntok && (tok_word(&s->tok[j + 1], W_BY) || tok_word(&s->tok[j + 1], W_OF))) return 0;
    uint32_t si = (uint32_t)(s - d->sent);
    for (uint32_t q = d->nev; q-- > 0 && d->ev[q].sent + RECENT_SENTENCES >= si;) {
        const Event *e = &d->ev[q];
        int r = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (r == 1 || r == 2 || r == 3 || r == 10 || r == 11 || r == 12 || !strncmp(e->code, "051", 3)) continue;
        return e->source && e->source != self && actor_country(e->source) != actor_country(self) ? e->source : 0;
    }
    return 0;
}

static void push_event(Doc *d, const Event *in)
{
    /* its date: the date expression nearest its verb (or noun), resolved
     * (when.h), and the words it was read from; else the publication date */
    Event ev = *in;
    const Event *e = &ev;
    Sentence *s = &d->sent[ev.sent];
    const VerbPhrase *v = ev.noun || ev.vp >= s->nvp ? NULL : &s->vp[ev.vp];
    uint32_t near = ev.noun ? s->nn[ev.noun - 1].head : v ? v->head : 0;
    int future = v && (v->flags & VP_FUTURE) && !(v->flags & VP_INFINITIVE);
    When w = when_near(s, d->arena, near, d->pubdate, future);
    ev.date = w.ymd ? w.ymd : d->pubdate;
    ev.date_start = ev.date_end = 0;
    if (w.ymd) ev.date_start = (uint16_t)w.start, ev.date_end = (uint16_t)w.end;   /* a sentence is < 400 tokens */
    ev.quote = s->quote && (v || ev.noun) ? s->quote[near] : 0;   /* said inside a quote */
    /* one event per (source, target, code) in a sentence */
    for (uint32_t i = d->nev; i-- > 0 && d->ev[i].sent == e->sent;)
        if (d->ev[i].source == e->source && d->ev[i].target == e->target && !strcmp(d->ev[i].code, e->code))
            return;
    if (d->nev == d->capev) {
        uint32_t nc = d->capev ? (uint32_t)arena_next_cap(d->capev) : 32;
        d->ev = arena_grow(d->arena, d->ev, d->capev * sizeof *d->ev, nc * sizeof *d->ev);
        d->capev = nc;
    }
    d->ev[d->nev++] = *e;
}

/* Transformations: what a speaker says about an event of his sentence
 * ("Hamas said it fired rockets at Israel" -> claims responsibility). */
static void transform(Doc *d, const Dict *dict, uint32_t si, uint32_t first_ev, const int *subj, const Conventions *cv)
{
    const Sentence *s = &d->sent[si];
    if (first_ev >= d->nev || !s->nvp) return;   /* no event of the sentence to transform */
    /* each verb group's block label, read once (not once a transformation) */
    Sym *label = arena_alloc(d->arena, s->nvp * sizeof *label);
    for (uint32_t k = 0; k < s->nvp; k++) label[k] = s->vp[k].block < 0 ? 0 : dict->blocks[s->vp[k].block].label;
    for (uint32_t t = 0; t < dict->ntransforms; t++) {
        const Transform *tr = &dict->transforms[t];
        for (uint32_t k = 0; k < s->nvp; k++) {
            const VerbPhrase *ov = &s->vp[k];
            if (s->vp[k].block < 0 || label[k] != tr->overb || subj[k] < 0) continue;
            Sym a = s->men[subj[k]].code;
            for (uint32_t i = first_ev; i < d->nev; i++) {
                Event *e = &d->ev[i];
                const VerbPhrase *iv = &s->vp[e->vp];
                if (e->vp <= k || iv->start < ov->end) continue;   /* a verb after the speech verb */
                /* "..., the army chief said, as crowds stormed the residence":
                 * a trailing attribution says what came before it */
                if (cv->speech && subj[k] >= 0 && s->men[subj[k]].end <= ov->start && ov->end < s->ntok &&
                    (s->tok[ov->end].tag == T_COMMA || s->tok[ov->end].tag == T_PERIOD)) {
                    uint32_t b = s->men[subj[k]].start;
                    while (b > 0 && (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ)) b--;
                    if (b > 0 && s->tok[b - 1].tag == T_COMMA) continue;
                }
                /* "Hamas said it would attack": a threat, not a claim */
                if (cv->modality && (iv->flags & VP_FUTURE)) continue;
                /* "said it would send a carrier after militias attacked U.S.
                 * bases": a clause of time or reason, not what is said */
                if (cv->speech && adverbial_between(s, ov->end, iv->start)) continue;
                if (tr->iverb && (iv->block < 0 || dict->blocks[iv->block].label != tr->iverb)) continue;
                if (tr->isrc == tr->osrc && e->source != a) continue;
                if (tr->isrc != tr->osrc && tr->isrc != '.' && e->source == a) continue;
                if (!e->target) continue;
                Sym b = e->target, src = e->source;
                Sym rs = tr->rsrc == tr->osrc ? a : tr->rsrc == tr->itgt ? b : tr->rsrc == tr->isrc ? src : 0;
                Sym rt = tr->rtgt == tr->osrc ? a : tr->rtgt == tr->itgt ? b : tr->rtgt == tr->isrc ? src : 0;
                if (!rs || !rt || rs == rt) continue;
                int ms[3] = {subj[k], e->tgt_m, e->src_m};   /* mentions of a, b and the inner source */
                int rsm = rs == a ? ms[0] : rs == b ? ms[1] : ms[2];
                int rtm = rt == a ? ms[0] : rt == b ? ms[1] : ms[2];
                e->source = rs;
                e->target = rt;
                e->src_m = rsm;
                e->tgt_m = rtm;
                if (tr->rcode) e->code = tr->rcode;
                e->rule = "transformation of reported speech";
            }
        }
    }
}

/* ---- events named by nouns ---- */

/* Does the actor bear arms: a state, its government or forces, rebels,
 * insurgents, gunmen? */
static int armed(Sym code)
{
    const char *c = sym_name(code);
    size_t n = strlen(c);
    if (n == 3) return 1;
    for (size_t i = 3; i + 3 <= n; i += 3)
        if (!strncmp(c + i, "MIL", 3) || !strncmp(c + i, "REB", 3) || !strncmp(c + i, "INS", 3) ||
            !strncmp(c + i, "UAF", 3) || !strncmp(c + i, "GOV", 3) || !strncmp(c + i, "SPY", 3))
            return 1;
    return 0;
}

/* "possessive ('s)", "after 'by'": how a noun's actor was found */
static const char *frame_words(Doc *d, int frame, Sym prep)
{
    switch (frame) {
    case NS_SUPPORT: return "subject of the support verb";
    case NS_CLAUSE: return "subject of the clause it is an adjunct of";
    case NS_POSS: return "possessive";
    case NS_ADJ: return "actor before the noun";
    case NS_LED: return "X-led";
    default: break;
    }
    const char *p = sym_name(prep);
    char *b = arena_alloc(d->arena, strlen(p) + 10);
    strcpy(b, "after '");
    strcat(b, p);
    strcat(b, "'");
    return b;
}

/* Does the verb group of which a deed's noun is the subject say it was
 * done ("The arrest of 45 people drew condemnation"), not asked for,
 * planned, denied or supposed ("was demanded", "would be a first step",
 * "was denied")? */
static int reports_a_deed(const Sentence *s, const VerbPhrase *v)
{
    if (v->flags & (VP_FUTURE | VP_MAYBE | VP_NEGATED)) return 0;
    if (s->tok[v->head].lemma == W_DENY) return 0;
    return !v->code || (strncmp(v->code, "10", 2) && strncmp(v->code, "02", 2) && strncmp(v->code, "03", 2));
}

/* The events of the sentence's event nouns (nouns.c found them and their
 * frames): the support verb's subject, else the noun's own frame, acts;
 * the frame's target is acted upon ("with" and "between": both ways). */
static void noun_events(Doc *d, const Dict *dict, const Options *o, uint32_t si, uint32_t first_ev, const int *subj)
{
    Sentence *s = &d->sent[si];
    /* a verb's subject found inside an event noun's frames is the noun's
     * object, not the verb's subject: "Israeli air strikes on Gaza killed
     * 12 people" is no event of Gaza's */
    uint32_t keep = first_ev;
    for (uint32_t i = first_ev; i < d->nev; i++) {
        const Event *e = &d->ev[i];
        int inside = 0;
        for (uint32_t q = 0; q < s->nnn && !inside && e->src_m >= 0 && !e->noun; q++) {
            const NounEvent *ne = &s->nn[q];
            uint32_t ms = s->men[e->src_m].start;
            inside = ne->tgt_m >= 0 && ms > ne->head && ms < ne->end && s->vp[e->vp].start >= ne->end;
        }
        if (!inside) d->ev[keep++] = *e;
    }
    d->nev = keep;
    for (uint32_t q = 0; q < s->nnn; q++) {
        const NounEvent *ne = &s->nn[q];
        const VerbPhrase *sv = ne->support >= 0 ? &s->vp[ne->support] : NULL;
        int src[8], nsrc = 0, tgt[8], ntgt = 0;
        int sframe = ne->src_frame;
        uint32_t span_end = ne->end > ne->head + 1 ? ne->end : ne->head + 1;
        if (ne->flags & VP_NEGATED) {
            doc_note(d, si, NOTE_NEGATED, sv ? sv->start : ne->start, span_end, dict->nouns[ne->entry].ref, ne->code);
            continue;
        }
        if (ne->between) {
            /* "clashes between police and protesters": each side on the other */
            src[nsrc++] = ne->tgt_m;
            tgt[ntgt++] = s->men[ne->tgt_m].conj >= 0 && s->men[ne->tgt_m].conj != ne->tgt_m ? s->men[ne->tgt_m].conj : -1;
            if (tgt[0] < 0) {
                /* the second side was not coordinated with the first: the mention after "and" */
                for (uint32_t i = s->men[ne->tgt_m].end; i < span_end; i++)
                    if (s->tok[i].mention >= 0 && s->tok[i].mention != ne->tgt_m) {
                        tgt[0] = s->tok[i].mention;
                        break;
                    }
            }
            if (tgt[0] < 0) continue;
            sframe = -1;
        } else {
            if (sv && !(sv->flags & VP_PASSIVE) && subj[ne->support] >= 0) {
                add_conj(s, subj[ne->support], src, &nsrc, 8);
                sframe = ne->src_frame == NS_CLAUSE ? NS_CLAUSE : NS_SUPPORT;
            } else if (ne->src_m >= 0) {
                add_conj(s, ne->src_m, src, &nsrc, 8);
            }
            if (ne->tgt_m >= 0) add_conj(s, ne->tgt_m, tgt, &ntgt, 8);
            if (!ntgt && nsrc && sframe == NS_CLAUSE && cameo_is_force(ne->code) && sv && cameo_is_force(sv->code)) {
                /* "captured part of a Karen guerrilla stronghold after five
                 * days of fighting": the fighting was with those the
                 * clause's force fell on */
                for (uint32_t i = first_ev; i < d->nev; i++)
                    if (!d->ev[i].noun && d->ev[i].vp == (uint32_t)ne->support && d->ev[i].src_m == src[0] &&
                        d->ev[i].tgt_m >= 0) {
                        add_conj(s, d->ev[i].tgt_m, tgt, &ntgt, 8);
                        break;
                    }
            }
        }
        if (!nsrc && ntgt && !o->dyadic && !strncmp(ne->code, "14", 2) && !(ne->flags & VP_FUTURE) &&
            (!sv || !(sv->flags & (VP_FUTURE | VP_MAYBE | VP_NEGATED)))) {
            /* "demonstrations against the government continued": a protest
             * whose protesters go unnamed, on whom it is named */
            for (int b = 0; b < ntgt; b++) {
                Event e = {.sent = si, .target = s->men[tgt[b]].code, .code = ne->code, .src_m = -1, .tgt_m = tgt[b],
                           .vp = sv ? (uint32_t)ne->support : 0, .rule = "event noun: who protested is not named",
                           .noun = q + 1};
                push_event(d, &e);
            }
            continue;
        }
        if (!nsrc && ntgt && !o->dyadic && conventions(o)->agentless && ne->support < 0 &&
            agentless_passive_counts(ne->code) && !(ne->flags & (VP_FUTURE | VP_NEGATED | VP_MAYBE)) &&
            (!s->nvp || (ne->end <= s->vp[0].start && reports_a_deed(s, &s->vp[0])))) {
            /* "The arrest of 45 people in Dhaka drew condemnation", "Tuesday's
             * killing of 12 villagers sparked outrage": the sentence's subject
             * tells of a deed done, whoever did it (as a passive without
             * agent); not a deed a verb asks for or plans ("demanded the
             * arrest of"); nor one a verb of the sentence tells already ("A
             * bomb attack on a church killed 4 worshippers") */
            int told = 0;
            for (uint32_t i = first_ev; i < d->nev && !told; i++)
                told = !d->ev[i].noun && cameo_is_force(d->ev[i].code) == cameo_is_force(ne->code);
            for (int b = 0; b < ntgt && !told; b++) {
                Event e = {.sent = si, .target = s->men[tgt[b]].code, .code = ne->code, .src_m = -1, .tgt_m = tgt[b],
                           .rule = "event noun: who acted is not named", .noun = q + 1};
                push_event(d, &e);
            }
            continue;
        }
        if (!nsrc) {
            doc_note(d, si, NOTE_NO_SOURCE, ne->start, span_end, dict->nouns[ne->entry].ref, ne->code);
            continue;
        }
        const char *ncode = ne->code;
        if (!strcmp(ncode, "143") && armed(s->men[src[0]].code)) {
            /* "its forces carried out a massive strike": a strike by those
             * who bear arms (a state, its forces, rebels) is an attack, the
             * entry's violent reading ("+ON=190") */
            const NounEntry *ent = &dict->nouns[ne->entry];
            for (uint32_t f = 0; f < ent->nframes; f++)
                if (ent->frame[f].code && ent->frame[f].code[0] == '1' && ent->frame[f].code[1] == '9') {
                    ncode = ent->frame[f].code;
                    break;
                }
        }
        const char *code = (ne->flags & VP_FUTURE) ? intent_code(ncode) : ncode;
        const char *why;
        {
            const char *sw = ne->between ? "between X and Y: each side on the other" : frame_words(d, sframe, ne->src_prep);
            const char *tw = ne->between ? "" : ntgt ? (ne->tgt_prep ? frame_words(d, NS_PREP, ne->tgt_prep) : "object of the support verb") : "none";
            size_t n = strlen(sw) + strlen(tw) + 64;
            char *b = arena_alloc(d->arena, n);
            if (ne->between) snprintf(b, n, "event noun: %s", sw);
            else snprintf(b, n, "event noun: source %s; target %s%s", sw, tw, ne->mutual ? ", each on the other" : "");
            why = b;
        }
        int mutual = ne->mutual || ne->between;
        for (int a = 0; a < nsrc; a++) {
            Sym sc = s->men[src[a]].code;
            int emitted = 0;
            for (int b = 0; b < ntgt; b++) {
                Sym tc = s->men[tgt[b]].code;
                if (tgt[b] == src[a] || tc == sc) continue;
                Event e = {.sent = si, .source = sc, .target = tc, .code = code, .src_m = src[a], .tgt_m = tgt[b],
                           .vp = sv ? (uint32_t)ne->support : 0, .rule = why, .noun = q + 1};
                push_event(d, &e);
                if (mutual) {
                    Event r = {.sent = si, .source = tc, .target = sc, .code = code, .src_m = tgt[b], .tgt_m = src[a],
                               .vp = sv ? (uint32_t)ne->support : 0, .rule = why, .noun = q + 1};
                    push_event(d, &r);
                }
                emitted = 1;
            }
            if (emitted) continue;
            /* one actor: protests, force postures, violence stand alone,
             * unless a verb of the sentence already has that actor acting
             * ("Israeli air strikes hit Gaza") */
            int told = 0;
            for (uint32_t i = first_ev; i < d->nev && !told; i++) told = !d->ev[i].noun && d->ev[i].source == sc;
            if (o->keep_untargeted || (!o->dyadic && stands_alone(code) && !told)) {
                Event e = {.sent = si, .source = sc, .code = code, .src_m = src[a], .tgt_m = -1,
                           .vp = sv ? (uint32_t)ne->support : 0, .rule = why, .noun = q + 1};
                push_event(d, &e);
            } else {
                doc_note(d, si, NOTE_NO_TARGET, ne->start, span_end, dict->nouns[ne->entry].ref, code);
            }
        }
    }
}

/* The first actor (no pronoun, not sym self) in tokens [from, to), -1 none. */
static int first_actor(const Sentence *s, uint32_t from, uint32_t to, Sym self)
{
    for (uint32_t i = from; i < to && i < s->ntok; i++) {
        if (s->tok[i].tag == T_COMMA && i > from) return -1;
        int m = s->tok[i].mention;
        if (m >= 0 && own_thing(s, m)) return -1;   /* "their leader": the protesters' own */
        if (m >= 0 && s->men[m].kind != MK_PRONOUN && s->men[m].code != self) return m;
    }
    return -1;
}

/* The actor a preposition at token i governs, over a determiner and
 * adjectives ("from Lebanese territory", "at northern Israel"), before
 * token end; -1 none (nor a pronoun). */
static int object_of_prep(const Sentence *s, uint32_t i, uint32_t end)
{
    uint32_t j = i + 1;
    while (j < end && j < i + 4 && s->tok[j].mention < 0 && (s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ)) j++;
    int m = j < end ? s->tok[j].mention : -1;
    return m >= 0 && s->men[m].kind != MK_PRONOUN ? m : -1;
}

/* "were killed in Israeli strikes", "died in a Russian missile attack":
 * violence in the passive whose means names its side (the actor right
 * before a noun of attack, within the verb's clause), or the side it came
 * from.  0 none. */
static Sym violence_by_side(const Sentence *s, const VerbPhrase *v, const char *code)
{
    if (!code || !cameo_is_force(code) || !strncmp(code, "17", 2)) return 0;
    uint32_t end = v->clause_end < s->ntok ? v->clause_end : s->ntok;
    /* "has been shelled from Russian positions", "were fired from Lebanese
     * territory", "from the Syrian side of the border": where the fire came
     * from names the side that fired */
    static const char *const whence[] = {"position", "positions", "territory", "side", "soil", "lines", NULL};
    for (uint32_t i = v->end; i + 2 < end && i < v->end + 8; i++) {
        if (!tok_word(&s->tok[i], W_FROM)) continue;
        int m = object_of_prep(s, i, end);
        if (m >= 0 && s->men[m].end < end && tok_is_any(&s->tok[s->men[m].end], whence)) return s->men[m].code;
        break;
    }
    for (uint32_t i = v->end; i + 1 < end && i < v->end + 6; i++) {
        if (!(tok_word(&s->tok[i], W_IN) || tok_word(&s->tok[i], W_BY))) continue;
        uint32_t j = i + 1;
        while (j < end && s->tok[j].mention < 0 && (s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ)) j++;
        if (j >= end || s->tok[j].mention < 0) return 0;
        const Mention *m = &s->men[s->tok[j].mention];
        uint32_t h = m->end;
        while (h < end && h < m->end + 2 && !attack_word(&s->tok[h]) && TAG_IS_NOUN(s->tok[h].tag)) h++;
        return h < end && attack_word(&s->tok[h]) && m->kind != MK_PRONOUN ? m->code : 0;
    }
    return 0;
}

/* For a passive of force with no actor as its subject ("rockets were
 * fired ..."), the mention fired at ("at northern Israel", "on Kyiv",
 * "into Syria"), -1 none, and in *from the side fired from ("from
 * Lebanese territory", "from Belarus"), both within the verb's clause. */
static int fired_at(const Sentence *s, const VerbPhrase *v, int *from)
{
    static const char *const at_words[] = {"at", "on", "into", "toward", "towards", NULL};
    if (!cameo_is_force(v->code) || !strncmp(v->code, "17", 2)) return -1;
    uint32_t end = v->clause_end < s->ntok ? v->clause_end : s->ntok;
    int at = -1;
    *from = -1;
    for (uint32_t i = v->end; i + 1 < end; i++) {
        int is_from = tok_word(&s->tok[i], W_FROM), is_at = tok_is_any(&s->tok[i], at_words);
        int m = is_from || is_at ? object_of_prep(s, i, end) : -1;
        if (m < 0) continue;
        if (is_from && *from < 0) *from = m;
        else if (is_at && at < 0) at = m;
    }
    return at;
}

/* The actor carried by the thing right after verb v ("a convoy carrying
 * aid workers", "a boat transporting migrants"), -1 none. */
static int carried(const Sentence *s, const VerbPhrase *v)
{
    static const char *const carrying[] = {"carrying", "transporting", "ferrying", NULL};
    uint32_t j = v->end;
    while (j < s->ntok && j < v->end + 5 && s->tok[j].mention < 0 &&
           (s->tok[j].tag == T_DT || s->tok[j].tag == T_JJ || s->tok[j].tag == T_CD || TAG_IS_NOUN(s->tok[j].tag)))
        j++;
    if (j == v->end || j + 1 >= s->ntok || !TAG_IS_NOUN(s->tok[j - 1].tag) || !tok_is_any(&s->tok[j], carrying))
        return -1;
    uint32_t k = j + 1;
    while (k < s->ntok && k < j + 4 && s->tok[k].mention < 0 &&
           (s->tok[k].tag == T_DT || s->tok[k].tag == T_JJ || s->tok[k].tag == T_CD || tok_is(&s->tok[k], "of")))
        k++;
    int m = k < s->ntok ? s->tok[k].mention : -1;
    return m >= 0 && s->men[m].kind != MK_PRONOUN ? m : -1;
}

/* Protesters' violence is a violent protest (145), not an armed force's
 * (18-19): "protesters stormed her residence", "a mob attacked the police
 * station" (CAMEO's riots).  Mass violence (20) stays. */
static const char *crowd_violence(const Sentence *s, const Mention *m, const char *code)
{
    static const char *const crowd[] = {"protester", "protesters", "protestor", "protestors", "demonstrator",
                                        "demonstrators", "rioter", "rioters", "mob", "mobs", "crowd", "crowds",
                                        "marcher", "marchers", NULL};
    if (!(code[0] == '1' && (code[1] == '8' || code[1] == '9'))) return code;
    for (uint32_t i = m->start; i < m->end; i++)
        if (tok_is_any(&s->tok[i], crowd)) return "145";
    /* "thousands of people stormed the residence": a crowd of people */
    static const char *const many[] = {"thousands", "hundreds", "dozens", "scores", "tens", NULL};
    if (m->start >= 2 && tok_is(&s->tok[m->start - 1], "of") && tok_is_any(&s->tok[m->start - 2], many) &&
        (tok_is(&s->tok[m->end - 1], "people") || tok_is(&s->tok[m->end - 1], "residents")))
        return "145";
    return code;
}

/* A state's protest is an official complaint (114), not a demonstration:
 * "the foreign ministry summoned the ambassador to protest against ...",
 * "Russia protested to Britain" */
static const char *official_protest(const Sentence *s, const VerbPhrase *v, const Mention *m, Sym src,
                                    const char *code)
{
    static const char *const protest[] = {"protest", NULL};
    if (strcmp(code, "141") || !tok_lemma_in(&s->tok[v->head], protest)) return code;
    const char *n = sym_name(src);
    size_t len = strlen(n);
    /* a country by its name ("Russia protested"), not a people ("Bosnian
     * Serbs protested") */
    int country = len == 3 && m->kind == MK_COUNTRY;
    for (uint32_t i = m->start; i < m->end && country; i++)
        country = s->tok[i].tag != T_NNPS && s->tok[i].tag != T_NNS;
    uint32_t b = m->start;   /* "Palestinians of the West Bank", "residents of Gaza" */
    while (b > 0 && m->start - b < 3 && (s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ)) b--;
    if (country && b >= 2 && tok_word(&s->tok[b - 1], W_OF) &&
        (s->tok[b - 2].tag == T_NNPS || s->tok[b - 2].tag == T_NNS))
        country = 0;
    int state = country || (len >= 6 && !strcmp(n + len - 3, "GOV")) || !strncmp(n, "IGO", 3);
    return state ? "114" : code;
}

/* "what it called", "what Moscow calls": "call" naming a thing, after
 * "what" and its subject */
static int called_what(const Sentence *s, const VerbPhrase *v)
{
    uint32_t b = v->start;
    while (b > 0 && v->start - b < 5 && !tok_is(&s->tok[b - 1], "what") &&
           (s->tok[b - 1].mention >= 0 || s->tok[b - 1].tag == T_PRP || TAG_IS_NOUN(s->tok[b - 1].tag) ||
            s->tok[b - 1].tag == T_DT || s->tok[b - 1].tag == T_JJ))
        b--;
    return b > 0 && b < v->start && tok_is(&s->tok[b - 1], "what");
}

/* "adopted sanctions against Russia, targeting 200 companies", "a law
 * targeting NGOs": a measure's reach, no attack */
static int measure_targeting(const Sentence *s, const VerbPhrase *v)
{
    static const char *const target[] = {"target", "aim", NULL};
    static const char *const measure[] = {"sanction", "embargo", "measure", "restriction", "ban", "tariff", "law",
                                          "bill", "legislation", "regulation", "rule", "decree", "freeze", NULL};
    if (s->tok[v->head].tag != T_VBG || !tok_lemma_in(&s->tok[v->head], target) || v->start == 0) return 0;
    uint32_t b = v->start;
    if (s->tok[b - 1].tag == T_COMMA) b--;
    for (uint32_t i = b; i-- > 0 && b - i <= 12 && s->tok[i].tag != T_COMMA;)
        if (tok_lemma_in(&s->tok[i], measure)) return 1;
    return 0;
}

/* "vowed that Iran would pay", "swore the attackers will regret it": a
 * vow (the verb phrase before) that another will pay or regret */
static int vowed_to_pay(const Sentence *s, uint32_t k)
{
    static const char *const vow[] = {"vow", "swear", "promise", "pledge", "warn", NULL};
    static const char *const pay[] = {"pay", "regret", NULL};
    const VerbPhrase *v = &s->vp[k], *pv = &s->vp[k - 1];
    if (!(v->flags & VP_FUTURE) || !tok_lemma_in(&s->tok[v->head], pay) || !tok_lemma_in(&s->tok[pv->head], vow))
        return 0;
    for (uint32_t i = pv->end; i < v->start; i++)   /* nothing but "that" and the subject between */
        if (s->tok[i].mention < 0 && !tok_word(&s->tok[i], W_THAT) && s->tok[i].tag != T_DT) return 0;
    return 1;
}

/* What force is used for when it scatters people: "to disperse the crowd" */
static const char *const DISPERSE[] = {"disperse", "push", "break", "scatter", "repel", "quell", "clear", "drive",
                                       "repulse", "contain", NULL};

/* The crowd that is the subject of a clause of time after token pos ("as
 * thousands of people defied a ban", "when protesters tried to march"):
 * people, protesters, students, workers, farmers; -1 none */
static int crowd_acting(const Sentence *s, uint32_t pos)
{
    static const char *const CROWDS[] = {"OPP", "CVL", "EDU", "LAB", "AGR", NULL};
    for (uint32_t j = pos; j + 1 < s->ntok; j++) {
        if (s->tok[j].tag == T_PERIOD) break;
        if (!is_subordinator(&s->tok[j])) continue;
        for (uint32_t i = j + 1; i < s->ntok && i < j + 6; i++) {
            const Token *t = &s->tok[i];
            if (TAG_IS_VERB(t->tag) || t->tag == T_MD || t->tag == T_COMMA) break;
            int m = t->mention;
            if (m < 0) continue;
            const Mention *c = &s->men[m];
            if (c->kind != MK_AGENT || !c->agent) return -1;
            for (const char *const *w = CROWDS; *w; w++)
                if (!strcmp(sym_name(c->agent), *w)) return m;
            return -1;
        }
        return -1;
    }
    return -1;
}

static const char *const PRESSURES[] = {"pressure", "calls", "demands", "requests", "appeals", NULL};
static const char *const TALKS[] = {"talks", "negotiations", "deliberations", "consultations", "meeting", "meetings",
                                    "agreement", "deal", "dialogue", NULL};

/* Targets named further on than the rules look, for events that have
 * none: a protest's "in protest of the Russian government's refusal",
 * "against the alleged violations by the Israeli military"; a rejection's
 * "an offer from Afghanistan", "a demand from the US president"; a
 * threat's condition, "if the United States goes ahead". */
static int late_target(const Sentence *s, uint32_t pos, const char *code, Sym self, const char **whyp)
{
    int m = -1;
    const char *why = NULL;
    for (uint32_t j = pos; j < s->ntok && j < pos + 16 && m < 0; j++) {
        const Token *t = &s->tok[j];
        if (t->tag == T_PERIOD) break;
        int after_protest = j > 0 && (tok_word(&s->tok[j - 1], W_PROTEST) || tok_word(&s->tok[j - 1], W_PROTESTS));
        if (!strncmp(code, "14", 2) &&
            (tok_word(t, W_AGAINST) || tok_word(t, W_OVER) || ((tok_word(t, W_OF) || tok_word(t, W_AT)) && after_protest))) {
            m = first_actor(s, j + 1, j + 9, self);
            why = "a protest: its target is what it is against";
        } else if (!strncmp(code, "12", 2) &&
                   (tok_word(t, W_FROM) || (tok_word(t, W_BY) && j > 0 && tok_is_any(&s->tok[j - 1], PRESSURES)))) {
            /* "rejected an offer from X", "declined to resign despite
             * pressure by X" */
            m = first_actor(s, j + 1, j + 4, self);
            why = "a rejection: its target is whom what is rejected came from";
        } else if (!strncmp(code, "08", 2) && tok_word(t, W_WITH) && j > 0 && tok_is_any(&s->tok[j - 1], TALKS)) {
            /* "called off the strike after talks with the government" */
            m = first_actor(s, j + 1, j + 5, self);
            why = "a concession: its target is whom it was negotiated with";
        } else if (!strncmp(code, "13", 2) && (tok_word(t, W_IF) || tok_word(t, W_UNLESS))) {
            m = first_actor(s, j + 1, j + 7, self);
            why = "a threat: its target is whom its condition falls on";
        } else if (!strncmp(code, "15", 2) && tok_word(t, W_AGAINST)) {
            m = first_actor(s, j + 1, j + 5, self);
            why = "a show of force: its target is whom it is against";
        } else if (!strncmp(code, "14", 2) && j > 0 &&
                   (tok_word(t, W_FOR) || tok_word(t, W_AT) || tok_word(t, W_OF) || tok_word(t, W_TO) ||
                    tok_word(t, W_OVER)) &&
                   (tok_word(&s->tok[j - 1], W_DISAPPROVAL) || tok_word(&s->tok[j - 1], W_ANGER) ||
                    tok_word(&s->tok[j - 1], W_OPPOSITION) || tok_word(&s->tok[j - 1], W_OUTRAGE) ||
                    tok_word(&s->tok[j - 1], W_DISPLEASURE))) {
            m = first_actor(s, j + 1, j + 7, self);
            why = "a protest: its target is what it shows anger at";
        } else if ((!strncmp(code, "03", 2) || !strncmp(code, "07", 2)) && t->tag == T_VB && j > 0 &&
                   s->tok[j - 1].tag == T_TO &&
                   (t->lemma == W_HELP || t->lemma == W_ASSIST || t->lemma == W_DEFEND || t->lemma == W_PROTECT ||
                    t->lemma == W_SUPPORT)) {
            /* "willing to send material to help defend Saudi Arabia" */
            uint32_t k = j + 1;
            if (k < s->ntok && s->tok[k].tag == T_VB) k++;
            m = first_actor(s, k, k + 4, self);
            why = "aid: its target is whom it is sent to help";
        } else if ((!strncmp(code, "17", 2) || !strncmp(code, "18", 2) || !strncmp(code, "19", 2)) && t->tag == T_VB &&
                   j > 0 && s->tok[j - 1].tag == T_TO && tok_lemma_in(t, DISPERSE)) {
            /* "used tear gas to disperse the crowd", "fired rubber bullets
             * to push back protesters" */
            m = first_actor(s, j + 1, j + 6, self);
            /* ... "to disperse them": whom the pronoun stands for */
            if (m < 0 && j + 1 < s->ntok && s->tok[j + 1].mention >= 0 && s->men[s->tok[j + 1].mention].code &&
                s->men[s->tok[j + 1].mention].code != self)
                m = s->tok[j + 1].mention;
            why = "force used to disperse: its target is whom it disperses";
        } else if ((!strncmp(code, "02", 2) || !strncmp(code, "10", 2)) && tok_word(t, W_FROM) && j > 0 &&
                   (tok_word(&s->tok[j - 1], W_INDEPENDENCE) || tok_word(&s->tok[j - 1], W_AUTONOMY) ||
                    tok_word(&s->tok[j - 1], W_SECESSION))) {
            m = first_actor(s, j + 1, j + 4, self);
            why = "a call for independence: its target is whom it is from";
        }
    }
    /* an act done somewhere: "agreed to set up a centre in Tokyo",
     * "threatened to impose a curfew in Algiers", "strengthened its forces
     * in Lebanon" (not a meeting's place: "will meet in Amman" meets
     * someone else; nor a protest's or a clash's, which stand without a
     * target or have their own) */
    if (m < 0 && strncmp(code, "036", 3) &&
        (!strncmp(code, "03", 2) || !strncmp(code, "08", 2) || !strncmp(code, "13", 2) || !strncmp(code, "17", 2) ||
         !strncmp(code, "12", 2) || !strncmp(code, "15", 2))) {
        for (uint32_t j = pos; j + 1 < s->ntok && j < pos + 12 && m < 0; j++) {
            const Token *t = &s->tok[j];
            /* within the act's own clause: no other verb but its infinitive
             * ("threatened to impose ..."), no relative clause */
            int infinitive = t->tag == T_VB && j > 0 && s->tok[j - 1].tag == T_TO;
            if (t->tag == T_PERIOD || (t->tag == T_COMMA && j > pos) || (TAG_IS_VERB(t->tag) && !infinitive) ||
                t->tag == T_MD || t->tag == T_WDT || t->tag == T_WP)
                break;
            /* nor past another adjunct: "attack the capital after training in camps in Sudan" */
            if (t->tag == T_IN && !tok_word(t, W_IN) && !tok_word(t, W_OF)) break;
            if (!tok_word(t, W_IN)) continue;
            /* "in Algiers", "in the northern city of Kirkuk" (place_kind_before) */
            uint32_t k = j + 1;
            while (k < s->ntok && k < j + 7 && s->tok[k].mention < 0) k++;
            int n = k < s->ntok ? s->tok[k].mention : -1;
            uint32_t b = n >= 0 ? k - place_kind_before(s, k) : 0;
            if (b == j + 2 && s->tok[j + 1].tag == T_DT) b--;   /* "in the Donbas" */
            if (n >= 0 && b == j + 1 && (s->men[n].kind == MK_COUNTRY || s->men[n].kind == MK_PLACE)) {
                m = n;
                why = "an act done in a place: its target is the place's country";
            }
        }
        if (m >= 0) {
            *whyp = why;
            return m;
        }
    }
    if (m < 0 || s->men[m].code == self) return -1;
    *whyp = why;
    return m;
}

static void late_targets(Doc *d, const Sentence *s, uint32_t first_ev)
{
    for (uint32_t i = first_ev; i < d->nev; i++) {
        Event *e = &d->ev[i];
        if (e->target || !e->source) continue;
        uint32_t pos = e->noun ? s->nn[e->noun - 1].end : s->vp[e->vp].end;
        const char *why = NULL;
        int m = late_target(s, pos, e->code, e->source, &why);
        if (m < 0) continue;
        e->target = s->men[m].code;
        e->tgt_m = m;
        e->rule = why;
    }
}

/* A protest names its target in what it demands or denounces: "students
 * staged demonstrations to demand reforms by Suharto's government",
 * "marched calling for the removal of the president".  A protest of the
 * sentence without a target takes the target of a demand, appeal,
 * disapproval or rejection by the same actor in the same sentence. */
static void protest_targets(Doc *d, uint32_t first_ev)
{
    for (uint32_t i = first_ev; i < d->nev; i++) {
        Event *p = &d->ev[i];
        if (p->target || strncmp(p->code, "14", 2)) continue;
        for (uint32_t j = first_ev; j < d->nev; j++) {
            const Event *q = &d->ev[j];
            if (j == i || q->source != p->source || !q->target || q->target == p->source) continue;
            if (strncmp(q->code, "02", 2) && strncmp(q->code, "10", 2) && strncmp(q->code, "11", 2) &&
                strncmp(q->code, "12", 2) && strncmp(q->code, "14", 2))
                continue;
            /* "blocked roads and hurled stones at officers": whom a riot
             * strikes at is not what the protest is about */
            if (!strncmp(q->code, "145", 3)) continue;
            p->target = q->target;
            p->tgt_m = q->tgt_m;
            p->rule = "a protest: its target is whom the protesters' demand is on";
            break;
        }
        /* no one named: a protest, a strike, a riot is addressed to the
         * protesters' own country ("thousands of Iraqi Kurds demonstrated
         * in Kirkuk": IRQ>IRQ, as the field's annotators code it);
         * protesters of no country ("protesters": an agent alone) stay
         * alone */
        const Mention *sm = p->src_m >= 0 ? &d->sent[p->sent].men[p->src_m] : NULL;
        Sym own = p->target || !sm || sm->code != p->source || (sm->agent && sm->agent == sm->code)
                      ? 0
                      : actor_country(p->source);
        if (own) {
            p->target = own;
            p->tgt_m = -1;
            p->rule = "a protest naming no one: addressed to the protesters' own country";
        }
    }
    /* one event per (source, target, code) in the sentence still */
    uint32_t keep = first_ev;
    for (uint32_t i = first_ev; i < d->nev; i++) {
        int dup = 0;
        for (uint32_t j = first_ev; j < keep && !dup; j++)
            dup = d->ev[j].source == d->ev[i].source && d->ev[j].target == d->ev[i].target &&
                  !strcmp(d->ev[j].code, d->ev[i].code);
        if (!dup) d->ev[keep++] = d->ev[i];
    }
    d->nev = keep;
}

void make_events(Doc *d, const Dict *dict, const Options *o)
{
    const Conventions *cv = conventions(o);   /* read once, not a token at a time */
    for (uint32_t si = 0; si < d->nsent; si++) {
        Sentence *s = &d->sent[si];
        if (s->discarded) {
            doc_note(d, si, NOTE_DISCARDED, 0, s->ntok, 0, NULL);
            continue;
        }
        if (!s->nvp && !s->nnn) continue;
        int *subj = arena_alloc(d->arena, (s->nvp + 1) * sizeof *subj);
        int *agent_of = arena_alloc(d->arena, (s->nvp + 1) * sizeof *agent_of);   /* a passive's "by" actor */
        for (uint32_t k = 0; k <= s->nvp; k++) agent_of[k] = -1;
        uint32_t first_ev = d->nev;
        /* a support verb whose noun codes the event gives no event of its
         * own: "offered condolences" is 018, not OFFER's default 030 */
        uint8_t *yields = arena_alloc(d->arena, s->nvp + 1);
        for (uint32_t q = 0; q < s->nnn; q++)
            if (s->nn[q].support >= 0 && !s->nn[q].verb_too) yields[s->nn[q].support] = 1;
        int speaker = -1;          /* subject of the last speech verb */
        uint32_t consumed = 0;     /* suite conventions: a coded verb's phrase is used up */
        for (uint32_t k = 0; k < s->nvp; k++) {
            VerbPhrase *v = &s->vp[k];
            Subj sub;
            subj[k] = -1;
            if (subject_of(s, k, &sub, subj, agent_of, cv->participles) == 0) subj[k] = sub.src[0];
            else if (speaker >= 0 && cv->speech && pronoun_before(s, v->start)) {
                /* "Hamas said it fired rockets": the speaker */
                sub.nsrc = 0;
                add_conj(s, speaker, sub.src, &sub.nsrc, 8);
                sub.rule = "the speaker, named by a pronoun";
                subj[k] = speaker;
            }
            if (v->flags & VP_SPEECH) speaker = subj[k];
            if (cv->speech && k > 0 && subj[k] >= 0 && subj[k - 1] >= 0 && vowed_to_pay(s, k) &&
                actor_country(s->men[subj[k]].code) != actor_country(s->men[subj[k - 1]].code) &&
                !(s->vp[k - 1].flags & VP_NEGATED)) {
                /* "Netanyahu vowed that Iran would pay for the attack": a
                 * threat to the one who will pay */
                Event e = {.sent = si, .source = s->men[subj[k - 1]].code, .target = s->men[subj[k]].code,
                           .code = "130", .src_m = subj[k - 1], .tgt_m = subj[k], .vp = k - 1,
                           .rule = "a vow that another will pay: a threat"};
                push_event(d, &e);
                continue;
            }
            if (cv->speech && speaker >= 0 && subj[k] >= 0 && subj[k] != speaker && !(v->flags & VP_SPEECH) &&
                obliged(s, v)) {
                /* "Russia said Ukraine must withdraw its troops": a demand of
                 * the speaker on the obliged, not the withdrawal */
                Event e = {.sent = si, .source = s->men[speaker].code, .target = s->men[subj[k]].code, .code = "100",
                           .src_m = speaker, .tgt_m = subj[k], .vp = k,
                           .rule = "a demand: the speaker says they must"};
                if (e.source != e.target && !(v->flags & VP_NEGATED)) push_event(d, &e);
                continue;
            }
            if (cv->upper_sequence && v->start < consumed) continue;
            if (cv->speech && k + 1 < s->nvp && vowed_to_pay(s, k + 1)) continue;   /* the threat is its event */
            /* "what it called London's support", "what officials call a
             * provocation": naming, no appeal */
            if (cv->target_reading && s->tok[v->head].lemma == W_CALL && called_what(s, v)) continue;
            if (cv->target_reading && measure_targeting(s, v)) continue;
            if (!v->code && !(cv->second_codes && v->code2)) continue;
            if (yields[k]) continue;
            if (cv->target_reading && yields_to_complement(s, k)) continue;
            if (cv->upper_sequence) {
                consumed = v->clause_end;
                petrarch_source(s, v, &sub);
                if (!sub.nsrc && o->new_actor_length > 0) {
                    uint32_t from = v->start;
                    while (from > 0 && s->tok[from - 1].tag != T_COMMA) from--;
                    int m = new_actor(d, s, from, v->start, o->new_actor_length);
                    if (m >= 0) {
                        sub.src[0] = m;
                        sub.nsrc = 1;
                        sub.rule = "new actor";
                    }
                }
            }
            /* "could resume talks", "is expected to approve", "Would
             * Washington impose sanctions?": speculation and questions */
            if (cv->modality && (v->flags & VP_MAYBE) && !(v->flags & (VP_NEGATED | VP_INFINITIVE)) &&
                condition_after(s, v) >= 0 && !(s->ntok > 0 && tok_word(&s->tok[s->ntok - 1], W_QMARK)))
                v->flags |= VP_FUTURE;   /* "may halt its mediation if ...": a threat, not speculation */
            else if (cv->modality && !(v->flags & VP_SPEECH) &&
                     ((v->flags & VP_MAYBE) || (s->ntok > 0 && tok_word(&s->tok[s->ntok - 1], W_QMARK)))) {
                doc_note(d, si, NOTE_NOT_DONE, v->start, v->end, v->pattern_ref, v->code);
                continue;
            }
            if (cv->modality && not_done(s, k)) {
                doc_note(d, si, NOTE_NOT_DONE, v->start, v->end, v->pattern_ref, v->code);
                continue;
            }
            /* "refused to meet", and "will not release", "would not meet
             * their demands": a refusal */
            const char *refused = ((v->flags & VP_REFUSED) ||
                                   ((v->flags & VP_NEGATED) && (v->flags & VP_FUTURE) && !(v->flags & VP_INFINITIVE))) &&
                                          cv->modality
                                      ? refusal_code(v->code)
                                      : NULL;
            if (refused) {      /* "Iran refused to meet the envoy": the refusal is the event */
                v->flags &= (uint16_t)~(VP_NEGATED | VP_FUTURE);
                v->flags |= VP_RECODED;
                v->code = refused;
            }
            if (v->flags & VP_NEGATED) {
                doc_note(d, si, NOTE_NEGATED, v->start, v->match_end > v->end ? v->match_end : v->end, v->pattern_ref, v->code);
                continue;
            }
            /* "condemned Tuesday's attack on the embassy", "rejected the
             * decision", "praised the move": the one judged is who carried
             * it out, named in an earlier event */
            if (cv->target_reading && sub.nsrc && v->code && v->target_tok < 0 &&
                (!strncmp(v->code, "11", 2) || !strncmp(v->code, "12", 2) || !strncmp(v->code, "051", 3) ||
                 !strcmp(v->code, "016"))) {
                Sym doer = condemned_doer(d, s, v, s->men[sub.src[0]].code);
                if (doer) {
                    const char *code = (v->flags & VP_FUTURE) ? intent_code(v->code) : v->code;
                    for (int a = 0; a < sub.nsrc; a++) {
                        Event e = {.sent = si, .source = s->men[sub.src[a]].code, .target = doer, .code = code,
                                   .src_m = sub.src[a], .tgt_m = -1, .vp = k,
                                   .rule = "target: who carried out the deed condemned, named before"};
                        if (e.source != doer) push_event(d, &e);
                    }
                    continue;
                }
            }
            /* targets */
            int tgt[8], ntgt = 0, tree_target = 0;
            const char *tree_how = "";
            const char *rule = sub.nsrc ? sub.rule : NULL;
            /* "officials said the arrest of the union leader ...": what a
             * plain statement reports is no target of it; one addressed
             * ("said to", "told") has one */
            int reported = cv->speech && (v->flags & VP_SPEECH) && v->code && !strncmp(v->code, "01", 2) &&
                           !tok_lemma_in(&s->tok[v->head], ADDRESSED);
            /* "complained to the United Nations on Tuesday over two Israeli
             * air raids": a complaint is on whom it is about, not on whom it
             * is made to */
            int complaint = cv->target_reading && v->code && !strncmp(v->code, "11", 2);
            if (v->target_tok >= 0) {
                int m = s->tok[v->target_tok].mention;
                add_conj(s, complaint ? complaint_target(s, m) : m, tgt, &ntgt, 8);
            } else {
                int own = -1;   /* the subject's own forces, passed over */
                for (uint32_t i = v->end; i < v->clause_end; i++) {
                    int m = s->tok[i].mention;
                    /* ("denounced as a crime Serbia's ...": the verbs zone says when "as" goes on) */
                    if (m < 0 && is_adjunct_start(&s->tok[i]) && cv->target_reading &&
                        !(i == v->end && tok_word(&s->tok[i], W_AS) && v->clause_end > i + 1))
                        break;
                    if (m < 0) continue;
                    uint32_t pp = i;   /* "at the United Nations": skip the determiner */
                    if (pp >= 1 && s->tok[pp - 1].tag == T_DT) pp--;
                    /* a statement's target is whom it is said to: "said to the
                     * UN", not "said, ... linked to al Qaeda" */
                    if (reported) {
                        int to = pp > v->end && tok_word(&s->tok[pp - 1], W_TO) && pp - 1 - v->end <= 4;
                        for (uint32_t c = v->end; to && c < pp; c++) to = s->tok[c].tag != T_COMMA;
                        if (!to) break;
                    }
                    /* "discussed the situation in Ukraine": a place after a noun is no target */
                    /* ... when people meet or talk (root 04): "talks in Geneva"; a
                     * ceasefire in Sudan or strikes on targets in Gaza do concern them */
                    int consult = v->code && v->code[0] == '0' && v->code[1] == '4';
                    if (cv->target_reading && consult && pp >= 2 && is_place_prep(&s->tok[pp - 1]) &&
                        TAG_IS_NOUN(s->tok[pp - 2].tag) && s->tok[pp - 2].mention < 0) {
                        i = s->men[m].end - 1;
                        continue;
                    }
                    /* "marched through Nairobi", "police and protesters clashed
                     * in Kisumu": where a protest or a clash of two sides took
                     * place is no one it acted on */
                    const Token *pt = pp >= 1 ? &s->tok[pp - 1] : NULL;
                    int place_prep = pt && is_place_prep(pt);
                    /* "fought alongside federal forces": a partner, not a target */
                    uint32_t pa = s->men[m].start;
                    while (pa > v->end && s->men[m].start - pa < 3 && (s->tok[pa - 1].tag == T_DT || s->tok[pa - 1].tag == T_JJ))
                        pa--;
                    if (cv->target_reading && pa > 0 && (tok_is(&s->tok[pa - 1], "alongside") || tok_is(&s->tok[pa - 1], "beside"))) {
                        i = s->men[m].end - 1;
                        continue;
                    }
                    int sides = sub.nsrc > 1 && v->code && together_code(v->code);
                    /* ... and where people meet: "will meet in Baku next week" */
                    int meet = v->code && !strncmp(v->code, "04", 2) && strcmp(v->code, "042") && strcmp(v->code, "043") &&
                               pt && (tok_word(pt, W_IN) || tok_word(pt, W_AT));
                    /* "Sri Lankan and Mexican negotiators reached an agreement on
                     * the release of prisoners": two sides agree with each
                     * other, not with the people their deal is about */
                    if (cv->target_reading && sub.nsrc > 1 && v->code && together_code(v->code) && s->men[m].has_agent &&
                        !s->men[m].actor_ref && pp > 0 && (s->tok[pp - 1].tag == T_IN || s->tok[pp - 1].tag == T_TO))
                        break;
                    /* "ended a strike at the port of Mombasa": a site; "launched
                     * artillery ... against": a weapon */
                    if (cv->target_reading && (site_phrase(s, m) || weapon_object(s, v, m))) {
                        i = s->men[m].end - 1;
                        continue;
                    }
                    /* ... and where one speaks: "speaking at a conference in Ganja" */
                    if (cv->target_reading && place_prep && s->men[m].kind == MK_COUNTRY && !s->men[m].has_agent && v->code &&
                        (!strncmp(v->code, "14", 2) || !strncmp(v->code, "01", 2) || sides || meet)) {
                        i = s->men[m].end - 1;
                        continue;
                    }
                    if (cv->target_reading && is_subject_of_next(s, m, k)) {
                        /* "demanded that the US cancel", "urged that Iran
                         * release": who is asked is the one the demand is on */
                        if (v->code && (!strncmp(v->code, "10", 2) || !strncmp(v->code, "02", 2)))
                            add_conj(s, m, tgt, &ntgt, 8);
                        break;
                    }
                    if ((v->flags & VP_PASSIVE) && i > 0 && tok_word(&s->tok[i - 1], W_BY)) {
                        i = s->men[m].end - 1;
                        continue;
                    }
                    /* "offered its troops to Lebanon", "sent their envoys to
                     * Cairo": one's own people are what is given or sent;
                     * the one they go to is the target */
                    int poss = pp > 0 && s->tok[pp - 1].tag == T_PRPS && !tok_word(&s->tok[pp - 1], W_HIS) &&
                               !tok_word(&s->tok[pp - 1], W_HER);
                    /* "4,000 troops" (not a titled name no dictionary knows:
                     * "Prime Minister Sheikh Hasina") */
                    int unnamed = s->men[m].has_agent && !s->men[m].actor_ref && s->tok[s->men[m].end - 1].tag != T_NNP;
                    if (cv->target_reading && own < 0 && sub.nsrc && (poss || unnamed) && actor_country(s->men[m].code) &&
                        (unnamed || actor_country(s->men[m].code) == actor_country(s->men[sub.src[0]].code))) {
                        own = m;
                        i = s->men[m].end - 1;
                        continue;
                    }
                    /* past one's own people only to where they go */
                    if (own >= 0) {
                        int to = 0;
                        for (uint32_t g = s->men[own].end; g < i && !to; g++)
                            to = tok_word(&s->tok[g], W_TO) || tok_word(&s->tok[g], W_INTO) ||
                                 tok_word(&s->tok[g], W_TOWARD) || tok_word(&s->tok[g], W_TOWARDS) ||
                                 /* whence forces withdraw: "withdraw its troops from Lebanon" */
                                 (tok_word(&s->tok[g], W_FROM) && v->code &&
                                  (!strncmp(v->code, "087", 3) || !strcmp(v->code, "0356")));
                        if (!to) break;
                    }
                    add_conj(s, complaint ? complaint_target(s, m) : m, tgt, &ntgt, 8);
                    break;
                }
                if (!ntgt && own >= 0) add_conj(s, own, tgt, &ntgt, 8);
            }
            if (!ntgt && cv->target_reading && v->code && (!strncmp(v->code, "10", 2) || !strncmp(v->code, "02", 2)) &&
                v->clause_end < s->ntok && tok_word(&s->tok[v->clause_end], W_THAT)) {
                /* "demanded that the US cancel the sale": the demand is on
                 * the subject of what is demanded */
                uint32_t stop = k + 1 < s->nvp ? s->vp[k + 1].start : s->ntok;
                for (uint32_t i = v->clause_end + 1; i < stop; i++)
                    if (s->tok[i].mention >= 0) {
                        add_conj(s, s->tok[i].mention, tgt, &ntgt, 8);
                        break;
                    }
            }
            if (!ntgt && cv->target_reading && (v->flags & VP_INFINITIVE) && k > 0 && v->code && s->vp[k - 1].code &&
                !strncmp(v->code, "04", 2) && !strncmp(s->vp[k - 1].code, "04", 2)) {
                /* "telephoned Kozyrev to discuss the peace plan", "met
                 * Lavrov to discuss trade": the talks are with the one met */
                const VerbPhrase *pv = &s->vp[k - 1];
                for (uint32_t i = pv->end; i < v->start; i++) {
                    int m = s->tok[i].mention;
                    if (m < 0 || s->men[m].kind == MK_PRONOUN || (sub.nsrc && m == sub.src[0])) continue;
                    if (place_in_phrase(s, m) || site_phrase(s, m)) continue;
                    /* "met in Jamaica to discuss": where they met */
                    uint32_t pb = s->men[m].start;
                    if (pb > 0 && s->tok[pb - 1].tag == T_DT) pb--;
                    if (pb > 0 && is_place_prep(&s->tok[pb - 1])) continue;
                    add_conj(s, m, tgt, &ntgt, 8);
                    break;
                }
            }
            if (!ntgt && cv->target_reading && !s->parsed && v->code && (!strncmp(v->code, "12", 2) || !strncmp(v->code, "13", 2)) &&
                k + 1 < s->nvp && (s->vp[k + 1].flags & VP_INFINITIVE) && !s->vp[k + 1].code &&
                s->vp[k + 1].start <= v->clause_end + 1) {
                /* "threatened to deliver devastating blows to the United
                 * States", "refused to allow UN planes to land": a threat or
                 * a refusal is on whom the uncoded deed it names would reach
                 * (a tree, when there is one, says it by its relations) */
                const VerbPhrase *iv = &s->vp[k + 1];
                int m = first_actor(s, iv->end, iv->clause_end, sub.nsrc ? s->men[sub.src[0]].code : 0);
                if (m >= 0 && !place_in_phrase(s, m) && !site_phrase(s, m)) add_conj(s, m, tgt, &ntgt, 8);
            }
            /* "ambushed a convoy carrying aid workers", "struck a car carrying
             * Hamas commanders": force on a vehicle is on whom it carries */
            if (!ntgt && cv->target_reading && v->code && cameo_is_force(v->code) && !(v->flags & VP_PASSIVE)) {
                int m = carried(s, v);
                if (m >= 0) add_conj(s, m, tgt, &ntgt, 8);
            }
            int tree_could = !ntgt && !(v->flags & VP_PASSIVE) && v->target_tok < 0 && !reported &&
                             !(v->code && v->code[0] == '0' && v->code[1] == '1');
            /* the tree gives only mentions after the verb: one other than
             * the subject is needed */
            s->wants_tree |= tree_could && mention_between(s, v->head, next_finite(s, v->head), sub.nsrc ? sub.src[0] : -1);
            if (tree_could && s->parsed) {
                /* the object in the tree, however far: "accused, in a
                 * statement on Monday, the Ardanian government" */
                int m = target_in_tree(s, v->head, v->code, sub.nsrc ? sub.src[0] : -1, &tree_how);
                if (m >= 0) {
                    add_conj(s, m, tgt, &ntgt, 8);
                    tree_target = 1;
                }
            }
            if (!ntgt && o->new_actor_length > 0) {   /* the suite's new actors */
                uint32_t a, b;
                phrase_after(s, v->match_end > v->end ? v->match_end : v->end, v->clause_end, &a, &b);
                int m = b > a ? new_actor(d, s, a, b, o->new_actor_length) : -1;
                if (m >= 0) tgt[ntgt++] = m;
            }
            if (v->flags & VP_PASSIVE) {
                /* "was attacked by X": X acts on the subject */
                int agent_tree = 0, agent = passive_agent(s, v, o, &agent_tree);
                agent_of[k] = agent;
                s->wants_tree |= by_after(s, v->end) && mention_between(s, v->end, s->ntok, -1);
                if (agent < 0 && cv->agentless && v->code && agentless_passive_counts(v->code) && sub.nsrc &&
                    !(v->flags & VP_NEGATED) && !not_done(s, k)) {
                    /* "five protesters were arrested", "130 people were killed":
                     * the event stands, the one acting unknown (GDELT leaves
                     * its first actor empty too) */
                    const char *code = (v->flags & VP_FUTURE) ? intent_code(v->code) : v->code;
                    /* "was put under investigation in Italy": an inquiry is the
                     * country's where it is held; "was killed in a car bomb
                     * explosion in Beirut": violence by unnamed attackers
                     * is that country's unidentified forces' (UAF), as the
                     * field's coders have it */
                    Sym by = 0, striker = violence_by_side(s, v, code);
                    int inquiry = code && !strncmp(code, "09", 2),
                        violence = cameo_is_force(code) && strncmp(code, "17", 2) && !striker;
                    for (uint32_t q = 0; q < s->nmen && !by && (inquiry || violence); q++) {
                        const Mention *pm = &s->men[q];
                        if (pm->start < v->end || pm->kind != MK_COUNTRY || pm->has_agent || pm->start < 1 ||
                            !actor_country(pm->code))
                            continue;
                        /* "in Mandera", "in the town of Baidoa", "outside of the
                         * Iraqi city of Basra", "in a residential sector of
                         * eastern Beirut" */
                        uint32_t b = pm->start;
                        while (b > v->end && pm->start - b < 4 && (s->tok[b - 1].tag == T_JJ || s->tok[b - 1].tag == T_RB))
                            b--;
                        int place = b > v->end && ((is_place_prep(&s->tok[b - 1]) && !whereabouts(s, b - 1) && !speaker_place(s, b - 1)) ||
                                                   (b > v->end + 1 && tok_word(&s->tok[b - 1], W_OF) &&
                                                    is_place_noun(&s->tok[b - 2])));
                        if (place) by = inquiry ? actor_country(pm->code) : unidentified_forces(actor_country(pm->code));
                    }
                    for (int b = 0; b < sub.nsrc && code; b++) {
                        Event e = {.sent = si, .source = striker ? striker : by, .target = s->men[sub.src[b]].code,
                                   .code = code, .src_m = -1, .tgt_m = sub.src[b], .vp = k,
                                   .rule = striker ? "passive: the side its strikes are of, or its fire came from"
                                           : by ? (inquiry ? "passive without agent: an inquiry held in a country is its own"
                                                           : "passive without agent: unnamed forces of the country where it happened")
                                                : "passive without agent: who acted is not named"};
                        if (e.source == e.target) continue;
                        push_event(d, &e);
                    }
                    continue;
                }
                if (agent < 0 && cv->agentless && !sub.nsrc && v->code && !(v->flags & (VP_NEGATED | VP_FUTURE)) &&
                    !not_done(s, k)) {
                    /* "rockets were fired from Lebanese territory at northern
                     * Israel", "missiles were launched at Kyiv from Belarus":
                     * fire from a side at someone, its weapons the subject */
                    int from = -1, at = fired_at(s, v, &from);
                    if (at >= 0 && from >= 0 && s->men[from].code != s->men[at].code) {
                        Event e = {.sent = si, .source = s->men[from].code, .target = s->men[at].code, .code = v->code,
                                   .src_m = from, .tgt_m = at, .vp = k,
                                   .rule = "passive without agent: fired from a side at another"};
                        push_event(d, &e);
                        continue;
                    }
                }
                if (agent < 0 && cv->agentless) {   /* no one named as acting */
                    doc_note(d, si, NOTE_PASSIVE_NO_AGENT, v->start, v->end, v->pattern_ref, v->code);
                    continue;
                }
                if (agent < 0) goto active;   /* the validation suite codes these as active */
                memcpy(tgt, sub.src, sizeof(int) * (size_t)sub.nsrc);
                ntgt = sub.nsrc;
                sub.nsrc = 0;
                add_conj(s, agent, sub.src, &sub.nsrc, 8);
                rule = agent_tree ? "passive agent: obl:agent of the verb in the tree" : "passive agent";
            }
        active:
            if (v->source_tok >= 0 && s->tok[v->source_tok].mention >= 0) {
                /* "$" after the verb: "X received aid from Y" -> Y acts on X */
                if ((uint32_t)v->source_tok > v->head) {
                    memcpy(tgt, sub.src, sizeof(int) * (size_t)sub.nsrc);
                    ntgt = sub.nsrc;
                }
                sub.nsrc = 0;
                add_conj(s, s->tok[v->source_tok].mention, sub.src, &sub.nsrc, 8);
                rule = "pattern source";
            }
            if (!sub.nsrc && !(v->flags & VP_PASSIVE)) s->wants_tree |= s->nmen && s->men[0].start < v->head;
            if (!sub.nsrc && s->parsed && !(v->flags & VP_PASSIVE)) {
                int m = tree_subject(s, v->head);
                if (m >= 0) {
                    add_conj(s, m, sub.src, &sub.nsrc, 8);
                    rule = s->tok[v->head].rel == REL_CONJ || s->tok[v->head].rel == REL_XCOMP
                               ? "subject in the tree: nsubj of the verb it is conj or xcomp of"
                               : "subject in the tree: nsubj of the verb";
                }
            }
            int weapon = 0;
            if (!sub.nsrc && cv->agentless && ntgt && v->code && cameo_is_force(v->code) &&
                !(v->flags & (VP_FUTURE | VP_NEGATED)) && (weapon = weapon_subject(s, v)) > 0) {
                /* "a roadside bomb killed three soldiers", "an explosion near
                 * the market wounded 12 people": violence whose perpetrator
                 * is not named - the event stands, its first actor empty */
                /* the place the sentence puts it in gives the unnamed
                 * attackers their country ("a roadside bomb near the town of
                 * Samarra": IRQUAF), as the field's coders do */
                Sym by = 0;
                for (uint32_t q = 0; q < s->nmen && !by && weapon == 2; q++)
                    if (place_in_phrase(s, (int)q) && actor_country(s->men[q].code))
                        by = unidentified_forces(actor_country(s->men[q].code));
                for (int b = 0; b < ntgt; b++) {
                    Event e = {.sent = si, .source = by, .target = s->men[tgt[b]].code, .code = v->code, .src_m = -1,
                               .tgt_m = tgt[b], .vp = k,
                               .rule = by ? "violence by a weapon or blast: unnamed attackers of the place it struck"
                                  : "violence by a weapon or blast: who acted is not named"};
                    if (e.source != e.target) push_event(d, &e);
                }
                continue;
            }
            if (!sub.nsrc) {
                doc_note(d, si, NOTE_NO_SOURCE, v->start, v->end, v->pattern_ref, v->code);
                continue;
            }
            if (tree_target && ntgt) {   /* --explain names the relation the target came by */
                size_t n = strlen(rule ? rule : "subject") + strlen(tree_how) + 16;
                char *r = arena_alloc(d->arena, n);
                snprintf(r, n, "%s; target: %s", rule ? rule : "subject", tree_how);
                rule = r;
            }
            const char *code = (v->flags & VP_FUTURE) && cv->modality ? intent_code(v->code) : v->code;
            int unless = cv->modality && (v->flags & VP_FUTURE) ? condition_after(s, v) : -1;
            if (unless >= 0) {
                /* "will withdraw its force from Chad unless the president
                 * arranges a ceasefire": a threat, on whom the condition falls */
                code = code && code[0] == '1' && code[1] == '3' ? code : "130";
                /* its own troops are no target of the threat: the conditioned is */
                int own = ntgt > 0 && sub.nsrc > 0;
                for (int b = 0; b < ntgt && own; b++)
                    own = actor_country(s->men[tgt[b]].code) == actor_country(s->men[sub.src[0]].code);
                if (own) ntgt = 0;
                if (!ntgt && s->tok[unless].mention >= 0) add_conj(s, s->tok[unless].mention, tgt, &ntgt, 8);
                rule = "a threat: a future action unless another acts";
            }
            if (!ntgt && cv->target_reading && code && sub.nsrc) {
                /* "threatened to stop talks if the United States ...", "rejected
                 * an offer from Afghanistan", "in protest of the government's ..." */
                const char *why = NULL;
                int m = late_target(s, v->match_end > v->end ? v->match_end : v->end, code,
                                    s->men[sub.src[0]].code, &why);
                if (m >= 0) {
                    add_conj(s, m, tgt, &ntgt, 8);
                    rule = why;
                }
            }
            if (!ntgt && cv->target_reading && code && sub.nsrc &&
                (!strncmp(code, "175", 3) || !strncmp(code, "173", 3))) {
                /* "fired tear gas on Sunday as thousands of people defied a
                 * ban": force used as a crowd acts is used on that crowd */
                int m = crowd_acting(s, v->match_end > v->end ? v->match_end : v->end);
                if (m >= 0) {
                    add_conj(s, m, tgt, &ntgt, 8);
                    rule = "repression: its target is the crowd acting in the clause of time";
                }
            }
            /* compound subject with no target: each acts on the others (the
             * suite's conventions: only when the pattern says so with '%' or
             * the code is paired) */
            /* "Russia and China met", "police and protesters clashed": each
             * on the other - for what two sides do together (meeting,
             * agreeing, cooperating, fighting), not "residents and a teacher
             * said" or "students and workers marched" */
            int together = code && together_code(code);
            int mutual = (v->flags & VP_MUTUAL) ||
                         (ntgt == 0 && sub.nsrc > 1 && (cv->second_codes ? v->code2 != NULL : together));
            for (int a = 0; a < sub.nsrc; a++) {
                Sym src = s->men[sub.src[a]].code;
                const char *r = rule;
                /* reported speech: "Wang said Beijing would ..." -> the speaker */
                if (speaker >= 0 && speaker != sub.src[a] && (int)k > 0 && s->men[sub.src[a]].kind == MK_COUNTRY &&
                    !s->men[sub.src[a]].has_agent) {
                    Sym sp = s->men[speaker].code;
                    if (actor_country(sp) == actor_country(src) && strlen(sym_name(sp)) > 3) {
                        src = sp;
                        r = "reported speech: the speaker for his own country";
                    }
                }
                int nt = mutual ? sub.nsrc : ntgt;
                int emitted = 0;
                for (int b = 0; b < nt; b++) {
                    int tm = mutual ? sub.src[b] : tgt[b];
                    if (tm == sub.src[a]) continue;
                    Sym tc = s->men[tm].code;
                    if (tc == src) continue;
                    /* "Ukraine deployed its soldiers": a force posture (15) over
                     * one's own forces stands alone, acting on no one */
                    if (cv->one_actor && code && !strncmp(code, "15", 2) && !mutual && actor_country(tc) &&
                        actor_country(tc) == actor_country(src) && s->men[tm].has_agent)
                        continue;
                    if (code) {
                        Event e = {.sent = si, .source = src, .target = tc,
                                   .code = mutual ? code   /* a clash of two sides stays a clash */
                                                  : crowd_violence(s, &s->men[sub.src[a]],
                                                                   official_protest(s, v, &s->men[sub.src[a]], src, code)),
                                   .src_m = sub.src[a], .tgt_m = tm, .vp = k,
                                   .rule = mutual ? "compound actors act on each other" : r};
                        /* "captured most of Goma": a place taken is occupied */
                        if (captured_place(s, v, &s->men[tm], e.code)) e.code = "192";
                        push_event(d, &e);
                    }
                    emitted = 1;
                    if (v->code2 && (!mutual || cv->second_codes)) {
                        /* a paired entry [042:043]: the target answers (hosts the visit) */
                        Event e2 = {.sent = si, .source = tc, .target = src, .code = v->code2, .src_m = tm,
                                    .tgt_m = sub.src[a], .vp = k, .rule = "paired code: the target's side"};
                        push_event(d, &e2);
                    }
                }
                int alone = cv->one_actor && !o->dyadic && code && stands_alone(code);
                if (!emitted && (o->keep_untargeted || alone) && code && (!cv->second_codes || has_null_phrase(s, v))) {
                    Event e = {.sent = si, .source = src, .code = crowd_violence(s, &s->men[sub.src[a]], code),
                               .src_m = sub.src[a], .tgt_m = -1, .vp = k, .rule = r};
                    push_event(d, &e);
                } else if (!emitted) {
                    doc_note(d, si, NOTE_NO_TARGET, v->start, v->end, v->pattern_ref, code);
                }
            }
        }
        if (dict->ntransforms) transform(d, dict, si, first_ev, subj, cv);
        noun_events(d, dict, o, si, first_ev, subj);
        if (cv->target_reading) {
            late_targets(d, s, first_ev);
            protest_targets(d, first_ev);
        }
    }
}
