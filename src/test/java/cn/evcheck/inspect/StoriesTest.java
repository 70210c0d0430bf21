package cn.evcheck.inspect;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 11 part 1: the stories besides the body that a reader sees, read in the same pass. */
class StoriesTest {
    @Test
    void aDocxHeaderAndFooterAreReadAsTheirOwnStory() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("机密★5年");
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("联系电话 13812345678");
            doc.createParagraph().createRun().setText("关于志愿服务的情况说明");
            doc.createParagraph().createRun().setText("我院组织志愿者开展义诊。");
            doc.write(out);
            docx = out.toByteArray();
        }
        TextFacts t = DocxReader.read(docx);
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        List<TextFacts.Story> margins = t.stories().stream().filter(s -> s.where().equals(TextFacts.MARGINS)).toList();
        assertEquals(1, margins.size(), t.stories().toString());
        assertTrue(margins.get(0).head().contains("机密★5年"));
        assertEquals(List.of("138****5678"), margins.get(0).pii());
        assertTrue(SecrecyMarks.find(margins.get(0).head(), 3).certain());
        assertFalse(t.head().contains("机密"), "the body stays the body: 字数 is unchanged by the header");
        assertTrue(t.pii().isEmpty());
    }

    @Test
    void aDocumentWithoutOtherStoriesHasNone() throws Exception {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("关于志愿服务的情况说明");
            doc.write(out);
            docx = out.toByteArray();
        }
        assertEquals(List.of(), DocxReader.read(docx).stories());
    }
}
