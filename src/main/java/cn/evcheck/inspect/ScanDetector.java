package cn.evcheck.inspect;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * Finds, on page 1 of a scanned document, the red header of GB/T 9704 (large red issuing-authority
 * mark centred above a thin red separation line) and round red seals (印章).
 *
 * <p>{@link #analyse} block-averages the page by an integer factor to at most 600 px wide (400–600 px
 * for pages wider than 800 px), from a grid of samples in each block, and works on that image only.
 * A cell is red when its averaged colour has a hue within ±30° of pure red and enough chroma;
 * averaging keeps the hue of red mixed with white paper or black text, so thin, pale, orange-ish
 * and JPEG-smeared strokes stay red.
 * <ul>
 * <li>{@code paperLike}: at least 55 % of the cells are bright and nearly colourless (or warm-tinted
 *     like yellowed paper).</li>
 * <li>{@code redRule}: a red run in the top 55 % of the page, straight at some angle within ±5°,
 *     spanning at least 55 % of the width (gaps up to 3 % allowed, 80 % of the span red), at most
 *     about 2 % of the page height thick, with nearly no red on at least one side of it. {@code ruleY}
 *     is its row at the middle column of the analysed image, −1 without a rule.</li>
 * <li>{@code titleMass}: strongly red cells above the rule (in the top 35 % when there is none) as a
 *     share of all cells.</li>
 * <li>{@code redHeader}: paper-like, a red rule, and a title mass of at least 0.15 % centred within
 *     12 % of the width from the middle. A red title without a visible rule is not a red header.</li>
 * <li>{@code sealCount}: red components, after closing gaps of up to four cells, whose bounding box
 *     is 10–30 % of the page width and nearly square (aspect 0.75–1.33), that fill at most half of
 *     their ellipse, have at least 30 % of their cells in the outer quarter of its radius and cover
 *     that outer band in at least 26 of 36 sectors. {@code seal} also needs a paper-like page.</li>
 * </ul>
 * This class classifies the cells and decides; {@link HeaderFinder} finds the rule and the title,
 * {@link SealFinder} the seals. Pure and thread-safe. Any {@link BufferedImage} type is accepted; int-packed RGB and 8-bit
 * interleaved RGB or grey are read in place, anything else through Java2D. Scans are taken as opaque.
 */
public final class ScanDetector {
    private ScanDetector() {}

    /**
     * @param colourShare the share of cells with any colour at all (chroma of at least
     *                    {@value #WEAK_CHROMA}, whatever the hue): 0 for a greyscale or black-and-white scan
     * @param greyscale   the page was scanned in greyscale or black and white: a one-channel image
     *                    (or a grey palette), or one whose every cell is exactly neutral, which no
     *                    colour scan of paper is — with no colour on it. A colour scan of a page that
     *                    happens to have no colour is not greyscale: its red header is simply absent.
     */
    public record Result(boolean redHeader, boolean redRule, double titleMass, int ruleY,
                         boolean seal, int sealCount, boolean paperLike, int analysedWidth, int analysedHeight,
                         double colourShare, boolean greyscale) {
        /**
         * Below this share of coloured cells a page shows no colour a reader could see: a red
         * header or seal (thousands of cells on a 600-px page) cannot be on it.
         */
        public static final double GREY_SHARE = 0.0005;
    }

    /** Cells whose chroma stays at or below this are neutral: what a greyscale image converted to RGB gives. */
    private static final int NEUTRAL_CHROMA = 3;

    private static final int MAX_WIDTH = 600;

    /** Red levels of an analysed cell. */
    static final byte WEAK = 1;
    static final byte STRONG = 2;
    private static final int WEAK_CHROMA = 28;
    private static final int STRONG_CHROMA = 56;
    private static final int MIN_RED_VALUE = 80;

    private static final int PAPER_LUMA = 165;
    private static final int PAPER_CHROMA = 45;
    private static final double PAPER_SHARE = 0.55;
    /** Paper gone yellowish (old stock, a phone's warm white balance): blue lowest, red and green close. */
    private static final int WARM_PAPER_CHROMA = 72;
    private static final int WARM_PAPER_RG = 24;


    private static final double NUMBER_ABOVE = 0.09;
    private static final double NUMBER_BELOW = 0.04;
    private static final double NUMBER_ZONE = 0.40;

    public static Result analyse(BufferedImage page) {
        return analysis(page).result();
    }

    /**
     * The analysed page as {@link MarkFinder} reads it: the averaged colour of each cell (0xRRGGBB,
     * row by row), the red rule's row in every column (null without a rule) and whether the page
     * image has colour channels at all.
     */
    record Cells(int w, int h, int[] rgb, int[] ruleYs, boolean colourModel) {}

    /** The decision and the cells it was made on. */
    /**
     * @param titleTop    the analysed row where the red title starts ({@link HeaderFinder.Title#top()}), −1 without one
     * @param titleBottom the analysed row where it ends, −1 without one
     */
    record Analysis(Result result, Cells cells, int titleTop, int titleBottom) {}

    /** {@link #analyse}, keeping the cells for a second look at the same low-resolution page. */
    static Analysis analysis(BufferedImage page) {
        int f = Math.max(1, (page.getWidth() + MAX_WIDTH - 1) / MAX_WIDTH);
        int w = page.getWidth() / f;
        int h = page.getHeight() / f;
        boolean colour = page.getColorModel().getNumColorComponents() >= 3;
        if (h == 0) {
            return new Analysis(new Result(false, false, 0, -1, false, 0, false, w, h, 0, false), new Cells(w, 0, new int[0], null, colour), -1, -1);
        }

        byte[] red = new byte[w * h];
        int[] rgb = new int[w * h];
        int[] counts = classify(page, f, w, h, red, rgb);
        boolean paperLike = counts[0] >= PAPER_SHARE * w * h;
        double colourShare = (double) counts[1] / ((long) w * h);

        HeaderFinder.Rule rule = HeaderFinder.findRule(red, w, h);
        HeaderFinder.Title title = HeaderFinder.title(red, w, h, rule);
        boolean header = paperLike && rule != null && HeaderFinder.isHeaderTitle(title, w);
        int seals = SealFinder.countSeals(red, w, h);
        Result result = new Result(header, rule != null, title.mass(), rule == null ? -1 : rule.ys()[w / 2],
                paperLike && seals > 0, seals, paperLike, w, h, colourShare,
                colourShare < Result.GREY_SHARE && (greyModel(page) || counts[2] <= NEUTRAL_CHROMA));
        return new Analysis(result, new Cells(w, h, rgb, rule == null ? null : rule.ys(), colour), title.top(), title.bottom());
    }

    /**
     * Where on the original page to OCR the document number: GB/T 9704 prints it centred about 4 mm
     * above the red rule, so the band runs from 9 % of the page height above the rule to 4 % below it
     * (also catching numbers printed just under the rule); without a rule, the top 40 % of the page.
     */
    public static Rectangle numberArea(Result r, int pageWidth, int pageHeight) {
        if (r.ruleY() < 0) {
            return new Rectangle(0, 0, pageWidth, (int) Math.ceil(pageHeight * NUMBER_ZONE));
        }
        double rule = (r.ruleY() + 0.5) * pageHeight / r.analysedHeight();
        int top = Math.max(0, (int) (rule - NUMBER_ABOVE * pageHeight));
        int bottom = Math.min(pageHeight, (int) Math.ceil(rule + NUMBER_BELOW * pageHeight));
        return new Rectangle(0, top, pageWidth, bottom - top);
    }

    /** Bright and nearly colourless, or bright with the warm tint of yellowed paper. */
    private static boolean isPaper(int r, int g, int b, int chroma) {
        if (299 * r + 587 * g + 114 * b < PAPER_LUMA * 1000) return false;
        return chroma <= PAPER_CHROMA || chroma <= WARM_PAPER_CHROMA && b <= Math.min(r, g) && Math.abs(r - g) <= WARM_PAPER_RG;
    }

    private static byte redLevel(int r, int g, int b) {
        int chroma = r - Math.min(g, b);
        if (r < MIN_RED_VALUE || chroma < WEAK_CHROMA) return 0;
        if (2 * Math.abs(g - b) > chroma) return 0;
        return chroma >= STRONG_CHROMA ? STRONG : WEAK;
    }

    /** Sampling of an f×f block: {@code per} samples a side, {@code step} apart, the first at {@code first}. */
    private record Grid(int f, int first, int step, int per) {
        static Grid of(int f) {
            int step = Math.max(1, f / 2);
            int per = f / step;
            return new Grid(f, (f - 1 - (per - 1) * step) / 2, step, per);
        }
    }

    /** Adds the samples of one source row to the per-block sums. */
    private interface RowReader {
        void add(int y, Grid grid, int w, int[] sr, int[] sg, int[] sb);

        /** The sums of block row {@code by}: each of its sampled source rows added to zeroed sums. */
        default void blockRow(int by, Grid grid, int w, int[] sr, int[] sg, int[] sb) {
            Arrays.fill(sr, 0);
            Arrays.fill(sg, 0);
            Arrays.fill(sb, 0);
            for (int k = 0; k < grid.per(); k++) add(by * grid.f() + grid.first() + k * grid.step(), grid, w, sr, sg, sb);
        }
    }

    /**
     * Averages each f×f block over a centred grid of samples f/2 px apart (all pixels at f ≤ 3, 2×2
     * of them above, so every stroke at least ~0.2 mm thick is sampled at any resolution while a
     * 300-dpi page is read in a few milliseconds), stores each cell's red level and returns how many
     * cells are paper, how many show any colour, and the largest chroma of a cell. Each cell's
     * averaged colour goes into {@code rgb}.
     */
    private static int[] classify(BufferedImage page, int f, int w, int h, byte[] red, int[] rgb) {
        Grid grid = Grid.of(f);
        int scale = (65536 + grid.per() * grid.per() - 1) / (grid.per() * grid.per());
        RowReader reader = reader(page);
        int[] sr = new int[w];
        int[] sg = new int[w];
        int[] sb = new int[w];
        int paper = 0;
        int colour = 0;
        int maxChroma = 0;
        for (int by = 0; by < h; by++) {
            reader.blockRow(by, grid, w, sr, sg, sb);
            for (int bx = 0, i = by * w; bx < w; bx++, i++) {
                int r = sr[bx] * scale >>> 16;
                int g = sg[bx] * scale >>> 16;
                int b = sb[bx] * scale >>> 16;
                red[i] = redLevel(r, g, b);
                rgb[i] = r << 16 | g << 8 | b;
                int chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                if (isPaper(r, g, b, chroma)) paper++;
                if (chroma >= WEAK_CHROMA) colour++;
                if (chroma > maxChroma) maxChroma = chroma;
            }
        }
        return new int[] {paper, colour, maxChroma};
    }

    /** A one-channel image, or a palette of greys only (a black-and-white or greyscale scan). */
    private static boolean greyModel(BufferedImage page) {
        java.awt.image.ColorModel cm = page.getColorModel();
        if (cm.getNumColorComponents() == 1) return true;
        if (cm instanceof java.awt.image.IndexColorModel icm) {
            for (int i = 0; i < icm.getMapSize(); i++) {
                if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) return false;
            }
            return true;
        }
        return false;
    }

    /** Reads int-packed RGB and 8-bit interleaved RGB or grey in place; anything else row by row through Java2D. */
    private static RowReader reader(BufferedImage page) {
        Raster raster = page.getRaster();
        DataBuffer db = raster.getDataBuffer();
        SampleModel sm = raster.getSampleModel();
        ColorSpace cs = page.getColorModel().getColorSpace();
        int tx = raster.getSampleModelTranslateX();
        int ty = raster.getSampleModelTranslateY();
        if (db instanceof DataBufferInt ints && db.getNumBanks() == 1 && sm instanceof SinglePixelPackedSampleModel sp
                && isRgbMasks(sp.getBitMasks()) && cs.isCS_sRGB()) {
            int[] px = ints.getData();
            int stride = sp.getScanlineStride();
            int base = db.getOffset() - ty * stride - tx;
            return (y, grid, w, sr, sg, sb) -> addInts(px, base + y * stride, grid, w, sr, sg, sb);
        }
        if (db instanceof DataBufferByte bytes && db.getNumBanks() == 1 && sm instanceof ComponentSampleModel csm
                && page.getColorModel() instanceof ComponentColorModel && page.getColorModel().getComponentSize(0) == 8
                && (cs.isCS_sRGB() && sm.getNumBands() >= 3 || cs.getType() == ColorSpace.TYPE_GRAY && sm.getNumBands() == 1)) {
            byte[] d = bytes.getData();
            int[] band = csm.getBandOffsets();
            int ps = csm.getPixelStride();
            int stride = csm.getScanlineStride();
            int base = db.getOffset() - ty * stride - tx * ps;
            int ro = band[0];
            int go = band[Math.min(1, band.length - 1)];
            int bo = band[Math.min(2, band.length - 1)];
            if (ps != 3) return (y, grid, w, sr, sg, sb) -> addBytes(d, base + y * stride, ps, ro, go, bo, grid, w, sr, sg, sb);
            return new RowReader() {
                @Override
                public void add(int y, Grid grid, int w, int[] sr, int[] sg, int[] sb) {
                    addBytes(d, base + y * stride, ps, ro, go, bo, grid, w, sr, sg, sb);
                }

                @Override
                public void blockRow(int by, Grid grid, int w, int[] sr, int[] sg, int[] sb) {
                    if (grid.per() != 3) {
                        RowReader.super.blockRow(by, grid, w, sr, sg, sb);
                        return;
                    }
                    addBlocks3(d, base + (by * grid.f() + grid.first()) * stride, grid.step() * stride, ro, go, bo, grid, w, sr, sg, sb);
                }
            };
        }
        BufferedImage row = new BufferedImage(page.getWidth(), 1, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) row.getRaster().getDataBuffer()).getData();
        Graphics2D g = row.createGraphics();
        g.setComposite(AlphaComposite.Src);
        return (y, grid, w, sr, sg, sb) -> {
            g.drawImage(page, 0, -y, null);
            addInts(px, 0, grid, w, sr, sg, sb);
        };
    }

    private static boolean isRgbMasks(int[] m) {
        return m.length >= 3 && m[0] == 0xFF0000 && m[1] == 0xFF00 && m[2] == 0xFF;
    }

    /** Red and blue share one int: at most three samples per block and row keep them apart. */
    private static void addInts(int[] px, int offset, Grid grid, int w, int[] sr, int[] sg, int[] sb) {
        int f = grid.f();
        int step = grid.step();
        int per = grid.per();
        int o = offset + grid.first();
        for (int bx = 0; bx < w; bx++, o += f) {
            int rb = 0;
            int g = 0;
            for (int k = 0, i = o; k < per; k++, i += step) {
                int p = px[i];
                rb += p & 0xFF00FF;
                g += p & 0xFF00;
            }
            sr[bx] += rb >>> 16;
            sg[bx] += g >>> 8;
            sb[bx] += rb & 0xFFFF;
        }
    }

    /**
     * The sums of one block row sampled 3×3 in a colour image of three bytes a pixel (a 1240-px page
     * scan: every pixel), all nine samples of a block at once: {@link #addBytes} row by row took
     * a third of a scan's CPU under C1, which neither unrolls its loops nor hoists their checks.
     */
    private static void addBlocks3(byte[] d, int offset, int rowStep, int ro, int go, int bo, Grid grid, int w,
                                   int[] sr, int[] sg, int[] sb) {
        int blockStride = grid.f() * 3;
        int s1 = grid.step() * 3;
        int s2 = 2 * s1;
        int o = offset + grid.first() * 3;
        for (int bx = 0; bx < w; bx++, o += blockStride) {
            int a = o;
            int b = o + rowStep;
            int c = b + rowStep;
            sr[bx] = (d[a + ro] & 0xFF) + (d[a + s1 + ro] & 0xFF) + (d[a + s2 + ro] & 0xFF)
                    + (d[b + ro] & 0xFF) + (d[b + s1 + ro] & 0xFF) + (d[b + s2 + ro] & 0xFF)
                    + (d[c + ro] & 0xFF) + (d[c + s1 + ro] & 0xFF) + (d[c + s2 + ro] & 0xFF);
            sg[bx] = (d[a + go] & 0xFF) + (d[a + s1 + go] & 0xFF) + (d[a + s2 + go] & 0xFF)
                    + (d[b + go] & 0xFF) + (d[b + s1 + go] & 0xFF) + (d[b + s2 + go] & 0xFF)
                    + (d[c + go] & 0xFF) + (d[c + s1 + go] & 0xFF) + (d[c + s2 + go] & 0xFF);
            sb[bx] = (d[a + bo] & 0xFF) + (d[a + s1 + bo] & 0xFF) + (d[a + s2 + bo] & 0xFF)
                    + (d[b + bo] & 0xFF) + (d[b + s1 + bo] & 0xFF) + (d[b + s2 + bo] & 0xFF)
                    + (d[c + bo] & 0xFF) + (d[c + s1 + bo] & 0xFF) + (d[c + s2 + bo] & 0xFF);
        }
    }

    private static void addBytes(byte[] d, int offset, int ps, int ro, int go, int bo, Grid grid, int w,
                                 int[] sr, int[] sg, int[] sb) {
        int blockStride = grid.f() * ps;
        int sampleStride = grid.step() * ps;
        int per = grid.per();
        int o = offset + grid.first() * ps;
        for (int bx = 0; bx < w; bx++, o += blockStride) {
            int r = 0;
            int g = 0;
            int b = 0;
            for (int k = 0, i = o; k < per; k++, i += sampleStride) {
                r += d[i + ro] & 0xFF;
                g += d[i + go] & 0xFF;
                b += d[i + bo] & 0xFF;
            }
            sr[bx] += r;
            sg[bx] += g;
            sb[bx] += b;
        }
    }
}
