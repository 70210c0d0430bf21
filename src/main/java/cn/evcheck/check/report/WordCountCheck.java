package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.inspect.WordCounter;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.ReportDefaults;
import cn.evcheck.util.Messages;

import java.util.List;

/**
 * 说明报告要按照字数要求写出文字说明: 字数 as Word's 字数统计 dialog shows it — body and tables with
 * text boxes, footnotes and endnotes, unless the document records that the user unticked them — against
 * "N字左右" with the rule set's tolerance band; the body-only and text-box/note figures are shown beside
 * it so a clerk can match either setting of the dialog. Too short is an error, too long a warning.
 */
public final class WordCountCheck implements Check {
    public static final Code TOO_SHORT = Code.graded("report.too_short", Severity.ERROR, Severity.WARNING, Clauses.REPORT);
    public static final Code TOO_LONG = Code.of("report.too_long", Severity.WARNING, Clauses.REPORT);

    @Override
    public List<Code> codes() {
        return List.of(TOO_SHORT, TOO_LONG);
    }

    @Override
    public void run(Evidence ev, Results out) {
        ReportDefaults d = ev.rules().defaults().report();
        List<Reports.Accepted> all = Reports.accepted(ev, out);
        for (Reports.Accepted r : all) {
            Integer target = Reports.target(ev, r.material());
            if (target == null) continue;
            TextFacts t = r.file().text();
            WordCounter.Counts c = t.words();
            int lo = (int) Math.ceil(target * (1 - d.below()));
            int hi = (int) Math.floor(target * (1 + d.above()));
            if (c.words() >= lo && c.words() <= hi) continue;
            int notes = t.notes().words();
            int boxes = t.boxes().words();
            Results.Emit e = out.emit(c.words() < lo ? TOO_SHORT : TOO_LONG, r.file());
            // Two reports for one slot (report.duplicate): a short extra one does not fail the item
            // when the other is long enough.
            if (c.words() < lo && filledByAnother(r, all, lo, hi)) e.lesser();
            e
                    .data("words", c.words()).data("han", c.han()).data("chars_no_spaces", c.nonSpaceChars())
                    .data("body_words", t.counts().words()).data("notes_words", notes).data("textbox_words", boxes)
                    .data("subdocs_counted", !t.subdocsExcluded())
                    .data("target", target).data("min", lo).data("max", hi)
                    .arg("extra", extra(t, notes, boxes))
                    .say();
        }
    }

    /** The body-only and text-box/note figures, when the document has any text boxes or notes. */
    private static Object extra(TextFacts t, int notes, int boxes) {
        if (notes + boxes == 0) return "";
        String key = t.subdocsExcluded() ? "report.subdocs_excluded" : "report.subdocs_included";
        return Messages.ref(key, "body", t.counts().words(), "notes", notes, "boxes", boxes);
    }

    /** Whether another report of the same item fills the same year or category slot within the band. */
    private static boolean filledByAnother(Reports.Accepted r, List<Reports.Accepted> all, int lo, int hi) {
        Item item = r.file().item();
        String slot = Reports.slot(item, r.material(), r.file());
        if (slot == null) return false;
        for (Reports.Accepted o : all) {
            if (o == r || o.file().item() != item || !slot.equals(Reports.slot(item, o.material(), o.file()))) continue;
            int w = o.file().text().words().words();
            if (w >= lo && w <= hi) return true;
        }
        return false;
    }
}
