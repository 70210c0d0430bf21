package cn.evcheck.inspect;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

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
        return decode(jpeg, Math.max(1, width / targetWidth));
    }

    /** Decodes keeping every {@code s}-th pixel in each direction. */
    public static BufferedImage decode(byte[] jpeg, int s) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) throw new IOException("no JPEG reader");
            ImageReader r = it.next();
            try {
                r.setInput(in, true, true);
                ImageReadParam p = r.getDefaultReadParam();
                p.setSourceSubsampling(s, s, 0, 0);
                BufferedImage img = r.read(0, p);
                if (img == null) throw new IOException("no image");
                return img;
            } finally {
                r.dispose();
            }
        }
    }

    private static final double[][] COS = new double[32][32];

    static {
        for (int u = 0; u < 32; u++) {
            for (int x = 0; x < 32; x++) COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / 64);
        }
    }

    /** pHash: 32×32 grey by area average, 2-D DCT, the 8×8 lowest frequencies against their median. */
    public static long phash(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[][] g = new double[32][32];
        for (int cy = 0; cy < 32; cy++) {
            int y0 = cy * h / 32;
            int y1 = Math.max(y0 + 1, (cy + 1) * h / 32);
            for (int cx = 0; cx < 32; cx++) {
                int x0 = cx * w / 32;
                int x1 = Math.max(x0 + 1, (cx + 1) * w / 32);
                double sum = 0;
                int n = 0;
                for (int y = y0; y < y1 && y < h; y++) {
                    for (int x = x0; x < x1 && x < w; x++) {
                        int rgb = img.getRGB(x, y);
                        sum += 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                        n++;
                    }
                }
                g[cy][cx] = n == 0 ? 0 : sum / n;
            }
        }
        double[] coef = new double[64];
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < 32; y++) {
                    double cy = COS[v][y];
                    for (int x = 0; x < 32; x++) s += g[y][x] * COS[u][x] * cy;
                }
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

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
