package cn.evcheck.bench;

import cn.evcheck.check.photo.DuplicatePhotoCheck;
import cn.evcheck.inspect.DcImage;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.inspect.Pixels;
import cn.evcheck.testkit.Jpegs;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Whether the DC-image hash ({@link DcImage}: luminance DC coefficients only, 1/8 scale, no IDCT) can
 * stand in for the subsampled-decode hash of a photo without a trusted EXIF thumbnail, measured on a
 * folder of real camera JPEGs (e.g. the metadata-extractor image corpus extracted to /tmp). Not a unit
 * test. Prints:
 * <ol>
 * <li>how many decodable JPEGs the DC path reads, and why the rest fall back to ImageIO (frame type);</li>
 * <li>the Hamming distance between the DC hash and the subsampled-decode hash of the same photo
 *     (median, 90th/95th percentile, max, share within {@link DuplicatePhotoCheck#NEAR_DUPLICATE_BITS});</li>
 * <li>for re-saved (q 0.9), 50 %-resized, recompressed (q 0.6) and 5 %-cropped copies made with ImageIO,
 *     how many still match the original by DC hash (copy's DC hash against the original's), and by
 *     subsampled-decode hash (before);</li>
 * <li>pairs of distinct files matched by decode hashes (before) and by the hashes evcheck now uses
 *     (DC where it reads, else decode), and the pairs matched now but not before;</li>
 * <li>CPU per photo (thread CPU time, after a warm-up round, median of the rounds): DC hash against
 *     subsampled decode + hash, over the photos the DC path reads.</li>
 * </ol>
 * Run: {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) cn.evcheck.bench.DcHashBenchmark DIR [rounds [nocopies]]}
 */
public final class DcHashBenchmark {
    record Row(String name, Path path, int w, int h, long full, Long dc) {
        long used() {
            return dc != null ? dc : full;
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean makeCopies = args.length <= 2 || !args[2].equals("nocopies");
        List<Path> files = HashBench.jpegs(dir, Integer.MAX_VALUE);
        int t = DuplicatePhotoCheck.NEAR_DUPLICATE_BITS;
        int[] hist = new int[65];
        int skipped = 0;
        TreeMap<String, Integer> fallback = new TreeMap<>();
        int[] copies = new int[4], matchedDc = new int[4], matchedBefore = new int[4], copyFallback = new int[4];
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
            Long dc = DcImage.phash(b);
            String name = f.getFileName().toString();
            rows.add(new Row(name, f, pf.width(), pf.height(), full, dc));
            if (dc == null) {
                fallback.merge(DcImage.read(b) != null ? "short side under 512 px" : frameType(b), 1, Integer::sum);
                continue;
            }
            int d = Pixels.distance(full, dc);
            hist[d]++;
            if (d > t) far.add(name + " (" + d + " bits, " + pf.width() + "x" + pf.height() + ")");
            if (!makeCopies) continue;
            BufferedImage[] made = HashBench.copies(b);
            if (made == null) continue;
            for (int k = 0; k < 4; k++) {
                byte[] copy = Jpegs.encode(made[k], HashBench.QUALITIES[k]);
                BufferedImage c = made[k];
                long copyFull = Pixels.phash(Pixels.decodeSmall(copy, c.getWidth(), c.getHeight(), 64));
                Long copyDc = DcImage.phash(copy);
                copies[k]++;
                if (copyDc == null) copyFallback[k]++;
                long copyUsed = copyDc != null ? copyDc : copyFull;
                if (Pixels.distance(copyUsed, dc) <= t) matchedDc[k]++;
                if (Pixels.distance(copyFull, full) <= t) matchedBefore[k]++;
            }
        }
        int n = rows.size();
        int handled = 0;
        for (int d = 0; d <= 64; d++) handled += hist[d];
        System.out.printf(Locale.ROOT, "files %d, decodable %d, skipped %d (corrupt, refused, undecodable)%n", files.size(), n, skipped);
        System.out.printf(Locale.ROOT, "DC path reads %d of %d (%.1f %%); falls back to ImageIO for %d: %s%n", handled, n,
                100.0 * handled / Math.max(1, n), n - handled, fallback);
        HashBench.printDistances("DC vs subsampled-decode", hist, t, far);
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "copy %-18s matched by DC hash %d/%d (%.1f %%; copies the DC path could not read: %d),"
                            + " by decode hash (before) %d/%d%n",
                    HashBench.KINDS[k], matchedDc[k], copies[k], 100.0 * matchedDc[k] / Math.max(1, copies[k]), copyFallback[k],
                    matchedBefore[k], copies[k]);
        }
        HashBench.printPairs(rows.stream().map(Row::name).toList(), rows.stream().mapToLong(Row::full).toArray(),
                rows.stream().mapToLong(Row::used).toArray(), t);
        cpu(rows.stream().filter(r -> r.dc() != null).toList(), rounds);
    }

    /** Thread CPU per photo: DC hash against subsampled decode + hash, medians over {@code rounds} after a warm-up. */
    static void cpu(List<Row> rows, int rounds) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] dcMs = new double[rounds], ioMs = new double[rounds];
        long mp = 0;
        for (Row r : rows) mp += (long) r.w() * r.h();
        for (int round = 0; round <= rounds; round++) {
            long dcNs = 0, ioNs = 0;
            for (Row r : rows) {
                byte[] b = Files.readAllBytes(r.path());
                long c0 = mx.getCurrentThreadCpuTime();
                Long dc = DcImage.phash(b);
                long c1 = mx.getCurrentThreadCpuTime();
                long full = Pixels.phash(Pixels.decodeSmall(b, r.w(), r.h(), 64));
                long c2 = mx.getCurrentThreadCpuTime();
                if (dc == null || full != r.full()) throw new IllegalStateException(r.name());
                dcNs += c1 - c0;
                ioNs += c2 - c1;
            }
            if (round == 0) continue;
            dcMs[round - 1] = dcNs / 1e6 / rows.size();
            ioMs[round - 1] = ioNs / 1e6 / rows.size();
            System.out.printf(Locale.ROOT, "round %d: CPU per photo DC %.2f ms, ImageIO subsampled %.2f ms, ratio DC/ImageIO %.3f%n",
                    round, dcMs[round - 1], ioMs[round - 1], dcMs[round - 1] / ioMs[round - 1]);
        }
        Arrays.sort(dcMs);
        Arrays.sort(ioMs);
        double dc = dcMs[rounds / 2], io = ioMs[rounds / 2];
        System.out.printf(Locale.ROOT, "%d photos read by the DC path (mean %.1f MP): median CPU per photo DC %.2f ms, ImageIO %.2f ms,"
                + " DC/ImageIO %.2f (%.1fx less)%n", rows.size(), mp / 1e6 / Math.max(1, rows.size()), dc, io, dc / io, io / dc);
    }

    /** The first frame marker's name (SOF0 … SOF15), or "no frame". */
    static String frameType(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int m = b[i + 1] & 0xFF;
            if (m == 0xFF) {
                i++;
                continue;
            }
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                int comps = i + 9 < b.length ? b[i + 9] & 0xFF : -1;
                int bits = i + 4 < b.length ? b[i + 4] & 0xFF : -1;
                return "SOF" + (m - 0xC0) + (m <= 0xC1 ? " " + comps + " comp " + bits + "-bit" : "");
            }
            if (m == 0xDA || m == 0xD9) break;
            i += 2 + (((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF));
        }
        return "no frame";
    }
}
