package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.PdfFacts;
import cn.evcheck.inspect.SecrecyMarks;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.scan.FileType;

import java.util.List;

/**
 * A secrecy marking (秘密/机密/绝密★…) in a file name, the first lines of a document's body or of its
 * other stories (headers and footers, text boxes, notes, comments), the top of any page of a PDF (its
 * text layer, or OCR of a scanned page's top band) or the OCR text of a scan. A starred mark is an
 * error; the bare level word alone on a first line is a warning. The finding says where (data
 * {@code found_in}).
 */
public final class SecrecyMarkCheck implements Check {
    public static final Code MARKING = Code.graded("secret.marking", Severity.ERROR, Severity.WARNING, Clauses.SECRET);

    @Override
    public List<Code> codes() {
        return List.of(MARKING);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Placed p : ev.files()) {
            if (p.place() == Placed.Place.UNUSABLE) continue;
            Facts fx = p.fx();
            SecrecyMarks.Mark mark = SecrecyMarks.inName(p.f().name());
            String where = "文件名";
            if (fx.text() != null && fx.text().status() == TextFacts.Status.OK) {
                SecrecyMarks.Mark m = SecrecyMarks.find(fx.text().head(), 6);
                if (better(m, mark)) {
                    mark = m;
                    where = "正文开头";
                }
                // Headers and footers (GB/T 9704 allows the mark there too), text boxes, notes.
                for (TextFacts.Story st : fx.text().stories()) {
                    m = SecrecyMarks.find(st.head(), 3);
                    if (better(m, mark)) {
                        mark = m;
                        where = st.where();
                    }
                }
            }
            boolean pdf = p.f().type() == FileType.PDF;
            if (fx.doc() != null && fx.doc().problem() == null) {
                DocFacts d = fx.doc();
                // The top of every page read: a text layer's first lines, or OCR of a scan's top band.
                for (int i = 0; i < d.tops().size(); i++) {
                    SecrecyMarks.Mark m = d.ocrRan() ? SecrecyMarks.findOcr(d.tops().get(i), DocFacts.TOP_LINES)
                            : SecrecyMarks.find(d.tops().get(i), DocFacts.TOP_LINES);
                    if (better(m, mark)) {
                        mark = m;
                        where = page(i + 1, d.ocrRan());
                    }
                }
                SecrecyMarks.Mark m = SecrecyMarks.find(d.text(), 8);
                if (better(m, mark)) {
                    mark = m;
                    where = pdf ? page(1, false) : "PDF文字层";
                }
                m = SecrecyMarks.findOcr(d.ocr(), 8);
                if (better(m, mark)) {
                    mark = m;
                    where = pdf ? page(1, true) : "扫描件文字识别";
                }
            }
            if (fx.pdf() != null && fx.pdf().problem() == null) {
                // A combined photo PDF: each page's text.
                for (PdfFacts.Page pg : fx.pdf().pages()) {
                    SecrecyMarks.Mark m = SecrecyMarks.find(pg.text(), DocFacts.TOP_LINES);
                    if (better(m, mark)) {
                        mark = m;
                        where = page(pg.number(), false);
                    }
                }
            }
            if (mark == null) continue;
            Results.Emit e = out.emit(MARKING, p).data("certain", mark.certain()).data("found_in", where).data("marking", mark.text());
            if (mark.certain()) {
                e.say("certain");
            } else {
                e.lesser().say("uncertain");
            }
        }
    }

    /** "第3页", or "第3页，文字识别" for text OCR read. */
    private static String page(int number, boolean ocr) {
        return "第" + number + "页" + (ocr ? "，文字识别" : "");
    }

    private static boolean better(SecrecyMarks.Mark m, SecrecyMarks.Mark than) {
        return m != null && (than == null || (m.certain() && !than.certain()));
    }
}
