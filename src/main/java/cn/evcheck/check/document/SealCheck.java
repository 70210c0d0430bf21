package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.Sign;

import java.util.List;
import java.util.Set;

/**
 * 部门评价…需要提供红头页和盖章页; 统计表格…加盖…公章，扫描制作成图片格式: each evaluation and each
 * data table must show a round red seal. A Word file or a spreadsheet cannot carry a stamped seal:
 * where the rule asks for one, it must be printed, stamped and scanned.
 */
public final class SealCheck implements Check {
    public static final Code MISSING = Code.graded("doc.seal_missing", Severity.ERROR, Severity.WARNING, Clauses.DEPT_EVAL);

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
            if (d.substitute() || d.greyscale() || d.hasSeal() || !m.proof().requires(Sign.SEAL)) return;
            String variant = d.word() ? "word" : m.kind() == Kind.DATA_TABLE ? "table" : "evaluation";
            Documents.emit(out, MISSING, d, m, enough).data("proof", m.proof().key()).say(variant);
        });
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                // A spreadsheet beside a stamped scan carries the values for the target check; alone, it
                // is a data table nobody stamped.
                if (m.kind() != Kind.DATA_TABLE || !m.proof().requires(Sign.SEAL) || !ev.documents(item, m.kind()).isEmpty()) continue;
                for (Placed p : sheets(ev, item)) {
                    out.emit(MISSING, p).data("kind", m.kind().key).data("proof", m.proof().key()).say("sheet");
                }
            }
        }
    }

    /** The readable spreadsheets filed as an item's data tables: values, but no seal. */
    static List<Placed> sheets(Evidence ev, Item item) {
        return ev.placed(item, Kind.DATA_TABLE).stream()
                .filter(p -> !Evidence.isDocumentFile(p) && p.sheet() != null && p.sheet().problem() == null).toList();
    }
}
