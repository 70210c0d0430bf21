package cn.evcheck.inspect;

/**
 * Counts text the way Microsoft Word's 字数 dialog does ({@code reference/word-count.md}):
 * every East-Asian character counts 1, every other run of non-space characters counts 1 — also a
 * run of half-width punctuation standing alone ({@code a & b}, {@code 2018 - 2020}, {@code 工作,}),
 * which Word counts as a word where LibreOffice does not. Also 汉字数 (Han ideographs) and
 * 字符数(不计空格). Pure and thread-safe.
 */
public final class WordCounter {
    private WordCounter() {}

    /** 字数, 汉字数 and 字符数(不计空格) of one text. */
    public record Counts(int words, int han, int nonSpaceChars) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(words + o.words, han + o.han, nonSpaceChars + o.nonSpaceChars);
        }
    }

    public static Counts count(CharSequence text) {
        int words = 0;
        int han = 0;
        int chars = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) continue;
            if (isSpace(cp)) {
                if (inRun) words++;
                inRun = false;
                continue;
            }
            chars++;
            if (isEastAsian(cp)) {
                if (inRun) words++;
                inRun = false;
                words++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp)) han++;
                continue;
            }
            inRun = true;
        }
        if (inRun) words++;
        return new Counts(words, han, chars);
    }

    static boolean isSpace(int cp) {
        return cp == 0x3000 || Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * Characters Word neither counts nor breaks words at: the byte-order mark, the zero-width space and
     * variation selectors ({@code foo\u200Bbar} is one word of six characters).
     */
    static boolean isInvisible(int cp) {
        return cp == 0xFEFF || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    static boolean isEastAsian(int cp) {
        if (cp == 0x3000) return false;
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        if (b == null) return false;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) return true;
        if (b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || b == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || b == Character.UnicodeBlock.VERTICAL_FORMS
                || b == Character.UnicodeBlock.KANGXI_RADICALS
                || b == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT
                || b == Character.UnicodeBlock.IDEOGRAPHIC_DESCRIPTION_CHARACTERS
                || b == Character.UnicodeBlock.IDEOGRAPHIC_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HIRAGANA
                || b == Character.UnicodeBlock.KATAKANA
                || b == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
                || b == Character.UnicodeBlock.BOPOMOFO
                || b == Character.UnicodeBlock.BOPOMOFO_EXTENDED
                || b == Character.UnicodeBlock.HANGUL_SYLLABLES
                || b == Character.UnicodeBlock.HANGUL_JAMO
                || b == Character.UnicodeBlock.HANGUL_COMPATIBILITY_JAMO
                || b == Character.UnicodeBlock.CJK_STROKES) {
            return true;
        }
        // Chinese quotation marks, ellipsis, dashes and the middle dot are typeset full width.
        return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2026 || cp == 0x2014
                || cp == 0x2015 || cp == 0x00B7 || cp == 0x2027;
    }
}
