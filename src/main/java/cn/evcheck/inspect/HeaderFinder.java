package cn.evcheck.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The red header of GB/T 9704 in a page's red cells (see {@link ScanDetector}): the thin red
 * separation line (straight at some angle within ±5°, across most of the width, in the top 55 %)
 * and the mass of strongly red title cells above it, centred. Pure.
 */
final class HeaderFinder {
    private HeaderFinder() {}

    private static final double RULE_ZONE = 0.55;
    private static final double RULE_MIN_SPAN = 0.55;
    private static final double RULE_MIN_FILL = 0.8;
    private static final double RULE_MAX_GAP = 0.03;
    private static final double RULE_MAX_THICK = 0.02;
    private static final int RULE_SLACK = 2;
    private static final double RULE_BAND_SHARE = 0.4;
    private static final double RULE_OUTSIDE_SHARE = 0.2;
    private static final int MAX_CANDIDATES = 48;
    private static final double[] SLOPES = slopes(5.0, 0.5);

    private static final double TITLE_ZONE = 0.35;
    private static final double MIN_TITLE_MASS = 0.0015;
    private static final double MAX_TITLE_OFFSET = 0.12;

    /** Title mass and position that make a red header, given a red rule. */
    static boolean isHeaderTitle(Title title, int w) {
        return title.mass() >= MIN_TITLE_MASS && Math.abs(title.centreX() - w / 2.0) <= MAX_TITLE_OFFSET * w;
    }

    /** A red rule: its row in every column, and the offset of its top edge from that row. */
    record Rule(int[] ys, int top) {}

    private static double[] slopes(double maxDegrees, double stepDegrees) {
        int n = (int) Math.round(maxDegrees / stepDegrees);
        double[] s = new double[2 * n + 1];
        for (int i = -n; i <= n; i++) s[i + n] = Math.tan(Math.toRadians(i * stepDegrees));
        return s;
    }

    /**
     * Projects the red cells of the top zone along each slope; rows holding enough red are tried in
     * order of how much more red they hold than the rows a little above and below them.
     */
    static Rule findRule(byte[] red, int w, int h) {
        int zone = (int) (h * RULE_ZONE);
        int cx = w / 2;
        int[][] dy = new int[SLOPES.length][w];
        for (int a = 0; a < SLOPES.length; a++) {
            for (int x = 0; x < w; x++) dy[a][x] = (int) Math.round((x - cx) * SLOPES[a]);
        }
        int margin = (int) Math.ceil(Math.max(cx, w - cx) * SLOPES[SLOPES.length - 1]) + 1;
        int rows = zone + 2 * margin;
        int[][] hist = new int[SLOPES.length][rows];
        for (int y = 0; y < zone; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (red[i] == 0) continue;
                for (int a = 0; a < SLOPES.length; a++) hist[a][y - dy[a][x] + margin]++;
            }
        }
        int maxThick = maxThickness(h);
        int away = maxThick / 2 + 3;
        int minScore = (int) (w * RULE_MIN_SPAN * RULE_MIN_FILL);
        List<int[]> candidates = new ArrayList<>();
        for (int a = 0; a < SLOPES.length; a++) {
            int[] s3 = new int[rows];
            for (int r = 1; r < rows - 1; r++) s3[r] = hist[a][r - 1] + hist[a][r] + hist[a][r + 1];
            for (int r = 1; r < rows - 1; r++) {
                if (s3[r] < minScore || s3[r] <= s3[r - 1] || s3[r] < s3[r + 1]) continue;
                int around = Math.max(r - away >= 0 ? s3[r - away] : 0, r + away < rows ? s3[r + away] : 0);
                candidates.add(new int[]{s3[r] - around, a, r - margin});
            }
        }
        candidates.sort((p, q) -> Integer.compare(q[0], p[0]));
        for (int i = 0; i < Math.min(MAX_CANDIDATES, candidates.size()); i++) {
            int[] c = candidates.get(i);
            Rule rule = verifyRule(red, w, h, dy[c[1]], c[2], maxThick);
            if (rule != null) return rule;
        }
        return null;
    }

    private static int maxThickness(int h) {
        return Math.max(2, (int) Math.round(RULE_MAX_THICK * h)) + 1;
    }

    /**
     * A rule runs (with small gaps) across enough of the width along the candidate line, and seen
     * from that line its red rows form one thin band: rows where at least 40 % of the covered
     * columns are red span at most the maximum thickness, and rows further out are nearly empty.
     */
    private static Rule verifyRule(byte[] red, int w, int h, int[] dy, int row, int maxThick) {
        int[] ys = new int[w];
        boolean[] on = new boolean[w];
        for (int x = 0; x < w; x++) {
            ys[x] = row + dy[x];
            for (int y = Math.max(0, ys[x] - RULE_SLACK); y <= Math.min(h - 1, ys[x] + RULE_SLACK) && !on[x]; y++) {
                on[x] = red[y * w + x] != 0;
            }
        }
        int maxGap = Math.max(2, (int) (w * RULE_MAX_GAP));
        int first = -1;
        int last = -1;
        int count = 0;
        int bestFirst = 0;
        int bestLast = -1;
        int bestCount = 0;
        for (int x = 0; x < w; x++) {
            if (!on[x]) continue;
            if (first < 0 || x - last - 1 > maxGap) {
                first = x;
                count = 0;
            }
            last = x;
            count++;
            if (last - first > bestLast - bestFirst) {
                bestFirst = first;
                bestLast = last;
                bestCount = count;
            }
        }
        int span = bestLast - bestFirst + 1;
        if (span < RULE_MIN_SPAN * w || bestCount < RULE_MIN_FILL * span) return null;

        int reach = 2 * maxThick;
        int[] profile = new int[2 * reach + 1];
        for (int x = bestFirst; x <= bestLast; x++) {
            if (!on[x]) continue;
            for (int d = -reach; d <= reach; d++) {
                int y = ys[x] + d;
                if (y >= 0 && y < h && red[y * w + x] != 0) profile[d + reach]++;
            }
        }
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int d = -reach; d <= reach; d++) {
            if (profile[d + reach] >= RULE_BAND_SHARE * bestCount) {
                top = Math.min(top, d);
                bottom = Math.max(bottom, d);
            }
        }
        if (top > bottom || bottom - top + 1 > maxThick) return null;
        // Nearly no red on at least one side: the 信函 format and tight layouts set the red mark right
        // on the rule, but a thin line with red on both sides is part of a larger red area.
        boolean above = false;
        boolean below = false;
        for (int d = -reach; d <= reach; d++) {
            if (profile[d + reach] <= RULE_OUTSIDE_SHARE * bestCount) continue;
            if (d < top - 1) above = true;
            if (d > bottom + 1) below = true;
        }
        if (above && below) return null;
        return new Rule(ys, top);
    }

    /**
     * @param top the first row, from the top, with at least {@link #TITLE_ROW_CELLS} strongly red cells (or
     *            {@link #TITLE_ROW_SHARE} of the width) above the rule: where the title starts; −1 without one.
     *            A stray red speck does not make a row.
     * @param bottom the last such row above the rule (where the title ends), −1 without one
     */
    record Title(double mass, double centreX, int top, int bottom) {}

    static final int TITLE_ROW_CELLS = 3;
    static final double TITLE_ROW_SHARE = 0.01;

    static Title title(byte[] red, int w, int h, Rule rule) {
        long count = 0;
        long sumX = 0;
        int zone = (int) (h * TITLE_ZONE);
        int[] rows = new int[h];
        for (int x = 0; x < w; x++) {
            int limit = rule == null ? zone : Math.min(h, rule.ys[x] + rule.top - RULE_SLACK);
            for (int y = 0; y < limit; y++) {
                if (red[y * w + x] == ScanDetector.STRONG) {
                    count++;
                    sumX += x;
                    rows[y]++;
                }
            }
        }
        int top = -1;
        int bottom = -1;
        int need = Math.max(TITLE_ROW_CELLS, (int) Math.ceil(w * TITLE_ROW_SHARE));
        for (int y = 0; y < h; y++) {
            if (rows[y] < need) continue;
            if (top < 0) top = y;
            bottom = y;
        }
        return new Title(count / (double) (w * h), count == 0 ? -1 : sumX / (double) count, top, bottom);
    }
}
