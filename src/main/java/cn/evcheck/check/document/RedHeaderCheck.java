package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Sign;

import java.util.List;
import java.util.Set;

/**
 * 正式发文需扫描正式发文的红头页 … 部门评价…需要提供红头页: each formal document or evaluation
 * must show its red-header page (the large red issuing-authority mark above a thin red rule,
 * GB/T 9704), scanned in colour or as a Word document's red title. Where the rule accepts the
 * red-header page or the seal page (seed 002's 规范文件), a document showing neither is reported.
 * A page scanned without colour is the greyscale check's, not this one's.
 */
public final class RedHeaderCheck implements Check {
    public static final Code MISSING = Code.graded("doc.red_header_missing", Severity.ERROR, Severity.WARNING, Clauses.FORMAL_DOC);

    @Override
    public List<Code> codes() {
        return List.of(MISSING);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        Documents.each(ev, Set.of(Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE), (item, m, d, enough) -> {
            if (d.substitute() || d.greyscale() || d.hasRedHeader()) return;
            if (m.proof().requires(Sign.RED_HEADER)) {
                Documents.emit(out, MISSING, d, m, enough).data("proof", m.proof().key()).say();
            } else if (m.proof().anyOf() && m.proof().mentions(Sign.RED_HEADER) && !m.proof().met(false, d.hasSeal())) {
                Documents.emit(out, MISSING, d, m, enough).data("proof", m.proof().key()).say("any");
            }
        });
    }
}
