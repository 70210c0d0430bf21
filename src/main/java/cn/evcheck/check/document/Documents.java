package cn.evcheck.check.document;

import cn.evcheck.check.*;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;

import java.util.List;

/** The document materials of an item (正式发文, 部门评价, 数据表格) and their usable files. */
final class Documents {
    private Documents() {}

    static boolean isDocument(Kind k) {
        return k == Kind.FORMAL_DOC || k == Kind.DEPT_EVAL || k == Kind.DATA_TABLE;
    }

    /** The document files (not data sheets) of an item's material kind, in path order. */
    static List<Placed> files(Evidence ev, Item item, Kind kind) {
        return ev.placed(item, kind).stream().filter(p -> ev.document(p) != null).toList();
    }

    /** The documents of a material that passed the readability check. */
    static List<Document> usable(Evidence ev, Item item, Material m, Results out) {
        return files(ev, item, m.kind()).stream().filter(p -> !out.rejected(p)).map(ev::document).toList();
    }

    /** What a per-material document check looks at: the item, the material, its usable documents. */
    interface Judge {
        void judge(Item item, Material m, List<Document> docs);
    }

    /**
     * Calls {@code judge} for every material of the given kinds whose usable documents reach the
     * required number (fewer is material.missing, said once by the presence check). A data table
     * given only as an indicator sheet has no documents to judge.
     */
    static void judgeUsable(Evidence ev, Results out, java.util.Set<Kind> kinds, Judge judge) {
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                if (!kinds.contains(m.kind()) || files(ev, item, m.kind()).isEmpty()) continue;
                List<Document> docs = usable(ev, item, m, out);
                if (docs.size() >= m.min()) judge.judge(item, m, docs);
            }
        }
    }

    /** The only document's path when there is exactly one (a finding can then name it), else null. */
    static String only(List<Document> docs) {
        return docs.size() == 1 ? docs.get(0).rel() : null;
    }
}
