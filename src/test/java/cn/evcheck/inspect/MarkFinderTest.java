package cn.evcheck.inspect;

import cn.evcheck.testkit.Marker;
import cn.evcheck.testkit.Scans;
import cn.evcheck.testkit.Scans.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
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
 * Coloured marks drawn on scanned pages ({@link Marker} on {@link Scans} pages): highlighter strokes,
 * pen boxes, rings, underlines and margin bars must be found; the red header, round seals, red titles
 * and plain text must not count as marks, and a page with nothing coloured on it cannot be judged.
 */
class MarkFinderTest {
    /** What a page must show: the kind of mark expected ("highlight", "underline", "drawn"), or null for none. */
    private record Case(String name, Supplier<BufferedImage> image, String kind) {}

    private record Outcome(Case c, Marks m) {}

    private static final Map<String, Outcome> OUTCOMES = new LinkedHashMap<>();

    private static Header header(int i) {
        return Header.of(AUTHORITIES.get(i % AUTHORITIES.size()));
    }

    private static BufferedImage headerPage(long seed, Header h) {
        return Scans.redHeader(seed, h).image();
    }

    /** A page with one mark drawn by {@code draw} on a copy (lines are the page's text lines below 40 %). */
    private static BufferedImage marked(BufferedImage page, Drawer draw) {
        BufferedImage out = Marker.copy(page);
        draw.on(out, Marker.lines(out, 0.4));
        return out;
    }

    private interface Drawer {
        void on(BufferedImage page, List<Marker.Line> lines);
    }

    private static List<Case> corpus() {
        List<Case> cs = new ArrayList<>();
        Color[] highlighters = {Marker.YELLOW_HIGHLIGHTER, Marker.GREEN_HIGHLIGHTER, Marker.PINK_HIGHLIGHTER};
        String[] hlNames = {"yellow", "green", "pink"};
        for (int i = 0; i < 6; i++) {
            int s = i;
            Color ink = highlighters[i % 3];
            cs.add(new Case("highlight/" + hlNames[i % 3] + "/header/" + i, () -> marked(headerPage(800 + s, header(s)),
                    (p, l) -> Marker.highlight(p, l.get(1 + s % 3), 0.1, 0.7, ink, s)), "highlight"));
            cs.add(new Case("highlight/" + hlNames[i % 3] + "/plain/" + i, () -> marked(Scans.plainTextPage(810 + s),
                    (p, l) -> Marker.highlight(p, l.get(2 + s % 4), 0.2, 0.9, ink, s)), "highlight"));
        }
        Color[] pens = {Marker.BLUE_PEN, Marker.RED_PEN, Marker.GREEN_PEN, Marker.PURPLE_PEN};
        String[] penNames = {"blue", "red", "green", "purple"};
        for (int i = 0; i < 8; i++) {
            int s = i;
            Color ink = pens[i % 4];
            String pen = penNames[i % 4];
            cs.add(new Case("box/" + pen + "/header/" + i, () -> marked(headerPage(820 + s, header(s)),
                    (p, l) -> Marker.box(p, l, 1 + s % 2, 3 + s % 3, ink, s)), "drawn"));
            cs.add(new Case("underline/" + pen + "/header/" + i, () -> marked(headerPage(830 + s, header(s)),
                    (p, l) -> Marker.underline(p, l.get(2 + s % 3), 0.15, 0.6, ink, s)), "underline"));
            cs.add(new Case("ring/" + pen + "/plain/" + i, () -> marked(Scans.plainTextPage(840 + s),
                    (p, l) -> Marker.ring(p, l.get(3 + s % 3), 0.3, 0.45, ink, s)), "drawn"));
            cs.add(new Case("bar/" + pen + "/plain/" + i, () -> marked(Scans.plainTextPage(850 + s),
                    (p, l) -> Marker.marginBar(p, l, 2, 4 + s % 2, ink, s)), "drawn"));
        }
        cs.add(new Case("box/blue/seal-page/0", () -> marked(Scans.sealPage(860, true, Scans.RED, 0, 0),
                (p, l) -> Marker.box(p, l, 0, 1, Marker.BLUE_PEN, 0)), "drawn"));
        cs.add(new Case("underline/red/seal-page/1", () -> marked(Scans.sealPage(861, true, Scans.RED, 0, 0),
                (p, l) -> Marker.underline(p, l.get(1), 0.1, 0.5, Marker.RED_PEN, 1)), "underline"));
        cs.add(new Case("highlight/yellow/header+seal/0", () -> marked(headerPage(862, header(2).seal(true)),
                (p, l) -> Marker.highlight(p, l.get(0), 0.1, 0.6, Marker.YELLOW_HIGHLIGHTER, 2)), "highlight"));
        cs.add(new Case("box/blue/jpeg50/0", () -> Scans.jpegRoundTrip(marked(headerPage(863, header(3)),
                (p, l) -> Marker.box(p, l, 1, 2, Marker.BLUE_PEN, 3)), 0.5f), "drawn"));
        cs.add(new Case("highlight/yellow/jpeg50/0", () -> Scans.jpegRoundTrip(marked(headerPage(864, header(4)),
                (p, l) -> Marker.highlight(p, l.get(2), 0.1, 0.5, Marker.YELLOW_HIGHLIGHTER, 4)), 0.5f), "highlight"));
        cs.add(new Case("underline/blue/300dpi/0", () -> marked(headerPage(865, header(5).dpi(300)),
                (p, l) -> Marker.underline(p, l.get(2), 0.2, 0.6, Marker.BLUE_PEN, 5)), "underline"));
        cs.add(new Case("highlight/green/100dpi/0", () -> marked(headerPage(866, header(6).dpi(100)),
                (p, l) -> Marker.highlight(p, l.get(1), 0.3, 0.8, Marker.GREEN_HIGHLIGHTER, 6)), "highlight"));
        cs.add(new Case("box/red/noisy-rotated/0", () -> Scans.jpegRoundTrip(marked(headerPage(867, header(0).rotate(2).noise(15)),
                (p, l) -> Marker.box(p, l, 2, 3, Marker.RED_PEN, 7)), 0.7f), "drawn"));

        // Not marks.
        for (int i = 0; i < 6; i++) {
            int s = i;
            cs.add(new Case("none/header/" + i, () -> headerPage(900 + s, header(s).rotate(s % 3 - 1).noise(s * 4)), null));
            cs.add(new Case("none/seal/" + i, () -> Scans.sealPage(910 + s, true, s % 2 == 0 ? Scans.RED : Scans.FADED_SEAL, s % 3 - 1, s * 3), null));
            cs.add(new Case("none/plain/" + i, () -> Scans.plainTextPage(920 + s), null));
        }
        for (int i = 0; i < 3; i++) {
            int s = i;
            cs.add(new Case("none/header+seal/" + i, () -> headerPage(930 + s, header(s).seal(true)), null));
            cs.add(new Case("none/no-rule-title/" + i, () -> headerPage(940 + s, header(s).rule(false)), null));
            cs.add(new Case("none/pale-header/" + i, () -> headerPage(950 + s, header(s).red(Scans.PALE_RED)), null));
            cs.add(new Case("none/seal-jpeg50/" + i, () -> Scans.jpegRoundTrip(Scans.sealPage(960 + s, true, Scans.RED, 0, 0), 0.5f), null));
            cs.add(new Case("none/seal-300dpi/" + i, () -> Scans.sealPage(970 + s, true, Scans.FADED_SEAL, -1, 8, 300), null));
            cs.add(new Case("none/magenta-seal/" + i, () -> Scans.sealPage(980 + s, true, new Color(210, 40, 100), 1, 5), null));
            cs.add(new Case("none/header-jpeg50/" + i, () -> Scans.jpegRoundTrip(headerPage(990 + s, header(s + 3)), 0.5f), null));
        }
        cs.add(new Case("none/seal-over-text/0", () -> {
            BufferedImage page = Scans.plainTextPage(995);
            Scans.addSeal(page, 1, 600, 900, 236, "连云港市赣榆区卫生健康委员会", Scans.RED);
            return page;
        }, null));
        cs.add(new Case("none/half-seal-at-edge/0", () -> {
            BufferedImage page = Scans.plainTextPage(996);
            Scans.addSeal(page, 2, page.getWidth() - 20, 1100, 236, "连云港市赣榆区卫生健康委员会", Scans.RED);
            return page;
        }, null));
        for (int i = 0; i < 3; i++) {
            int s = i;
            cs.add(new Case("none/colour-fringes/" + i, () -> fringes(headerPage(1030 + s, header(s)), 1 + s % 2), null));
            cs.add(new Case("none/yellowed-paper/" + i, () -> tinted(Scans.sealPage(1040 + s, true, Scans.RED, 0, 6), new Color(245, 236, 212)), null));
        }
        cs.add(new Case("highlight/yellow/yellowed-paper/0", () -> tinted(marked(Scans.plainTextPage(1050),
                (p, l) -> Marker.highlight(p, l.get(2), 0.1, 0.6, Marker.YELLOW_HIGHLIGHTER, 1)), new Color(245, 236, 212)), "highlight"));
        cs.add(new Case("underline/blue/colour-fringes/0", () -> fringes(marked(headerPage(1051, header(1)),
                (p, l) -> Marker.underline(p, l.get(2), 0.1, 0.6, Marker.BLUE_PEN, 1)), 1), "underline"));
        cs.add(new Case("none/red-rule-at-foot/0", () -> {
            BufferedImage page = Scans.plainTextPage(997);
            Graphics2D g = page.createGraphics();
            g.setColor(Scans.RED);
            g.fillRect(165, 1600, 920, 3);
            g.dispose();
            return page;
        }, null));
        return cs;
    }

    /** A cheap scanner's colour fringes: the red channel shifted {@code d} px right, the blue one left. */
    private static BufferedImage fringes(BufferedImage page, int d) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int r = page.getRGB(Math.max(0, x - d), y) >> 16 & 0xFF;
                int g = page.getRGB(x, y) >> 8 & 0xFF;
                int b = page.getRGB(Math.min(page.getWidth() - 1, x + d), y) & 0xFF;
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    /** Old, yellowed paper (or a scanner's warm cast): every pixel multiplied by {@code cast}. */
    private static BufferedImage tinted(BufferedImage page, Color cast) {
        BufferedImage out = Marker.copy(page);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int p = out.getRGB(x, y);
                out.setRGB(x, y, (p >> 16 & 0xFF) * cast.getRed() / 255 << 16 | (p >> 8 & 0xFF) * cast.getGreen() / 255 << 8
                        | (p & 0xFF) * cast.getBlue() / 255);
            }
        }
        return out;
    }

    @BeforeAll
    static void findMarks() {
        for (Case c : corpus()) OUTCOMES.put(c.name(), new Outcome(c, MarkFinder.find(ScanDetector.analysis(c.image().get()), 1)));
    }

    @Test
    void precisionAndRecallOnTheCorpus() {
        int[] t = new int[4];
        int rightKind = 0;
        StringBuilder misses = new StringBuilder();
        for (Outcome o : OUTCOMES.values()) {
            boolean truth = o.c().kind() != null;
            boolean said = o.m().marked();
            t[truth ? (said ? 0 : 2) : (said ? 1 : 3)]++;
            boolean kindOk = truth && said && o.m().kinds().containsKey(o.c().kind());
            if (kindOk) rightKind++;
            if (truth != said || (truth && !kindOk)) {
                misses.append("  MISS ").append(o.c().name()).append(" -> ").append(o.m().summary()).append('\n');
            }
        }
        double precision = t[0] + t[1] == 0 ? 1 : t[0] / (double) (t[0] + t[1]);
        double recall = t[0] + t[2] == 0 ? 1 : t[0] / (double) (t[0] + t[2]);
        System.out.printf(Locale.ROOT, "MarkFinder corpus: %d pages (%d marked); precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d); "
                + "kind right on %d of %d found%n", OUTCOMES.size(), t[0] + t[2], precision, recall, t[0], t[1], t[2], t[3], rightKind, t[0]);
        System.out.print(misses);
        assertTrue(OUTCOMES.size() >= 80, "corpus size " + OUTCOMES.size());
        assertEquals(0, t[1], "a header, a seal or plain text counted as a mark:\n" + misses);
        assertTrue(recall >= 0.95, "recall " + recall + "\n" + misses);
        assertTrue(rightKind >= 0.9 * t[0], "kinds\n" + misses);
    }

    @Test
    void pagesWithoutColouredMarksCannotBeJudged() {
        for (Outcome o : OUTCOMES.values()) {
            if (o.c().kind() != null) continue;
            assertEquals(Marks.State.NOT_JUDGEABLE, o.m().state(), o.c().name());
            assertEquals(Marks.NO_COLOUR, o.m().why(), o.c().name());
        }
    }

    @Test
    void eachMarkIsCountedOnceOnPageOne() {
        for (Outcome o : OUTCOMES.values()) {
            if (o.c().kind() == null || !o.m().marked()) continue;
            assertEquals(List.of(1), o.m().pages(), o.c().name());
            assertEquals(1, o.m().total(), o.c().name() + ": " + o.m().summary());
        }
    }

    @Test
    void aGreyscaleScanOfAMarkedPageCannotBeJudged() {
        BufferedImage page = marked(headerPage(1000, header(1)), (p, l) -> {
            Marker.box(p, l, 1, 2, Marker.BLUE_PEN, 1);
            Marker.highlight(p, l.get(4), 0.1, 0.8, Marker.YELLOW_HIGHLIGHTER, 1);
        });
        assertTrue(MarkFinder.find(ScanDetector.analysis(page), 1).marked());
        Marks grey = MarkFinder.find(ScanDetector.analysis(Scans.greyscale(page)), 1);
        assertEquals(Marks.notJudgeable(Marks.GREYSCALE), grey);
        BufferedImage gray = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        assertEquals(Marks.notJudgeable(Marks.GREYSCALE), MarkFinder.find(ScanDetector.analysis(gray), 1));
    }

    @Test
    void aPhotoIsNotAPaperDocument() {
        for (String kind : new String[]{"flag", "banner", "lantern", "crowd"}) {
            Marks m = MarkFinder.find(ScanDetector.analysis(Scans.activityPhoto(1010, kind)), 1);
            assertEquals(Marks.notJudgeable(Marks.NOT_PAPER), m, kind);
        }
    }

    @Test
    void severalMarksAreCountedByKind() {
        BufferedImage page = marked(headerPage(1020, header(2)), (p, l) -> {
            Marker.highlight(p, l.get(1), 0.1, 0.6, Marker.YELLOW_HIGHLIGHTER, 1);
            Marker.highlight(p, l.get(3), 0.2, 0.9, Marker.YELLOW_HIGHLIGHTER, 2);
            Marker.underline(p, l.get(5), 0.1, 0.5, Marker.RED_PEN, 3);
            Marker.box(p, l, 7, 8, Marker.BLUE_PEN, 4);
        });
        Marks m = MarkFinder.find(ScanDetector.analysis(page), 1);
        assertEquals(Map.of("highlight", 2, "underline", 1, "drawn", 1), m.kinds(), m.summary());
    }

    @Test
    void degeneratePagesAreNotJudged() {
        assertFalse(MarkFinder.find(ScanDetector.analysis(new BufferedImage(3000, 2, BufferedImage.TYPE_INT_RGB)), 1).judgeable());
        assertFalse(MarkFinder.find(ScanDetector.analysis(new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY)), 1).judgeable());
    }
}
