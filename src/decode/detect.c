/* detect.c: charset detection with uchardet, mapped to WHATWG names. */
#include "decode.h"
#include "decode_internal.h"

#include <string.h>
#include <uchardet/uchardet.h>

/* uchardet reaches a stable answer long before this; more only costs time. */
enum { DETECT_MAX = 64 * 1024 };

/* uchardet names that are not WHATWG labels but name a WHATWG encoding.
 * The rest go through the label table; its "ascii" (uchardet's answer when
 * no byte it saw had the high bit set) means windows-1252. */
static const struct {
    const char *uchardet;
    const char *whatwg;
} aliases[] = {
    {"MAC-CYRILLIC", "x-mac-cyrillic"},
    {"UHC", "euc-kr"}, /* Windows-949, which is what WHATWG's euc-kr decodes */
};

static int map_answer(const char *answer, char *name, size_t size)
{
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(answer, aliases[i].uchardet) == 0)
            answer = aliases[i].whatwg;
    return decode_canonical_label(answer, strlen(answer), name, size);
}

int decode_detect(const char *in, size_t len, char *name, size_t size)
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return -1;
    int rc = -1;
    if (uchardet_handle_data(ud, in, len < DETECT_MAX ? len : DETECT_MAX) == 0) {
        uchardet_data_end(ud);
        const char *answer = uchardet_get_charset(ud);
        if (answer && answer[0])
            rc = map_answer(answer, name, size);
    }
    uchardet_delete(ud);
    return rc;
}
