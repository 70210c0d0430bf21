package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;

import java.time.YearMonth;
import java.util.*;

/**
 * The terminal gap report: per item its status, what is required, what was found and what is
 * missing (coverage gaps folded into month ranges), then unassigned files and a summary line.
 * A pure function of the report.
 */
public final class TextRenderer {
    private final boolean en;
    private final StringBuilder sb = new StringBuilder();

    private TextRenderer(boolean en) {
        this.en = en;
    }

    public static String render(Report r, boolean english) {
        return render(r, english, Grouping.ITEM);
    }

    /** With DEPARTMENT or UNIT, one section per 牵头科室 or 责任单位 holding only its items. */
    public static String render(Report r, boolean english, Grouping g) {
        return new TextRenderer(english).doRender(r, g);
    }

    private String doRender(Report r, Grouping g) {
        line(en ? "evcheck " + r.toolVersion() + " — gap report" : "evcheck " + r.toolVersion() + " 网上申报材料缺口报告");
        line((en ? "Rules:   " : "规则集：") + r.rules().title() + " (" + r.rules().id() + ", sha256 "
                + r.rules().sha256().substring(0, 12) + ")");
        line((en ? "Package: " : "材料包：") + r.packagePath() + (en ? "    As of: " : "    截至：") + r.asOf());
        if (r.baseline().present()) since(r);
        if (g == Grouping.ITEM) {
            for (UnitResult u : r.units()) {
                if (!u.name().isEmpty()) {
                    line("");
                    line("════ " + (en ? "Unit: " : "单位：") + u.name() + " ════");
                }
                unit(u);
            }
        } else {
            boolean multi = r.units().size() > 1;
            for (Sections.Section s : Sections.of(r, g, en)) {
                line("");
                line("════ " + s.title() + " ════");
                for (Sections.Entry e : s.entries()) {
                    if (multi) line("");
                    if (multi) line("  " + (en ? "Unit: " : "单位：") + e.unit().name());
                    item(e.unit(), e.result());
                }
            }
            for (UnitResult u : r.units()) {
                notApplicable(u);
                loose(u);
            }
        }
        if (r.units().size() > 1) unitTable(r);
        line("");
        String summary = (en ? "Summary: " : "汇总：") + Sections.summary(r, en);
        line(summary);
        return sb.toString();
    }

    /** One line per unit: its items complete, incomplete and missing, its errors and warnings (several units). */
    private void unitTable(Report r) {
        line("");
        line(en ? "Units:" : "各单位汇总：");
        String[] head = en ? new String[]{"unit", "complete", "incomplete", "missing", "errors", "warnings"}
                : new String[]{"单位", "完成", "未完成", "缺失", "错误", "警告"};
        int nameWidth = width(head[0]);
        for (UnitResult u : r.units()) nameWidth = Math.max(nameWidth, width(u.name()));
        StringBuilder h = new StringBuilder("  ").append(pad(head[0], nameWidth));
        for (int i = 1; i < head.length; i++) h.append("  ").append(padLeft(head[i], Math.max(width(head[i]), 4)));
        line(h.toString());
        for (UnitResult u : r.units()) {
            long[] v = {u.count(Status.COMPLETE), u.count(Status.INCOMPLETE), u.count(Status.MISSING), u.shown(Severity.ERROR),
                    u.shown(Severity.WARNING)};
            StringBuilder row = new StringBuilder("  ").append(pad(u.name(), nameWidth));
            for (int i = 0; i < v.length; i++) row.append("  ").append(padLeft(String.valueOf(v[i]), Math.max(width(head[i + 1]), 4)));
            line(row.toString());
        }
    }

    private static int width(String s) {
        return cn.evcheck.util.Printable.width(s);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - width(s)));
    }

    private static String padLeft(String s, int w) {
        return " ".repeat(Math.max(0, w - width(s))) + s;
    }

    /** At most this many new and this many fixed findings are listed; the JSON report has them all. */
    static final int SINCE_MAX = 50;

    /** What changed since the baseline: counts, the new findings first, then the fixed ones. */
    private void since(Report r) {
        Baseline b = r.baseline();
        List<Finding> fresh = b.fresh(r.allFindings());
        int still = r.allFindings().size() - fresh.size();
        line("");
        line(en ? "Since the last run (baseline " + b.source() + "): " + fresh.size() + " new, " + b.fixed().size() + " fixed, "
                + still + " still there"
                : "自上次检查以来（基线 " + b.source() + "）：新增 " + fresh.size() + " 项，已修复 " + b.fixed().size() + " 项，仍存在 "
                + still + " 项");
        if (!fresh.isEmpty()) line(en ? "  New:" : "  新增：");
        for (Finding f : fresh.subList(0, Math.min(SINCE_MAX, fresh.size()))) {
            line("    " + mark(f.severity()) + " " + where(f.unit(), f.item(), f.file(), f.period()) + f.message(en));
        }
        if (fresh.size() > SINCE_MAX) line("    … " + (en ? (fresh.size() - SINCE_MAX) + " more" : "另有 " + (fresh.size() - SINCE_MAX) + " 项"));
        if (!b.fixed().isEmpty()) line(en ? "  Fixed:" : "  已修复：");
        for (Baseline.Entry e : b.fixed().subList(0, Math.min(SINCE_MAX, b.fixed().size()))) {
            line("    ✓ " + where(e.unit(), e.item(), e.file(), e.period()) + (e.message() == null ? e.code() : e.message()));
        }
        if (b.fixed().size() > SINCE_MAX) {
            line("    … " + (en ? (b.fixed().size() - SINCE_MAX) + " more" : "另有 " + (b.fixed().size() - SINCE_MAX) + " 项"));
        }
    }

    private static String where(String unit, String item, String file, String period) {
        StringBuilder w = new StringBuilder();
        for (String part : new String[]{unit, item, file, period}) {
            if (part != null && !part.isEmpty()) w.append('[').append(part).append("] ");
        }
        return w.toString();
    }

    private void unit(UnitResult u) {
        for (ItemResult ir : u.items()) item(u, ir);
        notApplicable(u);
        loose(u);
    }

    private void notApplicable(UnitResult u) {
        if (u.notApplicable().isEmpty()) return;
        line("");
        line(en ? "Not this unit's (its name is not among their responsible units, and it has no folder for them): "
                + String.join(", ", u.notApplicable())
                : "不属于本单位的条目（责任单位中没有“" + u.name() + "”，也没有其文件夹），未检查：" + String.join("、", u.notApplicable()));
    }

    private void loose(UnitResult u) {
        List<Finding> loose = u.findings().stream().filter(f -> f.item() == null).toList();
        if (!loose.isEmpty()) {
            line("");
            line(en ? "Files outside any item:" : "未归入任何条目的文件：");
            for (Finding f : loose) line("  " + mark(f.severity()) + " " + f.file() + (en ? ": " : "：") + f.message(en));
        }
    }

    private void item(UnitResult u, ItemResult ir) {
        Item item = ir.item();
        line("");
        String status = switch (ir.status()) {
            case COMPLETE -> en ? "[complete]  " : "[完成]  ";
            case INCOMPLETE -> en ? "[incomplete]" : "[未完成]";
            case MISSING -> en ? "[missing]   " : "[缺失]  ";
        };
        line(status + " " + item.id() + "  " + item.indicator()
                + (item.leadDepartments().isEmpty() ? "" : (en ? "  lead: " : "  牵头科室：") + String.join("、", item.leadDepartments())));
        StringJoiner req = new StringJoiner(en ? "; " : "；");
        for (Material m : item.materials()) req.add(Describe.material(m, item, en));
        line("    " + (en ? "Required: " : "要求：") + req);
        String note = Describe.note(item, en);
        if (!note.isEmpty()) line("    " + (en ? "Note: " : "备注：") + note);
        if (ir.status() == Status.MISSING) {
            for (Finding f : ir.findings()) line("    " + mark(f.severity()) + " " + f.message(en));
            return;
        }
        line("    " + (en ? "Found: " : "已有：") + Sections.found(ir, en));
        List<DocumentRecord> docs = DocumentVerdicts.of(u, item.id());
        if (!docs.isEmpty()) {
            line("    " + (en ? "Documents:" : "文件核验："));
            for (DocumentRecord d : docs) line("      " + DocumentVerdicts.line(d, en));
        }
        if (ir.findings().isEmpty()) return;
        line("    " + (en ? "Gaps and problems:" : "缺口与问题："));
        // Coverage: one line per category, periods folded into ranges (shared with HTML and Markdown).
        for (Sections.Folded c : Sections.foldCoverage(ir, en)) line("    " + mark(c.severity()) + " " + c.text());
        for (Finding f : ir.findings()) {
            if (f.code().startsWith("coverage.")) continue;
            String where = f.file() != null ? f.file() + (en ? ": " : "：") : "";
            line("    " + mark(f.severity()) + " " + where + f.message(en) + "  [" + f.code() + "]");
        }
    }

    /**
     * Periods in calendar order; runs of three or more consecutive empty periods fold into a
     * range ("2018-01…2018-03"); a period with some photos shows how many ("2018 清明节（仅1张）").
     */
    static String fold(List<String> periods, List<Integer> have, boolean en) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) idx.add(i);
        idx.sort(Comparator.comparing(i -> Finding.periodKey(periods.get(i))));
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < idx.size()) {
            int j = i;
            while (have.get(idx.get(i)) == 0 && j + 1 < idx.size() && have.get(idx.get(j + 1)) == 0
                    && next(periods.get(idx.get(j)), periods.get(idx.get(j + 1)))) j++;
            if (j - i >= 2) {
                parts.add(cn.evcheck.util.PeriodText.range(periods.get(idx.get(i)), periods.get(idx.get(j)), en));
            } else {
                for (int k = i; k <= j; k++) {
                    int h = have.get(idx.get(k));
                    parts.add(cn.evcheck.util.PeriodText.spell(periods.get(idx.get(k)), en) + (h == 0 ? "" : en ? " (only " + h + ")" : "（仅" + h + "张）"));
                }
            }
            i = j + 1;
        }
        return String.join(en ? ", " : "、", parts);
    }

    private static boolean next(String a, String b) {
        try {
            if (a.matches("\\d{4}-\\d{2}") && b.matches("\\d{4}-\\d{2}")) {
                return YearMonth.parse(a).plusMonths(1).equals(YearMonth.parse(b));
            }
            if (a.matches("\\d{4}-\\d{2}\\.\\.\\d{4}-\\d{2}") && b.matches("\\d{4}-\\d{2}\\.\\.\\d{4}-\\d{2}")) {
                return YearMonth.parse(a.substring(0, 7)).plusMonths(2).equals(YearMonth.parse(b.substring(0, 7)));
            }
            if (a.matches("\\d{4}") && b.matches("\\d{4}")) return Integer.parseInt(a) + 1 == Integer.parseInt(b);
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static String mark(Severity s) {
        return switch (s) {
            case ERROR -> "✗";
            case WARNING -> "!";
            case INFO -> "·";
        };
    }

    /** One line of the report; whatever it holds from the package cannot break it into more ({@link Printable}). */
    private void line(String s) {
        sb.append(cn.evcheck.util.Printable.escape(s)).append('\n');
    }
}
