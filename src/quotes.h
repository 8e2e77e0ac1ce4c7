/* quotes.h - stage 7: quotes.  What is in quotation marks, who said it and
 * through which media it came.
 *
 *   - a quote is the words between marks (straight or curly, "..." or
 *     « »), one part a sentence; it runs on into the next paragraph when
 *     that paragraph opens with a mark (the newsroom's way), and an
 *     attribution set inside it ("...," she said, "...") joins its two
 *     halves;
 *   - it is whole (direct speech) when it opens a sentence or follows an
 *     attribution ("Lavrov said: ...", "..., he added"), else partial
 *     (words quoted inside reported speech);
 *   - its speaker is the subject of a speech verb outside the marks, in its
 *     sentences: a name (the fullest form the article gave: "Lavrov" is
 *     "Sergei Lavrov"), a pronoun (the last person named before, of the
 *     right gender where the text told it), or an office ("the
 *     spokeswoman": the last person named with that office); a quote with
 *     no attribution continues the one before it;
 *   - via: the outlets, platforms and accounts the attribution names, in
 *     their order ("told RIA Novosti, according to TASS");
 *   - inside a quote, "we", "I", "us", "me" stand for the speaker: they
 *     become mentions with the speaker's code (herodotus's own reading).
 *
 * Fills Doc.quotes and Sentence.quote; the events stage gives an event the
 * quote its verb lies in (Event.quote). */
#ifndef HERODOTUS_QUOTES_H
#define HERODOTUS_QUOTES_H
#include "doc.h"

void find_quotes(Doc *d, const Options *o);

/* "whole", "partial"; "named", "pronoun", "role", "previous", "none";
 * "outlet", "platform", "account" */
const char *quote_kind_name(int kind);
const char *speaker_how_name(int how);
const char *via_kind_name(int kind);

#endif
