/* langtag.c: whether a language tag names a language carve can compare
 * (carve_options.target_language). */
#include <string.h>

#include "meta/meta.h"

int meta_language_tag_valid(const char *s)
{
    static const char iso639_1[] =
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv "
        "dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig "
        "ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh "
        "mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru "
        "rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug "
        "uk ur uz ve vi vo wa wo xh yi yo za zh zu";
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    size_t n = strspn(s, letters);
    if (n < 2 || n > 3)
        return 0;
    if (s[n] && !((s[n] == '-' || s[n] == '_') && s[n + 1] &&
                  strspn(s + n + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") ==
                      strlen(s + n + 1)))
        return 0;
    if (n == 3)
        return 1;
    char two[3] = {(char)(s[0] | 0x20), (char)(s[1] | 0x20), 0};
    for (const char *p = iso639_1;; p += 3) {
        if (p[0] == two[0] && p[1] == two[1])
            return 1;
        if (!p[2])
            return 0; /* the last code ends the list, not a space */
    }
}
