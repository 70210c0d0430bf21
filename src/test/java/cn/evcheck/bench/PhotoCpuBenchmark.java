package cn.evcheck.bench;

import cn.evcheck.check.photo.DuplicatePhotoCheck;
import cn.evcheck.inspect.DcImage;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Inspector;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.Pixels;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.testkit.Jpegs;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CPU per phone-size photo (4000×3000, ~3 MB, EXIF date, caption and a 160×120 thumbnail), inspected
 * as a counted photo: the whole-file read (every byte read, SHA-256, full subsampled decode — what
 * evcheck did before issue 13) against the header-first read ({@link Inspector#inspect}: head, tail,
 * thumbnail hash, fingerprint), and header-first on the same photos written without a thumbnail (the
 * DC-image hash, {@link DcImage}); and, for those, the hash alone from the bytes in memory: DC image
 * against the subsampled ImageIO decode evcheck used before (and still uses where the DC path cannot
 * read a file). Thread CPU time of one thread, files in the page cache, medians over the rounds. Not a unit test.
 * Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt) cn.evcheck.bench.PhotoCpuBenchmark [photos] [rounds]}
 */
public final class PhotoCpuBenchmark {
    private static FileEntry entry(Path p, long size) {
        String name = p.getFileName().toString();
        return new FileEntry(p, name, name, "jpg", size, FileType.JPEG, null, null, null, null, List.of());
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("evcheck-photo-cpu");
        List<FileEntry> files = new ArrayList<>();
        List<FileEntry> bare = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            BufferedImage img = Jpegs.picture(4000, 3000, i);
            Jpegs.Exif e = new Jpegs.Exif();
            e.xpComment = "时间：2019年5月5日 单位：青口中心卫生院 服务对象：空巢老人 关爱内容：测量血压";
            e.dateTimeOriginal = "2019:05:05 10:00:00";
            e.thumbnail = Jpegs.thumbnail(img, 160, 120);
            byte[] b = Jpegs.withMetadata(Jpegs.encode(img, 0.80f), e, null, null);
            Path p = dir.resolve("p" + i + ".jpg");
            Files.write(p, b);
            bytes += b.length;
            files.add(entry(p, b.length));
            e.thumbnail = null;
            byte[] nb = Jpegs.withMetadata(Jpegs.encode(img, 0.80f), e, null, null);
            Path q = dir.resolve("bare" + i + ".jpg");
            Files.write(q, nb);
            bare.add(entry(q, nb.length));
        }
        System.out.printf(Locale.ROOT, "%d photos 4000x3000, mean %.2f MB%n", n, bytes / 1e6 / n);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Inspector.Needs needs = new Inspector.Needs(true, false, false, false);
        double[] noThumbs = new double[rounds], dcs = new double[rounds], ios = new double[rounds];
        for (int r = 0; r <= rounds; r++) {   // round 0 warms up
            long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            for (FileEntry f : files) {
                if (JpegInspector.inspect(f.readAll(Long.MAX_VALUE), true, true).phash() == null) throw new IllegalStateException();
            }
            long c1 = mx.getCurrentThreadCpuTime(), w1 = System.nanoTime();
            for (FileEntry f : files) {
                Facts fx = Inspector.inspect(f, needs);
                if (fx.photo() == null || fx.photo().phash() == null) throw new IllegalStateException(String.valueOf(fx));
            }
            long c2 = mx.getCurrentThreadCpuTime(), w2 = System.nanoTime();
            for (FileEntry f : bare) {
                Facts fx = Inspector.inspect(f, needs);
                if (fx.photo() == null || fx.photo().phash() == null) throw new IllegalStateException(String.valueOf(fx));
            }
            long c3 = mx.getCurrentThreadCpuTime();
            // The hash of a photo without a thumbnail alone, bytes in memory: DC image against subsampled decode.
            long dcNs = 0, ioNs = 0;
            for (FileEntry f : bare) {
                byte[] b = f.readAll(Long.MAX_VALUE);
                long d0 = mx.getCurrentThreadCpuTime();
                Long dc = DcImage.phash(b);
                long d1 = mx.getCurrentThreadCpuTime();
                long io = Pixels.phash(Pixels.decodeSmall(b, 4000, 3000, 64));
                long d2 = mx.getCurrentThreadCpuTime();
                if (dc == null) throw new IllegalStateException("DC path refused " + f);
                if (Pixels.distance(dc, io) > DuplicatePhotoCheck.NEAR_DUPLICATE_BITS) throw new IllegalStateException("hashes differ " + f);
                dcNs += d1 - d0;
                ioNs += d2 - d1;
            }
            if (r == 0) continue;
            double before = (c1 - c0) / 1e6 / n, after = (c2 - c1) / 1e6 / n, noThumb = (c3 - c2) / 1e6 / n;
            double dcMs = dcNs / 1e6 / n, ioMs = ioNs / 1e6 / n;
            noThumbs[r - 1] = noThumb;
            dcs[r - 1] = dcMs;
            ios[r - 1] = ioMs;
            System.out.printf(Locale.ROOT, "round %d: CPU per photo whole-file %.1f ms, header-first %.2f ms, ratio %.0fx; wall %.1f / %.2f ms;"
                            + " header-first without a thumbnail (DC-image hash) %.1f ms; hash alone: DC %.2f ms, ImageIO subsampled %.1f ms,"
                            + " DC/ImageIO %.3f%n",
                    r, before, after, before / after, (w1 - w0) / 1e6 / n, (w2 - w1) / 1e6 / n, noThumb, dcMs, ioMs, dcMs / ioMs);
        }
        java.util.Arrays.sort(noThumbs);
        java.util.Arrays.sort(dcs);
        java.util.Arrays.sort(ios);
        System.out.printf(Locale.ROOT, "medians of %d rounds: header-first without a thumbnail %.1f ms; hash alone DC %.2f ms, ImageIO %.1f ms,"
                + " DC/ImageIO %.3f (%.1fx less)%n", rounds, noThumbs[rounds / 2], dcs[rounds / 2], ios[rounds / 2],
                dcs[rounds / 2] / ios[rounds / 2], ios[rounds / 2] / dcs[rounds / 2]);
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }
}
