package cn.evcheck.bench;

import cn.evcheck.inspect.Pixels;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the duplicate-hash benchmarks share: the corpus, the copies they make, and how they print distances and pairs. */
final class HashBench {
    private HashBench() {}

    /** The copies made of each photo, and the JPEG quality each is written at. */
    static final String[] KINDS = {"re-saved q0.9", "resized 50%", "recompressed q0.6", "cropped 5%"};
    static final float[] QUALITIES = {0.9f, 0.85f, 0.6f, 0.85f};

    /** The JPEGs in {@code dir}, sorted by name, at most {@code max}. */
    static List<Path> jpegs(Path dir, int max) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g")).sorted().limit(max).toList();
        }
    }

    /**
     * The hash of a photo's subsampled ImageIO decode (evcheck's hash before the DC image, and its fallback),
     * or null when the photo is corrupt, refused or undecodable.
     */
    static Long decodeHash(byte[] jpeg, cn.evcheck.inspect.PhotoFacts pf) {
        if (pf.problem() != null || pf.tooComplex()) return null;
        try {
            return Pixels.phash(Pixels.decodeSmall(jpeg, pf.width(), pf.height(), 64));
        } catch (Exception | OutOfMemoryError e) {
            return null;
        }
    }

    /** The pictures of the {@link #KINDS} of copy of a JPEG decoded with ImageIO, or null when it does not decode. */
    static BufferedImage[] copies(byte[] jpeg) {
        BufferedImage img;
        try {
            img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        } catch (Exception e) {
            return null;
        }
        return img == null ? null : copies(rgb(img));
    }

    /** The pictures of the {@link #KINDS} of copy of {@code img} (an RGB image): itself, half size, itself, 5 % cropped. */
    static BufferedImage[] copies(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        return new BufferedImage[]{img, scale(img, w / 2, h / 2), img, rgb(img.getSubimage(w / 40, h / 40, w - w / 20, h - h / 20))};
    }

    /** A histogram of Hamming distances (index = bits): within the threshold, the histogram, the files beyond, median and percentiles. */
    static void printDistances(String what, int[] hist, int threshold, List<String> far) {
        int total = 0, within = 0;
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < hist.length; d++) {
            total += hist[d];
            if (d <= threshold) within += hist[d];
            if (hist[d] > 0) sb.append(d).append(':').append(hist[d]).append(' ');
        }
        System.out.printf(Locale.ROOT, "%s distance, within %d bits: %d of %d (%.1f %%)%n", what, threshold, within, total,
                100.0 * within / Math.max(1, total));
        System.out.println("histogram distance:count  " + sb);
        for (String s : far) System.out.println("  beyond the threshold: " + s);
        if (total == 0) return;
        int[] sorted = new int[total];
        int k = 0;
        for (int d = 0; d < hist.length; d++) for (int c = 0; c < hist[d]; c++) sorted[k++] = d;
        System.out.printf(Locale.ROOT, "median %d, 90th pct %d, 95th pct %d, max %d%n", sorted[total / 2],
                sorted[(int) (total * 0.9)], sorted[(int) (total * 0.95)], sorted[total - 1]);
    }

    /**
     * Pairs of distinct files matched by the {@code before} hashes and by the {@code now} hashes (index =
     * file): the counts, each pair matched before, and each matched now but not before.
     */
    static void printPairs(List<String> names, long[] before, long[] now, int threshold) {
        int n = names.size();
        int b = 0, a = 0, gained = 0, lost = 0;
        StringBuilder news = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean b0 = Pixels.distance(before[i], before[j]) <= threshold;
                boolean b1 = Pixels.distance(now[i], now[j]) <= threshold;
                if (b0) {
                    b++;
                    System.out.println("  matched before: " + names.get(i) + " ~ " + names.get(j));
                }
                if (b1) a++;
                if (b0 && !b1) lost++;
                if (b1 && !b0) {
                    gained++;
                    news.append("  new match: ").append(names.get(i)).append(" ~ ").append(names.get(j)).append(" (")
                            .append(Pixels.distance(now[i], now[j])).append(" bits now, ").append(Pixels.distance(before[i], before[j]))
                            .append(" before)\n");
                }
            }
        }
        System.out.printf(Locale.ROOT, "distinct-file pairs %d: matched before %d, now %d; now but not before %d, before but not now %d%n",
                (long) n * (n - 1) / 2, b, a, gained, lost);
        System.out.print(news);
    }

    static BufferedImage rgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
