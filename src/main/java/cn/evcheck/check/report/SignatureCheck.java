package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/** 不需要单位落款和加盖公章: a report ending with a unit and a date, or embedding a seal picture (a note). */
public final class SignatureCheck implements Check {
    public static final Code SIGNATURE = Code.of("report.signature", Severity.INFO, Clauses.REPORT);

    @Override
    public List<Code> codes() {
        return List.of(SIGNATURE);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Reports.Accepted r : Reports.accepted(ev, out)) {
            TextFacts t = r.file().text();
            String sig = t.signature();
            if (sig == null && !t.sealImage()) continue;
            Results.Emit e = out.emit(SIGNATURE, r.file());
            if (sig != null) e.data("signature", sig);
            e.data("seal_image", t.sealImage()).say(sig != null ? "signature" : "seal");
        }
    }
}
