/* decode_internal.h: what the files of the decode stage share with each
 * other. Not part of the stage's interface (that is decode.h). */
#ifndef CARVE_DECODE_INTERNAL_H
#define CARVE_DECODE_INTERNAL_H

#include <iconv.h>
#include <stddef.h>

/* sink.c: the growing UTF-8 output. */
typedef struct dsink {
    char *data;          /* NUL-terminated once dsink_finish succeeded */
    size_t len;
    size_t cap;
    size_t replacements; /* U+FFFD written so far */
} dsink;

/* Each returns 0, or -1 when memory ran out. */
int dsink_init(dsink *s, size_t expected);
/* Appends UTF-8 text, writing U+FFFD (counted) in place of each NUL byte. */
int dsink_put_text(dsink *s, const char *p, size_t n);
/* Appends one U+FFFD and counts it. */
int dsink_replacement(dsink *s);
/* NUL-terminates; afterwards s->data is never NULL. */
int dsink_finish(dsink *s);
void dsink_free(dsink *s);

/* utf8.c: UTF-8 validation and decoding with WHATWG error handling. */
int utf8_is_valid(const char *in, size_t len);
int utf8_decode(const char *in, size_t len, dsink *out);

/* convert.c: one decoder, for one WHATWG encoding name. */
typedef struct converter {
    iconv_t cd;  /* (iconv_t)-1 for UTF-8, which is decoded without iconv */
    size_t unit; /* bytes skipped after an invalid sequence: one code unit */
} converter;

/* Returns 0, or -1 when glibc's iconv cannot convert from that encoding. */
int converter_open(converter *c, const char *whatwg_name);
/* Returns 0, or -1 when memory ran out. */
int converter_run(converter *c, const char *in, size_t len, dsink *out);
void converter_close(converter *c);

/* detect.c: asks uchardet. Returns 0 with the WHATWG name in name, or -1
 * when uchardet has no answer this stage can use. */
int decode_detect(const char *in, size_t len, char *name, size_t size);

#endif
