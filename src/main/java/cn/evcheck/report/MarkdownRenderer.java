package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.report.Sections.Entry;
import cn.evcheck.report.Sections.Section;
import cn.evcheck.rules.Model.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gap report as Markdown (GitHub-flavoured tables) for wikis and chat: provenance, summary,
 * in multi-unit mode an item × unit status matrix, then per section its items with requirement,
 * status, a coverage table per photo category and the findings. A pure function of the report.
 */
public final class MarkdownRenderer {
    private final Report r;
    private final boolean en;
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    private MarkdownRenderer(Report r, boolean en) {
        this.r = r;
        this.en = en;
    }

    public static String render(Report r, boolean english, Grouping g) {
        return new MarkdownRenderer(r, english).doRender(g == null ? Grouping.ITEM : g);
    }

    private String t(String zh, String english) {
        return en ? english : zh;
    }

    private String doRender(Grouping g) {
        String who = r.units().size() == 1 ? Sections.unitLabel(r, r.units().get(0)) : r.rules().title();
        line("# " + md(t("网上申报材料缺口报告", "Gap report") + " — " + who));
        line("");
        line("| | |");
        line("|---|---|");
        line("| " + t("规则集", "Rules") + " | " + cell(r.rules().title()) + " (`" + r.rules().id() + "`) |");
        line("| sha256 | `" + r.rules().sha256() + "` |");
        if (!r.rules().source().isEmpty()) line("| " + t("依据", "Source") + " | " + cell(r.rules().source()) + " |");
        line("| " + t("材料包", "Package") + " | " + cell(r.packagePath()) + " |");
        line("| " + t("截至", "As of") + " | " + r.asOf() + " |");
        line("| " + t("工具", "Tool") + " | evcheck " + cell(r.toolVersion()) + " |");
        line("");
        line(label(t("汇总", "Summary")) + md(Sections.summary(r, en)));
        if (r.baseline().present()) since();
        if (Sections.multiUnit(r)) matrix();
        for (Section s : Sections.of(r, g, en)) {
            if (!s.title().isEmpty()) {
                line("");
                line("## " + md(s.title()));
            }
            boolean showUnit = g != Grouping.ITEM && Sections.multiUnit(r);
            for (Entry e : s.entries()) item(e, showUnit);
        }
        for (UnitResult u : r.units()) {
            List<Finding> loose = Sections.loose(u);
            if (loose.isEmpty()) continue;
            line("");
            line("## " + md(t("未归入任何条目的文件", "Files outside any item")
                    + (Sections.multiUnit(r) ? (en ? " — " : "：") + Sections.unitLabel(r, u) : "")));
            line("");
            for (Finding f : loose) finding(f);
        }
        return sb.toString();
    }

    private void matrix() {
        line("");
        line("## " + t("单位 × 条目 完成情况", "Units × items"));
        line("");
        StringBuilder h = new StringBuilder("| " + t("条目", "Item") + " |");
        StringBuilder sep = new StringBuilder("|---|");
        for (UnitResult u : r.units()) {
            h.append(' ').append(cell(Sections.unitLabel(r, u))).append(" |");
            sep.append(":---:|");
        }
        line(h.toString());
        line(sep.toString());
        for (Item it : r.rules().items()) {
            StringBuilder row = new StringBuilder("| " + cell(it.id()) + " |");
            for (UnitResult u : r.units()) {
                ItemResult ir = u.items().stream().filter(x -> x.item().id().equals(it.id())).findFirst().orElse(null);
                row.append(' ').append(ir == null ? (u.notApplicable().contains(it.id()) ? t("不适用", "n/a") : "")
                        : icon(ir.status()) + " " + Sections.status(ir.status(), en)).append(" |");
            }
            line(row.toString());
        }
    }

    private void item(Entry e, boolean showUnit) {
        ItemResult ir = e.result();
        Item it = ir.item();
        line("");
        line("### " + icon(ir.status()) + " " + md(Sections.title(it)) + " — " + Sections.status(ir.status(), en)
                + (showUnit ? " · " + md(Sections.unitLabel(r, e.unit())) : ""));
        line("");
        StringBuilder meta = new StringBuilder();
        meta(meta, t("牵头科室", "Lead office"), it.leadDepartments());
        meta(meta, t("分管领导", "Leader"), it.leaders());
        meta(meta, t("责任单位", "Responsible"), it.responsible());
        if (meta.length() > 0) line("- " + meta);
        line("- " + label(t("要求", "Requirement")) + md(Sections.requirement(it, en)));
        String note = Describe.note(it, en);
        if (!note.isEmpty()) line("- " + label(t("备注", "Note")) + md(note));
        line("- " + label(t("应交材料", "Materials")) + md(Sections.materials(it, en)) + (en ? "; " : "；")
                + label(t("已有", "Found")) + md(ir.status() == Status.MISSING ? t("无", "nothing") : Sections.found(ir, en)));
        List<DocumentRecord> docs = DocumentVerdicts.of(e.unit(), it.id());
        if (!docs.isEmpty()) {
            line("");
            line("| " + String.join(" | ", DocumentVerdicts.headers(en)) + " |");
            line("|---|---:|---|---|---|---|");
            for (DocumentRecord d : docs) {
                DocumentVerdicts.Row row = DocumentVerdicts.row(d, en);
                line("| " + String.join(" | ", List.of(cell(row.file()), row.pages(), cell(row.redHeader()), cell(row.number()),
                        cell(row.seal()), cell(row.verdict()))) + " |");
            }
        }
        for (CoverageGrid grid : ir.coverage()) calendar(grid, ir.item());
        if (ir.findings().isEmpty()) return;
        line("");
        for (Sections.Folded f : Sections.foldCoverage(ir, en)) {
            line("- " + mark(f.severity()) + " " + md(f.text()) + " `" + f.code() + "`");
        }
        for (Finding f : ir.findings()) if (!f.code().startsWith("coverage.")) finding(f);
    }

    private void meta(StringBuilder sb, String k, List<String> v) {
        if (v.isEmpty()) return;
        if (sb.length() > 0) sb.append(" · ");
        sb.append(label(k)).append(md(Sections.join(v, en)));
    }

    /** What changed since the baseline: the new findings first, then the fixed ones. */
    private void since() {
        Baseline b = r.baseline();
        List<Finding> fresh = b.fresh(r.allFindings());
        line("");
        line("## " + md(t("自上次检查以来", "Since the last run")));
        line("");
        line(md(t("基线 " + b.source() + "：新增 " + fresh.size() + " 项，已修复 " + b.fixed().size() + " 项，仍存在 "
                + (r.allFindings().size() - fresh.size()) + " 项",
                "Baseline " + b.source() + ": " + fresh.size() + " new, " + b.fixed().size() + " fixed, "
                + (r.allFindings().size() - fresh.size()) + " still there")));
        if (!fresh.isEmpty()) {
            line("");
            line(label(t("新增", "New")));
            line("");
            for (Finding f : fresh) line("- " + mark(f.severity()) + " " + md(Sections.join(whereOf(f.unit(), f.item()), en))
                    + " " + md(f.message(en)) + (f.file() == null ? "" : " — " + code(f.file())) + " `" + f.code() + "`");
        }
        if (!b.fixed().isEmpty()) {
            line("");
            line(label(t("已修复", "Fixed")));
            line("");
            for (Baseline.Entry e : b.fixed()) line("- ✓ " + md(Sections.join(whereOf(e.unit(), e.item()), en)) + " "
                    + md(e.message() == null ? "" : e.message()) + (e.file() == null ? "" : " — " + code(e.file())) + " `" + e.code() + "`");
        }
    }

    private static List<String> whereOf(String unit, String item) {
        List<String> w = new ArrayList<>();
        if (unit != null && !unit.isEmpty()) w.add(unit);
        if (item != null) w.add(item);
        return w;
    }

    private void finding(Finding f) {
        line("- " + mark(f.severity()) + " " + md(f.message(en)) + (f.file() == null ? "" : " — " + code(f.file())) + " `" + f.code() + "`");
    }

    private void calendar(CoverageGrid grid, Item item) {
        Coverage.Layout lay = Coverage.layout(grid, en);
        line("");
        line(label(t("覆盖情况", "Coverage")) + md(Describe.material(grid.material(), item, en)));
        line("");
        boolean cats = grid.rows().size() > 1 || !grid.rows().get(0).category().isEmpty();
        StringBuilder h = new StringBuilder("| " + (cats ? t("类别", "Category") + " | " : "") + t("年", "Year") + " |");
        StringBuilder sep = new StringBuilder("|" + (cats ? "---|" : "") + "---|");
        for (String l : lay.labels()) {
            h.append(' ').append(cell(l)).append(" |");
            sep.append(":---:|");
        }
        line(h.toString());
        line(sep.toString());
        for (CoverageGrid.Row row : grid.rows()) {
            Map<String, CoverageGrid.Cell> at = Coverage.cells(grid, row);
            for (String rk : lay.rows()) {
                StringBuilder s = new StringBuilder("| " + (cats ? cell(row.category()) + " | " : "") + cell(rk) + " |");
                for (String ck : lay.columns()) {
                    CoverageGrid.Cell c = at.get(rk + "\u0000" + ck);
                    s.append(' ').append(c == null ? "" : symbol(c) + " " + Coverage.shown(c)).append(" |");
                }
                line(s.toString());
            }
        }
        line("");
        line(t("✅ 已满足 · ❌ 不足 · ⏳ 尚未结束", "✅ met · ❌ short · ⏳ still running"));
    }

    /**
     * A bold label and its colon. In Chinese the full-width colon stays outside the emphasis:
     * CommonMark does not close {@code **} between punctuation and a Han character.
     */
    private String label(String k) {
        return en ? "**" + k + ":** " : "**" + k + "**：";
    }

    private static String symbol(CoverageGrid.Cell c) {
        return switch (c.state()) {
            case MET -> "✅";
            case GAP -> "❌";
            case PENDING -> "⏳";
        };
    }

    private static String icon(Status s) {
        return switch (s) {
            case COMPLETE -> "✅";
            case INCOMPLETE -> "❌";
            case MISSING -> "⛔";
        };
    }

    private String mark(Severity s) {
        return switch (s) {
            case ERROR -> "🔴 **" + s.label(en) + "**";
            case WARNING -> "🟠 **" + s.label(en) + "**";
            case INFO -> "🔵 " + s.label(en);
        };
    }

    /** Escapes Markdown inline syntax; line breaks become spaces. */
    static String md(String s) {
        if (s == null) return "";
        StringBuilder o = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|' -> o.append('\\').append(c);
                case '&' -> o.append("&amp;");
                case '\r' -> { }
                case '\n', '\t' -> o.append(' ');
                default -> o.append(c);
            }
        }
        // Control characters and bidi overrides from file names and captions shown, not obeyed.
        return cn.evcheck.util.Printable.escape(o.toString());
    }

    /** Text for a table cell. */
    private static String cell(String s) {
        return md(s);
    }

    /** A file path as inline code (backticks in the path lengthen the fence). */
    static String code(String s) {
        String clean = s.replace('\n', ' ').replace('\r', ' ');
        String fence = clean.contains("`") ? "`` " : "`";
        String close = clean.contains("`") ? " ``" : "`";
        if (clean.contains("``")) return md(clean);
        return fence + clean + close;
    }

    private void line(String s) {
        sb.append(cn.evcheck.util.Printable.escape(s)).append('\n');
    }
}
