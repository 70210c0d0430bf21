package cn.evcheck.inspect;

import java.util.List;

/**
 * Coloured marks drawn on a scanned page (seed 000: a deployment document serves as 相关正式发文
 * when the relevant work is marked in it), found in the cells {@link ScanDetector} already
 * averaged — the page is not read again.
 *
 * <ol>
 * <li>The paper's colour (the mean of the bright, nearly colourless cells) is taken as white, which
 *     undoes a scanner's or an old paper's colour cast. A page with no colour at all (a greyscale
 *     image, or fewer than 1 cell in 2,000 with any chroma) is {@link Marks#GREYSCALE}; a page that is
 *     not paper-like is {@link Marks#NOT_PAPER}.</li>
 * <li>Cells with enough chroma are given a hue class: red (incl. pink), yellow (incl. orange),
 *     green, blue, purple. Cells above the red rule (2 % of the page below it), or in the top 8 % of a
 *     page without one, are not looked at; neither are red cells in the top 35 % of such a page (a red
 *     title).</li>
 * <li>Each class is closed (gaps of one cell, two for red) and split into components. Not a mark: a
 *     component shorter than 3 % of the page width; one larger than a quarter of the page (a picture,
 *     a tinted page); a seal — nearly square, 6–35 % of the width, with coloured cells inside its
 *     ring (a ring drawn round a word has only the word's black inside it); a coloured part cut by the
 *     left or right page edge at least 5 % high (a 骑缝章); a red line at least half the page
 *     wide (a printed rule).</li>
 * <li>The rest: a thin stroke (at most about three cells thick on average) is an underline when it
 *     runs across (at least 4 % of the width, at most 1.5 % of the height high, five times longer than
 *     high), else a drawn mark (a box, a ring, a bar in the margin, a tick, handwriting); a filled
 *     band (at least half of its box coloured, at least 0.6 % of the page high) is a highlight. Other
 *     coloured shapes — coloured print, logos — are not marks.</li>
 * </ol>
 * Nothing found on a page with colour: {@link Marks#NO_COLOUR} — marks in pencil or black ink cannot
 * be told from the text. Pure and thread-safe.
 */
final class MarkFinder {
    private MarkFinder() {}

    static final byte RED = 1, YELLOW = 2, GREEN = 3, BLUE = 4, PURPLE = 5;
    private static final int CLASSES = 6;

    private static final int MIN_CHROMA = 40;
    private static final int MIN_YELLOW_CHROMA = 50;
    private static final int MIN_VALUE = 60;
    private static final int PAPER_MIN_LUMA = 150;
    private static final int PAPER_MAX_CHROMA = 60;
    private static final int GREY_CHROMA = 12;
    private static final int GREY_SHARE = 2000;

    private static final double BELOW_RULE = 0.02;
    private static final double TOP_MARGIN = 0.08;
    private static final double TITLE_ZONE = 0.35;

    private static final double MIN_LENGTH = 0.03;
    private static final double MAX_AREA = 0.25;
    private static final double SEAL_MIN = 0.06;
    private static final double SEAL_MAX = 0.35;
    private static final double SEAL_ASPECT = 1.5;
    private static final double SEAL_INNER = 0.6;
    private static final double SEAL_INNER_SHARE = 0.08;
    private static final double EDGE = 0.015;
    private static final double EDGE_MIN_HEIGHT = 0.05;
    private static final double PRINTED_RULE = 0.5;
    private static final double STROKE_THICKNESS = 3.0;
    private static final double UNDERLINE_MIN = 0.04;
    private static final double UNDERLINE_MAX_HEIGHT = 0.015;
    private static final int UNDERLINE_RATIO = 5;
    private static final double BAND_FILL = 0.5;
    private static final double BAND_MIN_HEIGHT = 0.006;

    /** Marks on page {@code page} (1-based) of an analysed image. */
    static Marks find(ScanDetector.Analysis a, int page) {
        ScanDetector.Cells c = a.cells();
        int w = c.w();
        int h = c.h();
        if (h == 0 || w == 0) return Marks.notJudgeable(Marks.NOT_PAPER);
        if (!c.colourModel()) return Marks.notJudgeable(Marks.GREYSCALE);
        if (!a.result().paperLike()) return Marks.notJudgeable(Marks.NOT_PAPER);
        int[] rgb = c.rgb();

        // White balance on the paper; count cells with any colour at all.
        long pr = 0, pg = 0, pb = 0;
        int paper = 0;
        int tinted = 0;
        for (int p : rgb) {
            int r = p >> 16 & 0xFF, g = p >> 8 & 0xFF, b = p & 0xFF;
            int max = Math.max(r, Math.max(g, b));
            int chroma = max - Math.min(r, Math.min(g, b));
            if (chroma > GREY_CHROMA) tinted++;
            if (chroma <= PAPER_MAX_CHROMA && 299 * r + 587 * g + 114 * b >= PAPER_MIN_LUMA * 1000) {
                pr += r;
                pg += g;
                pb += b;
                paper++;
            }
        }
        if ((long) tinted * GREY_SHARE <= (long) w * h) return Marks.notJudgeable(Marks.GREYSCALE);
        if (paper == 0) return Marks.notJudgeable(Marks.NOT_PAPER);
        int[] gain = {gain(pr, paper), gain(pg, paper), gain(pb, paper)};

        byte[] cls = new byte[w * h];
        int[] top = new int[w];
        int margin = (int) Math.ceil(BELOW_RULE * h);
        for (int x = 0; x < w; x++) {
            top[x] = c.ruleYs() != null ? Math.min(h, Math.max(0, c.ruleYs()[x] + margin)) : (int) (TOP_MARGIN * h);
        }
        int titleZone = (int) (TITLE_ZONE * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (y < top[x]) continue;
                byte k = classOf(rgb[i], gain);
                if (k == RED && c.ruleYs() == null && y < titleZone) continue;
                cls[i] = k;
            }
        }

        int highlights = 0, underlines = 0, drawn = 0;
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        for (byte k = RED; k < CLASSES; k++) {
            java.util.Arrays.fill(label, 0);
            int[] counts = components(cls, k, w, h, k == RED ? 2 : 1, label, stack);
            highlights += counts[0];
            underlines += counts[1];
            drawn += counts[2];
        }
        if (highlights + underlines + drawn == 0) return Marks.notJudgeable(Marks.NO_COLOUR);
        return Marks.of(highlights, 0, underlines, 0, drawn, List.of(page), "");
    }

    private static int gain(long sum, int n) {
        double mean = sum / (double) n;
        // Scaled by 256; a cast stronger than 25 % is not a cast to undo.
        return (int) Math.round(256 * Math.max(1.0, Math.min(1.25, 255 / Math.max(1.0, mean))));
    }

    static byte classOf(int p, int[] gain) {
        int r = Math.min(255, (p >> 16 & 0xFF) * gain[0] >> 8);
        int g = Math.min(255, (p >> 8 & 0xFF) * gain[1] >> 8);
        int b = Math.min(255, (p & 0xFF) * gain[2] >> 8);
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        int chroma = max - min;
        if (chroma < MIN_CHROMA || max < MIN_VALUE) return 0;
        double hue;
        if (max == r) hue = 60.0 * (g - b) / chroma;
        else if (max == g) hue = 120 + 60.0 * (b - r) / chroma;
        else hue = 240 + 60.0 * (r - g) / chroma;
        if (hue < 0) hue += 360;
        if (hue < 20 || hue >= 330) return RED;
        if (hue < 70) return chroma >= MIN_YELLOW_CHROMA ? YELLOW : 0;
        if (hue < 165) return GREEN;
        if (hue < 255) return BLUE;
        return PURPLE;
    }

    /**
     * Components of class {@code k} after closing gaps of {@code close} cells, judged one by one:
     * [highlights, underlines, drawn].
     */
    private static int[] components(byte[] cls, byte k, int w, int h, int close, int[] label, int[] stack) {
        boolean[] grown = dilate(cls, k, w, h, close);
        int[] out = new int[3];
        int id = 0;
        for (int start = 0; start < grown.length; start++) {
            if (!grown[start] || label[start] != 0) continue;
            id++;
            int top = 0;
            stack[top++] = start;
            label[start] = id;
            int minX = w, minY = h, maxX = -1, maxY = -1, n = 0;
            while (top > 0) {
                int i = stack[--top];
                int x = i % w;
                int y = i / w;
                if (cls[i] == k) {
                    n++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int j = ny * w + nx;
                        if (grown[j] && label[j] == 0) {
                            label[j] = id;
                            stack[top++] = j;
                        }
                    }
                }
            }
            if (n == 0) continue;
            int kind = judge(cls, k, label, id, w, h, minX, minY, maxX, maxY, n);
            if (kind >= 0) out[kind]++;
        }
        return out;
    }

    /** 0 highlight, 1 underline, 2 drawn, −1 not a mark. */
    private static int judge(byte[] cls, byte k, int[] label, int id, int w, int h,
                             int minX, int minY, int maxX, int maxY, int n) {
        int bw = maxX - minX + 1;
        int bh = maxY - minY + 1;
        if (Math.max(bw, bh) < MIN_LENGTH * w) return -1;
        if ((double) bw * bh > MAX_AREA * w * h) return -1;
        if (isSeal(cls, k, label, id, w, minX, minY, bw, bh)) return -1;
        if ((minX <= EDGE * w || maxX >= w - 1 - EDGE * w) && bh >= EDGE_MIN_HEIGHT * h && bw < 3 * bh) return -1;
        boolean thin = n <= STROKE_THICKNESS * (bw + bh);
        boolean across = bw >= UNDERLINE_MIN * w && bh <= Math.max(3, UNDERLINE_MAX_HEIGHT * h) && bw >= UNDERLINE_RATIO * bh;
        if (k == RED && across && bw >= PRINTED_RULE * w) return -1;
        if (thin) return across ? 1 : 2;
        if (n >= BAND_FILL * bw * bh && bh >= BAND_MIN_HEIGHT * h) return 0;
        return -1;
    }

    /**
     * A stamp: nearly square, of seal size, with coloured cells inside its ring (a seal's star and
     * text). A ring or box drawn round a word has only the word's black inside it.
     */
    private static boolean isSeal(byte[] cls, byte k, int[] label, int id, int w, int minX, int minY, int bw, int bh) {
        double size = (bw + bh) / 2.0;
        if (size < SEAL_MIN * w || size > SEAL_MAX * w || Math.max(bw, bh) > SEAL_ASPECT * Math.min(bw, bh)) return false;
        double cx = minX + (bw - 1) / 2.0;
        double cy = minY + (bh - 1) / 2.0;
        double rx = bw / 2.0;
        double ry = bh / 2.0;
        int inner = 0;
        int all = 0;
        for (int y = minY; y < minY + bh; y++) {
            for (int x = minX; x < minX + bw; x++) {
                int i = y * w + x;
                if (label[i] != id || cls[i] != k) continue;
                all++;
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                if (dx * dx + dy * dy < SEAL_INNER * SEAL_INNER) inner++;
            }
        }
        return inner >= SEAL_INNER_SHARE * all;
    }

    private static boolean[] dilate(byte[] cls, byte k, int w, int h, int radius) {
        boolean[] rows = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                if (cls[o + x] != k) continue;
                for (int q = Math.max(0, x - radius); q <= Math.min(w - 1, x + radius); q++) rows[o + q] = true;
            }
        }
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!rows[y * w + x]) continue;
                for (int q = Math.max(0, y - radius); q <= Math.min(h - 1, y + radius); q++) out[q * w + x] = true;
            }
        }
        return out;
    }
}
