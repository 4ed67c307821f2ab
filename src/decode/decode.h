/* decode.h: the decode stage. Any charset in, UTF-8 out.
 *
 * The order follows the WHATWG Encoding Standard and the HTML "determining
 * the character encoding" algorithm that browsers use:
 *   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
 *   2. the charset the transport declared (HTTP Content-Type), if known;
 *   3. a prescan of the first 1024 bytes for <meta charset> or
 *      <meta http-equiv="Content-Type" content="...charset=...">;
 *   4. detection with uchardet;
 *   5. windows-1252 (the web's default for unlabelled legacy pages).
 * Labels are mapped as WHATWG does (e.g. "iso-8859-1", "latin1" and "ascii"
 * all mean windows-1252; "utf8" means UTF-8); an unknown or unconvertible
 * label is ignored and the next step decides.
 * Conversion uses iconv. Invalid sequences become U+FFFD, one per bad byte
 * run as WHATWG's decoder does, and decoding goes on: no input byte is
 * silently dropped. NUL bytes become U+FFFD as well.
 */
#ifndef CARVE_DECODE_H
#define CARVE_DECODE_H

#include <stddef.h>

typedef enum decode_source {
    DECODE_FROM_BOM,
    DECODE_FROM_TRANSPORT, /* the caller's (HTTP) charset */
    DECODE_FROM_META,      /* <meta> prescan */
    DECODE_FROM_DETECTOR,  /* uchardet (asked only when the input is not valid UTF-8) */
    DECODE_FROM_DEFAULT    /* nothing said anything: windows-1252, or UTF-8 when the bytes are valid UTF-8 */
} decode_source;

typedef struct decode_result {
    const char *data;      /* UTF-8, len bytes: the input itself (after its BOM) when it is
                              valid UTF-8 without NUL bytes, else a NUL-terminated copy owned
                              by the result; released by decode_result_free */
    size_t len;            /* bytes, not counting the NUL; the BOM is not included */
    char *owned;           /* the copy to free, or NULL */
    char charset[32];      /* WHATWG name of the charset used, e.g. "utf-8", "windows-1252", "shift_jis" */
    decode_source source;  /* which step decided */
    size_t replacements;   /* how many U+FFFD were inserted */
} decode_result;

/* Decodes in[0..len) to UTF-8. transport_charset may be NULL.
 * Returns 0, or -1 when memory runs out (out->data is then NULL). */
int decode_to_utf8(const char *in, size_t len, const char *transport_charset, decode_result *out);
/* Frees what decode_to_utf8 allocated for out. */
void decode_result_free(decode_result *out);

/* A NUL-terminated copy of in[0..len), UTF-8 that may be ill-formed (a file
 * name, a WARC header), with each ill-formed run replaced by U+FFFD as a
 * page's text is decoded. Freed with free(); NULL when memory runs out. */
char *decode_utf8_repair(const char *in, size_t len);

/* Maps a charset label to its WHATWG encoding name (lower case) in name[0..size).
 * Returns 0, or -1 when the label is unknown (name is then ""). */
int decode_canonical_label(const char *label, size_t label_len, char *name, size_t size);

/* The <meta> prescan alone (step 3): the first charset label found in the
 * first 1024 bytes, canonicalised, in name. Returns 0 when found, else -1. */
int decode_prescan_meta(const char *in, size_t len, char *name, size_t size);

/* The same over the first limit bytes. */
int decode_prescan_meta_within(const char *in, size_t len, size_t limit, char *name, size_t size);

#endif
