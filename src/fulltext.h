/* fulltext.h - the words of SQLite's full-text index (store version 18).
 *
 * The index (sentences_fts) keeps which sentences hold a word, not where:
 * FTS5's detail=none, 22 bytes an event where positions took 64.  Its
 * tokens are FTS5's own (the unicode61 tokenizer: letters and digits,
 * folded to lower case without diacritics), and a sentence's months are
 * tokens of the second column: FULLTEXT_MONTH (U+E000, a private use
 * character, which that tokenizer keeps inside a token) before YYYYMM, so
 * that no word of a text is a month.  A word of a query that is more than
 * one token ("al-Assad", "U.S.") is then looked for as its tokens, and the
 * sentences the index gives are read again for the tokens side by side.
 *
 * SQL functions, on a store's connections:
 *   hd_terms(WORDS)         the FTS5 query of the words (separated by
 *                           spaces or tabs): each of their tokens quoted,
 *                           all of them required; a word of no token
 *                           matches nothing
 *   hd_runs(WORDS)          1 when a word is more than one token
 *   hd_has_runs(TEXT, WORDS) 1 when each word's tokens follow each other
 *                           in TEXT (a sentence)
 * Nothing of the user's text reaches FTS5's query syntax but quoted
 * tokens. */
#ifndef HERODOTUS_FULLTEXT_H
#define HERODOTUS_FULLTEXT_H

struct sqlite3;

/* the month token's first character, as UTF-8 (SQL: char(57344)) */
#define FULLTEXT_MONTH "\xee\x80\x80"

/* Register the functions on db; 0, or -1 when FTS5 is missing. */
int fulltext_functions(struct sqlite3 *db);

#endif
