package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.report.Sections.Entry;
import cn.evcheck.report.Sections.Section;
import cn.evcheck.rules.Model.Item;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The HTML gap report: one self-contained file (inline CSS and JS from {@code report.css} and
 * {@code report.js} beside this class in the resources; no network, no web fonts)
 * with a summary bar, filters (severity, 牵头科室, 责任单位, only items with problems; also
 * settable from the URL fragment, e.g. {@code #lead=组织人事科&sev=error}), per item its
 * requirement text and the rule set's note, status, findings and a coverage calendar per photo
 * category, and in multi-unit mode an item × unit status matrix. It fits a phone (375 px, see the
 * {@code max-width} rules in report.css): wide tables sit in {@code div.scroll} boxes that scroll
 * sideways by themselves, so the page never does. A pure function of the report
 * (thumbnails of problem photos are passed in, see {@link Thumbnails}); the same report gives
 * the same bytes.
 */
public final class HtmlRenderer {
    private final Report r;
    private final boolean en;
    private final Map<String, String> thumbs;
    private final StringBuilder sb = new StringBuilder(64 * 1024);

    private HtmlRenderer(Report r, boolean en, Map<String, String> thumbs) {
        this.r = r;
        this.en = en;
        this.thumbs = thumbs;
    }

    public static String render(Report r, boolean english, Grouping g) {
        return render(r, english, g, Map.of());
    }

    /** @param thumbnails data URIs by {@link Thumbnails#key}; photos without one show no picture */
    public static String render(Report r, boolean english, Grouping g, Map<String, String> thumbnails) {
        return new HtmlRenderer(r, english, thumbnails).doRender(g == null ? Grouping.ITEM : g);
    }

    private String t(String zh, String english) {
        return en ? english : zh;
    }

    private String doRender(Grouping g) {
        int items = r.units().stream().mapToInt(u -> u.items().size()).sum();
        long findings = r.allFindings().size();
        String heading = t("网上申报材料缺口报告", "Gap report");
        String who = r.units().size() == 1 ? Sections.unitLabel(r, r.units().get(0)) : r.rules().title();
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "zh-CN").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"evcheck ").append(esc(r.toolVersion())).append("\">\n")
                .append("<title>").append(esc(heading + " — " + who)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n")
                .append("<body data-grouping=\"").append(g.key()).append("\">\n<header>\n<h1>").append(esc(heading))
                .append(" <small>").append(esc(who)).append("</small></h1>\n");
        sb.append("<dl class=\"prov\">");
        prov(t("规则集", "Rules"), r.rules().title() + " (" + r.rules().id() + ")");
        prov("sha256", r.rules().sha256());
        if (!r.rules().source().isEmpty()) prov(t("依据", "Source"), r.rules().source());
        prov(t("材料包", "Package"), r.packagePath());
        prov(t("截至", "As of"), r.asOf().toString());
        prov(t("工具", "Tool"), "evcheck " + r.toolVersion());
        sb.append("</dl>\n");

        sb.append("<div class=\"summary\" id=\"summary\">");
        tile("complete", "st-complete", r.count(Status.COMPLETE), t("完成", "complete"));
        tile("incomplete", "st-incomplete", r.count(Status.INCOMPLETE), t("未完成", "incomplete"));
        tile("missing", "st-missing", r.count(Status.MISSING), t("缺失", "missing"));
        tile("errors", "sev-error", r.shown(Severity.ERROR), t("错误", "errors"));
        tile("warnings", "sev-warning", r.shown(Severity.WARNING), t("警告", "warnings"));
        tile("infos", "sev-info", r.shown(Severity.INFO), t("提示", "notes"));
        sb.append("</div>\n");

        // Filters: severity, lead office, responsible unit, only items with problems.
        sb.append("<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">\n<span class=\"fl\">")
                .append(esc(t("严重程度", "Severity"))).append("</span>");
        for (Severity s : Severity.values()) {
            sb.append("<label class=\"chk sev-").append(s.key()).append("\"><input type=\"checkbox\" name=\"sev\" value=\"")
                    .append(s.key()).append("\" checked> ").append(esc(s.label(en))).append("</label>");
        }
        select("f-lead", t("牵头科室", "Lead office"), offices(Item::leadDepartments));
        select("f-resp", t("责任单位", "Responsible unit"), offices(Item::responsible));
        sb.append("<label class=\"chk\"><input type=\"checkbox\" id=\"f-open\"> ").append(esc(t("只看有问题的条目", "only items with problems")))
                .append("</label>\n<output id=\"shown\">").append(esc(t("显示", "Showing"))).append(" <b id=\"shown-items\">…</b>/")
                .append(items).append(esc(t(" 个条目，", " items, "))).append("<b id=\"shown-findings\">…</b>/").append(findings)
                .append(esc(t(" 条问题", " findings"))).append("</output>\n</form>\n</header>\n<main>\n");

        if (r.baseline().present()) since();
        if (Sections.multiUnit(r)) matrix();
        for (Section s : Sections.of(r, g, en)) section(s, g);
        for (UnitResult u : r.units()) loose(u);
        sb.append("</main>\n<footer>").append(esc(t("由 evcheck " + r.toolVersion() + " 生成；本文件不含外部资源，可离线打开、转发。",
                "Made by evcheck " + r.toolVersion() + "; this file loads nothing from the network."))).append("</footer>\n");
        sb.append("<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** What changed since the baseline: counts, the new findings first, then the fixed ones. */
    private void since() {
        Baseline b = r.baseline();
        List<Finding> fresh = b.fresh(r.allFindings());
        int still = r.allFindings().size() - fresh.size();
        sb.append("<section class=\"since\" id=\"since\">\n<h2>").append(esc(t("自上次检查以来", "Since the last run"))).append("</h2>\n<p>")
                .append(esc(t("基线 " + b.source() + "：新增 " + fresh.size() + " 项，已修复 " + b.fixed().size() + " 项，仍存在 " + still + " 项",
                        "Baseline " + b.source() + ": " + fresh.size() + " new, " + b.fixed().size() + " fixed, " + still + " still there")))
                .append("</p>\n");
        if (!fresh.isEmpty()) {
            sb.append("<h3>").append(esc(t("新增", "New"))).append("</h3>\n<ul class=\"new\">\n");
            for (Finding f : fresh) {
                sb.append("<li class=\"sev-").append(f.severity().key()).append("\">").append(esc(sinceLine(f.unit(), f.item(), f.file(),
                        f.message(en)))).append(" <code>").append(esc(f.code())).append("</code></li>\n");
            }
            sb.append("</ul>\n");
        }
        if (!b.fixed().isEmpty()) {
            sb.append("<h3>").append(esc(t("已修复", "Fixed"))).append("</h3>\n<ul class=\"fixed\">\n");
            for (Baseline.Entry e : b.fixed()) {
                sb.append("<li>✓ ").append(esc(sinceLine(e.unit(), e.item(), e.file(), e.message()))).append(" <code>")
                        .append(esc(e.code())).append("</code></li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("</section>\n");
    }

    private String sinceLine(String unit, String item, String file, String message) {
        StringBuilder w = new StringBuilder();
        if (unit != null && !unit.isEmpty()) w.append(unit).append(" · ");
        if (item != null) w.append(item).append(" · ");
        if (file != null) w.append(file).append(" · ");
        return w + (message == null ? "" : message);
    }

    private void prov(String k, String v) {
        sb.append("<dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd>");
    }

    private void tile(String id, String cls, long n, String label) {
        sb.append("<div class=\"tile ").append(cls).append("\"><b id=\"n-").append(id).append("\">").append(n)
                .append("</b><span>").append(esc(label)).append("</span></div>");
    }

    private List<String> offices(java.util.function.Function<Item, List<String>> f) {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        for (UnitResult u : r.units()) for (ItemResult ir : u.items()) s.addAll(f.apply(ir.item()));
        return List.copyOf(s);
    }

    private void select(String id, String label, List<String> values) {
        sb.append("\n<label class=\"sel\">").append(esc(label)).append(" <select id=\"").append(id).append("\"><option value=\"\">")
                .append(esc(t("全部", "all"))).append("</option>");
        for (String v : values) sb.append("<option value=\"").append(esc(v)).append("\">").append(esc(v)).append("</option>");
        sb.append("</select></label>");
    }

    /** Multi-unit mode: items as rows, units as columns, the status in each cell. */
    private void matrix() {
        sb.append("<section class=\"matrix\" id=\"matrix\">\n<h2>").append(esc(t("单位 × 条目 完成情况", "Units × items")))
                .append("</h2>\n<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>").append(esc(t("条目", "Item"))).append("</th>");
        for (UnitResult u : r.units()) sb.append("<th>").append(esc(Sections.unitLabel(r, u))).append("</th>");
        sb.append("</tr></thead><tbody>\n");
        for (Item it : r.rules().items()) {
            sb.append("<tr><th title=\"").append(esc(it.indicator())).append("\">").append(esc(it.id())).append("</th>");
            for (UnitResult u : r.units()) {
                ItemResult ir = u.items().stream().filter(x -> x.item().id().equals(it.id())).findFirst().orElse(null);
                if (ir == null) {
                    sb.append("<td class=\"st-na\">").append(u.notApplicable().contains(it.id()) ? esc(t("不适用", "n/a")) : "").append("</td>");
                } else {
                    sb.append("<td class=\"st-").append(Sections.key(ir.status())).append("\" data-unit=\"").append(esc(u.name()))
                            .append("\" data-item=\"").append(esc(it.id())).append("\"><a href=\"#").append(anchor(u, it.id())).append("\">")
                            .append(esc(Sections.status(ir.status(), en) + XlsxRenderer.counts(ir))).append("</a></td>");
                }
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
        // Per unit: counts, sortable by a click on a column's heading (report.js).
        sb.append("<div class=\"scroll\"><table class=\"units sortable\" id=\"units\"><thead><tr>");
        String[] cols = en ? new String[]{"Unit", "Complete", "Incomplete", "Missing", "Errors", "Warnings"}
                : new String[]{"单位", "完成", "未完成", "缺失", "错误", "警告"};
        for (String c : cols) sb.append("<th><button type=\"button\">").append(esc(c)).append("</button></th>");
        sb.append("</tr></thead><tbody>\n");
        for (UnitResult u : r.units()) {
            sb.append("<tr><th>").append(esc(Sections.unitLabel(r, u))).append("</th>");
            for (long v : new long[]{u.count(Status.COMPLETE), u.count(Status.INCOMPLETE), u.count(Status.MISSING),
                    u.shown(Severity.ERROR), u.shown(Severity.WARNING)}) {
                sb.append("<td data-sort=\"").append(v).append("\">").append(v).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n</section>\n");
    }

    /** The id of a unit's item in the page, which the matrix links to. */
    private String anchor(UnitResult u, String itemId) {
        return "u" + r.units().indexOf(u) + "-" + itemId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private void section(Section s, Grouping g) {
        sb.append("<section class=\"group\" data-key=\"").append(esc(s.key())).append("\">\n");
        if (!s.title().isEmpty()) {
            long inc = s.entries().stream().filter(e -> e.result().status() != Status.COMPLETE).count();
            long err = s.entries().stream().mapToLong(e -> Sections.count(e.result(), Severity.ERROR)).sum();
            sb.append("<h2>").append(esc(s.title())).append(" <small>").append(esc(en
                    ? s.entries().size() + " items, " + inc + " not complete, " + err + " errors"
                    : s.entries().size() + " 个条目，未完成 " + inc + "，错误 " + err)).append("</small></h2>\n");
        }
        boolean showUnit = g != Grouping.ITEM && Sections.multiUnit(r);
        for (Entry e : s.entries()) item(e, showUnit);
        sb.append("</section>\n");
    }

    private void item(Entry e, boolean showUnit) {
        ItemResult ir = e.result();
        Item it = ir.item();
        String st = Sections.key(ir.status());
        sb.append("<article class=\"item st-").append(st).append("\"");
        if (Sections.multiUnit(r) && r.units().contains(e.unit())) sb.append(" id=\"").append(anchor(e.unit(), it.id())).append("\"");
        sb.append(" data-item=\"").append(esc(it.id()))
                .append("\" data-unit=\"").append(esc(e.unit().name())).append("\" data-status=\"").append(st)
                .append("\" data-lead=\"").append(esc(bars(it.leadDepartments()))).append("\" data-resp=\"")
                .append(esc(bars(it.responsible()))).append("\">\n<h3><span class=\"badge st-").append(st).append("\">")
                .append(esc(Sections.status(ir.status(), en))).append("</span> <span class=\"id\">").append(esc(it.id()))
                .append("</span> ").append(esc(it.indicator()));
        if (showUnit) sb.append(" <span class=\"unit\">").append(esc(Sections.unitLabel(r, e.unit()))).append("</span>");
        sb.append("</h3>\n<p class=\"meta\">");
        meta(t("牵头科室", "Lead office"), it.leadDepartments());
        meta(t("分管领导", "Leader"), it.leaders());
        meta(t("责任单位", "Responsible"), it.responsible());
        sb.append("</p>\n<p class=\"req\"><b>").append(esc(t("要求：", "Requirement: "))).append("</b>")
                .append(esc(Sections.requirement(it, en))).append("</p>\n");
        String note = Describe.note(it, en);
        if (!note.isEmpty()) {
            sb.append("<p class=\"note\"><b>").append(esc(t("备注：", "Note: "))).append("</b>").append(esc(note)).append("</p>\n");
        }
        sb.append("<p class=\"need\"><b>").append(esc(t("应交材料：", "Materials: ")))
                .append("</b>").append(esc(Sections.materials(it, en))).append(" <b>").append(esc(t("已有：", "Found: "))).append("</b>")
                .append(esc(ir.status() == Status.MISSING ? t("无", "nothing") : Sections.found(ir, en))).append("</p>\n");
        documents(DocumentVerdicts.of(e.unit(), it.id()));
        for (CoverageGrid grid : ir.coverage()) calendar(grid, ir.item());
        findings(e.unit(), ir.findings(), ir);
        sb.append("</article>\n");
    }

    /**
     * The verdict on each document of an item: red-header page, 文号, seal page. Each cell carries its
     * column's heading ({@code data-label}): on a phone a row is laid out as a small card, labelled.
     */
    private void documents(List<DocumentRecord> docs) {
        if (docs.isEmpty()) return;
        List<String> heads = DocumentVerdicts.headers(en);
        sb.append("<div class=\"scroll\"><table class=\"docs\"><thead><tr>");
        for (String h : heads) sb.append("<th>").append(esc(h)).append("</th>");
        sb.append("</tr></thead><tbody>\n");
        for (DocumentRecord d : docs) {
            DocumentVerdicts.Row row = DocumentVerdicts.row(d, en);
            sb.append("<tr class=\"").append(row.proven() ? "ok" : "bad").append("\" title=\"").append(esc(String.join("\n", d.files())))
                    .append("\">");
            List<String> cells = List.of(row.file(), row.pages(), row.redHeader(), row.number(), row.seal(), row.verdict());
            for (int i = 0; i < cells.size(); i++) {
                sb.append("<td data-label=\"").append(esc(heads.get(i))).append("\">").append(esc(cells.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
    }

    private void meta(String k, List<String> v) {
        if (v.isEmpty()) return;
        sb.append("<span><b>").append(esc(k)).append("</b> ").append(esc(Sections.join(v, en))).append("</span>");
    }

    private static String bars(List<String> xs) {
        StringBuilder s = new StringBuilder("|");
        for (String x : xs) s.append(x.replace('|', '/')).append('|');
        return s.toString();
    }

    /** Findings of an item (coverage gaps folded per category: the calendar shows each period). */
    private void findings(UnitResult u, List<Finding> fs, ItemResult ir) {
        if (fs.isEmpty()) return;
        sb.append("<table class=\"findings\"><tbody>\n");
        if (ir != null) {
            for (Sections.Folded f : Sections.foldCoverage(ir, en)) {
                row(f.severity(), f.count(), esc(f.text()), "", f.code());
            }
        }
        Map<String, Integer> shown = new TreeMap<>();
        Map<String, int[]> hidden = new TreeMap<>();   // code -> {count, worst severity ordinal}
        for (Finding f : fs) {
            if (ir != null && f.code().startsWith("coverage.")) continue;
            // Beyond ROWS_PER_CODE findings of one code in one item the rest are counted, not listed:
            // the page stays usable with 100,000 findings, and the Excel and JSON reports list them all.
            if (shown.merge(f.code(), 1, Integer::sum) > ROWS_PER_CODE) {
                int[] h = hidden.computeIfAbsent(f.code(), c -> new int[]{0, Severity.INFO.ordinal()});
                h[0]++;
                h[1] = Math.min(h[1], f.severity().ordinal());
                continue;
            }
            StringBuilder msg = new StringBuilder(esc(f.message(en)));
            List<String> pics = new ArrayList<>();
            if (f.file() != null) pics.add(f.file());
            // A copy is shown beside the original it copies.
            if (f.code().equals("photo.duplicate") && f.data().get("original") instanceof Map<?, ?> m && m.get("file") != null
                    && !pics.contains(m.get("file").toString())) {
                pics.add(m.get("file").toString());
            }
            StringBuilder imgs = new StringBuilder();
            for (String p : pics) {
                String uri = thumbs.get(Thumbnails.key(u, p));
                if (uri != null) {
                    imgs.append("<img class=\"thumb\" alt=\"").append(esc(Sections.baseName(p))).append("\" title=\"")
                            .append(esc(p)).append("\" src=\"").append(uri).append("\">");
                }
            }
            if (imgs.length() > 0) msg.append("<span class=\"thumbs\">").append(imgs).append("</span>");
            String file = f.file() == null ? "" : "<span class=\"file\" title=\"" + esc(f.file()) + "\">" + esc(f.file()) + "</span>";
            row(f.severity(), 1, msg.toString(), file, f.code());
        }
        for (Map.Entry<String, int[]> h : hidden.entrySet()) {
            int n = h.getValue()[0];
            row(Severity.values()[h.getValue()[1]], n, esc(en
                    ? "… and " + n + " more of this kind, not listed here: the Excel (Gaps) and JSON reports list every one"
                    : "…另有 " + n + " 条同类问题未在此列出，完整清单见 Excel（缺口清单）或 JSON 报告"), "", h.getKey());
        }
        sb.append("</tbody></table>\n");
    }

    /** Findings of one code listed per item; the rest are one row with their count. */
    static final int ROWS_PER_CODE = 100;

    private void row(Severity s, int n, String msgHtml, String fileHtml, String code) {
        sb.append("<tr class=\"sev-").append(s.key()).append("\" data-sev=\"").append(s.key()).append("\" data-n=\"").append(n)
                .append("\"><td class=\"sev\">").append(esc(s.label(en))).append("</td><td class=\"msg\">").append(msgHtml);
        if (!fileHtml.isEmpty()) sb.append("<br>").append(fileHtml);
        sb.append("</td><td class=\"code\"><code>").append(esc(code)).append("</code></td></tr>\n");
    }

    private void loose(UnitResult u) {
        List<Finding> fs = Sections.loose(u);
        if (fs.isEmpty()) return;
        sb.append("<section class=\"group loose\" data-loose=\"1\">\n<h2>").append(esc(t("未归入任何条目的文件", "Files outside any item")));
        if (Sections.multiUnit(r)) sb.append(" <small>").append(esc(Sections.unitLabel(r, u))).append("</small>");
        sb.append("</h2>\n<article class=\"loose-list\">\n");
        findings(u, fs, null);
        sb.append("</article>\n</section>\n");
    }

    // ---- the coverage calendar --------------------------------------------------------------

    /**
     * One calendar per photo material: per category a small table, years as rows and months
     * (two-month blocks, festivals) as columns; years and totals in one row. Each counted
     * period is one {@code td.cell} with {@code data-period}, {@code data-have}, {@code data-need}.
     * Each table sits in its own {@code div.scroll}: a table wider than the screen (twelve months
     * on a 320 px phone) scrolls sideways in its box instead of widening the page.
     */
    private void calendar(CoverageGrid grid, Item item) {
        Coverage.Layout lay = Coverage.layout(grid, en);
        sb.append("<div class=\"calendar\" data-per=\"").append(grid.material().per().key()).append("\">\n<h4>")
                .append(esc(t("覆盖日历：", "Coverage: "))).append(esc(Describe.material(grid.material(), item, en)));
        long short_ = grid.count(CoverageGrid.State.GAP);
        if (short_ > 0) sb.append(" <small>").append(esc(en ? short_ + " period(s) short" : "不足 " + short_ + " 期")).append("</small>");
        sb.append("</h4>\n<div class=\"cats\">\n");
        for (CoverageGrid.Row row : grid.rows()) {
            Map<String, CoverageGrid.Cell> at = Coverage.cells(grid, row);
            sb.append("<div class=\"scroll\"><table class=\"cal\" data-category=\"").append(esc(row.category())).append("\">");
            if (!row.category().isEmpty()) sb.append("<caption>").append(esc(row.category())).append("</caption>");
            sb.append("<thead><tr><th></th>");
            for (String l : lay.labels()) sb.append("<th>").append(esc(l)).append("</th>");
            sb.append("</tr></thead><tbody>");
            for (String rk : lay.rows()) {
                sb.append("<tr><th>").append(esc(rk)).append("</th>");
                for (String ck : lay.columns()) {
                    CoverageGrid.Cell c = at.get(rk + "\u0000" + ck);
                    if (c == null) {
                        sb.append("<td class=\"none\"></td>");
                        continue;
                    }
                    String tip = c.period() + (row.category().isEmpty() ? "" : " " + row.category()) + (en ? ": " : "：")
                            + (c.have() < 0 ? (en ? "met" : "已满足") : (en ? c.have() + " of " + c.need() : c.have() + " 张，要求 " + c.need() + " 张"))
                            + (c.state() == CoverageGrid.State.PENDING ? (en ? " (still running)" : "（尚未结束）") : "");
                    sb.append("<td class=\"cell ").append(Coverage.cls(c)).append("\" data-period=\"").append(esc(c.period()))
                            .append("\" data-have=\"").append(c.have()).append("\" data-need=\"").append(c.need())
                            .append("\" title=\"").append(esc(tip)).append("\">").append(esc(Coverage.shown(c))).append("</td>");
                }
                sb.append("</tr>");
            }
            sb.append("</tbody></table></div>\n");
        }
        sb.append("</div>\n</div>\n");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> o.append("&amp;");
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') o.append('\uFFFD');
                    else o.append(c);
                }
            }
        }
        return o.toString();
    }

    /** The page's inline style sheet and script: {@code report.css} and {@code report.js} next to this class, read once. */
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " of HtmlRenderer is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
