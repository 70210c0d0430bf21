package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.inspect.Marks;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;

import java.util.List;
import java.util.Set;

/**
 * 对于要求“提供反映某某工作的相关正式发文”，…可提供对这项工作进行安排部署的相关正式发文，并将相关工作情况在
 * 文件中作出标注: where the rule says {@code marked: true}, each formal document must carry a mark
 * (highlight, comment, shading, coloured underline, a box drawn on the page). A document read and
 * found without one is a warning that says what to mark; one whose marks cannot be judged (a scan
 * with nothing coloured on it: pencil and black ink cannot be told from the print) is said so, as a
 * note, instead of passing silently.
 */
public final class MarkCheck implements Check {
    public static final Code UNMARKED = Code.graded("doc.unmarked", Severity.WARNING, Severity.INFO, Clauses.MARKED);

    @Override
    public List<Code> codes() {
        return List.of(UNMARKED);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        Documents.each(ev, Set.of(Kind.FORMAL_DOC), (item, m, d, enough) -> {
            if (!m.marked() || d.substitute() || d.marks() == null || d.marks().marked()) return;
            Marks k = d.marks();
            Results.Emit e = out.emit(UNMARKED, d.first()).data("marks", k.state().name().toLowerCase(java.util.Locale.ROOT));
            if (k.state() == Marks.State.NONE) {
                e.say();
            } else {
                e.data("why", k.why()).lesser().say(k.why().equals(Marks.NO_COLOUR) || k.why().equals(Marks.GREYSCALE) ? "scan" : "unjudged");
            }
        });
    }
}
