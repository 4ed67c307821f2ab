/* convert.c: runs the decoder of one WHATWG encoding, through glibc's iconv
 * for everything but UTF-8. */
#include "decode_internal.h"

#include <errno.h>
#include <string.h>

/* The glibc converter for each WHATWG encoding. Where WHATWG decodes a
 * superset of what the name suggests, so does the converter picked here:
 * gbk is read with the gb18030 decoder, big5 includes HKSCS, shift_jis is
 * Windows-31J (CP932, whose 0x5C is a backslash, not glibc SHIFT_JIS's yen
 * sign), euc-kr is Windows-949 (UHC), koi8-u is KOI8-RU. */
static const struct {
    const char *whatwg;
    const char *iconv;
} converters[] = {
    {"utf-16le", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"},
    {"ibm866", "IBM866"},
    {"iso-8859-2", "ISO-8859-2"},
    {"iso-8859-3", "ISO-8859-3"},
    {"iso-8859-4", "ISO-8859-4"},
    {"iso-8859-5", "ISO-8859-5"},
    {"iso-8859-6", "ISO-8859-6"},
    {"iso-8859-7", "ISO-8859-7"},
    {"iso-8859-8", "ISO-8859-8"},
    {"iso-8859-8-i", "ISO-8859-8"}, /* same bytes; -i only changes display order */
    {"iso-8859-10", "ISO-8859-10"},
    {"iso-8859-13", "ISO-8859-13"},
    {"iso-8859-14", "ISO-8859-14"},
    {"iso-8859-15", "ISO-8859-15"},
    {"iso-8859-16", "ISO-8859-16"},
    {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-RU"},
    {"macintosh", "MACINTOSH"},
    {"windows-874", "WINDOWS-874"},
    {"windows-1250", "WINDOWS-1250"},
    {"windows-1251", "WINDOWS-1251"},
    {"windows-1252", "WINDOWS-1252"},
    {"windows-1253", "WINDOWS-1253"},
    {"windows-1254", "WINDOWS-1254"},
    {"windows-1255", "WINDOWS-1255"},
    {"windows-1256", "WINDOWS-1256"},
    {"windows-1257", "WINDOWS-1257"},
    {"windows-1258", "WINDOWS-1258"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"},
    {"gbk", "GB18030"},
    {"gb18030", "GB18030"},
    {"big5", "BIG5-HKSCS"},
    {"euc-jp", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"},
    {"shift_jis", "CP932"},
    {"euc-kr", "CP949"},
};

static const char *iconv_name(const char *whatwg_name)
{
    for (size_t i = 0; i < sizeof converters / sizeof converters[0]; i++)
        if (strcmp(converters[i].whatwg, whatwg_name) == 0)
            return converters[i].iconv;
    return NULL;
}

int converter_open(converter *c, const char *whatwg_name)
{
    c->cd = (iconv_t)-1;
    c->unit = 1;
    if (strcmp(whatwg_name, "utf-8") == 0)
        return 0;
    const char *from = iconv_name(whatwg_name);
    if (!from)
        return -1;
    c->cd = iconv_open("UTF-8", from);
    if (c->cd == (iconv_t)-1)
        return -1;
    /* Skipping one byte of a UTF-16 code unit would misalign the rest. */
    if (strncmp(whatwg_name, "utf-16", 6) == 0)
        c->unit = 2;
    return 0;
}

/* Converts as much as fits in chunk; returns iconv's errno, or 0. */
static int step(iconv_t cd, char **ip, size_t *il, char *chunk, size_t size, size_t *produced)
{
    char *op = chunk;
    size_t ol = size;
    int err = iconv(cd, ip, il, &op, &ol) == (size_t)-1 ? errno : 0;
    *produced = (size_t)(op - chunk);
    return err;
}

static int run_iconv(converter *c, const char *in, size_t len, dsink *out)
{
    char chunk[4096];
    char *ip = (char *)in; /* iconv's prototype wants char **, it does not write */
    size_t il = len;
    size_t produced;

    while (il > 0) {
        int err = step(c->cd, &ip, &il, chunk, sizeof chunk, &produced);
        if (dsink_put_text(out, chunk, produced))
            return -1;
        if (err == 0 || err == E2BIG)
            continue;
        /* EILSEQ (invalid) or EINVAL (truncated at the end): one U+FFFD for
         * the code unit iconv stopped at, then go on with the next one. */
        size_t skip = il < c->unit ? il : c->unit;
        if (dsink_replacement(out))
            return -1;
        ip += skip;
        il -= skip;
    }
    /* Flush: some decoders (windows-1258, big5) hold back a character that
     * could still combine with the next one. */
    step(c->cd, NULL, NULL, chunk, sizeof chunk, &produced);
    return dsink_put_text(out, chunk, produced);
}

int converter_run(converter *c, const char *in, size_t len, dsink *out)
{
    if (c->cd == (iconv_t)-1)
        return utf8_decode(in, len, out);
    return run_iconv(c, in, len, out);
}

void converter_close(converter *c)
{
    if (c->cd != (iconv_t)-1)
        iconv_close(c->cd);
    c->cd = (iconv_t)-1;
}
