package cn.evcheck.inspect;

import cn.evcheck.testkit.Scans;
import cn.evcheck.testkit.Scans.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static cn.evcheck.testkit.Scans.AUTHORITIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The red-header and seal detectors on a labelled synthetic corpus (see {@link Scans}). By contract a
 * red title without a visible rule is not a red header; those pages are labelled negative.
 */
class ScanDetectorTest {
    private record Case(String name, Supplier<BufferedImage> image, boolean header, boolean seal) {}

    private record Outcome(Case c, ScanDetector.Result r, double ms) {}

    private static final String[] NUMBERS = {
            "赣卫〔2020〕44号", "连政发〔2019〕112号", "赣文明委〔2020〕3号", "连宣发〔2019〕27号",
            "苏民发〔2020〕8号", "赣教〔2019〕156号", "连文明办〔2020〕19号",
    };
    private static final String[] KINDS = {"flag", "banner", "lantern", "crowd"};

    private static final Map<String, Outcome> OUTCOMES = new LinkedHashMap<>();

    private static Header header(int i) {
        return Header.of(AUTHORITIES.get(i % AUTHORITIES.size())).number(NUMBERS[i % NUMBERS.length]);
    }

    private static List<Case> corpus() {
        List<Case> cs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int s = i;
            cs.add(new Case("header/standard/" + i, () -> Scans.redHeader(100 + s, header(s)).image(), true, false));
        }
        for (int i = 0; i < 2; i++) {
            int s = i;
            cs.add(new Case("header/no-number/" + i, () -> Scans.redHeader(110 + s, header(s).number(null)).image(), true, false));
        }
        cs.add(new Case("header/classified/0", () -> Scans.classifiedRedHeaderPage(120, AUTHORITIES.get(1), NUMBERS[1], "机密★1年"), true, false));
        cs.add(new Case("header/classified/1", () -> Scans.classifiedRedHeaderPage(121, AUTHORITIES.get(3), NUMBERS[3], "绝密★长期"), true, false));
        double[] angles = {3, -3, 1.5, -4.5};
        for (int i = 0; i < angles.length; i++) {
            int s = i;
            cs.add(new Case("header/rotated" + angles[i] + "/" + i, () -> Scans.redHeader(130 + s, header(s + 2).rotate(angles[s])).image(), true, false));
        }
        double[] noises = {12, 20, 28};
        for (int i = 0; i < noises.length; i++) {
            int s = i;
            cs.add(new Case("header/noise" + noises[i] + "/" + i, () -> Scans.redHeader(140 + s, header(s + 3).noise(noises[s])).image(), true, false));
        }
        String[] redNames = {"pale", "orange", "dark"};
        Color[] reds = {Scans.PALE_RED, Scans.ORANGE_RED, Scans.DARK_RED};
        for (int c = 0; c < reds.length; c++) {
            for (int i = 0; i < 3; i++) {
                int s = 150 + 3 * c + i;
                Color red = reds[c];
                cs.add(new Case("header/" + redNames[c] + "/" + i, () -> Scans.redHeader(s, header(s).red(red).rotate(s % 2 == 0 ? 0 : -2)).image(), true, false));
            }
        }
        cs.add(new Case("header/jpeg50/0", () -> Scans.jpegRoundTrip(Scans.redHeader(160, header(0)).image(), 0.5f), true, false));
        cs.add(new Case("header/jpeg50-rotated/1", () -> Scans.jpegRoundTrip(Scans.redHeader(161, header(1).rotate(-2).noise(10)).image(), 0.5f), true, false));
        cs.add(new Case("header/jpeg50-pale/2", () -> Scans.jpegRoundTrip(Scans.redHeader(162, header(2).red(Scans.PALE_RED)).image(), 0.5f), true, false));
        cs.add(new Case("header/short/0", () -> Scans.redHeader(165, Header.of("国务院文件").number("国发〔2019〕5号")).image(), true, false));
        cs.add(new Case("header/short-pale/1", () -> Scans.redHeader(166, Header.of("赣榆区政府文件").red(Scans.PALE_RED)).image(), true, false));
        cs.add(new Case("header/rotated5/0", () -> Scans.redHeader(167, header(6).rotate(5)).image(), true, false));
        cs.add(new Case("header/100dpi/0", () -> Scans.redHeader(168, header(3).dpi(100)).image(), true, false));
        cs.add(new Case("header/300dpi/0", () -> Scans.redHeader(170, header(4).dpi(300)).image(), true, false));
        cs.add(new Case("header/300dpi-rotated-noisy/1", () -> Scans.redHeader(171, header(5).dpi(300).rotate(2).noise(15)).image(), true, false));
        for (int i = 0; i < 2; i++) {
            int s = i;
            cs.add(new Case("header+seal/" + i, () -> Scans.redHeader(180 + s, header(s).seal(true)).image(), true, true));
        }
        for (int i = 0; i < 4; i++) {
            int s = i;
            cs.add(new Case("no-rule(not a header)/" + i, () -> Scans.redHeader(190 + s, header(s).rule(false).rotate(s - 1.5)).image(), false, false));
        }
        for (int i = 0; i < 4; i++) {
            int s = i;
            cs.add(new Case("grey/header/" + i, () -> Scans.greyscale(Scans.redHeader(200 + s, header(s).rotate(s)).image()), false, false));
            cs.add(new Case("grey/seal/" + i, () -> Scans.greyscale(Scans.sealPage(210 + s, true, Scans.RED, s, 0)), false, false));
        }

        for (int i = 0; i < 6; i++) {
            int s = i;
            cs.add(new Case("seal/standard/" + i, () -> Scans.sealPage(300 + s, true, Scans.RED, 0, 0), false, true));
            cs.add(new Case("no-seal/" + i, () -> Scans.sealPage(300 + s, false, Scans.RED, s % 3 - 1, s * 4), false, false));
        }
        double[] sealAngles = {3, -3, 5};
        for (int i = 0; i < sealAngles.length; i++) {
            int s = i;
            cs.add(new Case("seal/rotated" + sealAngles[i] + "/" + i, () -> Scans.sealPage(310 + s, true, Scans.RED, sealAngles[s], 0), false, true));
        }
        for (int i = 0; i < 3; i++) {
            int s = i;
            cs.add(new Case("seal/faded/" + i, () -> Scans.sealPage(320 + s, true, Scans.FADED_SEAL, s - 1, 0), false, true));
            cs.add(new Case("seal/noise/" + i, () -> Scans.sealPage(330 + s, true, Scans.RED, 0, 12 + 8 * s), false, true));
        }
        cs.add(new Case("seal/jpeg50/0", () -> Scans.jpegRoundTrip(Scans.sealPage(340, true, Scans.RED, 0, 0), 0.5f), false, true));
        cs.add(new Case("seal/jpeg50-faded/1", () -> Scans.jpegRoundTrip(Scans.sealPage(341, true, Scans.FADED_SEAL, 2, 8), 0.5f), false, true));
        cs.add(new Case("seal/magenta/0", () -> Scans.sealPage(345, true, new Color(210, 40, 100), 1, 5), false, true));
        cs.add(new Case("seal/100dpi/0", () -> Scans.sealPage(346, true, Scans.RED, -1, 5, 100), false, true));
        cs.add(new Case("seal/300dpi/0", () -> Scans.sealPage(350, true, Scans.RED, 0, 0, 300), false, true));
        cs.add(new Case("seal/300dpi-faded-rotated/1", () -> Scans.sealPage(351, true, Scans.FADED_SEAL, -2, 10, 300), false, true));
        for (int i = 0; i < 2; i++) {
            int s = i;
            cs.add(new Case("seal/over-dense-text/" + i, () -> {
                BufferedImage page = Scans.plainTextPage(360 + s);
                Scans.addSeal(page, s, 450 + 300 * s, 800 + 200 * s, 236, "连云港市赣榆区卫生健康委员会", s == 0 ? Scans.RED : Scans.FADED_SEAL);
                return page;
            }, false, true));
        }

        for (int i = 0; i < 5; i++) {
            int s = i;
            cs.add(new Case("plain/" + i, () -> Scans.plainTextPage(400 + s), false, false));
        }
        for (int i = 0; i < 2; i++) {
            int s = i;
            cs.add(new Case("red-rule-without-title/" + i, () -> withRedLine(Scans.plainTextPage(410 + s), 380 + 40 * s), false, false));
        }
        for (String kind : KINDS) {
            for (int i = 0; i < 5; i++) {
                int s = i;
                cs.add(new Case("photo/" + kind + "/" + i, () -> Scans.activityPhoto(500 + s, kind), false, false));
            }
        }
        return cs;
    }

    private static BufferedImage withRedLine(BufferedImage page, int y) {
        Graphics2D g = page.createGraphics();
        g.setColor(Scans.RED);
        g.fillRect(165, y, 920, 4);
        g.dispose();
        return page;
    }

    @BeforeAll
    static void analyseCorpus() {
        ScanDetector.analyse(Scans.plainTextPage(1));
        for (Case c : corpus()) {
            BufferedImage img = c.image().get();
            long t0 = System.nanoTime();
            ScanDetector.Result r = ScanDetector.analyse(img);
            OUTCOMES.put(c.name(), new Outcome(c, r, (System.nanoTime() - t0) / 1e6));
        }
    }

    @Test
    void precisionAndRecallOnTheCorpus() {
        int[] header = new int[4];
        int[] seal = new int[4];
        double sumMs = 0;
        double maxMs = 0;
        StringBuilder misses = new StringBuilder();
        for (Outcome o : OUTCOMES.values()) {
            tally(header, o.c().header(), o.r().redHeader());
            tally(seal, o.c().seal(), o.r().seal());
            sumMs += o.ms();
            maxMs = Math.max(maxMs, o.ms());
            if (o.c().header() != o.r().redHeader() || o.c().seal() != o.r().seal()) {
                misses.append("  MISS ").append(o.c().name()).append(" -> ").append(o.r()).append('\n');
            }
        }
        int n = OUTCOMES.size();
        System.out.printf(Locale.ROOT, "ScanDetector corpus: %d images (%d red headers, %d seals)%n", n, header[0] + header[2], seal[0] + seal[2]);
        report("red header", header);
        report("seal      ", seal);
        double[] ms = OUTCOMES.values().stream().mapToDouble(Outcome::ms).sorted().toArray();
        System.out.printf(Locale.ROOT, "  time per page (150 dpi unless stated): median %.2f ms, mean %.2f ms, max %.2f ms; analysed at %s%n",
                ms[n / 2], sumMs / n, maxMs, resolutions());
        System.out.print(misses);
        assertTrue(n >= 80, "corpus size " + n);
        assertTrue(precision(header) >= 0.95 && recall(header) >= 0.95, "red header " + stats(header));
        assertTrue(precision(seal) >= 0.95 && recall(seal) >= 0.95, "seal " + stats(seal));
    }

    /** tp, fp, fn, tn */
    private static void tally(int[] t, boolean truth, boolean said) {
        t[truth ? (said ? 0 : 2) : (said ? 1 : 3)]++;
    }

    private static double precision(int[] t) {
        return t[0] + t[1] == 0 ? 1 : t[0] / (double) (t[0] + t[1]);
    }

    private static double recall(int[] t) {
        return t[0] + t[2] == 0 ? 1 : t[0] / (double) (t[0] + t[2]);
    }

    private static String stats(int[] t) {
        return String.format(Locale.ROOT, "precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)",
                precision(t), recall(t), t[0], t[1], t[2], t[3]);
    }

    private static void report(String what, int[] t) {
        System.out.println("  " + what + ": " + stats(t));
    }

    private static String resolutions() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Outcome o : OUTCOMES.values()) sizes.merge(o.r().analysedWidth() + "x" + o.r().analysedHeight(), 1, Integer::sum);
        return sizes.toString();
    }

    @Test
    void photosFullOfRedAreNeverHeadersOrSeals() {
        for (Outcome o : OUTCOMES.values()) {
            if (!o.c().name().startsWith("photo/")) continue;
            assertFalse(o.r().redHeader(), o.c().name());
            assertFalse(o.r().seal(), o.c().name());
            assertFalse(o.r().redRule(), o.c().name() + " " + o.r());
            assertEquals(0, o.r().sealCount(), o.c().name() + " " + o.r());
        }
    }

    @Test
    void greyscaleScansHaveNoRed() {
        for (Outcome o : OUTCOMES.values()) {
            if (!o.c().name().startsWith("grey/")) continue;
            assertFalse(o.r().redHeader(), o.c().name());
            assertFalse(o.r().redRule(), o.c().name());
            assertFalse(o.r().seal(), o.c().name());
            assertEquals(0, o.r().titleMass(), o.c().name());
        }
    }

    @Test
    void aRedTitleWithoutRuleIsMeasuredButNotAHeader() {
        for (Outcome o : OUTCOMES.values()) {
            if (!o.c().name().startsWith("no-rule")) continue;
            assertFalse(o.r().redRule(), o.c().name());
            assertEquals(-1, o.r().ruleY(), o.c().name());
            assertTrue(o.r().titleMass() > 0.003, o.c().name() + " " + o.r());
        }
    }

    @Test
    void numberAreaContainsTheDocumentNumber() {
        Header[] specs = {header(0), header(1).rotate(3), header(2).rotate(-3).noise(15), header(3).secrecy("机密★1年"),
                header(4).dpi(300).rotate(-1.5), header(5).red(Scans.PALE_RED)};
        for (int i = 0; i < specs.length; i++) {
            Scans.HeaderPage page = Scans.redHeader(600 + i, specs[i]);
            ScanDetector.Result r = ScanDetector.analyse(page.image());
            assertTrue(r.redHeader(), "page " + i);
            Rectangle area = ScanDetector.numberArea(r, page.image().getWidth(), page.image().getHeight());
            Rectangle number = page.number();
            assertTrue(area.contains(number.getCenterX(), number.getCenterY()), i + ": " + area + " vs " + number);
            assertTrue(area.height < page.image().getHeight() / 5, "area is a band, not the page: " + area);
        }
        ScanDetector.Result none = ScanDetector.analyse(Scans.plainTextPage(610));
        assertEquals(new Rectangle(0, 0, 1240, 702), ScanDetector.numberArea(none, 1240, 1754));
    }

    @Test
    void everyImageTypeGivesTheSameAnswer() {
        BufferedImage rgb = Scans.redHeader(620, header(1).seal(true)).image();
        ScanDetector.Result expected = ScanDetector.analyse(rgb);
        assertTrue(expected.redHeader() && expected.seal(), expected.toString());
        int[] types = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_USHORT_565_RGB};
        for (int type : types) {
            ScanDetector.Result r = ScanDetector.analyse(convert(rgb, type));
            assertEquals(expected.redHeader(), r.redHeader(), "type " + type);
            assertEquals(expected.seal(), r.seal(), "type " + type);
            assertEquals(expected.ruleY(), r.ruleY(), "type " + type);
        }
        BufferedImage framed = new BufferedImage(rgb.getWidth() + 40, rgb.getHeight() + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = framed.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, framed.getWidth(), framed.getHeight());
        g.drawImage(rgb, 20, 20, null);
        g.dispose();
        ScanDetector.Result sub = ScanDetector.analyse(framed.getSubimage(20, 20, rgb.getWidth(), rgb.getHeight()));
        assertEquals(expected, sub);
        ScanDetector.Result grey = ScanDetector.analyse(convert(rgb, BufferedImage.TYPE_BYTE_GRAY));
        assertFalse(grey.redHeader() || grey.seal() || grey.redRule());
        assertTrue(grey.paperLike());
    }

    @Test
    void tinyAndDegeneratePages() {
        ScanDetector.Result r = ScanDetector.analyse(new BufferedImage(3000, 2, BufferedImage.TYPE_INT_RGB));
        assertFalse(r.redHeader() || r.seal() || r.paperLike());
        ScanDetector.Result one = ScanDetector.analyse(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY));
        assertEquals(1, one.analysedWidth());
    }

    private static BufferedImage convert(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /**
     * A 300-dpi page gets the same answers as drawn and after a JPEG round trip, analysed on a reduced copy.
     * How long that takes is measured by {@code bench.ScanDetectorBenchmark}, not asserted here.
     */
    @Test
    void a300DpiPageIsAnalysedOnAReducedCopy() {
        BufferedImage rgb = Scans.redHeader(700, header(0).dpi(300).seal(true)).image();
        BufferedImage jpeg = Scans.jpegRoundTrip(rgb, 0.85f);
        assertEquals(2480, rgb.getWidth());
        assertEquals(3508, rgb.getHeight());
        for (BufferedImage img : new BufferedImage[]{rgb, jpeg}) {
            ScanDetector.Result r = ScanDetector.analyse(img);
            assertTrue(r.redHeader() && r.seal(), "type " + img.getType() + ": " + r);
            assertTrue(r.analysedWidth() <= img.getWidth() / 4 && r.analysedHeight() <= img.getHeight() / 4, r.toString());
        }
    }
}
