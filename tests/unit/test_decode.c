/* test_decode.c: the decode stage (src/decode). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "decode/decode.h"

#define FFFD "\xEF\xBF\xBD"

/* Sample sentences and their Shift_JIS, GBK and Windows-949 bytes. */
#define JA_UTF8 "日本語のテキストです。これはテストの文章です。"
#define JA_SJIS                                                                                     \
    "\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42\x82" \
    "\xb1\x82\xea\x82\xcd\x83\x65\x83\x58\x83\x67\x82\xcc\x95\xb6\x8f\xcd\x82\xc5\x82\xb7\x81\x42"
#define ZH_UTF8 "中文文本测试，这是一个简单的句子。我们在测试编码检测。"
#define ZH_GBK                                                                                      \
    "\xd6\xd0\xce\xc4\xce\xc4\xb1\xbe\xb2\xe2\xca\xd4\xa3\xac\xd5\xe2\xca\xc7\xd2\xbb\xb8\xf6\xbc" \
    "\xf2\xb5\xa5\xb5\xc4\xbe\xe4\xd7\xd3\xa1\xa3\xce\xd2\xc3\xc7\xd4\xda\xb2\xe2\xca\xd4\xb1\xe0" \
    "\xc2\xeb\xbc\xec\xb2\xe2\xa1\xa3"
#define KO_UTF8 "한국어 텍스트입니다. 이것은 인코딩 감지를 위한 테스트 문장입니다. 우리는 한국어를 사용합니다."
#define KO_UHC                                                                                      \
    "\xc7\xd1\xb1\xb9\xbe\xee\x20\xc5\xd8\xbd\xba\xc6\xae\xc0\xd4\xb4\xcf\xb4\xd9\x2e\x20\xc0\xcc" \
    "\xb0\xcd\xc0\xba\x20\xc0\xce\xc4\xda\xb5\xf9\x20\xb0\xa8\xc1\xf6\xb8\xa6\x20\xc0\xa7\xc7\xd1" \
    "\x20\xc5\xd7\xbd\xba\xc6\xae\x20\xb9\xae\xc0\xe5\xc0\xd4\xb4\xcf\xb4\xd9\x2e\x20\xbf\xec\xb8" \
    "\xae\xb4\xc2\x20\xc7\xd1\xb1\xb9\xbe\xee\xb8\xa6\x20\xbb\xe7\xbf\xeb\xc7\xd5\xb4\xcf\xb4\xd9" \
    "\x2e"

/* Decodes and checks what holds for every result: UTF-8 with no NUL
 * inside, NUL-terminated when it is a copy, and a short charset name. */
static decode_result decode(const char *in, size_t len, const char *transport)
{
    decode_result r;
    assert_int_equal(decode_to_utf8(in, len, transport, &r), 0);
    assert_non_null(r.data);
    assert_null(memchr(r.data, '\0', r.len));
    if (r.owned)
        assert_int_equal(strlen(r.data), r.len);
    assert_true(strlen(r.charset) > 0);
    return r;
}

#define DECODE(literal, transport) decode(literal, sizeof literal - 1, transport)

static void assert_decoded(decode_result *r, const char *text, const char *charset, decode_source source)
{
    assert_int_equal(r->len, strlen(text));
    assert_memory_equal(r->data, text, r->len);
    assert_string_equal(r->charset, charset);
    assert_int_equal(r->source, source);
    decode_result_free(r);
}

typedef struct answer {
    int rc;
    char name[32];
} answer;

static answer prescan(const char *html, size_t len)
{
    answer a;
    a.rc = decode_prescan_meta(html, len, a.name, sizeof a.name);
    return a;
}

static void assert_prescan(const char *html, const char *expected)
{
    answer a = prescan(html, strlen(html));
    if (expected) {
        assert_int_equal(a.rc, 0);
        assert_string_equal(a.name, expected);
    } else {
        assert_int_equal(a.rc, -1);
        assert_string_equal(a.name, "");
    }
}

static void assert_label(const char *label, const char *expected)
{
    char name[32] = "untouched";
    int rc = decode_canonical_label(label, strlen(label), name, sizeof name);
    if (expected) {
        assert_int_equal(rc, 0);
        assert_string_equal(name, expected);
    } else {
        assert_int_equal(rc, -1);
        assert_string_equal(name, "");
    }
}

/* --- byte-order marks --- */

static void test_bom_utf8(void **state)
{
    (void)state;
    decode_result r = DECODE("\xEF\xBB\xBF" "caf\xC3\xA9", NULL);
    assert_int_equal(r.len, 5);
    assert_decoded(&r, "café", "utf-8", DECODE_FROM_BOM);
}

static void test_bom_utf16le(void **state)
{
    (void)state;
    decode_result r = DECODE("\xFF\xFE" "h\0i\0\xE9\0\x3D\xD8\x00\xDE", NULL);
    assert_decoded(&r, "hié😀", "utf-16le", DECODE_FROM_BOM);
}

static void test_bom_utf16be(void **state)
{
    (void)state;
    decode_result r = DECODE("\xFE\xFF" "\0h\0i\0\xE9", NULL);
    assert_decoded(&r, "hié", "utf-16be", DECODE_FROM_BOM);
}

static void test_bom_beats_transport_and_meta(void **state)
{
    (void)state;
    decode_result r = DECODE("\xEF\xBB\xBF<meta charset=koi8-r>\xC3\xA9", "windows-1252");
    assert_decoded(&r, "<meta charset=koi8-r>é", "utf-8", DECODE_FROM_BOM);
}

/* An unpaired surrogate is one U+FFFD and decoding stays aligned. */
static void test_utf16_lone_surrogate(void **state)
{
    (void)state;
    decode_result r = DECODE("\xFF\xFE" "a\0\x00\xD8" "b\0c", NULL);
    assert_int_equal(r.replacements, 2); /* the surrogate and the odd last byte */
    assert_decoded(&r, "a" FFFD "b" FFFD, "utf-16le", DECODE_FROM_BOM);
}

/* --- transport charset --- */

static void test_transport_beats_meta(void **state)
{
    (void)state;
    decode_result r = DECODE("<meta charset=\"utf-8\">caf\xE9", "ISO-8859-1");
    assert_decoded(&r, "<meta charset=\"utf-8\">café", "windows-1252", DECODE_FROM_TRANSPORT);

    r = DECODE("<meta charset=windows-1251>caf\xC3\xA9", " utf-8 ");
    assert_decoded(&r, "<meta charset=windows-1251>café", "utf-8", DECODE_FROM_TRANSPORT);
}

static void test_unknown_transport_falls_through(void **state)
{
    (void)state;
    /* to the meta prescan ... */
    decode_result r = DECODE("<meta charset=windows-1251>\xcf\xf0\xe8\xe2\xe5\xf2", "x-foo-bar");
    assert_decoded(&r, "<meta charset=windows-1251>Привет", "windows-1251", DECODE_FROM_META);
    /* ... and, with no meta, to detection */
    r = DECODE(JA_SJIS, "x-foo-bar");
    assert_decoded(&r, JA_UTF8, "shift_jis", DECODE_FROM_DETECTOR);
}

/* An explicit UTF-8 label is kept for bytes that are mostly not UTF-8. */
static void test_utf8_label_honoured_on_bad_bytes(void **state)
{
    (void)state;
    decode_result r = DECODE("\xE9t\xE9 \xE0 caf\xE9", "utf-8");
    assert_int_equal(r.replacements, 4);
    assert_decoded(&r, FFFD "t" FFFD " " FFFD " caf" FFFD, "utf-8", DECODE_FROM_TRANSPORT);
}

/* --- <meta> prescan --- */

static void test_prescan_meta_charset(void **state)
{
    (void)state;
    assert_prescan("<meta charset=\"koi8-r\">", "koi8-r");
    assert_prescan("<html><head><META CHARSET=Shift_JIS>", "shift_jis");
    assert_prescan("<meta charset='gb2312'>", "gbk");
    assert_prescan("<meta charset = \" windows-1251 \">", "windows-1251");
    assert_prescan("<meta/charset=iso-8859-2 />", "iso-8859-2");
    /* an unquoted value ends only at whitespace or '>': here it is "iso-8859-2/" */
    assert_prescan("<meta/charset=iso-8859-2/>", NULL);
    assert_prescan("<meta name=viewport charset=euc-kr>", "euc-kr");
    assert_prescan("<metacharset=utf-8>", NULL);
    assert_prescan("<p>no meta here</p>", NULL);
}

static void test_prescan_http_equiv(void **state)
{
    (void)state;
    assert_prescan("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
                   "windows-1251");
    assert_prescan("<meta http-equiv=content-type content='text/html;charset=ISO-8859-2'>", "iso-8859-2");
    assert_prescan("<meta content=\"text/html; charset='euc-jp'\" http-equiv=\"Content-Type\">", "euc-jp");
    assert_prescan("<meta content=\"text/html; CHARSET = big5 ; x=y\" http-equiv=content-type>", "big5");
    /* "charset" without '=' is skipped; ';' or a closing quote ends the label */
    assert_prescan("<meta http-equiv=content-type content=\"charset; charset=koi8-r;x\">", "koi8-r");
    assert_prescan("<meta http-equiv=content-type content='charset=\"koi8-r\"x'>", "koi8-r");
    assert_prescan("<meta http-equiv=content-type content=\"charset='koi8-r\">", NULL);
    /* content without http-equiv=Content-Type says nothing */
    assert_prescan("<meta content=\"text/html; charset=koi8-r\">", NULL);
    assert_prescan("<meta http-equiv=refresh content=\"0; charset=koi8-r\">", NULL);
    /* a charset attribute needs no pragma and is taken as it comes */
    assert_prescan("<meta content=\"text/html; charset=koi8-r\" charset=iso-8859-5>", "iso-8859-5");
}

static void test_prescan_skips_comments_and_attributes(void **state)
{
    (void)state;
    assert_prescan("<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">", "utf-8");
    assert_prescan("<!-- never closed <meta charset=koi8-r>", NULL);
    /* "<!-->" is a whole comment: the dashes of "<!--" close it */
    assert_prescan("<!--><meta charset=koi8-r>", "koi8-r");
    /* a <meta> inside another tag's attribute value is not a tag */
    assert_prescan("<div title=\"<meta charset=koi8-r>\"><meta charset=utf-8>", "utf-8");
    assert_prescan("<?xml version=\"1.0\"?><!DOCTYPE html><meta charset=macintosh>", "macintosh");
    /* the first declaration wins, within a tag too */
    assert_prescan("<meta charset=iso-8859-7><meta charset=utf-8>", "iso-8859-7");
    assert_prescan("<meta charset=koi8-r charset=iso-8859-5>", "koi8-r");
    assert_prescan("<meta charset=iso-8859-5 http-equiv=content-type content=\"text/html; charset=koi8-r\">",
                   "iso-8859-5");
    /* an end tag's attributes are skipped like a start tag's */
    assert_prescan("</p title=\">\"<meta charset=koi8-r>", NULL);
    /* '/' ends an attribute name; '=' may start one */
    assert_prescan("<meta foo/charset=koi8-r>", "koi8-r");
    assert_prescan("<meta =\">\" charset=koi8-r>", NULL);
    /* a NUL byte does not end a markup declaration */
    static const char nul_in_doctype[] = "<!doctype\0<meta charset=koi8-r>";
    assert_int_equal(prescan(nul_in_doctype, sizeof nul_in_doctype - 1).rc, -1);
    /* an unknown charset is skipped and the next <meta> decides */
    assert_prescan("<meta charset=x-foo-bar><meta charset=koi8-u>", "koi8-u");
}

static void test_prescan_utf16_means_utf8(void **state)
{
    (void)state;
    assert_prescan("<meta charset=\"utf-16le\">", "utf-8");
    assert_prescan("<meta http-equiv=Content-Type content=\"text/html; charset=UTF-16\">", "utf-8");
    assert_prescan("<meta charset=x-user-defined>", "windows-1252");
}

/* Only the first 1024 bytes are looked at. */
static void test_prescan_limit(void **state)
{
    (void)state;
    static const char meta[] = "<meta charset=koi8-r>";
    char html[1200];
    size_t n = sizeof meta - 1;

    memset(html, ' ', sizeof html);
    memcpy(html + 1024 - n, meta, n); /* ends exactly at the limit */
    answer a = prescan(html, sizeof html);
    assert_int_equal(a.rc, 0);
    assert_string_equal(a.name, "koi8-r");

    memset(html, ' ', sizeof html);
    memcpy(html + 1024 - n + 1, meta, n); /* its '>' is byte 1025 */
    assert_int_equal(prescan(html, sizeof html).rc, -1);

    memset(html, ' ', sizeof html);
    memcpy(html + 1100, meta, n);
    assert_int_equal(prescan(html, sizeof html).rc, -1);
    /* but decoding takes a later <meta>, as a browser changes to it while
     * parsing (html5lib's encoding tests have it after 8 KiB of comment) */
    decode_result r = decode(html, sizeof html, NULL);
    assert_int_equal(r.source, DECODE_FROM_META);
    assert_string_equal(r.charset, "koi8-r");
    decode_result_free(&r);

    /* past 64 KiB, detection decides; plain ASCII is then UTF-8 */
    enum { FAR = 64 * 1024 + 10 };
    char *far = malloc(FAR + sizeof meta);
    assert_non_null(far);
    memset(far, ' ', FAR);
    memcpy(far + FAR, meta, n);
    r = decode(far, FAR + n, NULL);
    assert_int_equal(r.source, DECODE_FROM_DEFAULT);
    assert_string_equal(r.charset, "utf-8");
    decode_result_free(&r);
    free(far);
}

static void test_meta_decides_decoding(void **state)
{
    (void)state;
    decode_result r = DECODE("<meta http-equiv=Content-Type content=\"text/html; charset=Shift_JIS\">" JA_SJIS,
                             NULL);
    assert_decoded(&r, "<meta http-equiv=Content-Type content=\"text/html; charset=Shift_JIS\">" JA_UTF8,
                   "shift_jis", DECODE_FROM_META);
}

/* --- legacy encodings --- */

static void test_windows_1252(void **state)
{
    (void)state;
    decode_result r = DECODE("\x93" "caf\xE9" "\x94 \x80" "5 \x85", "windows-1252");
    assert_int_equal(r.replacements, 0);
    assert_decoded(&r, "“café” €5 …", "windows-1252", DECODE_FROM_TRANSPORT);
}

/* iso-8859-1 is read as windows-1252: 0x93 is a quotation mark, not U+0093. */
static void test_latin1_is_windows_1252(void **state)
{
    (void)state;
    decode_result r = DECODE("\x93hi\x94", "iso-8859-1");
    assert_decoded(&r, "“hi”", "windows-1252", DECODE_FROM_TRANSPORT);
    r = DECODE("plain", "US-ASCII");
    assert_decoded(&r, "plain", "windows-1252", DECODE_FROM_TRANSPORT);
}

static void test_shift_jis(void **state)
{
    (void)state;
    decode_result r = DECODE(JA_SJIS, "Shift_JIS");
    assert_decoded(&r, JA_UTF8, "shift_jis", DECODE_FROM_TRANSPORT);
    /* WHATWG's shift_jis keeps 0x5C and 0x7E ASCII */
    r = DECODE("C:\\dir~", "sjis");
    assert_decoded(&r, "C:\\dir~", "shift_jis", DECODE_FROM_TRANSPORT);
    r = DECODE(JA_SJIS, NULL);
    assert_decoded(&r, JA_UTF8, "shift_jis", DECODE_FROM_DETECTOR);
}

static void test_euc_kr(void **state)
{
    (void)state;
    decode_result r = DECODE(KO_UHC, "ks_c_5601-1987");
    assert_decoded(&r, KO_UTF8, "euc-kr", DECODE_FROM_TRANSPORT);
    r = DECODE(KO_UHC, NULL); /* uchardet calls it "UHC" */
    assert_decoded(&r, KO_UTF8, "euc-kr", DECODE_FROM_DETECTOR);
}

static void test_gbk(void **state)
{
    (void)state;
    decode_result r = DECODE(ZH_GBK, "gb2312");
    assert_decoded(&r, ZH_UTF8, "gbk", DECODE_FROM_TRANSPORT);
    r = DECODE(ZH_GBK, NULL);
    assert_decoded(&r, ZH_UTF8, "gb18030", DECODE_FROM_DETECTOR);
}

static void test_detect_windows_1252(void **state)
{
    (void)state;
    decode_result r = DECODE("Ceci est un texte fran\xe7" "ais assez long, avec des accents: \xe9t\xe9, "
                             "\xe0 la plage, o\xf9 est le caf\xe9? \x93guillemets\x94",
                             NULL);
    assert_decoded(&r,
                   "Ceci est un texte français assez long, avec des accents: été, à la plage, "
                   "où est le café? “guillemets”",
                   "windows-1252", DECODE_FROM_DETECTOR);
}

/* uchardet sees only the first 64 KiB. All ASCII there, it says "ASCII",
 * which is windows-1252 for input that is not valid UTF-8, whatever the
 * tail holds (given it all, uchardet would say SHIFT_JIS here). */
static void test_detect_ascii_head(void **state)
{
    (void)state;
    static const char words[] = "The quick brown fox. ";
    const size_t head = 64 * 1024, tail = 20 * (sizeof JA_SJIS - 1);
    char *html = malloc(head + tail);
    assert_non_null(html);
    for (size_t i = 0; i < head; i++)
        html[i] = words[i % (sizeof words - 1)];
    for (size_t at = head; at < head + tail; at += sizeof JA_SJIS - 1)
        memcpy(html + at, JA_SJIS, sizeof JA_SJIS - 1);
    decode_result r = decode(html, head + tail, NULL);
    free(html);
    assert_int_equal(r.source, DECODE_FROM_DETECTOR);
    assert_string_equal(r.charset, "windows-1252");
    assert_memory_equal(r.data + head, "\xE2\x80\x9C\xC3\xBA", 5); /* 0x93 0xFA: \u201C \u00FA */
    decode_result_free(&r);
}

/* Valid UTF-8 is read as UTF-8 even where uchardet would guess otherwise. */
static void test_default_valid_utf8(void **state)
{
    (void)state;
    decode_result r = DECODE("caf\xC3\xA9", NULL);
    assert_decoded(&r, "café", "utf-8", DECODE_FROM_DEFAULT);
    r = DECODE("<p>plain ASCII</p>", NULL);
    assert_decoded(&r, "<p>plain ASCII</p>", "utf-8", DECODE_FROM_DEFAULT);
    /* valid UTF-8 is the text itself, not a copy; after a BOM too */
    static const char page[] = "<meta charset=utf-8><p>caf\xC3\xA9</p>", bom[] = "\xEF\xBB\xBF" "caf\xC3\xA9";
    r = DECODE(page, NULL);
    assert_ptr_equal(r.data, page);
    assert_null(r.owned);
    decode_result_free(&r);
    r = DECODE(bom, NULL);
    assert_ptr_equal(r.data, bom + 3);
    assert_null(r.owned);
    decode_result_free(&r);
}

/* --- errors and replacements --- */

static void test_invalid_utf8(void **state)
{
    (void)state;
    /* lone continuation; truncated 3-byte sequence; a valid 4-byte one;
     * overlong C0 AF (two bytes, each invalid alone); a surrogate (three
     * maximal subparts); a 4-byte sequence cut short by the end */
    decode_result r = DECODE("a\x80" "b\xE2\x82" "c\xF0\x9F\x98\x80" "d\xC0\xAF" "e\xED\xA0\x80" "f\xF0\x9F\x98",
                             "utf-8");
    assert_int_equal(r.replacements, 8);
    assert_decoded(&r, "a" FFFD "b" FFFD "c😀d" FFFD FFFD "e" FFFD FFFD FFFD "f" FFFD, "utf-8",
                   DECODE_FROM_TRANSPORT);
    /* overlong E0 80 80, above U+10FFFF F4 90 80 80, F5 is never a lead; the
     * largest code points that are allowed */
    r = DECODE("\xE0\x80\x80|\xF4\x90\x80\x80|\xF5\x80|\xE0\xA0\x80\xF4\x8F\xBF\xBF", "utf-8");
    assert_int_equal(r.replacements, 9);
    assert_decoded(&r, FFFD FFFD FFFD "|" FFFD FFFD FFFD FFFD "|" FFFD FFFD "|\xE0\xA0\x80\xF4\x8F\xBF\xBF", "utf-8",
                   DECODE_FROM_TRANSPORT);
    /* a sequence cut short by the end of an exactly sized buffer */
    char *cut = malloc(4);
    assert_non_null(cut);
    memcpy(cut, "ab\xE2\x82", 4);
    r = decode(cut, 4, "utf-8");
    free(cut);
    assert_decoded(&r, "ab" FFFD, "utf-8", DECODE_FROM_TRANSPORT);
}

static void test_nul_becomes_replacement(void **state)
{
    (void)state;
    decode_result r = DECODE("a\0b\xC3\xA9\0", "utf-8");
    assert_non_null(r.owned); /* a copy, since the NUL bytes are replaced */
    assert_int_equal(r.len, 10);
    assert_int_equal(r.replacements, 2);
    assert_decoded(&r, "a" FFFD "bé" FFFD, "utf-8", DECODE_FROM_TRANSPORT);
    r = DECODE("a\0\xE9", "windows-1252");
    assert_int_equal(r.replacements, 1);
    assert_decoded(&r, "a" FFFD "é", "windows-1252", DECODE_FROM_TRANSPORT);
}

/* iconv's errors: an unmapped byte, a bad trail byte and a truncated
 * sequence each become one U+FFFD, and what follows is still decoded. */
static void test_iconv_errors(void **state)
{
    (void)state;
    decode_result r = DECODE("a\xA5" "b", "iso-8859-3");
    assert_int_equal(r.replacements, 1);
    assert_decoded(&r, "a" FFFD "b", "iso-8859-3", DECODE_FROM_TRANSPORT);

    r = DECODE("\x82\xa0\x82 x\x82", "shift_jis");
    assert_int_equal(r.replacements, 2);
    assert_decoded(&r, "あ" FFFD " x" FFFD, "shift_jis", DECODE_FROM_TRANSPORT);
}

static void test_empty_input(void **state)
{
    (void)state;
    decode_result r = decode(NULL, 0, NULL);
    assert_int_equal(r.len, 0);
    assert_int_equal(r.replacements, 0);
    assert_decoded(&r, "", "utf-8", DECODE_FROM_DEFAULT);
    r = decode("", 0, "windows-1251");
    assert_decoded(&r, "", "windows-1251", DECODE_FROM_TRANSPORT);
    r = DECODE("\xEF\xBB\xBF", NULL);
    assert_decoded(&r, "", "utf-8", DECODE_FROM_BOM);
}

/* --- labels --- */

static void test_labels(void **state)
{
    (void)state;
    assert_label("utf-8", "utf-8");
    assert_label(" UTF8\t", "utf-8");
    assert_label("\n\f unicode-1-1-utf-8\r", "utf-8");
    assert_label("latin1", "windows-1252");
    assert_label("ISO-8859-1", "windows-1252");
    assert_label("ascii", "windows-1252");
    assert_label("iso-8859-9", "windows-1254");
    assert_label("tis-620", "windows-874");
    assert_label("gb2312", "gbk");
    assert_label("GB18030", "gb18030");
    assert_label("x-sjis", "shift_jis");
    assert_label("Windows-31J", "shift_jis");
    assert_label("ks_c_5601-1987", "euc-kr");
    assert_label("big5-hkscs", "big5");
    assert_label("koi8-ru", "koi8-u");
    assert_label("x-mac-ukrainian", "x-mac-cyrillic");
    assert_label("logical", "iso-8859-8-i");
    assert_label("utf-16", "utf-16le");
    assert_label("unicodeFFFE", "utf-16be");
    assert_label("cseucpkdfmtjapanese", "euc-jp");
    /* unknown or not supported */
    assert_label("x-foo-bar", NULL);
    assert_label("iso-2022-kr", NULL);
    assert_label("x-user-defined", NULL);
    assert_label("utf-8 x", NULL);
    assert_label("u tf-8", NULL);
    assert_label("", NULL);
    assert_label("   ", NULL);
    assert_label("a-label-much-longer-than-any-the-standard-has", NULL);
}

static void test_label_bounds(void **state)
{
    (void)state;
    char name[32];
    /* only label_len bytes count */
    assert_int_equal(decode_canonical_label("utf-8junk", 5, name, sizeof name), 0);
    assert_string_equal(name, "utf-8");
    assert_int_equal(decode_canonical_label("utf-8\0", 6, name, sizeof name), -1);
    /* a name that does not fit is not truncated */
    char small[6];
    assert_int_equal(decode_canonical_label("utf8", 4, small, sizeof small), 0);
    assert_string_equal(small, "utf-8");
    assert_int_equal(decode_canonical_label("latin1", 6, small, sizeof small), -1);
    assert_string_equal(small, "");
}

/* Every encoding the table names can be decoded with this glibc. */
static void test_every_encoding_converts(void **state)
{
    (void)state;
    static const char *const names[] = {
        "utf-8",        "ibm866",       "iso-8859-2",   "iso-8859-3",   "iso-8859-4",  "iso-8859-5",
        "iso-8859-6",   "iso-8859-7",   "iso-8859-8",   "iso-8859-8-i", "iso-8859-10", "iso-8859-13",
        "iso-8859-14",  "iso-8859-15",  "iso-8859-16",  "koi8-r",       "koi8-u",      "macintosh",
        "windows-874",  "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
        "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic", "gbk",
        "gb18030",      "big5",         "euc-jp",       "iso-2022-jp",  "shift_jis",   "euc-kr",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        decode_result r = DECODE("plain text", names[i]);
        assert_decoded(&r, "plain text", names[i], DECODE_FROM_TRANSPORT);
    }
    decode_result r = DECODE("h\0i\0", "utf-16le");
    assert_decoded(&r, "hi", "utf-16le", DECODE_FROM_TRANSPORT);
    r = DECODE("\0h\0i", "utf-16be");
    assert_decoded(&r, "hi", "utf-16be", DECODE_FROM_TRANSPORT);
}

/* WHATWG's koi8-u is KOI8-RU: 0xAE is U+045E. */
static void test_koi8_u_is_koi8_ru(void **state)
{
    (void)state;
    decode_result r = DECODE("\xAE\xBE", "koi8-u");
    assert_decoded(&r, "ўЎ", "koi8-u", DECODE_FROM_TRANSPORT);
}

/* decode_utf8_repair: valid text is copied as it is; each ill-formed run
 * (a cut sequence, a stray byte) becomes one U+FFFD, as in page text. */
static void test_utf8_repair(void **state)
{
    (void)state;
    char *s = decode_utf8_repair("caf\xC3\xA9", 5);
    assert_string_equal(s, "caf\xC3\xA9");
    free(s);
    s = decode_utf8_repair("a\xE2\x82X\xFF" "b", 6);
    assert_string_equal(s, "a\xEF\xBF\xBDX\xEF\xBF\xBD" "b");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bom_utf8),
        cmocka_unit_test(test_bom_utf16le),
        cmocka_unit_test(test_bom_utf16be),
        cmocka_unit_test(test_bom_beats_transport_and_meta),
        cmocka_unit_test(test_utf16_lone_surrogate),
        cmocka_unit_test(test_transport_beats_meta),
        cmocka_unit_test(test_unknown_transport_falls_through),
        cmocka_unit_test(test_utf8_label_honoured_on_bad_bytes),
        cmocka_unit_test(test_prescan_meta_charset),
        cmocka_unit_test(test_prescan_http_equiv),
        cmocka_unit_test(test_prescan_skips_comments_and_attributes),
        cmocka_unit_test(test_prescan_utf16_means_utf8),
        cmocka_unit_test(test_prescan_limit),
        cmocka_unit_test(test_meta_decides_decoding),
        cmocka_unit_test(test_windows_1252),
        cmocka_unit_test(test_latin1_is_windows_1252),
        cmocka_unit_test(test_shift_jis),
        cmocka_unit_test(test_gbk),
        cmocka_unit_test(test_euc_kr),
        cmocka_unit_test(test_detect_windows_1252),
        cmocka_unit_test(test_detect_ascii_head),
        cmocka_unit_test(test_default_valid_utf8),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_becomes_replacement),
        cmocka_unit_test(test_iconv_errors),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_label_bounds),
        cmocka_unit_test(test_every_encoding_converts),
        cmocka_unit_test(test_koi8_u_is_koi8_ru),
        cmocka_unit_test(test_utf8_repair),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
