#!/usr/bin/env python3
"""Builds data/stopwords.txt from the jusText stop-word lists.

Usage: tools/make_stopwords.py STOPLIST_DIR > data/stopwords.txt

Each output line is "CODE<TAB>word", CODE being the ISO 639-1 code of the
list's language (ISO 639-3 where the language has no two-letter code).
Lists for regional varieties that share a code with a bigger list
(Simple English, Belarusian Taraskievica, Norwegian Nynorsk) are merged into it.
"""
import os, sys

CODES = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Aragonese": "an", "Armenian": "hy",
    "Aromanian": "rup", "Asturian": "ast", "Azerbaijani": "az", "Basque": "eu", "Belarusian": "be",
    "Belarusian_Taraskievica": "be", "Bengali": "bn", "Bishnupriya_Manipuri": "bpy", "Bosnian": "bs",
    "Breton": "br", "Bulgarian": "bg", "Catalan": "ca", "Cebuano": "ceb", "Chuvash": "cv",
    "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl", "English": "en", "Esperanto": "eo",
    "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl", "Georgian": "ka",
    "German": "de", "Greek": "el", "Gujarati": "gu", "Haitian": "ht", "Hebrew": "he", "Hindi": "hi",
    "Hungarian": "hu", "Icelandic": "is", "Ido": "io", "Igbo": "ig", "Indonesian": "id", "Irish": "ga",
    "Italian": "it", "Javanese": "jv", "Kannada": "kn", "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku",
    "Kyrgyz": "ky", "Latin": "la", "Latvian": "lv", "Lithuanian": "lt", "Lombard": "lmo",
    "Low_Saxon": "nds", "Luxembourgish": "lb", "Macedonian": "mk", "Malay": "ms", "Malayalam": "ml",
    "Maltese": "mt", "Marathi": "mr", "Neapolitan": "nap", "Nepali": "ne", "Newar": "new",
    "Norwegian_Bokmal": "nb", "Norwegian_Nynorsk": "nn", "Occitan": "oc", "Persian": "fa",
    "Piedmontese": "pms", "Polish": "pl", "Portuguese": "pt", "Quechua": "qu", "Romanian": "ro",
    "Russian": "ru", "Samogitian": "sgs", "Serbian": "sr", "Serbo_Croatian": "sh", "Sicilian": "scn",
    "Simple_English": "en", "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Sundanese": "su",
    "Swahili": "sw", "Swedish": "sv", "Tagalog": "tl", "Tamil": "ta", "Telugu": "te", "Turkish": "tr",
    "Turkmen": "tk", "Ukrainian": "uk", "Urdu": "ur", "Uzbek": "uz", "Vietnamese": "vi",
    "Volapuk": "vo", "Walloon": "wa", "Waray_Waray": "war", "Welsh": "cy", "West_Frisian": "fy",
    "Western_Panjabi": "pnb", "Yoruba": "yo",
}

def main(d):
    words = {}
    for f in sorted(os.listdir(d)):
        if not f.endswith(".txt"):
            continue
        code = CODES[f[:-4]]
        seen = words.setdefault(code, {})
        for line in open(os.path.join(d, f), encoding="utf-8"):
            w = line.strip().lower()
            if w and "\t" not in w:
                seen.setdefault(w, None)
    for code in sorted(words):
        for w in words[code]:
            sys.stdout.write(f"{code}\t{w}\n")

if __name__ == "__main__":
    main(sys.argv[1])
