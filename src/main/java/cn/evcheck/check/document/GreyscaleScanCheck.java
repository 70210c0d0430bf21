package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;

import java.util.List;
import java.util.Set;

/**
 * A document scanned in greyscale or black and white shows no red: its red header and seal cannot
 * be seen, by evcheck or by an assessor. Said as what it is — scan again in colour — rather than
 * as a missing red header or seal.
 */
public final class GreyscaleScanCheck implements Check {
    public static final Code GREYSCALE = Code.graded("doc.greyscale", Severity.ERROR, Severity.WARNING, Clauses.SCAN);

    @Override
    public List<Code> codes() {
        return List.of(GREYSCALE);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        Documents.each(ev, Set.of(Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE), (item, m, d, enough) -> {
            if (!d.greyscale() || m.proof().none() || m.proof().met(d.hasRedHeader(), d.hasSeal())) return;
            Documents.emit(out, GREYSCALE, d, m, enough).data("proof", m.proof().key()).say();
        });
    }
}
