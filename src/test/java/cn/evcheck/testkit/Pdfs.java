package cn.evcheck.testkit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Born-digital PDFs as offices export them from Word or WPS. */
public final class Pdfs {
    private Pdfs() {}

    /**
     * A one-page red-header notice with a text layer: the red issuing-authority title, the 文号 in
     * black, the red rule, body lines; {@code picture}, when given, drawn small at the bottom right
     * (an electronic seal or a logo).
     */
    public static byte[] bornDigitalNotice(String number, BufferedImage picture) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDType0Font font = PDType0Font.load(doc, Fonts.cjkFile().toFile());
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(new Color(230, 0, 18));
                cs.beginText();
                cs.setFont(font, 30);
                cs.newLineAtOffset(66, 680);
                cs.showText("连云港市赣榆区卫生健康委员会文件");
                cs.endText();
                cs.setNonStrokingColor(Color.BLACK);
                cs.beginText();
                cs.newLineAtOffset(250, 620);
                cs.setFont(font, 12);
                cs.showText(number);
                cs.endText();
                cs.setStrokingColor(new Color(230, 0, 18));
                cs.setLineWidth(2.5f);
                cs.moveTo(70, 605);
                cs.lineTo(542, 605);
                cs.stroke();
                cs.setNonStrokingColor(Color.BLACK);
                for (int y = 560; y > (picture == null ? 200 : 260); y -= 22) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, y);
                    cs.showText("各医疗卫生单位要认真组织实施，确保各项任务落到实处。");
                    cs.endText();
                }
                if (picture != null) cs.drawImage(LosslessFactory.createFromImage(doc, picture), 380, 90, 110, 110);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
