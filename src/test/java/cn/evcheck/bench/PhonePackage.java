package cn.evcheck.bench;

import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Scans;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A realistic evidence package for the benchmark ({@code bench/run.sh}): N photos at phone size
 * (4000×3000, textured so that they weigh ~2–4 MB like a phone's, EXIF date, Windows caption and a 160×120
 * EXIF thumbnail),
 * a report per 20 photos, a red-header scan per 50 photos. The same N gives the same bytes.
 * Painting and encoding a 12-megapixel photo costs about half a second of CPU, so beyond the first
 * {@link #DISTINCT} photos each further one reuses the compressed pixels of photo {@code i % DISTINCT} under
 * its own EXIF (date, caption and a thumbnail painted for it): every file is still its own bytes on
 * disk (distinct head, so no two are candidate copies), and evcheck, which reads photos header first,
 * does the same work on it; N = 10,000 is generated in minutes instead of an hour.
 * Not a test. {@code java -cp target/test-classes:target/evcheck.jar cn.evcheck.bench.PhonePackage N DIR}
 */
public final class PhonePackage {
    static final String ITEM = "III-15-2-1";
    static final String[] CATEGORIES = {"关爱空巢老人", "留守儿童", "困境儿童", "困难群体"};

    public static final String RULES = """
            evcheck: 1
            id: bench-phone
            period: {from: 2019-01-01, to: 2020-12-31}
            items:
              - id: III-15-2-1
                categories: [关爱空巢老人, 留守儿童, 困境儿童, 困难群体]
                materials:
                  - {kind: report, each: category, words: 300}
                  - {kind: photos, each: category, min: 1, per: month, caption: [time, unit, beneficiary, content]}
                  - {kind: formal_doc, min: 1}
            """;

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path root = Path.of(args[1]);
        Files.createDirectories(root);
        Files.writeString(root.resolveSibling("rules.yaml"), RULES);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        int distinct = Math.min(n, DISTINCT);
        run(pool, 0, distinct, k -> photo(root, k, null));
        run(pool, distinct, n, k -> photo(root, k, path(root, k % distinct)));
        for (int i = 0; i < Math.max(1, n / 20); i++) {
            Path f = root.resolve(ITEM + "/说明报告/" + CATEGORIES[i % 4] + "-" + i + ".docx");
            Files.createDirectories(f.getParent());
            Files.write(f, Docs.docx(Docs.prose(280 + i % 60)));
        }
        for (int i = 0; i < Math.max(1, n / 50); i++) {
            Path f = root.resolve(ITEM + "/正式发文/通知" + i + ".jpg");
            Files.createDirectories(f.getParent());
            Files.write(f, Jpegs.encode(Scans.redHeaderPage(i, "连云港市赣榆区卫生健康委员会文件", "赣卫〔2019〕" + (i + 1) + "号",
                    true, Scans.RED, 0, 2), 0.85f));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        System.out.println("wrote " + n + " photos under " + root);
    }

    /** Photos painted and encoded whole; the rest reuse their compressed pixels. */
    static final int DISTINCT = 1000;

    interface Job {
        void run(int i) throws Exception;
    }

    /** Runs {@code job} for {@code from ≤ i < to} on the pool and waits for all of them. */
    static void run(ExecutorService pool, int from, int to, Job job) throws Exception {
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = from; i < to; i++) {
            int k = i;
            done.add(pool.submit(() -> {
                job.run(k);
                return null;
            }));
        }
        for (var f : done) f.get();
    }

    static Path path(Path root, int i) {
        int month = 1 + i % 12;
        int year = 2019 + (i / 12) % 2;
        String cat = CATEGORIES[i % CATEGORIES.length];
        return root.resolve(String.format(Locale.ROOT, "%s/图片/%s/IMG_%d%02d05_%05d.jpg", ITEM, cat, year, month, i));
    }

    /** Photo {@code i}; painted and encoded, or with the compressed pixels of the photo at {@code pixelsOf}. */
    static void photo(Path root, int i, Path pixelsOf) throws Exception {
        int month = 1 + i % 12;
        int year = 2019 + (i / 12) % 2;
        String cat = CATEGORIES[i % CATEGORIES.length];
        Path f = path(root, i);
        if (Files.exists(f)) return;
        Jpegs.Exif e = new Jpegs.Exif();
        e.xpComment = "时间：" + year + "年" + month + "月5日 单位：青口中心卫生院 服务对象：" + cat.substring(2) + " 关爱内容：测量血压";
        e.dateTimeOriginal = String.format(Locale.ROOT, "%d:%02d:05 10:%02d:00", year, month, i % 60);
        Files.createDirectories(f.getParent());
        if (pixelsOf == null) {
            BufferedImage img = Jpegs.picture(4000, 3000, i);
            e.thumbnail = Jpegs.thumbnail(img, 160, 120);   // phones write a 160×120 EXIF thumbnail
            Files.write(f, Jpegs.withMetadata(Jpegs.encode(img, 0.88f), e, null, null));
        } else {
            e.thumbnail = Jpegs.thumbnail(Jpegs.picture(400, 300, i), 160, 120);
            byte[] b = Files.readAllBytes(pixelsOf);
            if ((b[2] & 0xFF) != 0xFF || (b[3] & 0xFF) != 0xE1) throw new IllegalStateException("no EXIF first in " + pixelsOf);
            int app1 = 4 + (((b[4] & 0xFF) << 8) | (b[5] & 0xFF));   // withMetadata put the EXIF segment right after SOI
            byte[] plain = new byte[b.length - app1 + 2];
            plain[0] = (byte) 0xFF;
            plain[1] = (byte) 0xD8;
            System.arraycopy(b, app1, plain, 2, b.length - app1);
            Files.write(f, Jpegs.withMetadata(plain, e, null, null));
        }
    }
}
