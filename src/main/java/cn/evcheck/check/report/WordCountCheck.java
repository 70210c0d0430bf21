package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.inspect.WordCounter;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.ReportDefaults;
import cn.evcheck.util.Messages;

import java.util.List;

/**
 * 说明报告要按照字数要求写出文字说明: 字数 counted as Word counts it (body and tables; footnotes,
 * endnotes and text boxes shown apart) against "N字左右" with the rule set's tolerance band. Too
 * short is an error, too long a warning.
 */
public final class WordCountCheck implements Check {
    public static final Code TOO_SHORT = Code.of("report.too_short", Severity.ERROR, Clauses.REPORT);
    public static final Code TOO_LONG = Code.of("report.too_long", Severity.WARNING, Clauses.REPORT);

    @Override
    public List<Code> codes() {
        return List.of(TOO_SHORT, TOO_LONG);
    }

    @Override
    public void run(Evidence ev, Results out) {
        ReportDefaults d = ev.rules().defaults().report();
        for (Reports.Accepted r : Reports.accepted(ev, out)) {
            Integer target = Reports.target(ev, r.material());
            if (target == null) continue;
            TextFacts t = r.file().text();
            WordCounter.Counts c = t.counts();
            int lo = (int) Math.ceil(target * (1 - d.below()));
            int hi = (int) Math.floor(target * (1 + d.above()));
            if (c.words() >= lo && c.words() <= hi) continue;
            int notes = t.notes().words();
            int boxes = t.boxes().words();
            out.emit(c.words() < lo ? TOO_SHORT : TOO_LONG, r.file())
                    .data("words", c.words()).data("han", c.han()).data("chars_no_spaces", c.nonSpaceChars())
                    .data("notes_words", notes).data("textbox_words", boxes).data("target", target).data("min", lo).data("max", hi)
                    .arg("extra", notes + boxes == 0 ? "" : Messages.ref("report.uncounted", "notes", notes, "boxes", boxes))
                    .say();
        }
    }
}
