package cn.evcheck.bench;

import cn.evcheck.check.Engine;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-check throughput against the cost of just reading the bytes, measured in the same run.
 * Not a unit test. Run:
 * {@code ./mvnw -q -DskipTests package test-compile &&
 * java -cp target/test-classes:target/evcheck.jar cn.evcheck.bench.ScanBenchmark [photos] [reports]}
 */
public final class ScanBenchmark {
    public static void main(String[] args) throws Exception {
        int photos = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path root = Files.createTempDirectory("evcheck-bench");
        Pkg p = new Pkg(root);
        String[] cats = {"关爱空巢老人", "留守儿童", "困境儿童", "困难群体"};
        for (int i = 0; i < photos; i++) {
            Jpegs.Exif e = new Jpegs.Exif();
            int month = 1 + i % 12;
            e.xpComment = "时间：2019年" + month + "月5日 单位：青口中心卫生院 服务对象：空巢老人 关爱内容：测量血压";
            e.dateTimeOriginal = String.format(Locale.ROOT, "2019:%02d:05 10:00:00", month);
            p.file("III-15-2-1/图片/" + cats[i % cats.length] + "/p" + i + ".jpg",
                    Jpegs.withMetadata(Jpegs.image(1600, 1200, i, 0.85f), e, null, null));
        }
        for (int i = 0; i < reports; i++) {
            p.file("III-15-2-1/说明报告/" + cats[i % cats.length] + i + ".docx", Docs.docx(Docs.prose(300 + i)));
        }
        RuleSet rules = RuleLoader.load(("""
                evcheck: 1
                id: bench
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - id: III-15-2-1
                    categories: [关爱空巢老人, 留守儿童, 困境儿童, 困难群体]
                    materials:
                      - {kind: report, each: category, words: 300}
                      - {kind: photos, each: category, min: 1, per: month, caption: [time, unit, beneficiary, content]}
                """).getBytes(StandardCharsets.UTF_8), "bench", "bench");
        long bytes;
        try (Stream<Path> s = Files.walk(root)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "package: %d photos (1600x1200), %d docx, %.1f MB%n", photos, reports, bytes / 1e6);
        for (int warm = 0; warm < 2; warm++) {
            readAll(root);
            Engine.run("", root, rules, LocalDate.of(2019, 12, 31), 2, cn.evcheck.inspect.Progress.NONE);
        }
        int rounds = 5;
        double read = 0;
        double one = 0;
        double two = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            readAll(root);
            long t1 = System.nanoTime();
            Engine.run("", root, rules, LocalDate.of(2019, 12, 31), 1, cn.evcheck.inspect.Progress.NONE);
            long t2 = System.nanoTime();
            Engine.run("", root, rules, LocalDate.of(2019, 12, 31), 2, cn.evcheck.inspect.Progress.NONE);
            long t3 = System.nanoTime();
            read += (t1 - t0) / 1e6;
            one += (t2 - t1) / 1e6;
            two += (t3 - t2) / 1e6;
        }
        read /= rounds;
        one /= rounds;
        two /= rounds;
        System.out.printf(Locale.ROOT, "read all bytes (baseline): %8.1f ms%n", read);
        System.out.printf(Locale.ROOT, "evcheck, 1 thread:        %8.1f ms  = %.2f x baseline, %.0f files/s%n", one, one / read,
                (photos + reports) / (one / 1000));
        System.out.printf(Locale.ROOT, "evcheck, 2 threads:       %8.1f ms  = %.2f x baseline, %.0f files/s%n", two, two / read,
                (photos + reports) / (two / 1000));
    }

    private static void readAll(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) Files.readAllBytes(f);
        }
    }

    private ScanBenchmark() {}
}
