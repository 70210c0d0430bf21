package cn.evcheck.check.report;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.util.Messages;

import java.util.*;

/**
 * 分别提供说明报告 / 分别说明2018、2019、2020年…: the reports an item asks for — a number of them,
 * one per year, or one per category — told apart by the year or category in the file name (else
 * the folder names, else the title). A slot with no usable report is missing; a report for a
 * year or category not asked for, or two reports for one slot, are warnings.
 */
public final class ReportSlotsCheck implements Check {
    public static final Code MISSING = Code.of("report.missing", Severity.ERROR, Clauses.REPORT);
    public static final Code UNEXPECTED = Code.of("report.unexpected", Severity.WARNING, Clauses.REPORT);
    public static final Code DUPLICATE = Code.of("report.duplicate", Severity.WARNING, Clauses.REPORT);


    @Override
    public List<Code> codes() {
        return List.of(MISSING, UNEXPECTED, DUPLICATE);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            List<Placed> files = ev.placed(item, Kind.REPORT);
            List<Placed> valid = files.stream().filter(p -> !out.rejected(p) && p.text() != null).toList();
            for (Material m : item.materials()) {
                if (m.kind() != Kind.REPORT) continue;
                Object words = words(Reports.target(ev, m));
                switch (m.each()) {
                    case NONE -> {
                        if (valid.size() >= m.min()) continue;
                        Results.Emit e = out.emit(MISSING, item.id(), null).data("have", valid.size()).data("need", m.min());
                        if (files.isEmpty()) {
                            e.arg("words", words).arg("copies", m.min() > 1 ? Messages.ref("report.copies", "need", m.min()) : "").say();
                        } else {
                            e.say("usable");
                        }
                    }
                    case YEAR -> years(ev, item, m, valid, words, out);
                    case CATEGORY -> categories(item, valid, words, out);
                }
            }
        }
    }

    private static Object words(Integer target) {
        return target == null ? "" : Messages.ref("report.words", "target", target);
    }

    private static void years(Evidence ev, Item item, Material m, List<Placed> valid, Object words, Results out) {
        List<Integer> years = item.yearsFor(m);
        Map<Integer, List<Placed>> slots = new TreeMap<>();
        for (Placed p : valid) {
            Integer y = Reports.yearOf(p);
            Integer titleYear = Reports.statedYear(p.text().firstLines(1));
            if (y == null) continue;
            if (!years.contains(y)) {
                out.emit(UNEXPECTED, p).data("year", y).data("years", years).say("year");
                continue;
            }
            if (titleYear != null && !titleYear.equals(y)) {
                out.emit(UNEXPECTED, p).data("title_year", titleYear).data("year", y).say("title_year");
            }
            slots.computeIfAbsent(y, k -> new ArrayList<>()).add(p);
        }
        for (int year : years) {
            List<Placed> in = slots.getOrDefault(year, List.of());
            if (in.size() > 1) duplicate(item, String.valueOf(year), in, out);
            if (!in.isEmpty() || year > ev.until(item).getYear()) continue;   // filled, or not due yet
            out.emit(MISSING, item.id(), null).period(String.valueOf(year)).data("year", year).arg("words", words).say("year");
        }
    }

    private static void categories(Item item, List<Placed> valid, Object words, Results out) {
        if (item.categories().isEmpty()) {
            if (valid.isEmpty()) out.emit(MISSING, item.id(), null).data("have", 0).data("need", 1).arg("words", words).say("each_category");
            return;
        }
        Map<String, List<Placed>> slots = new LinkedHashMap<>();
        for (Placed p : valid) {
            String cat = Reports.categoryOf(item, p);
            if (cat == null) {
                out.emit(UNEXPECTED, p).data("categories", item.categories()).say("category");
                continue;
            }
            slots.computeIfAbsent(cat, k -> new ArrayList<>()).add(p);
        }
        for (String cat : item.categories()) {
            List<Placed> in = slots.getOrDefault(cat, List.of());
            if (in.size() > 1) duplicate(item, cat, in, out);
            if (in.isEmpty()) out.emit(MISSING, item.id(), null).data("category", cat).arg("words", words).say("category");
        }
    }

    private static void duplicate(Item item, String slot, List<Placed> in, Results out) {
        List<String> names = in.stream().map(Placed::rel).sorted().toList();
        out.emit(DUPLICATE, item.id(), names.get(0)).data("files", names).data("slot", slot).arg("count", names.size()).say();
    }
}
