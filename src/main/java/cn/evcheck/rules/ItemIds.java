package cn.evcheck.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalises the spellings clerks use for item ids in folder names (PRODUCT.md §3):
 * {@code Ⅲ}→{@code III}, {@code ①}→{@code 1}, full-width digits and hyphens, and
 * {@code － — _ . 、}, brackets and spaces as separators. Thread-safe, pure.
 */
public final class ItemIds {
    private ItemIds() {}

    public static String normalize(String s) {
        StringBuilder pre = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(cp -> {
            int n = circled(cp);
            if (n > 0) {
                pre.append('-').append(n).append('-');
            } else {
                pre.appendCodePoint(cp);
            }
        });
        String t = Normalizer.normalize(pre, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean sep = Character.isWhitespace(c) || "-_.、。·,，/\\()[]【】（）—–‐‑‒―~".indexOf(c) >= 0 || c == '\u2212';
            if (sep) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '-') out.append('-');
            } else {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '-') end--;
        return out.substring(0, end);
    }

    /** Whether a (normalised) folder name starts with a (normalised) id, at a token boundary. */
    public static boolean startsWithId(String normalizedName, String normalizedId) {
        if (!normalizedName.startsWith(normalizedId)) return false;
        if (normalizedName.length() == normalizedId.length()) return true;
        char next = normalizedName.charAt(normalizedId.length());
        boolean idEndsAlnum = isAsciiAlnum(normalizedId.charAt(normalizedId.length() - 1));
        return !(idEndsAlnum && isAsciiAlnum(next));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** ①..⑳, ⑴..⒇, ⒈..⒛, ❶..❿, ➀..➉, ➊..➓ → 1..20; 0 otherwise. */
    private static int circled(int cp) {
        if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1;
        if (cp >= 0x2474 && cp <= 0x2487) return cp - 0x2474 + 1;
        if (cp >= 0x2488 && cp <= 0x249B) return cp - 0x2488 + 1;
        if (cp >= 0x2776 && cp <= 0x277F) return cp - 0x2776 + 1;
        if (cp >= 0x2780 && cp <= 0x2789) return cp - 0x2780 + 1;
        if (cp >= 0x278A && cp <= 0x2793) return cp - 0x278A + 1;
        return 0;
    }
}
