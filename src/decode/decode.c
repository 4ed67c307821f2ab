/* decode.c: picks the charset (BOM, transport, <meta>, uchardet, default)
 * and converts the input to UTF-8.
 *
 * Unlabelled input that is valid UTF-8 is read as UTF-8 without asking
 * uchardet: legacy text is almost never valid UTF-8 by chance once it has
 * non-ASCII bytes, while uchardet misreads short UTF-8 (it calls the five
 * bytes of "café" WINDOWS-1250). The default step makes that choice.
 *
 * A label is honoured even when the bytes disagree with it: a page labelled
 * UTF-8 whose bytes are not valid UTF-8 is still decoded as UTF-8, with
 * U+FFFD for each invalid sequence. Browsers do the same, and guessing
 * against an explicit label would make results depend on heuristics. */
#include "decode.h"
#include "decode_internal.h"

#include <stdlib.h>
#include <string.h>

/* The charset picked for the input and its decoder. */
typedef struct choice {
    char name[32];
    decode_source source;
    size_t skip;    /* bytes of BOM to leave out */
    int utf8_valid; /* the input is valid UTF-8: 1, 0, or -1 when not checked (as with a BOM) */
    converter conv;
} choice;

/* Opens the decoder for name; on success the choice is made. */
static int choose(choice *ch, const char *name, decode_source source)
{
    if (converter_open(&ch->conv, name))
        return -1;
    strcpy(ch->name, name); /* WHATWG names are short; see labels.c */
    ch->source = source;
    return 0;
}

static int from_bom(choice *ch, const unsigned char *p, size_t len)
{
    const char *name;
    size_t size = 2;

    if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        name = "utf-8";
        size = 3;
    } else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        name = "utf-16be";
    } else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        name = "utf-16le";
    } else {
        return -1;
    }
    if (choose(ch, name, DECODE_FROM_BOM))
        return -1;
    ch->skip = size;
    return 0;
}

static int from_label(choice *ch, const char *label, decode_source source)
{
    char name[32];
    if (!label || decode_canonical_label(label, strlen(label), name, sizeof name))
        return -1;
    return choose(ch, name, source);
}

/* The prescan looks at the first 1024 bytes. A browser that finds a
 * <meta> charset later, while parsing with an encoding it was not told,
 * changes to it and parses again (the standard's "change the encoding"):
 * carve looks as far as a browser would have parsed by then, the first
 * LATE_META_MAX bytes, before guessing. */
#define LATE_META_MAX (64 * 1024)

static int from_meta(choice *ch, const char *in, size_t len)
{
    char name[32];
    if (decode_prescan_meta(in, len, name, sizeof name) &&
        (len <= 1024 || decode_prescan_meta_within(in, len, LATE_META_MAX, name, sizeof name)))
        return -1;
    return choose(ch, name, DECODE_FROM_META);
}

static int from_detector(choice *ch, const char *in, size_t len)
{
    char name[32];
    if (decode_detect(in, len, name, sizeof name))
        return -1;
    return choose(ch, name, DECODE_FROM_DETECTOR);
}

/* Nothing usable was said: valid UTF-8 is UTF-8, the rest windows-1252.
 * UTF-8 needs no iconv, which makes it the fallback should this iconv lack
 * windows-1252. */
static void from_default(choice *ch, int utf8_valid)
{
    if (utf8_valid || choose(ch, "windows-1252", DECODE_FROM_DEFAULT))
        choose(ch, "utf-8", DECODE_FROM_DEFAULT);
}

static void pick(choice *ch, const char *in, size_t len, const char *transport)
{
    ch->skip = 0;
    ch->utf8_valid = -1;
    if (from_bom(ch, (const unsigned char *)in, len) == 0)
        return;
    if (from_label(ch, transport, DECODE_FROM_TRANSPORT) == 0 || from_meta(ch, in, len) == 0)
        return;
    ch->utf8_valid = utf8_is_valid(in, len);
    if (!ch->utf8_valid && from_detector(ch, in, len) == 0)
        return;
    from_default(ch, ch->utf8_valid);
}

int decode_to_utf8(const char *in, size_t len, const char *transport_charset, decode_result *out)
{
    choice ch;
    dsink sink;

    memset(out, 0, sizeof *out);
    if (len == 0)
        in = "";
    pick(&ch, in, len, transport_charset);
    in += ch.skip;
    len -= ch.skip;
    out->source = ch.source;
    strcpy(out->charset, ch.name);
    /* Valid UTF-8 without NUL bytes decodes to itself: no copy. */
    if (strcmp(ch.name, "utf-8") == 0 && !memchr(in, 0, len) &&
        (ch.utf8_valid >= 0 ? ch.utf8_valid : utf8_is_valid(in, len))) {
        converter_close(&ch.conv);
        out->data = in;
        out->len = len;
        return 0;
    }

    int rc = dsink_init(&sink, len);
    if (rc == 0)
        rc = converter_run(&ch.conv, in, len, &sink);
    if (rc == 0)
        rc = dsink_finish(&sink);
    converter_close(&ch.conv);
    if (rc) {
        dsink_free(&sink);
        return -1;
    }
    out->data = out->owned = sink.data;
    out->len = sink.len;
    out->replacements = sink.replacements;
    return 0;
}

void decode_result_free(decode_result *out)
{
    free(out->owned);
    out->owned = NULL;
    out->data = NULL;
}
