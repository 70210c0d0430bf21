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
 * 正式发文需扫描正式发文的红头页(需要文号): a formal document must show its 文号; one written other
 * than 机关代字〔年份〕序号号 (GB/T 9704) is a warning with the standard spelling. Only a text layer
 * or Word text is judged for spelling: OCR misreads the brackets.
 */
public final class DocumentNumberCheck implements Check {
    public static final Code MISSING = Code.of("doc.number_missing", Severity.ERROR, Clauses.FORMAL_DOC);
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
        Documents.judgeUsable(ev, out, Set.of(Kind.FORMAL_DOC), (item, m, docs) -> {
            if (docs.stream().noneMatch(d -> d.number() != null)) {
                String where = docs.stream().filter(Document::redHeader).map(Document::rel).findFirst().orElse(Documents.only(docs));
                String ocr = docs.stream().noneMatch(Document::scan) ? "not_needed"
                        : docs.stream().anyMatch(d -> d.ocr() == DocFacts.OcrState.UNAVAILABLE) ? "unavailable"
                        : docs.stream().anyMatch(d -> d.ocr() == DocFacts.OcrState.DISABLED) ? "disabled" : "ran";
                out.emit(MISSING, item.id(), where).data("ocr", ocr)
                        .arg("ocr_note", ocr.equals("unavailable") || ocr.equals("disabled") ? Messages.ref("doc.ocr_" + ocr) : "").say();
            }
            for (Document d : docs) {
                if (d.number() == null || d.number().standard() || !d.numberSource().equals("text")) continue;
                out.emit(NONSTANDARD, d.file()).data("number", d.number().text()).data("standard", d.number().suggestion()).say();
            }
        });
    }
}
