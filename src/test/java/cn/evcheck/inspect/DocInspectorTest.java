package cn.evcheck.inspect;

import cn.evcheck.testkit.Fonts;
import cn.evcheck.testkit.Scans;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a PDF page becomes the image the detectors look at. */
class DocInspectorTest {
    /**
     * A born-digital red-header notice whose only picture is an electronic seal: the page is
     * rendered whole (red title and rule from the text), not judged on the seal picture alone.
     */
    @Test
    void aBornDigitalPageWithOnePictureIsRenderedWhole() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, Fonts.cjkFile().toFile());
            BufferedImage seal = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
            var g = seal.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 300, 300);
            g.dispose();
            Scans.addSeal(seal, 1, 150, 150, 260, "卫生健康委员会", Scans.RED);
            var img = LosslessFactory.createFromImage(doc, seal);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(new Color(230, 0, 18));
                cs.beginText();
                cs.setFont(font, 30);
                cs.newLineAtOffset(66, 680);
                cs.showText("连云港市赣榆区卫生健康委员会文件");
                cs.endText();
                cs.setStrokingColor(new Color(230, 0, 18));
                cs.setLineWidth(2.5f);
                cs.moveTo(70, 605);
                cs.lineTo(542, 605);
                cs.stroke();
                cs.setNonStrokingColor(Color.BLACK);
                for (int y = 560; y > 260; y -= 22) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, y);
                    cs.showText("各医疗卫生单位要认真组织实施，确保各项任务落到实处。");
                    cs.endText();
                }
                cs.drawImage(img, 380, 90, 110, 110);
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        DocFacts d = DocInspector.pdf(pdf, false);
        assertTrue(d.redHeader(), "the red title and rule of the text layer are seen");
        assertTrue(d.seal(), "and the electronic seal, drawn where it stands on the page");
    }
}
