/* tokenizer.h: carve's HTML tokenizer.
 *
 * It follows the tokenization states of the WHATWG HTML standard (§13.2.5)
 * over UTF-8 input: tags and attributes in every quoting form, comments
 * with their bogus and abrupt forms, DOCTYPE, RCDATA, RAWTEXT, script data
 * with its escape states, PLAINTEXT, CDATA sections in foreign content and
 * character references (the full named table, numeric references with the
 * spec's replacements). Parse errors are not reported: the recovery the
 * spec prescribes is what every page gets.
 *
 * The tokenizer works in place: a token's strings live in two buffers of
 * the tokenizer that are reused, so it does not allocate per token, and
 * a token is valid only until the next call. Runs of text, attribute
 * values and comments are scanned with SSE2 where the machine has it.
 */
#ifndef CARVE_HTML_TOKENIZER_H
#define CARVE_HTML_TOKENIZER_H

#include <stddef.h>

#include "util/buf.h"

typedef enum html_token_kind {
    HTML_START_TAG,
    HTML_END_TAG,
    HTML_TEXT,    /* characters, references decoded; may hold U+0000 in the data state */
    HTML_COMMENT,
    HTML_DOCTYPE,
    HTML_EOF
} html_token_kind;

/* The states a tree builder (or a test) switches the tokenizer to. */
typedef enum html_state {
    HTML_STATE_DATA,
    HTML_STATE_RCDATA,
    HTML_STATE_RAWTEXT,
    HTML_STATE_SCRIPT_DATA,
    HTML_STATE_PLAINTEXT,
    HTML_STATE_CDATA_SECTION
} html_state;

/* A tag keeps its first HTML_MAX_ATTRS attributes (the spec keeps all);
 * the limit keeps the check for duplicate names linear in the page. */
#define HTML_MAX_ATTRS 256

typedef struct html_attr {
    const char *name; /* lower case */
    size_t name_len;
    const char *value; /* references decoded */
    size_t value_len;
} html_attr;

typedef struct html_token {
    html_token_kind kind;
    const char *data; /* tag name (lower case), text, comment text or DOCTYPE name */
    size_t len;       /* bytes of data */
    html_attr *attrs; /* tags: attributes in order, later duplicates dropped */
    size_t attr_count;
    int self_closing;
    /* DOCTYPE only: a missing name, public or system identifier is NULL. */
    int force_quirks;
    const char *public_id, *system_id;
    size_t public_len, system_len;
} html_token;

typedef struct html_attr_span {
    size_t name_off, name_len, value_off, value_len;
    int duplicate;
} html_attr_span;

typedef struct html_tokenizer {
    const char *in; /* the input, carriage returns already normalised */
    size_t len, pos;
    char *normalised; /* the copy made when the input had carriage returns */
    int state;        /* an internal state number; see tokenizer.c */
    int foreign;      /* set by the tree builder: the adjusted current node is SVG or MathML */
    const char *alt_end; /* set by the tree builder: a second end tag that ends RCDATA, RAWTEXT
                            and script data (lower case), or NULL */
    buf text;         /* characters not yet emitted */
    buf tag;          /* the tag, comment or DOCTYPE being built */
    buf last_start;   /* the name of the last start tag, for "appropriate end tag" */
    html_attr_span *spans;
    size_t span_count, span_cap;
    html_attr *attrs;
    size_t attr_cap;
    int kind;              /* the kind of the token in tag */
    int self_closing, force_quirks;
    long public_off, system_off; /* -1 when missing */
    size_t public_len, system_len, name_len;
    int has_name;
    int ready; /* a token in tag waits behind the text just returned */
    int done;  /* EOF was emitted */
    int failed; /* memory ran out */
} html_tokenizer;

/* Starts tokenizing len bytes of UTF-8 (not copied; it must outlive the
 * tokenizer). Returns 0, or -1 when memory runs out. */
int html_tokenizer_init(html_tokenizer *t, const char *in, size_t len);
void html_tokenizer_free(html_tokenizer *t);

/* Switches to one of the public states, as a tree builder does after
 * <title>, <style>, <script> or <plaintext>. */
void html_tokenizer_set_state(html_tokenizer *t, html_state state);

/* Goes back to byte pos of the input, in the data state, as if EOF had
 * not been reached (for a tree builder's recovery). */
void html_tokenizer_rewind(html_tokenizer *t, size_t pos);

/* Sets the name of the last start tag (used by tests that begin in a
 * text state). */
void html_tokenizer_set_last_start(html_tokenizer *t, const char *name, size_t len);

/* The next token. After HTML_EOF, every call returns HTML_EOF. Returns 0,
 * or -1 when memory ran out (the token is then HTML_EOF). */
int html_next_token(html_tokenizer *t, html_token *tok);

#endif
