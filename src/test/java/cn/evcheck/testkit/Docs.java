package cn.evcheck.testkit;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Real .docx files built with POI for tests and samples. */
public final class Docs {
    private Docs() {}

    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                XWPFParagraph para = doc.createParagraph();
                para.createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chinese prose of exactly {@code han} Han characters (plus one full stop per 20), for word counts. */
    public static String prose(int words) {
        String base = "医院组织志愿者深入社区开展健康义诊活动为群众测量血压宣传卫生知识";
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < words) {
            if (n % 20 == 19) sb.append('。');
            else sb.append(base.charAt(n % base.length()));
            n++;
        }
        return sb.toString();
    }
}
