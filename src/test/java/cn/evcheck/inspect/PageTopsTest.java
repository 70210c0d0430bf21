package cn.evcheck.inspect;

import cn.evcheck.testkit.Fonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 11: the top of every page of a born-digital PDF is read, so a mark on page 3 is found there. */
class PageTopsTest {
    /** A PDF whose pages each start with {@code tops[i]} and go on with ordinary lines. */
    static byte[] pdf(String... tops) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, Fonts.cjkFile().toFile());
            for (String top : tops) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    int y = 740;
                    for (String line : (top + "\n各医疗卫生单位要认真组织实施。\n确保各项任务落到实处。").split("\n")) {
                        cs.beginText();
                        cs.setFont(font, 14);
                        cs.newLineAtOffset(72, y);
                        cs.showText(line);
                        cs.endText();
                        y -= 24;
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void everyPagesTopIsKeptAndTheMarkIsOnPageThree() throws Exception {
        DocFacts d = DocInspector.pdf(pdf("关于开展志愿服务的通知", "二、工作要求", "机密★1年\n关于某事项的通报"), false);
        assertNull(d.problem(), d.detail());
        assertEquals(3, d.tops().size());
        assertFalse(d.text().contains("机密"), "pages 1–2 do not hold it");
        assertTrue(d.tops().get(2).startsWith("机密★1年"), d.tops().toString());
        assertNull(SecrecyMarks.find(d.tops().get(1), DocFacts.TOP_LINES));
        assertTrue(SecrecyMarks.find(d.tops().get(2), DocFacts.TOP_LINES).certain());
        assertTrue(d.tops().get(0).lines().count() <= DocFacts.TOP_LINES);
    }
}
