package cn.evcheck.inspect;

import org.apache.poi.xwpf.usermodel.*;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A born-digital 红头 in .docx: large red runs and a red rule in the first paragraphs. */
class RedHeaderWordTest {
    static byte[] docx(String color, int halfPoints, boolean rule) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun r = title.createRun();
            r.setText("连云港市赣榆区卫生健康委员会文件");
            r.setColor(color);
            r.setFontSize(halfPoints / 2.0);
            XWPFParagraph number = doc.createParagraph();
            number.createRun().setText("赣卫〔2020〕44号");
            if (rule) {
                number.setBorderBottom(Borders.SINGLE);
                number.getCTP().getPPr().getPBdr().getBottom().setColor("FF0000");
                number.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(18));
            }
            doc.createParagraph().createRun().setText("各医疗卫生单位：");
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void redLargeTitleAndRule() throws Exception {
        TextFacts t = DocxReader.read(docx("FF0000", 52, true));
        assertTrue(t.redTitle());
        assertTrue(t.redRule());
        assertEquals("赣卫〔2020〕44号", DocNumbers.find(t.head()).text());
    }

    @Test
    void darkRedCountsBlackOrSmallDoesNot() throws Exception {
        assertTrue(DocxReader.read(docx("C00000", 44, false)).redTitle());
        assertFalse(DocxReader.read(docx("000000", 52, true)).redTitle());
        assertFalse(DocxReader.read(docx("FF0000", 24, false)).redTitle());
        assertFalse(DocxReader.read(docx("000000", 52, false)).redRule());
    }
}
