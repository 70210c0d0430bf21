package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.util.Messages.Localized;

import java.util.List;
import java.util.Set;

/**
 * 正式发文需扫描正式发文的红头页 … 部门评价…需要提供红头页: a formal document or evaluation must show
 * its red-header page (the large red issuing-authority mark above a thin red rule, GB/T 9704),
 * scanned in colour or as a Word document's red title.
 */
public final class RedHeaderCheck implements Check {
    public static final Code MISSING = Code.of("doc.red_header_missing", Severity.ERROR, Clauses.FORMAL_DOC);

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
        Documents.judgeUsable(ev, out, Set.of(Kind.FORMAL_DOC, Kind.DEPT_EVAL), (item, m, docs) -> {
            if (docs.stream().anyMatch(Document::redHeader)) return;
            out.emit(MISSING, item.id(), Documents.only(docs)).data("files", docs.size()).data("kind", m.kind().key)
                    .arg("kind_label", new Localized(m.kind().zh, m.kind().en)).say();
        });
    }
}
