/* input.h - stage 1 front: files, JSON Lines and stdin into raw documents */
#ifndef HERODOTUS_INPUT_H
#define HERODOTUS_INPUT_H
#include "buf.h"
#include "read.h"

/* Called for each article; returns 0 to go on, -1 when the article failed
 * (counted as a failed input). */
typedef int (*DocFn)(const RawDoc *raw, void *ctx);

/* Each line of JSON Lines, unparsed (for a caller that parses in
 * threads, with input_json_doc); returns what counts as failed. */
typedef long (*LineFn)(const char *name, long line, const char *s, size_t n, void *ctx);

/* A reader of inputs: what it calls for each article (or JSON line), and
 * where its messages go.  The input module prints nothing: every message
 * about bad input ("FILE:LINE: what was wrong", one or more lines, each
 * ending in a newline) goes to say. */
typedef struct Input {
    DocFn doc;                  /* each article */
    LineFn line;                /* each JSON line instead, unparsed, when set */
    size_t line_max;            /* a longer line goes to doc all the same, parsed (with line set) */
    void (*say)(const char *msg, void *ctx);
    void *ctx;                  /* for all three */
    size_t max_doc;             /* the largest document read, in bytes (--max-size) */
    const volatile int *stop;   /* when set and nonzero: stop after the current article */
    long long bytes_done;       /* of the current input, so far (for progress) */
} Input;

/* Read path ("-" for stdin): every article in it to in->doc (or every JSON
 * line to in->line).  Returns the number of inputs that failed (0 when all
 * went well). */
long input_read(Input *in, const char *path);
/* The same for bytes [start, end) of a JSON Lines file (a shard's part,
 * shard.h; start at a line's start): the lines that start there.  Its
 * messages name it path@start, and count lines from there ("big.jsonl@1048576:3:
 * ..."); an empty part is no error.  end < 0: the whole input (input_read). */
long input_read_part(Input *in, const char *path, long long start, long long end);

/* A say that prints on stderr (the command line's) */
void input_say_stderr(const char *msg, void *ctx);

/* One line of JSON Lines (name:line for messages): its article given to
 * fn, messages about it appended to msg.  A blank line is no article.
 * Returns 1 when the line failed, else 0. */
long input_json_doc(const char *name, long line, const char *s, size_t n, size_t max_doc, Buf *msg, DocFn fn, void *ctx);

/* The document id of an article file: its path as given, without a
 * leading "./" and without the extension of its name ("corpus/2024/a.txt"
 * -> "corpus/2024/a"), so that files of one name in different folders are
 * different documents, and the same path is the same document again. */
const char *input_file_id(const char *path, char *out, size_t cap);

/* The document id of a plain text read from stdin: "stdin-" and 12 hex
 * digits of a hash of the text ("stdin-3f9a0c12d4e7"): each new text is a
 * new document, the same text the same one. */
const char *input_stdin_id(const char *text, size_t len, char out[20]);

/* The default largest document coded, in bytes (--max-size); a larger
 * one is reported and skipped.  Memory while coding stays under 20 bytes a
 * byte of text, so the default bounds one document's coding to about 1.3 GB. */
#define INPUT_MAX_DOC_DEFAULT ((size_t)64 << 20)

#endif
