package cn.evcheck.bench;

import cn.evcheck.inspect.ScanDetector;
import cn.evcheck.testkit.Scans;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * Time to analyse one A4 page scanned at 300 dpi (2480×3508, red header and seal), as drawn and after a
 * JPEG round trip (the decoder's TYPE_3BYTE_BGR). The budget is 20 ms per page on one idle core; the
 * test suite checks only the answers ({@code ScanDetectorTest}), never the time. Not a unit test. Run:
 * {@code ./mvnw -q -DskipTests package test-compile &&
 * java -cp target/test-classes:target/evcheck.jar cn.evcheck.bench.ScanDetectorBenchmark [runs]}
 */
public final class ScanDetectorBenchmark {
    private static final double BUDGET_MS = 20;

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        BufferedImage rgb = Scans.redHeader(700, Scans.Header.of(Scans.AUTHORITIES.get(0)).dpi(300).seal(true)).image();
        BufferedImage jpeg = Scans.jpegRoundTrip(rgb, 0.85f);
        for (BufferedImage img : new BufferedImage[]{rgb, jpeg}) {
            for (int i = 0; i < runs; i++) ScanDetector.analyse(img);
            double[] ms = new double[runs];
            ScanDetector.Result r = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                r = ScanDetector.analyse(img);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double mean = Arrays.stream(ms).average().orElse(0);
            System.out.printf(Locale.ROOT, "ScanDetector %dx%d %s: fastest %.2f ms, median %.2f ms, mean %.2f ms, max %.2f ms "
                            + "(budget %.0f ms%s), analysed at %dx%d, header %b, seal %b%n",
                    img.getWidth(), img.getHeight(), typeName(img.getType()), ms[0], ms[runs / 2], mean, ms[runs - 1],
                    BUDGET_MS, ms[runs / 2] > BUDGET_MS ? ", median OVER" : "", r.analysedWidth(), r.analysedHeight(), r.redHeader(), r.seal());
        }
    }

    private static String typeName(int type) {
        return switch (type) {
            case BufferedImage.TYPE_INT_RGB -> "TYPE_INT_RGB";
            case BufferedImage.TYPE_3BYTE_BGR -> "TYPE_3BYTE_BGR (JPEG decode)";
            default -> "type " + type;
        };
    }

    private ScanDetectorBenchmark() {}
}
