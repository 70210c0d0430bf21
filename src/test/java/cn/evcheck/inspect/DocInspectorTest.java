package cn.evcheck.inspect;

import cn.evcheck.testkit.Pdfs;
import cn.evcheck.testkit.Scans;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a PDF page becomes the image the detectors look at. */
class DocInspectorTest {
    /**
     * A born-digital red-header notice whose only picture is an electronic seal: the page is
     * rendered whole (red title and rule from the text), not judged on the seal picture alone.
     */
    @Test
    void aBornDigitalPageWithOnePictureIsRenderedWhole() {
        BufferedImage seal = white(300, 300, BufferedImage.TYPE_INT_RGB);
        Scans.addSeal(seal, 1, 150, 150, 260, "卫生健康委员会", Scans.RED);
        byte[] pdf = Pdfs.bornDigitalNotice("赣卫〔2020〕44号", seal);
        DocFacts d = DocInspector.pdf(pdf, false);
        assertTrue(d.redHeader(), "the red title and rule of the text layer are seen");
        assertTrue(d.seal(), "and the electronic seal, drawn where it stands on the page");
    }

    /**
     * OCR reads two bands of a 版头 (issue 13, part 3): above the red title, where a secrecy mark is
     * printed, and between the title and the rule, where the 文号 is. The title is found where it starts
     * and ends; the band above it holds ink when a mark is printed there, and none otherwise (then it is
     * not read at all).
     */
    @Test
    void theBandsOfAHeaderAreFoundAndABandWithoutInkIsNotRead() {
        BufferedImage marked = Scans.classifiedRedHeaderPage(3, Scans.AUTHORITIES.get(0), "\u8d63\u536b\u3014 2020\u3015 44\u53f7", "\u673a\u5bc6\u26051\u5e74");
        BufferedImage plain = Scans.redHeaderPage(3, Scans.AUTHORITIES.get(0), "\u8d63\u536b\u3014 2020\u3015 44\u53f7", true, Scans.RED, 0, 2);
        for (BufferedImage page : new BufferedImage[]{marked, plain}) {
            ScanDetector.Analysis a = ScanDetector.analysis(page);
            assertTrue(a.result().redRule(), "the red rule is found");
            assertTrue(a.titleTop() > 0 && a.titleTop() < a.titleBottom() && a.titleBottom() < a.result().ruleY(),
                    "the title lies between the top of the page and the rule: " + a.titleTop() + ".." + a.titleBottom()
                            + ", rule " + a.result().ruleY());
            int top = (int) ((double) a.titleTop() / a.result().analysedHeight() * page.getHeight());
            BufferedImage above = page.getSubimage(0, 0, page.getWidth(), top);
            if (page == marked) assertNotNull(HeaderBands.ink(above), "the secrecy mark above the title is ink");
            else assertNull(HeaderBands.ink(above), "nothing is printed above the title: not read");
            int bottom = (int) ((double) (a.titleBottom() + 1) / a.result().analysedHeight() * page.getHeight());
            int rule = (int) ((double) a.result().ruleY() / a.result().analysedHeight() * page.getHeight());
            assertNotNull(HeaderBands.ink(page.getSubimage(0, bottom, page.getWidth(), rule - bottom)), "the number is ink");
        }
    }

    /** The grain and tint of yellowed, photographed paper is not ink; black text on it is. */
    @Test
    void paperGrainIsNotInkButTextIs() {
        BufferedImage band = new BufferedImage(1200, 200, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 1200; x++) {
                int n = random.nextInt(41) - 20;
                int shade = x < 60 ? -50 : 0;   // the shadow at a photographed page's edge
                band.setRGB(x, y, new Color(clamp(240 + n + shade), clamp(228 + n + shade), clamp(190 + n + shade)).getRGB());
            }
        }
        assertNull(HeaderBands.ink(band), "grain, tint and shadow are paper");
        var g = band.createGraphics();
        g.setColor(new Color(30, 30, 30));
        for (int i = 0; i < 12; i++) g.fillRect(200 + 30 * i, 80, 4 + i % 3 * 6, 40);   // strokes of a printed line, no font needed
        g.dispose();
        BufferedImage ink = HeaderBands.ink(band);
        assertNotNull(ink, "printed text is ink");
        assertTrue((ink.getRGB(30, 100) & 0xFF) == 0xFF, "the shadow stays white");
    }

    /**
     * The band of the 文号 loses the red rule under it, even tilted by 2.5° (no row holds it), and the
     * ★ that stands on a 党委 document's rule between its two halves; the strokes of the number stay,
     * and the band is trimmed to them. Both were read by Tesseract as lines of their own.
     */
    @Test
    void theRuleAndItsStarLeaveTheBandOfTheNumber() {
        BufferedImage band = white(1240, 130, BufferedImage.TYPE_BYTE_GRAY);
        var g = band.createGraphics();
        g.setColor(Color.BLACK);
        for (int i = 0; i < 12; i++) g.fillRect(480 + 24 * i, 40, 4 + i % 3 * 5, 34);   // the number's strokes
        g.rotate(Math.toRadians(2.5), 620, 110);
        g.fillRect(160, 108, 420, 5);                                                // the rule's left half,
        g.fillRect(660, 108, 420, 5);                                                // its right half
        g.fillPolygon(new int[]{620, 628, 640, 630, 634, 620, 606, 610, 600, 612}, new int[]{96, 106, 106, 112, 124, 116, 124, 112, 106, 106}, 10);
        g.dispose();
        assertTrue(dark(band, 0, 80, 1240, 50) > 3000, "the rule and the star are in the band");
        BufferedImage clean = HeaderBands.withoutRule(band, 44);
        assertNotNull(clean);
        assertTrue(dark(clean, 0, 80, 1240, 50) == 0, "nothing of the rule or the star is left: " + dark(clean, 0, 80, 1240, 50));
        assertTrue(dark(clean, 0, 0, 1240, 80) == dark(band, 0, 0, 1240, 80), "every stroke of the number is kept");
        BufferedImage trimmed = HeaderBands.trimmed(clean, 17);
        assertTrue(trimmed.getWidth() == 12 * 24 - 24 + 14 + 2 * 17, "trimmed to the strokes and the margins: " + trimmed.getWidth());
        assertTrue(dark(trimmed, 0, 0, trimmed.getWidth(), 130) == dark(clean, 0, 0, 1240, 130), "trimming drops no ink");

        BufferedImage noRule = rows(band, 0, 80);
        assertTrue(HeaderBands.withoutRule(noRule, 44) == noRule, "a band without a rule is read as it is");
        BufferedImage onlyRule = rows(band, 80, 130);
        assertTrue(dark(onlyRule, 0, 80, 1240, 50) > 3000);
        assertNull(HeaderBands.withoutRule(onlyRule, 44), "a band with nothing but the rule is not read");
    }

    private static BufferedImage white(int w, int h, int type) {
        BufferedImage img = new BufferedImage(w, h, type);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** A copy of grey {@code band} with only rows {@code from} to {@code to} (exclusive), white elsewhere. */
    private static BufferedImage rows(BufferedImage band, int from, int to) {
        BufferedImage out = white(band.getWidth(), band.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(band.getRaster().createChild(0, from, band.getWidth(), to - from, 0, from, null));
        return out;
    }

    private static int dark(BufferedImage img, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) for (int x = x0; x < x0 + w; x++) if ((img.getRGB(x, y) & 0xFF) < 128) n++;
        return n;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
