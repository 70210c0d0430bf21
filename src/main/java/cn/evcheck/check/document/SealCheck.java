package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;

import java.util.List;
import java.util.Set;

/**
 * 部门评价…需要提供红头页和盖章页; 统计表格…加盖…公章，扫描制作成图片格式: an evaluation and a data
 * table must show a round red seal.
 */
public final class SealCheck implements Check {
    public static final Code MISSING = Code.of("doc.seal_missing", Severity.ERROR, Clauses.DEPT_EVAL);

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
        Documents.judgeUsable(ev, out, Set.of(Kind.DEPT_EVAL, Kind.DATA_TABLE), (item, m, docs) -> {
            if (docs.stream().anyMatch(Document::seal)) return;
            out.emit(MISSING, item.id(), Documents.only(docs)).data("files", docs.size()).data("kind", m.kind().key)
                    .say(m.kind() == Kind.DATA_TABLE ? "table" : "evaluation");
        });
    }
}
