/* input.h - stage 1 front: files, JSON Lines and stdin into raw documents */
#ifndef HERODOTUS_INPUT_H
#define HERODOTUS_INPUT_H
#include "buf.h"
#include "read.h"

/* Called for each article; returns 0 to go on, -1 when the article failed
 * (counted as a failed input). */
typedef int (*DocFn)(const RawDoc *raw, void *ctx);

/* Read path ("-" for stdin) and call fn for every article in it.  Reports
 * bad input on stderr as FILE:LINE: message.  Returns the number of inputs
 * that failed (0 when all went well). */
long input_each(const char *path, DocFn fn, void *ctx);

/* As input_each, but when lines is set each line of JSON Lines goes to it
 * unparsed (a caller that parses in threads), to be read later with
 * input_json_doc; it returns what input_each would count as failed. */
typedef long (*LineFn)(const char *name, long line, const char *s, size_t n, void *ctx);
long input_each_line(const char *path, DocFn fn, LineFn lines, void *ctx);

/* One line of JSON Lines (name:line for messages): its article given to
 * fn, messages about it appended to msg (stderr when msg is NULL).  A blank
 * line is no article.  Returns 1 when the line failed, else 0. */
long input_json_doc(const char *name, long line, const char *s, size_t n, Buf *msg, DocFn fn, void *ctx);

/* The document id of an article file: its path as given, without a
 * leading "./" and without the extension of its name ("corpus/2024/a.txt"
 * -> "corpus/2024/a"), so that files of one name in different folders are
 * different documents, and the same path is the same document again. */
const char *input_file_id(const char *path, char *out, size_t cap);

/* The document id of a plain text read from stdin: "stdin-" and 12 hex
 * digits of a hash of the text ("stdin-3f9a0c12d4e7"): each new text is a
 * new document, the same text the same one. */
const char *input_stdin_id(const char *text, size_t len, char out[20]);

/* The largest document coded, in bytes (--max-size); a larger one is
 * reported and skipped.  Memory while coding stays under 20 bytes a byte
 * of text, so the default bounds one document's coding to about 1.3 GB. */
#define INPUT_MAX_DOC_DEFAULT ((size_t)64 << 20)
extern size_t input_max_doc;

/* Set (from a signal handler) to stop reading after the current article. */
extern volatile int input_stop;
/* Bytes of the current input read so far (for progress). */
extern long long input_bytes_done;

#endif
