/* tokenize_dump.c: runs carve's HTML tokenizer over a batch of inputs and
 * prints each one's tokens as a JSON array in html5lib-tests' format, one
 * line per input, for tokenizer_conformance.py.
 *
 * Input on stdin, repeated: a line "STATE LAST_START_TAG BYTES" (STATE one
 * of Data, PLAINTEXT, RCDATA, RAWTEXT, Script, CDATA; LAST_START_TAG "-"
 * for none), then BYTES bytes of UTF-8. Adjacent character tokens are
 * merged, as the tests expect. An output that is not valid UTF-8 (from an
 * input with a lone surrogate) is printed as null. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html/tokenizer.h"

static int state_of(const char *name)
{
    static const struct {
        const char *name;
        html_state state;
    } states[] = {{"Data", HTML_STATE_DATA},       {"PLAINTEXT", HTML_STATE_PLAINTEXT},
                  {"RCDATA", HTML_STATE_RCDATA},   {"RAWTEXT", HTML_STATE_RAWTEXT},
                  {"Script", HTML_STATE_SCRIPT_DATA}, {"CDATA", HTML_STATE_CDATA_SECTION}};
    for (size_t i = 0; i < sizeof states / sizeof *states; i++)
        if (strcmp(name, states[i].name) == 0)
            return (int)states[i].state;
    return -1;
}

static json_t *str_or_null(const char *s, size_t n) { return s ? json_stringn(s, n) : json_null(); }

static json_t *tokens(const char *in, size_t len, int state, const char *last)
{
    html_tokenizer t;
    if (html_tokenizer_init(&t, in, len) != 0)
        return NULL;
    html_tokenizer_set_state(&t, (html_state)state);
    if (strcmp(last, "-") != 0)
        html_tokenizer_set_last_start(&t, last, strlen(last));
    json_t *out = json_array();
    char *chars = NULL; /* the character tokens not yet printed */
    size_t chars_len = 0;
    int valid = 1;
    for (;;) {
        html_token k;
        html_next_token(&t, &k);
        if (k.kind == HTML_TEXT) {
            chars = realloc(chars, chars_len + k.len + 1);
            memcpy(chars + chars_len, k.data, k.len);
            chars_len += k.len;
            continue;
        }
        if (chars_len) {
            json_t *s = json_stringn(chars, chars_len);
            valid &= s != NULL;
            json_array_append_new(out, json_pack("[so]", "Character", s ? s : json_null()));
            chars_len = 0;
        }
        if (k.kind == HTML_EOF)
            break;
        json_t *tok = NULL, *name = k.data ? json_stringn(k.data, k.len) : json_null();
        valid &= name != NULL;
        if (!name)
            name = json_null();
        if (k.kind == HTML_START_TAG) {
            json_t *attrs = json_object();
            for (size_t i = 0; i < k.attr_count; i++) {
                char *key = strndup(k.attrs[i].name, k.attrs[i].name_len);
                json_t *v = json_stringn(k.attrs[i].value, k.attrs[i].value_len);
                valid &= v != NULL;
                json_object_set_new(attrs, key, v ? v : json_null());
                free(key);
            }
            tok = json_pack("[soo]", "StartTag", name, attrs);
            if (k.self_closing)
                json_array_append_new(tok, json_true());
        } else if (k.kind == HTML_END_TAG) {
            tok = json_pack("[so]", "EndTag", name);
        } else if (k.kind == HTML_COMMENT) {
            tok = json_pack("[so]", "Comment", name);
        } else {
            tok = json_pack("[sooob]", "DOCTYPE", name, str_or_null(k.public_id, k.public_len),
                            str_or_null(k.system_id, k.system_len), !k.force_quirks);
        }
        json_array_append_new(out, tok);
    }
    free(chars);
    html_tokenizer_free(&t);
    if (!valid) {
        json_decref(out);
        return json_null();
    }
    return out;
}

int main(void)
{
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        char state[32], last[256];
        size_t n;
        if (sscanf(line, "%31s %255s %zu", state, last, &n) != 3 || state_of(state) < 0) {
            fprintf(stderr, "tokenize_dump: bad header: %s", line);
            return 2;
        }
        char *in = malloc(n + 1);
        if (!in || fread(in, 1, n, stdin) != n) {
            fprintf(stderr, "tokenize_dump: short input\n");
            return 2;
        }
        json_t *out = tokens(in, n, state_of(state), last);
        char *s = out ? json_dumps(out, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
        printf("%s\n", s ? s : "null");
        free(s);
        json_decref(out);
        free(in);
    }
    return 0;
}
