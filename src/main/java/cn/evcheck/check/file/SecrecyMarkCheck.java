package cn.evcheck.check.file;

import cn.evcheck.check.*;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.SecrecyMarks;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/**
 * A secrecy marking (秘密/机密/绝密★…) in a file name, the first lines of a document, a PDF's text
 * layer or the OCR text of a scan. A starred mark is an error; the bare level word alone on a
 * first line is a warning.
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
            if (fx.doc() != null && fx.doc().problem() == null) {
                SecrecyMarks.Mark m = SecrecyMarks.find(fx.doc().text(), 8);
                if (better(m, mark)) {
                    mark = m;
                    where = "PDF文字层";
                }
                m = SecrecyMarks.findOcr(fx.doc().ocr(), 8);
                if (better(m, mark)) {
                    mark = m;
                    where = "扫描件文字识别";
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

    private static boolean better(SecrecyMarks.Mark m, SecrecyMarks.Mark than) {
        return m != null && (than == null || (m.certain() && !than.certain()));
    }
}
