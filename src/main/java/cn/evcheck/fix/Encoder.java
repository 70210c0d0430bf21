package cn.evcheck.fix;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * Pixels for {@code evcheck fix}: decodes a photo (JPEG, CMYK JPEG, PNG, BMP, GIF, TIFF, and what
 * other ImageIO readers are on the class path) to sRGB, turns it upright, and encodes it as a JPEG
 * at the highest quality whose size fits a budget — searching on quality first and downscaling only
 * when even {@link #MIN_QUALITY} does not fit; never upscaling. Deterministic: the same pixels and
 * budget give the same bytes. Thread-safe (nothing shared).
 */
final class Encoder {
    private Encoder() {}

    /** The quality tried first, and the highest chosen: above it size grows much faster than what is seen. */
    static final int MAX_QUALITY = 95;
    /** Below this, a photo is downscaled instead of compressed harder. */
    static final int MIN_QUALITY = 75;
    /** The encoded photo: its bytes, the quality chosen (1–100) and its size in pixels. */
    record Encoded(byte[] jpeg, int quality, int width, int height, int encodes) {}

    /** A photo that cannot be decoded here (no reader for its format, damaged, too large to hold). */
    static final class Undecodable extends IOException {
        final String reason;

        Undecodable(String reason) {
            super(reason);
            this.reason = reason;
        }
    }

    /**
     * Decodes {@code bytes} into an opaque sRGB image (transparency over white). Refuses, before
     * decoding, an image whose pixels would not fit in a quarter of the heap left.
     */
    static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) throw new Undecodable("no_decoder");
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                long w = r.getWidth(0);
                long h = r.getHeight(0);
                Runtime rt = Runtime.getRuntime();
                long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
                // Decoded, made RGB and turned: about three copies of 4 bytes a pixel.
                if (w * h > cn.evcheck.util.Limits.MAX_PIXELS || w * h * 12 > free / 4 * 3) throw new Undecodable("too_large_to_decode");
                BufferedImage img = r.read(0);
                if (img == null) throw new Undecodable("undecodable");
                return rgb(img);
            } finally {
                r.dispose();
            }
        } catch (Undecodable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Undecodable("undecodable");
        }
    }

    /** The image as TYPE_INT_RGB, colour-converted by Java 2D, transparency painted over white. */
    static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) return img;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** The image turned upright for EXIF {@code orientation} (1–8; 1 and unknown values: as it is). */
    static BufferedImage upright(BufferedImage src, int orientation) {
        if (orientation <= 1 || orientation > 8) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] s = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        int[] d = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }           // mirrored
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }   // 180°
                    case 4 -> { dx = x; dy = h - 1 - y; }           // mirrored vertically
                    case 5 -> { dx = y; dy = x; }                   // transposed
                    case 6 -> { dx = h - 1 - y; dy = x; }           // 90° clockwise
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }   // transversed
                    default -> { dx = y; dy = w - 1 - x; }          // 8: 90° counter-clockwise
                }
                d[dy * ow + dx] = s[row + x];
            }
        }
        return out;
    }

    /**
     * The image encoded at the highest quality from {@link #MAX_QUALITY} down to {@link #MIN_QUALITY}
     * whose JPEG is at most {@code budget} bytes (a search on quality: size grows with it);
     * when none fits, downscaled (never below {@code minLongSide} pixels on the long side: the rule set's
     * low-resolution bound) and searched again.
     *
     * @return null when even the smallest allowed size does not fit
     */
    static Encoded fit(BufferedImage img, long budget, int minLongSide) throws IOException {
        int encodes = 0;
        BufferedImage cur = img;
        for (int round = 0; round < 6; round++) {
            byte[] best = null;
            int bestQ = 0;
            byte[] top = encode(cur, MAX_QUALITY);
            encodes++;
            if (top.length <= budget) return new Encoded(top, MAX_QUALITY, cur.getWidth(), cur.getHeight(), encodes);
            // The highest quality in [lo, hi] that fits. Size grows about exponentially with quality, so
            // each guess interpolates log(size) between the nearest known sizes above and below the
            // budget (from one known size: halving per 10 steps); bisection after a few guesses.
            int lo = MIN_QUALITY;
            int hi = MAX_QUALITY - 1;
            int overQ = MAX_QUALITY;
            long overSize = top.length;
            int underQ = -1;
            long underSize = 0;
            int loSize = -1;
            int guesses = 0;
            while (lo <= hi) {
                int q;
                if (guesses++ >= 3) {
                    q = (lo + hi) >>> 1;
                } else if (underQ < 0) {
                    q = (int) Math.floor(overQ - 10 * Math.log((double) overSize / budget) / Math.log(2));
                } else {
                    double t = Math.log((double) budget / underSize) / Math.log((double) overSize / underSize);
                    q = underQ + (int) Math.floor(t * (overQ - underQ));
                }
                q = Math.max(lo, Math.min(hi, q));
                byte[] b = encode(cur, q);
                encodes++;
                if (b.length <= budget) {
                    best = b;
                    bestQ = q;
                    underQ = q;
                    underSize = b.length;
                    lo = q + 1;
                } else {
                    if (q == MIN_QUALITY) loSize = b.length;
                    overQ = q;
                    overSize = b.length;
                    hi = q - 1;
                }
            }
            if (best != null) return new Encoded(best, bestQ, cur.getWidth(), cur.getHeight(), encodes);
            // Not even the lowest quality fits: fewer pixels, in proportion to the bytes over.
            if (loSize < 0) {
                loSize = encode(cur, MIN_QUALITY).length;
                encodes++;
            }
            double f = Math.sqrt((double) budget / loSize) * 0.97;
            int w = (int) Math.floor(cur.getWidth() * f);
            int h = (int) Math.floor(cur.getHeight() * f);
            if (Math.max(w, h) < minLongSide) return null;
            cur = scale(img, w, h);
        }
        return null;
    }

    /** {@code img} reduced to {@code w}×{@code h} (smaller than it), halving first so that no pixel is skipped. */
    static BufferedImage scale(BufferedImage img, int w, int h) {
        BufferedImage cur = img;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        return cur.getWidth() == w && cur.getHeight() == h ? cur : draw(cur, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** A baseline JPEG of the image at {@code quality} (1–100), by the JDK's own encoder. */
    static byte[] encode(BufferedImage img, int quality) throws IOException {
        ImageWriter w = writer();
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream(img.getWidth() * img.getHeight() / 4 + 4096);
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
                w.setOutput(out);
                ImageWriteParam p = w.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(quality / 100f);
                w.write(null, new IIOImage(img, null, null), p);
            }
            return bos.toByteArray();
        } finally {
            w.dispose();
        }
    }

    /** The JDK's JPEG writer (the same bytes wherever evcheck runs), else the first one available. */
    private static ImageWriter writer() throws IOException {
        ImageWriter first = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio.")) return w;
            if (first == null) first = w;
        }
        if (first == null) throw new IOException("no JPEG writer");
        return first;
    }
}
