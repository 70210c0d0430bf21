package cn.evcheck.util;

/**
 * Text from the package — file names, captions, document text — as a terminal or a plain-text
 * report may show it: control characters (a newline or an escape sequence in a file name could
 * forge report lines or drive the terminal) and the bidirectional overrides are written as
 * visible escapes ({@code \n}, {@code \x1b}, {@code \u202e}); everything else is kept.
 */
public final class Printable {
    private Printable() {}

    public static String escape(String s) {
        if (s == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String e = escaped(c);
            if (e == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(s.length() + 8).append(s, 0, i);
            out.append(e);
        }
        return out == null ? s : out.toString();
    }

    private static String escaped(char c) {
        switch (c) {
            case '\n' -> { return "\\n"; }
            case '\r' -> { return "\\r"; }
            case '\t' -> { return "\\t"; }
            default -> { }
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return String.format("\\x%02x", (int) c);
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
    /** Columns a terminal gives the text: two for each East Asian wide character. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            Character.UnicodeScript sc = Character.UnicodeScript.of(c);
            boolean wide = sc == Character.UnicodeScript.HAN || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60)
                    || sc == Character.UnicodeScript.HIRAGANA || sc == Character.UnicodeScript.KATAKANA || sc == Character.UnicodeScript.HANGUL;
            w += wide ? 2 : 1;
        }
        return w;
    }

}
