package cn.evcheck.util;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?": the nearest of some valid words to a misspelt one, by edit distance (Levenshtein,
 * case-insensitive), when it is near enough to be a typo — at most two edits, or a third of the word's
 * length for a long one, and fewer edits than either word has characters. Used for rule-file keys and values, built-in rule-set ids and finding codes.
 */
public final class Spelling {
    private Spelling() {}

    /** The valid word nearest to {@code wrong}, or null when none is close enough to be what was meant. */
    public static String nearest(String wrong, Collection<String> valid) {
        if (wrong == null) return null;
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = distance(w, v.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        // Near enough: a few edits, and something in common (not "x" for "春节", two edits away).
        if (best == null || bestD == 0 && best.equals(wrong) || bestD > Math.max(2, best.length() / 3)
                || bestD >= best.length() || bestD >= wrong.length()) {
            return null;
        }
        return best;
    }

    /** The Levenshtein distance of two strings (insertions, deletions and substitutions of one char each). */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
