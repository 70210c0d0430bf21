package cn.evcheck.inspect;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import cn.evcheck.util.Limits;

/**
 * Small decodes for perceptual hashing: a JPEG decoded with source subsampling (never more
 * than ~128 px on the short side kept), reduced to a 64-bit DCT hash (pHash). The caller
 * checks the header's dimensions first; this class never sees a decompression bomb.
 * Thread-safe.
 */
public final class Pixels {
    private Pixels() {}

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    /** Decodes with subsampling so the short side is about {@code target} px. */
    public static BufferedImage decodeSmall(byte[] jpeg, int width, int height, int target) throws IOException {
        return decode(jpeg, Math.max(1, Math.min(width, height) / target));
    }

    /** Decodes with subsampling so the width is about {@code targetWidth} px (never upscaled). */
    public static BufferedImage decodeWidth(byte[] jpeg, int width, int height, int targetWidth) throws IOException {
        return decode(jpeg, Math.max(1, width / targetWidth), true);
    }

    /**
     * Decodes keeping every {@code s}-th pixel in each direction — after checking the frame header:
     * over {@link Limits#MAX_PIXELS}, or a progressive JPEG whose decoder would need more than
     * {@link Limits#MAX_PROGRESSIVE_BYTES} outside the heap, is refused ({@link TooComplex}).
     */
    public static BufferedImage decode(byte[] jpeg, int s) throws IOException {
        return decode(jpeg, s, false);
    }

    /**
     * @param rgbOrder a colour image comes in an image whose bytes are in R, G, B order (type
     *                 custom) rather than the reader's default {@code TYPE_3BYTE_BGR}: the JDK's reader
     *                 then copies each decoded row whole, where it reversed every pixel in Java (a
     *                 page scan of 1240×1754: 0.55–0.7 of the decode's time). The same samples;
     *                 {@link #rgbRow} and the scan detector read both orders in place.
     */
    static BufferedImage decode(byte[] jpeg, int s, boolean rgbOrder) throws IOException {
        checkFrame(jpeg);
        if (s == 1 && rgbOrder) {
            // A page at full size: by TurboJPEG in one call where it is trusted with this JPEG (the same pixels).
            BufferedImage img = TurboJpeg.decode(jpeg, null);
            if (img != null) return img;
        }
        return imageIo(jpeg, s, rgbOrder);
    }

    /** {@link #decode(byte[], int, boolean)} by ImageIO, after the frame was checked. */
    static BufferedImage imageIo(byte[] jpeg, int s, boolean rgbOrder) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) throw new IOException("no JPEG reader");
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                ImageReadParam p = r.getDefaultReadParam();
                p.setSourceSubsampling(s, s, 0, 0);
                if (rgbOrder) inRgbOrder(r, p, s);
                BufferedImage img = r.read(0, p);
                if (img == null) throw new IOException("no image");
                return img;
            } finally {
                r.dispose();
            }
        }
    }

    /** Where the reader would decode into {@code TYPE_3BYTE_BGR}: into an image of bytes R, G, B instead, subsampled by {@code s}. */
    private static void inRgbOrder(ImageReader r, ImageReadParam p, int s) throws IOException {
        ImageTypeSpecifier first = r.getImageTypes(0).next();
        if (first.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
            p.setDestination(RGB_ORDER.createBufferedImage((r.getWidth(0) + s - 1) / s, (r.getHeight(0) + s - 1) / s));
        }
    }

    /** A new image of 8-bit sRGB bytes in R, G, B order (what pages and thumbnails decode into). */
    static BufferedImage rgbOrderImage(int w, int h) {
        return RGB_ORDER.createBufferedImage(w, h);
    }

    /** Whether {@code img} is a whole image of 8-bit sRGB bytes in R, G, B order, as {@link #rgbOrderImage} makes. */
    static boolean isRgbOrder(BufferedImage img) {
        Rgb8 v = Rgb8.of(img);
        return v != null && v.r() == 0 && v.g() == 1 && v.b() == 2 && v.origin() == 0 && v.stride() == img.getWidth() * 3
                && img.getRaster().getParent() == null;
    }

    /** 8-bit sRGB, bytes R, G, B: how libjpeg gives the rows. */
    private static final ImageTypeSpecifier RGB_ORDER = ImageTypeSpecifier.createInterleaved(
            java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), new int[]{0, 1, 2},
            java.awt.image.DataBuffer.TYPE_BYTE, false, false);

    /**
     * Decodes a small JPEG whole (an EXIF thumbnail, after {@link Thumbnail} has checked its frame):
     * with the JDK's own JPEG reader, kept per thread, as TwelveMonkeys' reader would delegate to it
     * for a YCbCr or grey image anyway — a reader made per image was a third of the decode's time. What
     * the JDK's reader refuses (CMYK, YCCK) goes through {@link #decode} as before.
     */
    static BufferedImage decodeThumbnail(byte[] jpeg) throws IOException {
        return decodeThumbnail(jpeg, false);
    }

    /**
     * @param scratch decode into this thread's scratch image when it has the thumbnail's size (the
     *                caller is done with the image before it decodes the next one on the thread: a
     *                hash): no image allocated and zeroed per photo. The same pixels either way.
     */
    static BufferedImage decodeThumbnail(byte[] jpeg, boolean scratch) throws IOException {
        checkFrame(jpeg);
        // By TurboJPEG where it is trusted with this JPEG: the same pixels without ImageIO's row-by-row
        // callbacks (0.82 of the decode and hash of a phone's thumbnail).
        BufferedImage tj = TurboJpeg.decode(jpeg, scratch ? SCRATCH.get() : null);
        if (tj != null) {
            if (scratch && isRgbOrder(tj)) SCRATCH.set(tj);
            return tj;
        }
        ImageReader r = JDK_READER.get();
        if (r != null) {
            BufferedImage img = null;
            // Straight from the array: ImageIO.createImageInputStream looked the stream's kind up among the
            // registered ones, and its memory cache copied the bytes, for every photo.
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
                r.setInput(in, true, true);
                ImageReadParam p = r.getDefaultReadParam();
                // Into bytes R, G, B: a sixth of a photo's Java samples went to reversing the thumbnail's pixels.
                if (r.getImageTypes(0).next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                    int w = r.getWidth(0);
                    int h = r.getHeight(0);
                    BufferedImage dest = scratch ? SCRATCH.get() : null;
                    if (dest == null || dest.getWidth() != w || dest.getHeight() != h) {
                        dest = RGB_ORDER.createBufferedImage(w, h);
                        if (scratch) SCRATCH.set(dest);
                    }
                    p.setDestination(dest);
                }
                img = r.read(0, p);
                r.setInput(null);
            } catch (IOException | RuntimeException e) {
                // a state left behind by a failed read must not reach the next image: a new reader next time
                JDK_READER.remove();
                r.dispose();
            }
            if (img != null) return img;
        }
        return decode(jpeg, 1);
    }

    /** Each thread's scratch image for {@link #decodeThumbnail(byte[], boolean)}. */
    private static final ThreadLocal<BufferedImage> SCRATCH = new ThreadLocal<>();

    private static final ThreadLocal<ImageReader> JDK_READER = ThreadLocal.withInitial(() -> {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReader")) return r;
            r.dispose();
        }
        return null;
    });

    /** The frame header of a JPEG: its size, samples per pixel, and whether it is progressive. */
    record Frame(int width, int height, int components, boolean progressive) {
        long pixels() {
            return (long) width * height;
        }

        /** What the native decoder holds for a progressive frame: 2 bytes per sample of the whole image. */
        long progressiveBytes() {
            return progressive ? pixels() * Math.max(1, components) * 2 : 0;
        }
    }

    /** A marker segment before the first scan, for {@link #segments}: false stops the walk. */
    @FunctionalInterface
    interface Segment {
        /** @param at where the segment's two length bytes start; {@code len} counts them */
        boolean visit(int marker, int at, int len);
    }

    /** What {@link #segments} ended on. */
    enum SegmentsEnd { SCAN, STOPPED, BROKEN }

    /**
     * Walks the marker segments of a JPEG held in {@code b}'s first {@code n} bytes, from SOI to the
     * first start of scan, handing each segment that has a length to {@code visit} (fill bytes,
     * TEM and RSTn skipped): {@link SegmentsEnd#SCAN} at the start of scan, {@link SegmentsEnd#STOPPED}
     * when {@code visit} said so, {@link SegmentsEnd#BROKEN} when there is no SOI, a byte is not a
     * marker, a length is below 2, the image ends (EOI) or the bytes do.
     */
    static SegmentsEnd segments(byte[] b, int n, Segment visit) {
        if (n < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return SegmentsEnd.BROKEN;
        int i = 2;
        while (i + 3 < n) {
            if ((b[i] & 0xFF) != 0xFF) return SegmentsEnd.BROKEN;
            while (i < n && (b[i] & 0xFF) == 0xFF) i++;
            if (i + 2 >= n) return SegmentsEnd.BROKEN;
            int marker = b[i++] & 0xFF;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
            if (marker == 0xD9) return SegmentsEnd.BROKEN;
            if (marker == 0xDA) return SegmentsEnd.SCAN;
            int len = ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
            if (len < 2) return SegmentsEnd.BROKEN;
            if (!visit.visit(marker, i, len)) return SegmentsEnd.STOPPED;
            i += len;
        }
        return SegmentsEnd.BROKEN;
    }

    /** Whether {@code marker} starts a frame header (SOF0–SOF15 but DHT, JPG and DAC). */
    static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * The first frame header (SOFn) of a JPEG held in {@code b} (its start suffices), or null when
     * none is found there. SOF2, SOF6, SOF10 and SOF14 are progressive.
     */
    static Frame frame(byte[] b, int n) {
        Frame[] found = new Frame[1];
        segments(b, n, (marker, i, len) -> {
            if (!isFrame(marker)) return true;
            if (i + 8 > n) return false;
            int h = ((b[i + 3] & 0xFF) << 8) | (b[i + 4] & 0xFF);
            int w = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
            int comps = b[i + 7] & 0xFF;
            boolean progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            found[0] = new Frame(w, h, comps, progressive);
            return false;
        });
        return found[0];
    }

    /** Refuses, before any decode, a JPEG over the pixel limit or a progressive one over the native-memory limit. */
    static void checkFrame(byte[] jpeg) throws TooComplex {
        checkFrame(frame(jpeg, jpeg.length));
    }

    static void checkFrame(Frame f) throws TooComplex {
        if (f == null) return;
        if (f.pixels() > Limits.MAX_PIXELS) {
            throw new TooComplex(f.width() + "×" + f.height() + " px, over the limit of " + Limits.MAX_PIXELS / 1_000_000 + " MP");
        }
        if (f.progressiveBytes() > Limits.MAX_PROGRESSIVE_BYTES) {
            throw new TooComplex("progressive JPEG of " + f.width() + "×" + f.height() + " px: its decoder would need "
                    + f.progressiveBytes() / (1024 * 1024) + " MB, over the limit of " + Limits.MAX_PROGRESSIVE_BYTES / (1024 * 1024) + " MB");
        }
    }

    /**
     * Whether an image inside a PDF may be decoded: within {@link Limits#MAX_PIXELS}, and, when it is a
     * JPEG (DCTDecode), not a progressive one over {@link Limits#MAX_PROGRESSIVE_BYTES} (its frame header
     * is read from the start of the raw stream).
     */
    static boolean decodable(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject im) {
        if ((long) im.getWidth() * im.getHeight() > Limits.MAX_PIXELS) return false;
        try {
            var filters = im.getCOSObject().getFilters();
            if (filters == null || !filters.toString().contains("DCTDecode")) return true;
            byte[] head;
            try (java.io.InputStream raw = im.getCOSObject().createRawInputStream()) {
                head = raw.readNBytes(64 * 1024);
            }
            checkFrame(frame(head, head.length));
            return true;
        } catch (TooComplex e) {
            return false;
        } catch (IOException | RuntimeException e) {
            return true;   // unreadable here: the decode itself will say so
        }
    }

    private static final double[][] COS = new double[32][32];

    static {
        for (int u = 0; u < 32; u++) {
            for (int x = 0; x < 32; x++) COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / 64);
        }
    }

    /**
     * Row {@code y} of {@code img} into {@code row} as {@link BufferedImage#getRGB} gives it (packed sRGB,
     * opaque): read straight from the bytes for 8-bit sRGB in BGR or RGB order (a decoded colour JPEG, or a view of one),
     * where the samples are the sRGB values; through {@code getRGB} for anything else. Through the
     * colour model pixel by pixel, a scan's header bands took 60 ms a page.
     */
    /**
     * The luminance of every pixel of {@code img}, row by row, as {@code (299 R + 587 G + 114 B) / 1000}
     * of the samples {@link #rgbRow} gives: read straight from the bytes of 8-bit RGB (a decoded page and
     * the views of it), where going through packed pixels row by row was most of a header band's
     * binarising under C1; through {@link #rgbRow} for anything else.
     */
    static byte[] luma(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] out = new byte[w * h];
        Rgb8 v = Rgb8.of(img);
        if (v != null) {
            byte[] d = v.data();
            int ro = v.r(), go = v.g(), bo = v.b();
            for (int y = 0, i = 0; y < h; y++) {
                for (int x = 0, at = v.at(0, y); x < w; x++, at += 3, i++) {
                    out[i] = (byte) thousandths(299 * (d[at + ro] & 0xFF) + 587 * (d[at + go] & 0xFF) + 114 * (d[at + bo] & 0xFF));
                }
            }
            return out;
        }
        int[] row = new int[w];
        for (int y = 0, i = 0; y < h; y++) {
            rgbRow(img, y, row);
            for (int x = 0; x < w; x++, i++) {
                int c = row[x];
                out[i] = (byte) thousandths(299 * ((c >> 16) & 0xFF) + 587 * ((c >> 8) & 0xFF) + 114 * (c & 0xFF));
            }
        }
        return out;
    }

    /**
     * {@code x / 1000} for 0 ≤ x ≤ 255,000 (a luminance in thousandths), by a multiplication and a shift:
     * exact over that range (x · 268,436 / 2^28 exceeds x / 1000 by less than 0.00052), and the division it
     * replaces was most of {@link #luma}'s time under C1.
     */
    static int thousandths(int x) {
        return (int) ((long) x * 268_436 >>> 28);
    }

    static void rgbRow(BufferedImage img, int y, int[] row) {
        int w = img.getWidth();
        Rgb8 v = Rgb8.of(img);
        if (v == null) {
            img.getRGB(0, y, w, 1, row, 0, w);
            return;
        }
        byte[] d = v.data();
        for (int x = 0, at = v.at(0, y); x < w; x++, at += 3) {
            row[x] = 0xFF000000 | (d[at + v.r()] & 0xFF) << 16 | (d[at + v.g()] & 0xFF) << 8 | (d[at + v.b()] & 0xFF);
        }
    }

    /**
     * The bytes of an 8-bit, three-byte sRGB image as they lie, in either order (BGR: a decoded colour
     * JPEG, a thumbnail; RGB: a page scan, see {@link #decode(byte[], int, boolean)}; or a view of one:
     * a cropped view's origin is its translation into the parent's buffer), whose samples are their
     * sRGB values; null for any other layout.
     *
     * @param r the offset of red in a pixel's three bytes ({@code g}, {@code b} likewise)
     */
    record Rgb8(byte[] data, int stride, int r, int g, int b, int origin) {
        static Rgb8 of(BufferedImage img) {
            java.awt.image.WritableRaster raster = img.getRaster();
            if (img.getColorModel() instanceof java.awt.image.ComponentColorModel cm && cm.getColorSpace().isCS_sRGB()
                    && !cm.hasAlpha() && cm.getNumComponents() == 3 && cm.getComponentSize(0) == 8
                    && cm.getComponentSize(1) == 8 && cm.getComponentSize(2) == 8
                    && raster.getDataBuffer() instanceof java.awt.image.DataBufferByte db
                    && raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                    && sm.getPixelStride() == 3 && db.getNumBanks() == 1) {
                int stride = sm.getScanlineStride();
                int[] band = sm.getBandOffsets();   // R, G, B
                return new Rgb8(db.getData(), stride, band[0], band[1], band[2],
                        db.getOffset() - raster.getSampleModelTranslateY() * stride - raster.getSampleModelTranslateX() * 3);
            }
            return null;
        }

        /** Where pixel (x, y)'s three bytes start. */
        int at(int x, int y) {
            return origin + y * stride + x * 3;
        }
    }

    /** pHash: 32×32 grey by area average, 2-D DCT, the 8×8 lowest frequencies against their median. */
    public static long phash(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        Rgb8 v = Rgb8.of(img);
        if (v != null) {
            // The common case (a decoded JPEG, a thumbnail): luminance summed into the 32×32 cells in one
            // pass over the bytes, in exact integer thousandths, with no image-sized array between.
            byte[] data = v.data();
            int stride = v.stride();
            int r = v.r(), gr = v.g(), b = v.b();
            int origin = v.origin();
            int[] x0 = new int[32], x1 = new int[32];
            for (int cx = 0; cx < 32; cx++) {
                x0[cx] = cx * w / 32;
                x1[cx] = Math.min(w, Math.max(x0[cx] + 1, (cx + 1) * w / 32));
            }
            double[] g = new double[32 * 32];
            long[] row = new long[32];
            for (int cy = 0; cy < 32; cy++) {
                int y0 = cy * h / 32;
                int y1 = Math.min(h, Math.max(y0 + 1, (cy + 1) * h / 32));
                java.util.Arrays.fill(row, 0);
                for (int y = y0; y < y1; y++) {
                    int line = origin + y * stride;
                    for (int cx = 0; cx < 32; cx++) {
                        // Each channel summed alone, weighted once per cell and row: the same integer
                        // as weighting every pixel, with no multiply in the loop (C1 does not hoist them).
                        int sr = 0, sg = 0, sb = 0;
                        for (int x = x0[cx], at = line + x * 3; x < x1[cx]; x++, at += 3) {
                            sr += data[at + r] & 0xFF;
                            sg += data[at + gr] & 0xFF;
                            sb += data[at + b] & 0xFF;
                        }
                        row[cx] += 299L * sr + 587L * sg + 114L * sb;
                    }
                }
                for (int cx = 0; cx < 32; cx++) {
                    long n = (long) Math.max(0, y1 - y0) * Math.max(0, x1[cx] - x0[cx]);
                    g[cy * 32 + cx] = n == 0 ? 0 : row[cx] / (1000.0 * n);
                }
            }
            return dctHash(g);
        }
        return phash(luminance(img), w, h);
    }

    /**
     * pHash of a grey image given as {@code w}×{@code h} luminance values row by row (0–255): the same
     * area average to 32×32 and DCT as for a decoded image ({@link DcImage}).
     */
    public static long phash(double[] lum, int w, int h) {
        // Area average to 32×32: each pixel added to its cell (cells split the image as x * 32 / w does).
        double[] g = new double[32 * 32];
        int[] colsIn = new int[32];
        int[] rowsIn = new int[32];
        for (int cx = 0; cx < 32; cx++) {
            int x0 = cx * w / 32;
            int x1 = Math.min(w, Math.max(x0 + 1, (cx + 1) * w / 32));
            colsIn[cx] = Math.max(0, x1 - x0);
        }
        double[] row = new double[32];
        for (int cy = 0; cy < 32; cy++) {
            int y0 = cy * h / 32;
            int y1 = Math.min(h, Math.max(y0 + 1, (cy + 1) * h / 32));
            rowsIn[cy] = Math.max(0, y1 - y0);
            java.util.Arrays.fill(row, 0);
            for (int y = y0; y < y1; y++) {
                int at = y * w;
                for (int cx = 0; cx < 32; cx++) {
                    int x0 = cx * w / 32;
                    int x1 = Math.min(w, Math.max(x0 + 1, (cx + 1) * w / 32));
                    double sum = 0;
                    for (int x = x0; x < x1; x++) sum += lum[at + x];
                    row[cx] += sum;
                }
            }
            for (int cx = 0; cx < 32; cx++) {
                int n = rowsIn[cy] * colsIn[cx];
                g[cy * 32 + cx] = n == 0 ? 0 : row[cx] / n;
            }
        }
        return dctHash(g);
    }

    /** The hash of a 32×32 grey image: the 8×8 lowest frequencies of its 2-D DCT against their median. */
    private static long dctHash(double[] g) {
        // Separably: rows first, then columns.
        double[] rowsU = new double[8 * 32];   // [u][y]
        for (int y = 0; y < 32; y++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                double[] cu = COS[u];
                for (int x = 0; x < 32; x++) s += g[y * 32 + x] * cu[x];
                rowsU[u * 32 + y] = s;
            }
        }
        double[] coef = new double[64];
        for (int v = 0; v < 8; v++) {
            double[] cv = COS[v];
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < 32; y++) s += rowsU[u * 32 + y] * cv[y];
                coef[v * 8 + u] = s;
            }
        }
        double[] sorted = java.util.Arrays.copyOfRange(coef, 1, 64);
        java.util.Arrays.sort(sorted);
        double median = sorted[31];
        long bits = 0;
        for (int i = 1; i < 64; i++) if (coef[i] > median) bits |= 1L << i;
        return bits;
    }

    /**
     * Each pixel's luminance (0.299 R + 0.587 G + 0.114 B of its sRGB value). Decoded JPEGs and the
     * images evcheck draws are 8-bit RGB, whose samples are their sRGB values: read a row at a time
     * from the raster, not through the colour model pixel by pixel (which was most of a thumbnail's
     * hash); other types go through {@link BufferedImage#getRGB}, as before.
     */
    private static double[] luminance(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[] lum = new double[w * h];
        int type = img.getType();
        java.awt.image.WritableRaster raster = img.getRaster();
        Rgb8 v = Rgb8.of(img);
        if (v != null) {
            byte[] data = v.data();
            for (int y = 0; y < h; y++) {
                for (int x = 0, at = v.at(0, y); x < w; x++, at += 3) {
                    lum[y * w + x] = 0.299 * (data[at + v.r()] & 0xFF) + 0.587 * (data[at + v.g()] & 0xFF)
                            + 0.114 * (data[at + v.b()] & 0xFF);
                }
            }
            return lum;
        }
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB) {
            int[] row = new int[w * 3];
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    lum[y * w + x] = 0.299 * row[3 * x] + 0.587 * row[3 * x + 1] + 0.114 * row[3 * x + 2];
                }
            }
            return lum;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                lum[y * w + x] = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
            }
        }
        return lum;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
