/* prescan_dump.c: runs carve's charset choice over a batch of inputs, for
 * prescan_conformance.py. Input on stdin, repeated: a line "BYTES", then
 * BYTES bytes. Output: one line per input, the encoding's WHATWG name when
 * a byte order mark or a <meta> named it, "-" when nothing did. */
#include <stdio.h>
#include <stdlib.h>

#include "decode/decode.h"

int main(void)
{
    size_t n;
    while (scanf("%zu", &n) == 1 && getchar() == '\n') {
        char *in = malloc(n + 1);
        if (!in || fread(in, 1, n, stdin) != n) {
            fprintf(stderr, "prescan_dump: short input\n");
            return 2;
        }
        decode_result r;
        if (decode_to_utf8(in, n, NULL, &r) != 0)
            return 2;
        int said = r.source == DECODE_FROM_BOM || r.source == DECODE_FROM_META;
        printf("%s\n", said ? r.charset : "-");
        decode_result_free(&r);
        free(in);
    }
    return 0;
}
