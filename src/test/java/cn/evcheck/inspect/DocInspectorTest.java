package cn.evcheck.inspect;

import cn.evcheck.testkit.Pdfs;
import cn.evcheck.testkit.Scans;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a PDF page becomes the image the detectors look at. */
class DocInspectorTest {
    /**
     * A born-digital red-header notice whose only picture is an electronic seal: the page is
     * rendered whole (red title and rule from the text), not judged on the seal picture alone.
     */
    @Test
    void aBornDigitalPageWithOnePictureIsRenderedWhole() {
        BufferedImage seal = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        var g = seal.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        Scans.addSeal(seal, 1, 150, 150, 260, "卫生健康委员会", Scans.RED);
        byte[] pdf = Pdfs.bornDigitalNotice("赣卫〔2020〕44号", seal);
        DocFacts d = DocInspector.pdf(pdf, false);
        assertTrue(d.redHeader(), "the red title and rule of the text layer are seen");
        assertTrue(d.seal(), "and the electronic seal, drawn where it stands on the page");
    }
}
