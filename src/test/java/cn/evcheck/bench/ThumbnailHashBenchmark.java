package cn.evcheck.bench;

import cn.evcheck.check.photo.DuplicatePhotoCheck;
import cn.evcheck.inspect.DcImage;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.inspect.Pixels;
import cn.evcheck.testkit.Jpegs;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whether the EXIF-thumbnail hash can stand in for the full-decode hash, measured on a folder of real
 * camera JPEGs (e.g. the metadata-extractor image corpus extracted to /tmp). Not a unit test. Prints:
 * <ol>
 * <li>the distribution of the Hamming distance between thumbnail hash and full-decode hash of the same
 *     photo, and the fraction within {@link DuplicatePhotoCheck#NEAR_DUPLICATE_BITS};</li>
 * <li>for re-saved, 50 %-resized, quality-60 and 5 %-cropped copies (made with ImageIO, so without a
 *     thumbnail: evcheck hashes their DC image), how many are still matched to the original's hash — the
 *     one evcheck now uses (thumbnail where trusted) and, for comparison, copy and original by
 *     subsampled-decode hash (before);</li>
 * <li>pairs of distinct files matched, by full-decode hashes (before) and by evcheck's hashes (now: the
 *     trusted thumbnail's, else the DC image's, else the decode's), and
 *     the pairs matched now but not before (new false matches, unless the two files are the same scene).</li>
 * </ol>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.evcheck.bench.ThumbnailHashBenchmark DIR [max [nocopies]]}
 */
public final class ThumbnailHashBenchmark {
    record Row(String name, long full, Long thumb, long used) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        boolean makeCopies = args.length <= 2 || !args[2].equals("nocopies");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g")).sorted().limit(max).toList();
        }
        int t = DuplicatePhotoCheck.NEAR_DUPLICATE_BITS;
        int[] hist = new int[65];
        int withThumb = 0, distrusted = 0, skipped = 0;
        String[] kinds = {"re-saved q0.9", "resized 50%", "recompressed q0.6", "cropped 5%"};
        int[] copies = new int[4], matchedNow = new int[4], matchedBefore = new int[4];
        List<Row> rows = new ArrayList<>();
        List<String> far = new ArrayList<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            PhotoFacts pf = JpegInspector.inspect(b, true, false);
            if (pf.problem() != null || pf.tooComplex()) {
                skipped++;
                continue;
            }
            long full;   // the subsampled ImageIO decode's hash (evcheck's DC-image hash is measured by DcHashBenchmark)
            try {
                full = Pixels.phash(Pixels.decodeSmall(b, pf.width(), pf.height(), 64));
            } catch (Exception e) {
                skipped++;
                continue;
            }
            Long thumb = JpegInspector.thumbnailHash(b);
            if (thumb != null) {
                withThumb++;
                hist[Pixels.distance(full, thumb)]++;
                if (Pixels.distance(full, thumb) > t) {
                    far.add(f.getFileName() + " (" + Pixels.distance(full, thumb) + " bits, " + pf.width() + "x" + pf.height() + ")");
                }
            } else if (JpegInspector.hasThumbnail(b)) {
                distrusted++;
            }
            Long dc = thumb == null ? DcImage.phash(b) : null;
            long used = thumb != null ? thumb : dc != null ? dc : full;   // what evcheck uses: thumbnail, else DC image, else decode
            rows.add(new Row(f.getFileName().toString(), full, thumb, used));
            if (thumb == null || !makeCopies) continue;   // copies prove the thumbnail hash; without one nothing changed
            BufferedImage img;
            try {
                img = ImageIO.read(new ByteArrayInputStream(b));
            } catch (Exception e) {
                continue;
            }
            if (img == null) continue;
            img = rgb(img);
            int w = img.getWidth(), h = img.getHeight();
            BufferedImage[] made = {img, scale(img, w / 2, h / 2), img,
                    rgb(img.getSubimage(w / 40, h / 40, w - w / 20, h - h / 20))};
            float[] q = {0.9f, 0.85f, 0.6f, 0.85f};
            for (int k = 0; k < 4; k++) {
                byte[] copy = Jpegs.encode(made[k], q[k]);
                PhotoFacts cf = JpegInspector.inspect(copy, true, true);   // no thumbnail: evcheck's hash is the DC image's
                if (cf.phash() == null) continue;
                long copyFull = Pixels.phash(Pixels.decodeSmall(copy, made[k].getWidth(), made[k].getHeight(), 64));
                copies[k]++;
                if (Pixels.distance(cf.phash(), used) <= t) matchedNow[k]++;
                if (Pixels.distance(copyFull, full) <= t) matchedBefore[k]++;
            }
        }
        int n = rows.size();
        System.out.printf(Locale.ROOT, "files %d, decoded %d, skipped %d (corrupt, refused, undecodable)%n", files.size(), n, skipped);
        System.out.printf(Locale.ROOT, "trusted thumbnail %d (%.1f %%), thumbnail present but distrusted %d, none %d%n",
                withThumb, 100.0 * withThumb / Math.max(1, n), distrusted, n - withThumb - distrusted);
        int within = 0;
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d <= 64; d++) {
            if (d <= t) within += hist[d];
            if (hist[d] > 0) sb.append(d).append(':').append(hist[d]).append(' ');
        }
        System.out.printf(Locale.ROOT, "thumbnail vs full-decode distance, within %d bits: %d of %d (%.1f %%)%n", t, within, withThumb,
                100.0 * within / Math.max(1, withThumb));
        System.out.println("histogram distance:count  " + sb);
        for (String s : far) System.out.println("  beyond the threshold: " + s);
        int[] sorted = new int[withThumb];
        int k0 = 0;
        for (int d = 0; d <= 64; d++) for (int c = 0; c < hist[d]; c++) sorted[k0++] = d;
        if (withThumb > 0) {
            System.out.printf(Locale.ROOT, "median %d, 90th pct %d, 95th pct %d, max %d%n", sorted[withThumb / 2],
                    sorted[(int) (withThumb * 0.9)], sorted[(int) (withThumb * 0.95)], sorted[withThumb - 1]);
        }
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "copy %-18s matched now (thumbnail hash of original) %d/%d (%.1f %%), before (full hash) %d/%d%n",
                    kinds[k], matchedNow[k], copies[k], 100.0 * matchedNow[k] / Math.max(1, copies[k]), matchedBefore[k], copies[k]);
        }
        int before = 0, now = 0, newOnly = 0;
        List<String> news = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                boolean b0 = Pixels.distance(rows.get(i).full(), rows.get(j).full()) <= t;
                boolean b1 = Pixels.distance(rows.get(i).used(), rows.get(j).used()) <= t;
                if (b0) {
                    before++;
                    System.out.println("  matched before: " + rows.get(i).name() + " ~ " + rows.get(j).name());
                }
                if (b1) now++;
                if (b1 && !b0) {
                    newOnly++;
                    news.add(rows.get(i).name() + " ~ " + rows.get(j).name() + " (" + Pixels.distance(rows.get(i).used(), rows.get(j).used()) + ")");
                }
            }
        }
        System.out.printf(Locale.ROOT, "distinct-file pairs %d: matched before %d, now %d, matched now but not before %d%n",
                (long) n * (n - 1) / 2, before, now, newOnly);
        for (String s : news) System.out.println("  new match: " + s);
    }

    private static BufferedImage rgb(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
