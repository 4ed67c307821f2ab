/* fuzz_decode: charset decoding (src/decode).
 *
 * decode_to_utf8 without a transport label, with a label picked from a
 * fixed list by the input's length, and, when the input starts with a
 * short line, with that line as the label (so the fuzzer can invent
 * labels). Also the label table and the <meta> prescan alone. The output
 * must be valid UTF-8 without NUL bytes, its charset a known WHATWG name. */
#include <stdint.h>
#include <stdlib.h>

#include "decode/decode.h"
#include "fuzz_common.h"

static const char *const labels[] = {
    "utf-8",     "windows-1252", "iso-8859-1", "shift_jis", "euc-jp",   "iso-2022-jp", "gb18030",
    "gbk",       "big5",         "euc-kr",     "koi8-r",    "utf-16le", "utf-16be",    "utf-16",
    "x-user-defined", "replacement", "iso-8859-8-i", "windows-874", "macintosh", "bogus-charset",
};

static void run(const char *in, size_t len, const char *label)
{
    decode_result r;
    if (decode_to_utf8(in, len, label, &r))
        return; /* out of memory */
    FUZZ_CHECK(r.data != NULL);
    FUZZ_CHECK(!r.owned || r.data[r.len] == '\0'); /* a borrowed input has no NUL of its own */
    FUZZ_CHECK(memchr(r.data, '\0', r.len) == NULL);
    FUZZ_CHECK(fuzz_valid_utf8(r.data, r.len));
    FUZZ_CHECK(memchr(r.charset, '\0', sizeof r.charset) != NULL && r.charset[0] != '\0');
    char canon[32];
    FUZZ_CHECK(decode_canonical_label(r.charset, strlen(r.charset), canon, sizeof canon) == 0);
    decode_result_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    run(in, size, NULL);
    run(in, size, labels[size % (sizeof labels / sizeof labels[0])]);

    const char *nl = memchr(in, '\n', size < 40 ? size : 40);
    if (nl) {
        size_t ll = (size_t)(nl - in);
        char label[41];
        memcpy(label, in, ll);
        label[ll] = '\0';
        run(nl + 1, size - ll - 1, label);
        char name[32];
        if (decode_canonical_label(in, ll, name, sizeof name) == 0)
            FUZZ_CHECK(name[0] != '\0' && memchr(name, '\0', sizeof name));
    }
    char name[32];
    if (decode_prescan_meta(in, size, name, sizeof name) == 0)
        FUZZ_CHECK(name[0] != '\0' && memchr(name, '\0', sizeof name));
    return 0;
}
