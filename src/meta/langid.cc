// langid.cc: the C interface to CLD2 (Compact Language Detector 2, Debian
// libcld2-dev), the one C++ file of the meta stage.
#include <cstdio>
#include <cstring>

#include <cld2/public/compact_lang_det.h>

extern "C" int carve_langid(const char *text, size_t len, int is_html, char *code, size_t cap);

extern "C" int carve_langid(const char *text, size_t len, int is_html, char *code, size_t cap)
{
    if (cap)
        code[0] = 0;
    if (!text || len == 0 || cap < 8)
        return 0;
    if (len > (1u << 20)) /* a megabyte says as much as the whole page */
        len = 1u << 20;
    CLD2::Language lang3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::Language lang = CLD2::ExtDetectLanguageSummary(text, (int)len, !is_html, lang3, percent3, &text_bytes,
                                                         &reliable);
    if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE)
        return 0;
    const char *c = CLD2::LanguageCode(lang);
    if (!c || !*c)
        return 0;
    // CLD2 keeps old and extended codes: iw, jw, zh-Hant, sr-ME.
    if (std::strcmp(c, "iw") == 0)
        c = "he";
    else if (std::strcmp(c, "jw") == 0)
        c = "jv";
    else if (std::strcmp(c, "in") == 0)
        c = "id";
    size_t n = std::strcspn(c, "-_");
    if (n < 2 || n > 3 || n >= cap)
        return 0;
    std::memcpy(code, c, n);
    code[n] = 0;
    return percent3[0] > 0 ? percent3[0] : 1;
}
