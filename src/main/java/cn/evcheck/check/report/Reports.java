package cn.evcheck.check.report;

import cn.evcheck.check.Evidence;
import cn.evcheck.check.Placed;
import cn.evcheck.check.Results;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;

import cn.evcheck.rules.Model.Each;
import cn.evcheck.scan.PackageScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d{2})(?!\\d)");

    /** A year written in a name or title, or null. */
    static Integer statedYear(String s) {
        Matcher m = YEAR.matcher(s);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    /** The year a report is about: from its file name, else its folder names, else its title; or null. */
    static Integer yearOf(Placed p) {
        Integer y = statedYear(p.f().stem());
        if (y == null) {
            for (String folder : p.f().folders()) if (y == null) y = statedYear(folder);
        }
        return y != null ? y : statedYear(p.text().firstLines(1));
    }

    /** The category a report is about: its folder's, else the one its first lines name; or null. */
    static String categoryOf(Item item, Placed p) {
        return p.f().category() != null ? p.f().category() : PackageScanner.categoryOf(item, p.text().firstLines(2));
    }

    /**
     * The slot a report fills where its material asks for one report per year or per category:
     * "2019", "关爱空巢老人"; null where the material asks for one report in all, or the report names
     * no slot the item has.
     */
    static String slot(Item item, Material m, Placed p) {
        if (m == null) return null;
        if (m.each() == Each.YEAR) {
            Integer y = yearOf(p);
            return y != null && item.yearsFor(m).contains(y) ? String.valueOf(y) : null;
        }
        if (m.each() == Each.CATEGORY && !item.categories().isEmpty()) {
            String c = categoryOf(item, p);
            return c != null && item.categories().contains(c) ? c : null;
        }
        return null;
    }
}
