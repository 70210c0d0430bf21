package cn.evcheck.inspect;

import cn.evcheck.testkit.Marker;
import cn.evcheck.testkit.Scans;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time {@link MarkFinder} adds to {@link ScanDetector} on one A4 scan (red header, seal, a pen box and
 * a highlighter stroke), at 150 and 300 dpi: it reads the cells ScanDetector already averaged, so the
 * page is decoded and sampled once. Not a unit test ({@code MarkFinderTest} checks the answers). Run:
 * {@code ./mvnw -q -DskipTests package test-compile &&
 * java -cp target/test-classes:target/evcheck.jar cn.evcheck.inspect.MarkFinderBenchmark [runs]}
 */
public final class MarkFinderBenchmark {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        for (int dpi : new int[]{150, 300}) {
            BufferedImage page = Scans.redHeader(700, Scans.Header.of(Scans.AUTHORITIES.get(0)).dpi(dpi).seal(true)).image();
            List<Marker.Line> lines = Marker.lines(page, 0.4);
            Marker.box(page, lines, 1, 2, Marker.BLUE_PEN, 1);
            Marker.highlight(page, lines.get(4), 0.1, 0.7, Marker.YELLOW_HIGHLIGHTER, 2);
            ScanDetector.Analysis a = ScanDetector.analysis(page);
            for (int i = 0; i < runs; i++) MarkFinder.find(a, 1);
            double[] ms = new double[runs];
            Marks m = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                m = MarkFinder.find(a, 1);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "MarkFinder %d dpi (%dx%d cells): fastest %.2f ms, median %.2f ms, max %.2f ms; %s%n",
                    dpi, a.cells().w(), a.cells().h(), ms[0], ms[runs / 2], ms[runs - 1], m.summary());
        }
    }

    private MarkFinderBenchmark() {}
}
