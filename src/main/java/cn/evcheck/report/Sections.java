package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;

import java.util.*;
import java.util.function.Function;

/**
 * What the grouped renderers (HTML, Markdown, Excel) share: the sections of a report for a
 * {@link Grouping}, and the labels every format writes the same way. Pure functions.
 */
final class Sections {
    private Sections() {}

    /** One item of one unit. */
    record Entry(UnitResult unit, ItemResult result) {
        Item item() {
            return result.item();
        }
    }

    /**
     * A section: {@code key} is the department or responsible unit (or the unit name when grouping
     * by item; "" for a single-unit report); {@code title} is what a heading shows.
     */
    record Section(String key, String title, List<Entry> entries) {
        Section {
            entries = List.copyOf(entries);
        }
    }

    /**
     * ITEM: one section per unit, items in rule-set order. DEPARTMENT / UNIT: one section per
     * 牵头科室 / 责任单位 in order of first mention in the rule set (then any item naming none),
     * holding only the items that name it, unit by unit; an item naming several appears in each.
     */
    static List<Section> of(Report r, Grouping g, boolean en) {
        List<Section> out = new ArrayList<>();
        if (g == Grouping.ITEM) {
            for (UnitResult u : r.units()) {
                List<Entry> es = u.items().stream().map(ir -> new Entry(u, ir)).toList();
                out.add(new Section(u.name(), u.name().isEmpty() ? "" : (en ? "Unit: " : "单位：") + u.name(), es));
            }
            return out;
        }
        Function<Item, List<String>> keys = g == Grouping.DEPARTMENT ? Item::leadDepartments : Item::responsible;
        LinkedHashSet<String> order = new LinkedHashSet<>();
        boolean none = false;
        for (Item it : r.rules().items()) {
            order.addAll(keys.apply(it));
            none |= keys.apply(it).isEmpty();
        }
        String prefix = g == Grouping.DEPARTMENT ? (en ? "Lead office: " : "牵头科室：") : (en ? "Responsible unit: " : "责任单位：");
        for (String k : order) {
            List<Entry> es = new ArrayList<>();
            for (UnitResult u : r.units()) {
                for (ItemResult ir : u.items()) if (keys.apply(ir.item()).contains(k)) es.add(new Entry(u, ir));
            }
            out.add(new Section(k, prefix + k, es));
        }
        if (none) {
            List<Entry> es = new ArrayList<>();
            for (UnitResult u : r.units()) {
                for (ItemResult ir : u.items()) if (keys.apply(ir.item()).isEmpty()) es.add(new Entry(u, ir));
            }
            out.add(new Section("", g == Grouping.DEPARTMENT ? (en ? "No lead office named" : "未指定牵头科室")
                    : (en ? "No responsible unit named" : "未指定责任单位"), es));
        }
        return out;
    }

    /** Findings of a unit that belong to no item (unassigned files …). */
    static List<Finding> loose(UnitResult u) {
        return u.findings().stream().filter(f -> f.item() == null).toList();
    }

    static boolean multiUnit(Report r) {
        return r.units().size() > 1;
    }

    static String unitLabel(Report r, UnitResult u) {
        if (!u.name().isEmpty()) return u.name();
        String p = r.packagePath().replace('\\', '/');
        while (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String status(Status s, boolean en) {
        return switch (s) {
            case COMPLETE -> en ? "complete" : "完成";
            case INCOMPLETE -> en ? "incomplete" : "未完成";
            case MISSING -> en ? "missing" : "缺失";
        };
    }

    static String key(Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static String join(List<String> xs, boolean en) {
        return String.join(en ? ", " : "、", xs);
    }

    static String title(Item it) {
        return it.indicator().isEmpty() ? it.id() : it.id() + " " + it.indicator();
    }

    /** The requirement text of the responsibility list, else what the materials describe. */
    static String requirement(Item it, boolean en) {
        return it.requirement().isEmpty() ? materials(it, en) : it.requirement();
    }

    static String materials(Item it, boolean en) {
        StringJoiner j = new StringJoiner(en ? "; " : "；");
        for (Material m : it.materials()) j.add(Describe.material(m, it, en));
        return j.toString();
    }

    static String found(ItemResult ir, boolean en) {
        StringJoiner j = new StringJoiner(en ? ", " : "，");
        for (Kind k : Kind.values()) {
            Integer n = ir.filesByKind().get(k.key);
            if (n == null) continue;
            if (en) {
                // "4 photos", "1 report": the count first, the noun in its number.
                String l = k.label(true);
                j.add(n + " " + (n == 1 ? (l.endsWith("s") ? l.substring(0, l.length() - 1) : l) : (l.endsWith("s") ? l : l + "s")));
            } else {
                j.add(k.label(false) + " " + n + (k == Kind.PHOTOS ? " 张" : " 份"));
            }
        }
        String s = j.toString();
        return s.isEmpty() ? (en ? "nothing" : "无") : s;
    }

    static long count(ItemResult ir, Severity s) {
        return ir.findings().stream().filter(f -> f.severity() == s).count();
    }

    /**
     * "5 items — 2 complete, 3 incomplete, 0 missing; 7 errors, 3 warnings, 1 note (photos short in 10 periods)":
     * problems counted as the report lists them ({@link Report#shown}), the short periods behind the folded
     * coverage lines said once at the end.
     */
    static String summary(Report r, boolean en) {
        int items = r.units().stream().mapToInt(u -> u.items().size()).sum();
        long periods = r.gapPeriods();
        return en
                ? count(items, "item") + " — " + r.count(Status.COMPLETE) + " complete, " + r.count(Status.INCOMPLETE) + " incomplete, "
                + r.count(Status.MISSING) + " missing; " + count(r.shown(Severity.ERROR), "error") + ", "
                + count(r.shown(Severity.WARNING), "warning") + ", " + count(r.shown(Severity.INFO), "note")
                + (periods == 0 ? "" : " (photos short in " + count(periods, "period") + ")")
                : String.format(Locale.ROOT, "共 %d 个条目，完成 %d，未完成 %d，缺失 %d；错误 %d，警告 %d，提示 %d",
                items, r.count(Status.COMPLETE), r.count(Status.INCOMPLETE), r.count(Status.MISSING),
                r.shown(Severity.ERROR), r.shown(Severity.WARNING), r.shown(Severity.INFO))
                + (periods == 0 ? "" : "（图片不足共 " + periods + " 期）");
    }

    /** A count and its noun, plural unless the count is one. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * Coverage findings of an item folded per (code, category): the periods in ranges as the text
     * report writes them. Returns [code, category, folded periods, count, need] rows in finding order.
     */
    static List<Folded> foldCoverage(ItemResult ir, boolean en) {
        Map<String, List<Finding>> by = new LinkedHashMap<>();
        for (Finding f : ir.findings()) {
            if (!f.code().startsWith("coverage.")) continue;
            by.computeIfAbsent(f.code() + "\u0000" + f.data().getOrDefault("category", ""), k -> new ArrayList<>()).add(f);
        }
        List<Folded> out = new ArrayList<>();
        for (List<Finding> fs : by.values()) {
            Finding f0 = fs.get(0);
            int need = ((Number) f0.data().getOrDefault("need", 0)).intValue();
            String ranges = TextRenderer.fold(fs.stream().map(Finding::period).toList(),
                    fs.stream().map(f -> ((Number) f.data().getOrDefault("have", 0)).intValue()).toList(), en);
            String cat = String.valueOf(f0.data().getOrDefault("category", ""));
            boolean pending = f0.code().equals("coverage.pending");
            String text = en
                    ? (cat.isEmpty() ? "" : cat + ": ") + (pending ? "still running, photos short in " : "photos short in ") + ranges
                    + " (" + count(fs.size(), "period") + ", at least " + need + " each)"
                    : (cat.isEmpty() ? "" : "“" + cat + "”") + (pending ? "尚未结束、目前不足：" : "图片不足：") + ranges
                    + "（共 " + fs.size() + " 期，每期至少 " + need + " 张）";
            out.add(new Folded(f0.code(), f0.severity(), cat, text, fs.size()));
        }
        // Gaps before pending periods; categories in the item's order.
        List<String> cats = ir.item().categories();
        out.sort(Comparator.comparing((Folded f) -> f.code().equals("coverage.gap") ? 0 : 1)
                .thenComparing(f -> cats.indexOf(f.category()) < 0 ? Integer.MAX_VALUE : cats.indexOf(f.category()))
                .thenComparing(Folded::category));
        return out;
    }

    record Folded(String code, Severity severity, String category, String text, int count) {}

    /** The file name alone, for compact display. */
    static String baseName(String file) {
        return file == null ? "" : file.substring(file.lastIndexOf('/') + 1);
    }
}
