package cn.evcheck.inspect;

import java.util.Arrays;
import java.util.List;

/**
 * Coloured marks drawn on a scanned page (seed 000: a deployment document serves as 相关正式发文
 * when the relevant work is marked in it), found in the cells {@link ScanDetector} already
 * averaged — the page is not read again.
 *
 * <ol>
 * <li>The paper's colour (the mean of the bright, nearly colourless cells) is taken as white, which
 *     undoes a scanner's or an old paper's colour cast (up to 25 % per channel). A greyscale image,
 *     or one where fewer than 1 cell in 20,000 has any chroma at all, is {@link Marks#GREYSCALE}; a
 *     page that is not paper-like ({@link ScanDetector.Result#paperLike()}) is {@link Marks#NOT_PAPER}.</li>
 * <li>Cells with enough chroma get a hue class: red (and pink), yellow (and orange), green, blue,
 *     purple. Cells above the red rule (down to 2 % of the page below it), or in the top 8 % of a page
 *     without one, are not looked at; nor are red cells in the top 35 % of a page without a rule (a
 *     red title).</li>
 * <li>Filled shapes and stamps, per class after closing gaps of one cell (two for red): a seal —
 *     nearly square, 6–35 % of the width, with coloured cells inside its ring (a ring drawn round a
 *     word has only the word's black inside) — is not a mark, and neither is a coloured part cut by
 *     the left or right page edge at least 5 % high (a 骑缝章). A light band — at least 60 % of its box
 *     filled, at least 0.6 % of the page high, 3 % of the width long and not taller than long, the
 *     median luma of its cells at least 150 (a highlighter is translucent, the text under it stays
 *     black; a dense scribble in ink is dark) — is a highlight. Shapes larger than a quarter of the
 *     page (a picture, a tinted page) are neither.</li>
 * <li>Strokes, on the cells left (not in a band, nor in a seal's box). On a fringed page — most
 *     coloured cells touch black print or a cell of another colour, at least 0.2 % of the page: a cheap
 *     scanner's misregistered channels give every black stroke a red and a cyan edge — only cells that
 *     touch neither are kept, and gaps of three cells closed (a pen stroke crosses print only here
 *     and there). Elsewhere a component most of whose cells touch print or another colour (a
 *     picture, a fringed stroke) is not a mark.
 *     A component at least 3 % of the width long is an underline when it runs across (at least 4 % of
 *     the width, at most 1.5 % of the page high, five times longer than high; a red one half the page
 *     wide is a printed rule, not a mark); a drawn mark when it is a bar (the same, upright), an
 *     outline (a box or ring of pen width with none of its colour in the middle) or a single stroke
 *     (on average at most three cells thick along its length: a tick, an arrow, handwriting — a
 *     signature in blue ink counts too). Other coloured shapes — coloured print, logos — are not
 *     marks.</li>
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
    private static final double MAX_CAST = 1.25;
    private static final int GREY_CHROMA = 2;
    private static final int GREY_SHARE = 20_000;
    private static final int DARK_MAX_CHROMA = 30;
    private static final int DARK_LUMA = 200;

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
    private static final double BAND_FILL = 0.6;
    private static final int BAND_MIN_LUMA = 150;
    private static final double BAND_MIN_HEIGHT = 0.006;

    private static final double UNDERLINE_MIN = 0.04;
    private static final double UNDERLINE_MAX_HEIGHT = 0.015;
    private static final int UNDERLINE_RATIO = 5;
    private static final double PRINTED_RULE = 0.5;
    private static final double STROKE_THICKNESS = 3.0;
    private static final double OUTLINE_THICKNESS = 4.0;
    private static final double HOLLOW_INSIDE = 0.05;
    private static final int STROKE_CLOSING = 3;
    private static final double FRINGED_SHARE = 0.5;
    private static final double FRINGED_MIN = 0.002;
    private static final double MIXED_SHARE = 0.6;

    /** What pass 1 made of a component. */
    private static final int NOTHING = 0, BAND = 1, SEAL = 2;

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
            int chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
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
        int[] balanced = new int[w * h];
        boolean[] dark = new boolean[w * h];
        int margin = (int) Math.ceil(BELOW_RULE * h);
        int titleZone = (int) (TITLE_ZONE * h);
        int[] top = new int[w];
        for (int x = 0; x < w; x++) {
            top[x] = c.ruleYs() != null ? Math.min(h, Math.max(0, c.ruleYs()[x] + margin)) : (int) (TOP_MARGIN * h);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int p = balanced(rgb[i], gain);
                balanced[i] = p;
                int r = p >> 16 & 0xFF, g = p >> 8 & 0xFF, b = p & 0xFF;
                int chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                if (chroma < MIN_CHROMA) {
                    // Black or grey print: darker than paper and without colour.
                    dark[i] = chroma < DARK_MAX_CHROMA && 299 * r + 587 * g + 114 * b < DARK_LUMA * 1000;
                    continue;
                }
                if (y < top[x]) continue;
                byte k = classOf(p);
                if (k == RED && c.ruleYs() == null && y < titleZone) continue;
                cls[i] = k;
            }
        }

        Components comp = new Components(w, h);
        boolean[] taken = new boolean[w * h];   // cells of bands and seals, and the boxes of seals
        int highlights = 0;
        for (byte k = RED; k < CLASSES; k++) {
            byte kk = k;
            highlights += comp.each(cls, k, k == RED ? 2 : 1, (id, box, n) -> {
                int what = shape(cls, balanced, kk, comp.label, id, w, h, box, n);
                if (what == BAND) comp.take(cls, kk, id, box, taken, false);
                if (what == SEAL) comp.take(cls, kk, id, box, taken, true);
                return what == BAND ? 1 : 0;
            });
        }

        // A page whose coloured cells mostly fringe black print: strokes are looked for only among
        // the cells that do not touch print or another colour, with wider gaps closed.
        byte[] rest = new byte[w * h];
        byte[] clean = new byte[w * h];
        int coloured = 0;
        int fringe = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (cls[i] == 0 || taken[i]) continue;
                rest[i] = cls[i];
                coloured++;
                if (touchesOther(cls, dark, w, h, x, y)) fringe++;
                else clean[i] = cls[i];
            }
        }
        boolean fringed = fringe >= FRINGED_SHARE * coloured && fringe >= FRINGED_MIN * w * h;
        byte[] strokes = fringed ? clean : rest;
        int underlines = 0, drawn = 0;
        for (byte k = RED; k < CLASSES; k++) {
            byte kk = k;
            int[] kinds = new int[2];
            comp.each(strokes, k, fringed ? STROKE_CLOSING : k == RED ? 2 : 1, (id, box, n) -> {
                int s = stroke(strokes, kk, comp.label, id, w, h, box, n);
                if (s >= 0 && !fringed && touching(strokes, cls, dark, kk, comp.label, id, w, h, box) >= MIXED_SHARE * n) s = -1;
                if (s >= 0) kinds[s]++;
                return 0;
            });
            underlines += kinds[0];
            drawn += kinds[1];
        }
        if (highlights + underlines + drawn == 0) return Marks.notJudgeable(Marks.NO_COLOUR);
        return Marks.of(highlights, 0, underlines, 0, drawn, List.of(page), "");
    }

    private static int gain(long sum, int n) {
        double mean = sum / (double) n;
        // Scaled by 256; a cast stronger than MAX_CAST is not a cast to undo.
        return (int) Math.round(256 * Math.max(1.0, Math.min(MAX_CAST, 255 / Math.max(1.0, mean))));
    }

    private static int balanced(int p, int[] gain) {
        int r = Math.min(255, (p >> 16 & 0xFF) * gain[0] >> 8);
        int g = Math.min(255, (p >> 8 & 0xFF) * gain[1] >> 8);
        int b = Math.min(255, (p & 0xFF) * gain[2] >> 8);
        return r << 16 | g << 8 | b;
    }

    /** The hue class of a white-balanced cell colour, 0 when it has too little colour. */
    static byte classOf(int p) {
        int r = p >> 16 & 0xFF, g = p >> 8 & 0xFF, b = p & 0xFF;
        int max = Math.max(r, Math.max(g, b));
        int chroma = max - Math.min(r, Math.min(g, b));
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

    private static boolean touchesOther(byte[] cls, boolean[] dark, int w, int h, int x, int y) {
        byte k = cls[y * w + x];
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                int j = ny * w + nx;
                if (dark[j] || (cls[j] != 0 && cls[j] != k)) return true;
            }
        }
        return false;
    }

    /**
     * How many of the component's cells touch black print or a cell of another colour. Most of
     * them do in a picture (a photo's or a drawing's colours lie side by side) and in colour
     * fringes; a pen stroke touches print only where it crosses it.
     */
    private static int touching(byte[] strokes, byte[] cls, boolean[] dark, byte k, int[] label, int id, int w, int h, int[] box) {
        int n = 0;
        for (int y = box[1]; y <= box[3]; y++) {
            for (int x = box[0]; x <= box[2]; x++) {
                int i = y * w + x;
                if (label[i] == id && strokes[i] == k && touchesOther(cls, dark, w, h, x, y)) n++;
            }
        }
        return n;
    }

    /** Pass 1: BAND (a highlight), SEAL (a stamp, or a part of one at the page edge) or NOTHING. */
    private static int shape(byte[] cls, int[] balanced, byte k, int[] label, int id, int w, int h, int[] box, int n) {
        int bw = box[2] - box[0] + 1;
        int bh = box[3] - box[1] + 1;
        if (Math.max(bw, bh) < MIN_LENGTH * w || (double) bw * bh > MAX_AREA * w * h) return NOTHING;
        if (isSeal(cls, k, label, id, w, box[0], box[1], bw, bh)) return SEAL;
        if ((box[0] <= EDGE * w || box[2] >= w - 1 - EDGE * w) && bh >= EDGE_MIN_HEIGHT * h && bw < 3 * bh) return SEAL;
        if (n >= BAND_FILL * bw * bh && bh >= BAND_MIN_HEIGHT * h && bw >= bh
                && medianLuma(balanced, cls, k, label, id, w, box, n) >= BAND_MIN_LUMA) {
            return BAND;
        }
        return NOTHING;
    }

    /** The median luma of the component's cells: a highlighter is translucent, the paper shows through it. */
    private static int medianLuma(int[] balanced, byte[] cls, byte k, int[] label, int id, int w, int[] box, int n) {
        int[] hist = new int[256];
        for (int y = box[1]; y <= box[3]; y++) {
            for (int x = box[0]; x <= box[2]; x++) {
                int i = y * w + x;
                if (label[i] != id || cls[i] != k) continue;
                int p = balanced[i];
                hist[(299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF)) / 1000]++;
            }
        }
        int seen = 0;
        for (int l = 0; l < 256; l++) {
            seen += hist[l];
            if (2 * seen >= n) return l;
        }
        return 255;
    }

    /** Pass 2: 0 an underline, 1 a drawn mark, −1 not a mark. */
    private static int stroke(byte[] cls, byte k, int[] label, int id, int w, int h, int[] box, int n) {
        int bw = box[2] - box[0] + 1;
        int bh = box[3] - box[1] + 1;
        if (Math.max(bw, bh) < MIN_LENGTH * w || (double) bw * bh > MAX_AREA * w * h) return -1;
        int thin = (int) Math.max(3, UNDERLINE_MAX_HEIGHT * h);
        if (bw >= UNDERLINE_MIN * w && bh <= thin && bw >= UNDERLINE_RATIO * bh) {
            return k == RED && bw >= PRINTED_RULE * w ? -1 : 0;
        }
        if (bh >= UNDERLINE_MIN * w && bw <= thin && bh >= UNDERLINE_RATIO * bw) return 1;
        if (isHollow(cls, k, label, id, w, box[0], box[1], bw, bh, n)) return 1;
        if (n <= STROKE_THICKNESS * Math.max(bw, bh)) return 1;
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

    /**
     * An outline: a box or ring of pen width (on average at most {@link #OUTLINE_THICKNESS} cells thick)
     * with nothing of its colour inside (the middle of its box, inset by a fifth on each side).
     */
    private static boolean isHollow(byte[] cls, byte k, int[] label, int id, int w, int minX, int minY, int bw, int bh, int n) {
        if (bw < 6 || bh < 6 || n > OUTLINE_THICKNESS * 2 * (bw + bh)) return false;
        int ix = Math.max(2, bw / 5);
        int iy = Math.max(2, bh / 5);
        int inside = 0;
        for (int y = minY + iy; y < minY + bh - iy; y++) {
            for (int x = minX + ix; x < minX + bw - ix; x++) {
                int i = y * w + x;
                if (label[i] == id && cls[i] == k) inside++;
            }
        }
        return inside <= HOLLOW_INSIDE * n;
    }

    /** Connected components of one class after closing small gaps; buffers reused between calls. */
    private static final class Components {
        final int w;
        final int h;
        final int[] label;
        private final int[] stack;
        private final boolean[] grown;
        private final boolean[] rows;

        Components(int w, int h) {
            this.w = w;
            this.h = h;
            label = new int[w * h];
            stack = new int[w * h];
            grown = new boolean[w * h];
            rows = new boolean[w * h];
        }

        interface Visitor {
            /** A component: its id in {@link #label}, box {minX, minY, maxX, maxY} and count of class cells. */
            int visit(int id, int[] box, int n);
        }

        /** Visits each component of class {@code k} in {@code cls}; returns the sum of what the visitor returns. */
        int each(byte[] cls, byte k, int close, Visitor v) {
            // Only the rows that hold the class (and the gap closing around them) are touched.
            int first = -1;
            int last = -1;
            for (int i = 0; i < cls.length; i++) {
                if (cls[i] == k) {
                    if (first < 0) first = i / w;
                    last = i / w;
                }
            }
            if (first < 0) return 0;
            int from = Math.max(0, first - close) * w;
            int to = (Math.min(h - 1, last + close) + 1) * w;
            dilate(cls, k, close, first, last, from, to);
            Arrays.fill(label, from, to, 0);
            int id = 0;
            int sum = 0;
            for (int start = from; start < to; start++) {
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
                if (n > 0) sum += v.visit(id, new int[]{minX, minY, maxX, maxY}, n);
            }
            return sum;
        }

        /** Marks the component's cells taken, or (a seal) its whole box. */
        void take(byte[] cls, byte k, int id, int[] box, boolean[] taken, boolean wholeBox) {
            for (int y = box[1]; y <= box[3]; y++) {
                for (int x = box[0]; x <= box[2]; x++) {
                    int i = y * w + x;
                    if (wholeBox || (label[i] == id && cls[i] == k)) taken[i] = true;
                }
            }
        }

        private void dilate(byte[] cls, byte k, int radius, int first, int last, int from, int to) {
            Arrays.fill(rows, from, to, false);
            Arrays.fill(grown, from, to, false);
            for (int y = first; y <= last; y++) {
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    if (cls[o + x] != k) continue;
                    for (int q = Math.max(0, x - radius); q <= Math.min(w - 1, x + radius); q++) rows[o + q] = true;
                }
            }
            for (int y = first; y <= last; y++) {
                for (int x = 0; x < w; x++) {
                    if (!rows[y * w + x]) continue;
                    for (int q = Math.max(0, y - radius); q <= Math.min(h - 1, y + radius); q++) grown[q * w + x] = true;
                }
            }
        }
    }
}
