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

    /** The only document's path when there is exactly one (a finding can then name it), else null. */
    static String only(List<Document> docs) {
        return docs.size() == 1 ? docs.get(0).rel() : null;
    }
}
