package cn.evcheck.testkit;

import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.function.Consumer;

/**
 * .docx files with the marks a clerk leaves in a deployment document (标注), built with POI XWPF:
 * highlighted, shaded and coloured-underlined runs, shaded paragraphs, comments anchored to text.
 * {@link #docx} takes a body built paragraph by paragraph through {@link Body}.
 */
public final class MarkedDocs {
    private MarkedDocs() {}

    /** A document body under construction. */
    public static final class Body {
        final XWPFDocument doc;
        private XWPFComments comments;
        private int nextComment;

        Body(XWPFDocument doc) {
            this.doc = doc;
        }

        public XWPFParagraph paragraph() {
            return doc.createParagraph();
        }

        public Body plain(String text) {
            paragraph().createRun().setText(text);
            return this;
        }

        /** One paragraph: {@code before}, {@code marked} highlighted in {@code colour} (split into runs of at most 3 characters, as Word does), {@code after}. */
        public Body highlighted(String before, String marked, String colour, String after) {
            XWPFParagraph p = paragraph();
            p.createRun().setText(before);
            for (int i = 0; i < marked.length(); i += 3) {
                XWPFRun r = p.createRun();
                r.setText(marked.substring(i, Math.min(marked.length(), i + 3)));
                r.setTextHighlightColor(colour);
            }
            p.createRun().setText(after);
            return this;
        }

        /** One paragraph with a run shaded ({@code val} pattern over {@code fill}). */
        public Body shadedRun(String before, String marked, String val, String fill) {
            XWPFParagraph p = paragraph();
            p.createRun().setText(before);
            XWPFRun r = p.createRun();
            r.setText(marked);
            shd(r.getCTR().isSetRPr() ? r.getCTR().getRPr().addNewShd() : r.getCTR().addNewRPr().addNewShd(), val, fill);
            return this;
        }

        /** A paragraph whose own properties shade it. */
        public Body shadedParagraph(String text, String fill) {
            XWPFParagraph p = paragraph();
            p.createRun().setText(text);
            shd(p.getCTP().isSetPPr() ? p.getCTP().getPPr().addNewShd() : p.getCTP().addNewPPr().addNewShd(), "clear", fill);
            return this;
        }

        /** A one-cell table whose paragraph is shaded (table styling, not a mark). */
        public Body shadedTableParagraph(String text, String fill) {
            XWPFTable t = doc.createTable(1, 1);
            XWPFParagraph p = t.getRow(0).getCell(0).getParagraphs().get(0);
            p.createRun().setText(text);
            shd(p.getCTP().isSetPPr() ? p.getCTP().getPPr().addNewShd() : p.getCTP().addNewPPr().addNewShd(), "clear", fill);
            return this;
        }

        /** One paragraph with a run underlined in {@code colour} (hex, or null for automatic). */
        public Body underlined(String before, String marked, String colour) {
            XWPFParagraph p = paragraph();
            p.createRun().setText(before);
            XWPFRun r = p.createRun();
            r.setText(marked);
            r.setUnderline(UnderlinePatterns.SINGLE);
            if (colour != null) r.setUnderlineColor(colour);
            return this;
        }

        /** One paragraph with a comment saying {@code note} anchored to {@code anchored}. */
        public Body commented(String before, String anchored, String note) {
            if (comments == null) comments = doc.createComments();
            BigInteger id = BigInteger.valueOf(nextComment++);
            XWPFComment c = comments.createComment(id);
            c.setAuthor("资料员");
            c.createParagraph().createRun().setText(note);
            XWPFParagraph p = paragraph();
            p.createRun().setText(before);
            CTMarkupRange start = p.getCTP().addNewCommentRangeStart();
            start.setId(id);
            p.createRun().setText(anchored);
            CTMarkupRange end = p.getCTP().addNewCommentRangeEnd();
            end.setId(id);
            p.createRun().getCTR().addNewCommentReference().setId(id);
            return this;
        }

        private static void shd(CTShd shd, String val, String fill) {
            shd.setVal(STShd.Enum.forString(val));
            shd.setColor("auto");
            shd.setFill(fill);
        }
    }

    public static byte[] docx(Consumer<Body> body) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            body.accept(new Body(doc));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deployment notice with the relevant work highlighted in yellow, as a clerk marks it. */
    public static byte[] markedNotice() {
        return docx(b -> b.plain("关于开展2020年度文明城市创建工作的通知")
                .highlighted("各单位要", "广泛开展关爱空巢老人志愿服务活动", "yellow", "，全年累计服务时长不少于120小时。")
                .plain("各镇、街道及区直各部门于每季度末将工作进展情况报区文明办。"));
    }
}
