package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.util.Messages.Localized;

import java.util.List;

/**
 * An image in a document folder that shows no document page — an activity photo, a screenshot —
 * is no 正式发文, 部门评价 or 数据表格: it counts for nothing there and would be uploaded as the
 * wrong material. It should move to the photos.
 */
public final class StrayPageCheck implements Check {
    public static final Code NOT_DOCUMENT = Code.of("doc.not_document", Severity.WARNING, Clauses.FORMATS);

    @Override
    public List<Code> codes() {
        return List.of(NOT_DOCUMENT);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Kind kind : List.of(Kind.FORMAL_DOC, Kind.DEPT_EVAL, Kind.DATA_TABLE)) {
                if (!item.requires(kind)) continue;
                for (Placed p : ev.strays(item, kind)) {
                    out.emit(NOT_DOCUMENT, p).data("kind", kind.key).arg("kind_label", new Localized(kind.zh, kind.en))
                            .say(item.requires(Kind.PHOTOS) ? "photos" : "other");
                }
            }
        }
    }
}
