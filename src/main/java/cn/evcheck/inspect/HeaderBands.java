package cn.evcheck.inspect;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The header bands of a scanned 版头 as Tesseract is given them (GB/T 9704): the band above the red
 * title and the band of the 文号, binarised, without the rule, trimmed and stacked ({@link #read}).
 * For {@link DocInspector}, which analyses the page.
 */
final class HeaderBands {
    private HeaderBands() {}

    /**
     * OCR of the two bands of a 版头 that hold what the checks read (GB/T 9704): above the red title,
     * where 份号, 密级和保密期限 and 紧急程度 are printed, and between the title and the red rule, where
     * the 文号 is. The large red title, which no check reads, is left out: it was most of Tesseract's
     * time. Each band is binarised ({@link #ink}), the 文号's loses the rule ({@link #withoutRule}),
     * both are trimmed to their ink ({@link #trimmed}); bands with ink are stacked into one image, so that
     * Tesseract starts once per page. When no 文号 is read there, the whole top is read as before, then
     * the band around the rule.
     */
    static String read(BufferedImage page, ScanDetector.Analysis a) {
        ScanDetector.Result r = a.result();
        int w = page.getWidth();
        int h = page.getHeight();
        double scale = (double) h / r.analysedHeight();
        int rule = (int) ((r.ruleY() + 0.5) * scale);
        int bottom = a.titleTop() >= 0 ? (int) (a.titleTop() * scale) : 0;   // a margin here cut marks printed close to the title
        int margin = Math.max(2, (int) (h * TRIM_MARGIN));
        BufferedImage marks = bottom >= h * MARKS_MIN ? trimmed(ink(page.getSubimage(0, 0, w, bottom)), margin) : null;
        int from = a.titleBottom() >= 0 ? (int) ((a.titleBottom() + 1) * scale + h * MARKS_MARGIN) : rule - (int) (h * 0.09);
        from = Math.max(0, Math.min(from, rule - (int) (h * LINE_MIN)));
        int to = Math.min(h, rule + (int) (h * MARKS_MARGIN));
        BufferedImage number = to > from
                ? trimmed(withoutRule(ink(page.getSubimage(0, from, w, to - from)), (int) (h * RULE_RISE)), margin) : null;
        BufferedImage both = stacked(marks, number, (int) (h * LINE_MIN));
        String read = both == null ? "" : Ocr.read(both, 6);
        if (DocNumbers.find(read) == null) {
            String wider = Ocr.read(DocInspector.top(page, r), 3);
            if (DocNumbers.find(wider) == null) {
                java.awt.Rectangle band = ScanDetector.numberArea(r, w, h);
                wider = Ocr.read(page.getSubimage(band.x, band.y, band.width, band.height), 6);
            }
            read = read.isEmpty() ? wider : read + "\n" + wider;
        }
        return read;
    }

    /** {@code upper} above {@code lower} with {@code gap} white rows between; either may be null (then the other, or null). */
    static BufferedImage stacked(BufferedImage upper, BufferedImage lower, int gap) {
        if (upper == null || lower == null) return upper == null ? lower : upper;
        int w = Math.max(upper.getWidth(), lower.getWidth());
        BufferedImage out = new BufferedImage(w, upper.getHeight() + gap + lower.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(upper, 0, 0, null);
        g.drawImage(lower, 0, upper.getHeight() + gap, null);
        g.dispose();
        return out;
    }

    /**
     * The ink of a band as black on white: pixels much darker than the band's paper (below
     * {@link #INK_SHARE} of its median brightness) become black, the rest white, so that the grain,
     * shading and tint of photographed or yellowed paper are neither read as text nor take Tesseract
     * seconds; null when the band has hardly any ink (then it is not read at all).
     */
    static BufferedImage ink(BufferedImage band) {
        int w = band.getWidth();
        int h = band.getHeight();
        byte[] luma = Pixels.luma(band);
        int[] histogram = new int[256];
        for (byte l : luma) histogram[l & 0xFF]++;
        int median = 0;
        for (int seen = 0; median < 255 && (seen += histogram[median]) < luma.length / 2; ) median++;
        int threshold = (int) (median * INK_SHARE);
        BufferedImage ink = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) ink.getRaster().getDataBuffer()).getData();
        int dark = 0;
        for (int i = 0; i < luma.length; i++) {
            boolean on = (luma[i] & 0xFF) < threshold;
            if (on) dark++;
            out[i] = on ? 0 : (byte) 0xFF;
        }
        return dark < luma.length * MIN_INK ? null : ink;
    }

    /**
     * The band of the 文号 without the separating rule and what stands on it (the ★ of a 党委
     * document's rule): Tesseract read them as lines of their own, which took about half its time on
     * the band and added a stray line to its text. A rule is a connected piece of ink at least
     * {@link #RULE_RUN} of the band's width long and thin (a tilted scan's rule too, which no single
     * row holds); what stands on it is a piece no taller than {@code rise} that reaches down to the
     * rule's line (fitted through the tops of its columns) where it stands. The band as it is when it
     * has no rule; null when nothing else is left, or when {@code ink} is null.
     */
    static BufferedImage withoutRule(BufferedImage ink, int rise) {
        if (ink == null) return null;
        int w = ink.getWidth();
        int h = ink.getHeight();
        byte[] px = ((java.awt.image.DataBufferByte) ink.getRaster().getDataBuffer()).getData();
        boolean[] dark = new boolean[w * h];
        for (int i = 0; i < dark.length; i++) dark[i] = px[i] == 0;
        Pieces pieces = Pieces.of(dark, w, h);
        int[] label = pieces.label;
        List<int[]> boxes = pieces.boxes;   // x0, y0, x1, y1 of each piece, by label - 1
        boolean[] erase = new boolean[boxes.size() + 1];
        // The rule's line, fitted (least squares) through the top of each of its columns.
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < boxes.size(); k++) {
            int[] b = boxes.get(k);
            int length = b[2] - b[0] + 1;
            if (length < w * RULE_RUN || b[3] - b[1] + 1 > length * RULE_SLOPE + rise) continue;
            erase[k + 1] = true;
            for (int x = b[0]; x <= b[2]; x++) {
                for (int y = b[1]; y <= b[3]; y++) {
                    if (label[y * w + x] == k + 1) {
                        n++;
                        sx += x;
                        sy += y;
                        sxx += (double) x * x;
                        sxy += (double) x * y;
                        break;
                    }
                }
            }
        }
        if (n == 0) return ink;
        double slope = n * sxx - sx * sx == 0 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double base = (sy - slope * sx) / n;
        for (int k = 0; k < boxes.size(); k++) {
            int[] b = boxes.get(k);
            double line = base + slope * (b[0] + b[2]) / 2.0;
            if (!erase[k + 1] && b[3] - b[1] + 1 <= rise && b[3] >= line - 1 && b[1] <= line + rise) erase[k + 1] = true;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] to = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        boolean any = false;
        for (int i = 0; i < px.length; i++) {
            boolean on = px[i] == 0 && !erase[label[i]];
            to[i] = on ? 0 : (byte) 0xFF;
            any |= on;
        }
        return any ? out : null;
    }

    /**
     * The columns of a band that hold ink, with {@code margin} white columns on either side: the
     * layout analysis of Tesseract costs by the pixel, and a 文号 is a fifth of the page's width.
     * Null when {@code ink} is null or all white.
     */
    static BufferedImage trimmed(BufferedImage ink, int margin) {
        if (ink == null) return null;
        int w = ink.getWidth();
        int h = ink.getHeight();
        byte[] px = ((java.awt.image.DataBufferByte) ink.getRaster().getDataBuffer()).getData();
        int stride = w;   // ink() and withoutRule() make whole images
        int left = w;
        int right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * stride; x < w; x++, i++) {
                if (px[i] == 0) {
                    if (x < left) left = x;
                    if (x > right) right = x;
                }
            }
        }
        if (right < 0) return null;
        left = Math.max(0, left - margin);
        right = Math.min(w - 1, right + margin);
        if (left == 0 && right == w - 1) return ink;
        BufferedImage out = new BufferedImage(right - left + 1, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] to = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) System.arraycopy(px, y * stride + left, to, y * out.getWidth(), out.getWidth());
        return out;
    }

    /** A row with a dark run this share of the band's width long is a rule, not text. */
    static final double RULE_RUN = 0.25;
    /** A rule may be tilted this much (a scan 4° askew): its height is at most this share of its length, plus {@link #RULE_RISE}. */
    static final double RULE_SLOPE = 0.07;
    /** How tall, as a share of the page height, something standing on a rule (a ★) may be. */
    static final double RULE_RISE = 0.025;
    /** White kept either side of a band's ink, as a share of the page height. */
    static final double TRIM_MARGIN = 0.01;

    /** A pixel is ink below this share of the band's median brightness (its paper). */
    static final double INK_SHARE = 0.55;
    /** A band with less ink than this share of its pixels holds no line of text. */
    static final double MIN_INK = 0.0005;

    /** The band of the 文号 is at least this share of the page height. */
    static final double LINE_MIN = 0.025;

    /** Space kept between the red title and the band of the 文号, as a share of the page height. */
    static final double MARKS_MARGIN = 0.005;
    /** A band of marks lower than this share of the page height has no room for a line: not read. */
    static final double MARKS_MIN = 0.02;
}
