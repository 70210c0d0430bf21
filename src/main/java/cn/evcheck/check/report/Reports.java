package cn.evcheck.check.report;

import cn.evcheck.check.Evidence;
import cn.evcheck.check.Placed;
import cn.evcheck.check.Results;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;

import java.util.ArrayList;
import java.util.List;

/** The reports of an item that opened as Word/WPS/Yozo documents, and the 字数 a report is held to. */
final class Reports {
    private Reports() {}

    /** A report that passed the readability check, with its item's report requirement. */
    record Accepted(Placed file, Material material) {}

    static List<Accepted> accepted(Evidence ev, Results out) {
        List<Accepted> list = new ArrayList<>();
        for (Item item : ev.present()) {
            Material m = Evidence.material(item, Kind.REPORT);
            for (Placed p : ev.placed(item, Kind.REPORT)) {
                if (!out.rejected(p) && p.text() != null) list.add(new Accepted(p, m));
            }
        }
        return list;
    }

    /** "N字左右": the material's own target, else the rule set's default, else none. */
    static Integer target(Evidence ev, Material m) {
        return m != null && m.words() != null ? m.words() : ev.rules().defaults().report().words();
    }
}
