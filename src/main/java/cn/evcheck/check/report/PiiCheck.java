package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/** Resident ID numbers (valid check digit) and mobile numbers in a report would be published with it. */
public final class PiiCheck implements Check {
    public static final Code PII = Code.of("report.pii", Severity.WARNING, Clauses.PUBLISHED);

    @Override
    public List<Code> codes() {
        return List.of(PII);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Reports.Accepted r : Reports.accepted(ev, out)) {
            List<String> pii = r.file().text().pii();
            if (pii.isEmpty()) continue;
            out.emit(PII, r.file()).data("count", pii.size()).data("masked", pii).arg("shown", pii.subList(0, Math.min(3, pii.size()))).say();
        }
    }
}
