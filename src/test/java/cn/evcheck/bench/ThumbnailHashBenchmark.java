package cn.evcheck.bench;

import cn.evcheck.check.photo.DuplicatePhotoCheck;
import cn.evcheck.inspect.DcImage;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.inspect.Pixels;
import cn.evcheck.testkit.Jpegs;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<Path> files = HashBench.jpegs(dir, max);
        int t = DuplicatePhotoCheck.NEAR_DUPLICATE_BITS;
        int[] hist = new int[65];
        int withThumb = 0, distrusted = 0, skipped = 0;
        int[] copies = new int[4], matchedNow = new int[4], matchedBefore = new int[4];
        List<Row> rows = new ArrayList<>();
        List<String> far = new ArrayList<>();
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            PhotoFacts pf = JpegInspector.inspect(b, true, false);
            Long decoded = HashBench.decodeHash(b, pf);   // the subsampled ImageIO decode's hash, as before the DC image
            if (decoded == null) {
                skipped++;
                continue;
            }
            long full = decoded;
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
            BufferedImage[] made = HashBench.copies(b);
            if (made == null) continue;
            for (int k = 0; k < 4; k++) {
                byte[] copy = Jpegs.encode(made[k], HashBench.QUALITIES[k]);
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
        HashBench.printDistances("thumbnail vs full-decode", hist, t, far);
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "copy %-18s matched now (thumbnail hash of original) %d/%d (%.1f %%), before (full hash) %d/%d%n",
                    HashBench.KINDS[k], matchedNow[k], copies[k], 100.0 * matchedNow[k] / Math.max(1, copies[k]), matchedBefore[k], copies[k]);
        }
        HashBench.printPairs(rows.stream().map(Row::name).toList(), rows.stream().mapToLong(Row::full).toArray(),
                rows.stream().mapToLong(Row::used).toArray(), t);
    }
}
