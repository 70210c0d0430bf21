package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;

import java.util.List;

/** Tracked changes and comments left in a report are published with it. */
public final class RevisionsCheck implements Check {
    public static final Code REVISIONS = Code.of("report.revisions", Severity.WARNING, Clauses.PUBLISHED);

    @Override
    public List<Code> codes() {
        return List.of(REVISIONS);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Reports.Accepted r : Reports.accepted(ev, out)) {
            TextFacts t = r.file().text();
            if (t.revisions() > 0 || t.comments() > 0) {
                out.emit(REVISIONS, r.file()).data("comments", t.comments()).data("revisions", t.revisions()).say();
            }
        }
    }
}
