package cn.evcheck.fix;

import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.rules.Model.PhotoDefaults;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.stream.Stream;

/**
 * What {@code evcheck fix} does to real phone-size photos, and how long it takes: every JPEG of a
 * folder (e.g. metadata-extractor's image corpus, not committed) goes through {@link PhotoFix} as a
 * {@code photo.too_large} fix against the usual 2M rule. Photos over 2,000,000 bytes are the sample;
 * when there are fewer than N, copies of the largest other decodable ones are made phone-size
 * (long side 4000 px, quality 95, their own EXIF/XMP/IPTC put back) until there are N — said in the output.
 * Every other file of the folder (small, fuzzed, broken) is put through the same fix once, to show
 * it is reported, never a crash. For each fixed photo it checks: at most the limit, decodes, not
 * upscaled, DateTimeOriginal and captions kept. Times are wall-clock, one thread, after a warm-up.
 *
 * <pre>
 * ./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt test-compile
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) cn.evcheck.fix.FixBenchmark DIR [N]
 * </pre>
 */
public final class FixBenchmark {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: FixBenchmark DIR [N]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int want = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        ImageIO.setUseCache(false);
        Fixer.Limits lim = Fixer.Limits.of(new PhotoDefaults(List.of("jpg", "jpeg"), 2_097_152, 2_000_001, 640));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jpe?g")).sorted().toList();
        }
        Map<String, byte[]> sample = new LinkedHashMap<>();
        List<Path> others = new ArrayList<>();
        for (Path p : files) {
            if (Files.size(p) > 2_000_000) sample.put(p.getFileName().toString(), Files.readAllBytes(p));
            else others.add(p);
        }
        int real = sample.size();
        // Phone-size copies of the largest other photos that decode, until N.
        List<Path> bySize = new ArrayList<>(others);
        bySize.sort(Comparator.comparingLong((Path p) -> pixels(p)).reversed().thenComparing(Path::toString));
        int made = 0;
        for (Path p : bySize) {
            if (sample.size() >= want) break;
            byte[] b = Files.readAllBytes(p);
            byte[] big = phoneSize(b);
            if (big == null || big.length <= 2_000_000) continue;
            sample.put(p.getFileName() + " (4000 px copy)", big);
            made++;
        }
        System.out.printf(Locale.ROOT, "%d JPEGs in %s; %d over 2,000,000 bytes as they are, %d made phone-size (long side 4000 px, q95)%n",
                files.size(), dir, real, made);

        // Warm-up on a few, not timed.
        Iterator<byte[]> it = sample.values().iterator();
        for (int i = 0; i < 3 && it.hasNext(); i++) PhotoFix.fix(it.next(), true, EnumSet.of(PhotoFix.Action.RESIZE), null, lim.budget(), lim.limit(), lim.minLongSide());

        List<Double> ms = new ArrayList<>();
        Map<Integer, Integer> qualities = new TreeMap<>();
        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        int downscaled = 0;
        int fixed = 0;
        int turned = 0;
        List<String> failures = new ArrayList<>();
        String worst = null;
        double worstMs = 0;
        for (Map.Entry<String, byte[]> e : sample.entrySet()) {
            byte[] b = e.getValue();
            PhotoFacts pf = JpegInspector.inspect(b, true);
            long t0 = System.nanoTime();
            PhotoFix.Result r = PhotoFix.fix(b, true, EnumSet.of(PhotoFix.Action.RESIZE), null, lim.budget(), lim.limit(), lim.minLongSide());
            double t = (System.nanoTime() - t0) / 1e6;
            if (r.bytes() == null) {
                failures.add(e.getKey() + ": " + r.problem() + (pf.problem() != null ? " (evcheck check: photo.corrupt " + pf.problem() + ")" : ""));
                continue;
            }
            String bad = verify(pf, r, lim.limit());
            if (bad != null) {
                failures.add(e.getKey() + ": CHECK FAILED " + bad);
                continue;
            }
            fixed++;
            ms.add(t);
            if (t > worstMs) {
                worstMs = t;
                worst = e.getKey();
            }
            qualities.merge(r.quality(), 1, Integer::sum);
            before.add((long) b.length);
            after.add((long) r.bytes().length);
            if (r.newWidth() * (long) r.newHeight() < r.width() * (long) r.height()) downscaled++;
            if (r.notes().contains("turned_upright")) turned++;
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "fixed %d of %d; ms per photo: median %.0f, 90th percentile %.0f, worst %.0f (%s)%n",
                fixed, sample.size(), pct(ms, 50), pct(ms, 90), worstMs, worst);
        System.out.println("quality chosen (quality=photos): " + qualities);
        System.out.printf(Locale.ROOT, "bytes before: median %.2f MB, max %.2f MB; after: median %.2f MB, max %d bytes (limit %d)%n",
                median(before) / 1048576.0, Collections.max(before) / 1048576.0, median(after) / 1048576.0, Collections.max(after), lim.limit());
        System.out.printf(Locale.ROOT, "downscaled: %d; turned upright by EXIF orientation: %d%n", downscaled, turned);
        for (String f : failures) System.out.println("  not fixed: " + f);

        // Everything else, small or broken: reported, never a crash.
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Path p : others) {
            byte[] b = Files.readAllBytes(p);
            String outcome;
            try {
                PhotoFix.Result r = PhotoFix.fix(b, true, EnumSet.of(PhotoFix.Action.RESIZE), null, lim.budget(), lim.limit(), lim.minLongSide());
                if (r.bytes() == null) {
                    outcome = "reported: " + r.problem();
                } else {
                    String bad = verify(JpegInspector.inspect(b, true), r, lim.limit());
                    outcome = bad == null ? "re-encoded, checked" : "CHECK FAILED: " + bad;
                }
            } catch (Throwable t) {
                outcome = "CRASH " + t;
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("the other " + others.size() + " files through the same fix: " + outcomes);
    }

    /** Null when the fixed copy holds what fix promises, else what it breaks. */
    static String verify(PhotoFacts before, PhotoFix.Result r, long limit) throws Exception {
        byte[] out = r.bytes();
        if (out.length > limit) return "over the limit: " + out.length;
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out));
        if (img == null) return "does not decode";
        long w0 = Math.max(r.width(), r.height());
        if (Math.max(img.getWidth(), img.getHeight()) > w0) return "upscaled";
        PhotoFacts after = JpegInspector.inspect(out, true);
        if (after.problem() != null) return "problem " + after.problem();
        if (!Objects.equals(before.exifDate(), after.exifDate())) return "date " + before.exifDate() + " -> " + after.exifDate();
        Set<String> a = new TreeSet<>();
        before.captions().forEach(c -> a.add(c.text()));
        Set<String> b = new TreeSet<>();
        after.captions().forEach(c -> b.add(c.text()));
        if (!a.equals(b)) return "captions " + a + " -> " + b;
        return null;
    }

    private static long pixels(Path p) {
        try {
            byte[] head = Files.readAllBytes(p);
            PhotoFacts pf = JpegInspector.inspect(head, true);
            return pf.problem() != null ? 0 : (long) pf.width() * pf.height();
        } catch (Exception e) {
            return 0;
        }
    }

    /** A copy with long side 4000 px at quality 95 and the original's metadata segments, or null. */
    private static byte[] phoneSize(byte[] b) {
        try {
            JpegSegments s = JpegSegments.parse(b);
            if (s.components() == 4) return null;
            BufferedImage img = Encoder.decode(b);
            double f = 4000.0 / Math.max(img.getWidth(), img.getHeight());
            if (f <= 1) return null;
            BufferedImage up = new BufferedImage((int) Math.round(img.getWidth() * f), (int) Math.round(img.getHeight() * f),
                    BufferedImage.TYPE_INT_RGB);
            var g = up.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(img, 0, 0, up.getWidth(), up.getHeight(), null);
            g.dispose();
            byte[] tiff = s.exif();
            if (tiff != null && ExifEdit.orientation(tiff) != 1) return null;   // keep the sample's orientation simple
            if (tiff != null && tiff.length + 6 > JpegSegments.MAX_PAYLOAD) return null;
            return JpegSegments.splice(Encoder.encode(up, 95), tiff, s.xmp(), s.iptc());
        } catch (Exception e) {
            return null;
        }
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long median(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.isEmpty() ? 0 : s.get(s.size() / 2);
    }
}
