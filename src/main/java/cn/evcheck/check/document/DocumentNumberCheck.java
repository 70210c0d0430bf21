package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.inspect.DocFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.util.Messages;

import java.util.List;
import java.util.Set;

/**
 * 正式发文需扫描正式发文的红头页(需要文号): each formal document whose rule requires a 文号 must show
 * one; one written other than 机关代字〔年份〕序号号 (GB/T 9704) is a warning with the standard
 * spelling. Only a text layer or Word text is judged for spelling: OCR misreads the brackets.
 */
public final class DocumentNumberCheck implements Check {
    public static final Code MISSING = Code.graded("doc.number_missing", Severity.ERROR, Severity.WARNING, Clauses.FORMAL_DOC);
    public static final Code NONSTANDARD = Code.of("doc.number_nonstandard", Severity.WARNING, Clauses.FORMAL_DOC);

    @Override
    public List<Code> codes() {
        return List.of(MISSING, NONSTANDARD);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        Documents.each(ev, Set.of(Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE), (item, m, d, enough) -> {
            if (d.substitute()) return;
            if (d.number() == null) {
                if (!m.number()) return;
                String ocr = !d.scan() ? "not_needed" : switch (d.ocr()) {
                    case UNAVAILABLE -> "unavailable";
                    case DISABLED -> "disabled";
                    default -> "ran";
                };
                Placed at = d.hasRedHeader() ? d.redHeader().file() : d.first();
                Results.Emit e = out.emit(MISSING, at).data("kind", m.kind().key).data("ocr", ocr)
                        .arg("ocr_note", d.ocr() == DocFacts.OcrState.UNAVAILABLE || d.ocr() == DocFacts.OcrState.DISABLED
                                ? Messages.ref("doc.ocr_" + ocr) : "");
                if (enough) e.lesser();
                e.say();
            } else if (!d.number().standard() && d.numberSource().equals("text")) {
                out.emit(NONSTANDARD, d.first()).data("number", d.number().text()).data("standard", d.number().suggestion()).say();
            }
        });
    }
}
