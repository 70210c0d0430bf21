package cn.evcheck.draft;

import cn.evcheck.draft.Columns.Header;
import cn.evcheck.draft.Columns.Role;
import cn.evcheck.rules.Model.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables → a draft rule set: finds the 网上申报 requirement tables (and indicator tables with 目标值),
 * carries merged cells down, splits each cell's numbered requirements (①②③) into items with ids
 * built as the built-in sets build them ({@code III-<Ⅲ no>-<standard no>-<requirement no>}), and
 * parses each requirement ({@link RequirementParser}). Pure: tables and text in, draft out.
 */
public final class DraftBuilder {
    private DraftBuilder() {}

    /** What the import found besides the draft: tables looked at and used, rows passed over. */
    public record Result(Draft.RuleSet draft, int tables, int tablesUsed, int rowsSkipped) {}

    /** Roles whose blank cell continues the cell above (a merged cell, or a list that leaves repeats blank). */
    private static final List<Role> CARRIED = List.of(Role.SECTION, Role.PROJECT, Role.INDICATOR, Role.CONTENT, Role.STANDARD,
            Role.METHOD, Role.LEADER, Role.LEAD, Role.RESPONSIBLE);
    /** The longest period a rule set may span (the loader refuses more). */
    private static final int MAX_SPAN_YEARS = 20;
    /** The levels of an indicator, highest first (CARRIED lists them in this order). */
    private static final List<Role> HIERARCHY = List.of(Role.PROJECT, Role.INDICATOR, Role.CONTENT, Role.STANDARD);
    private static final Pattern ROMAN_III = Pattern.compile("(?:Ⅲ|III)\\s*[-－—.]?\\s*(\\d+)");
    private static final Pattern LEVEL = Pattern.compile("^(\\*?(?:[ⅠⅡⅢⅣ]|I{1,3}|IV)\\s*[-－—]\\s*\\d+)\\s*");
    private static final Pattern STANDARD_NO = Pattern.compile("^\\s*[（(]?(\\d{1,2})\\s*[)）.、．]");
    private static final Pattern LEADING_NO = Pattern.compile("^\\s*(\\d{1,3})\\s*[.、．]?");
    /** A requirement's own number: a circled digit at the start of the cell or after a break. */
    private static final Pattern SPLIT = Pattern.compile("(?:^|(?<=[\\s；;。]))(?=[\\u2460-\\u2473\\u2776-\\u277F])");
    private static final Pattern NOT_ONLINE = Pattern.compile("实地考察|问卷调查|负面清单|入户调查|惩戒");
    private static final Pattern WENHAO = Pattern.compile("[\\p{IsHan}][\\p{IsHan} \\u3000]{0,10}〔\\d{4}〕\\s*\\d+\\s*号");
    private static final Pattern TITLE = Pattern.compile("《([^》]{4,60}(?:清单|分解表|责任分工|任务表|工作方案|实施方案|分工方案))》");
    private static final Pattern REPORT_WORDS = Pattern.compile("说明报告[^。]{0,60}?(?:都要|均要|均为|一般|原则上|统一|除个别)[^。]{0,20}?(\\d+)\\s*字左右");

    public static Result build(String id, List<Grid> grids, String documentText, String fileName) {
        Draft.RuleSet rs = new Draft.RuleSet();
        rs.id = id;
        String doc = documentText == null ? "" : documentText;
        Matcher t = TITLE.matcher(doc);
        rs.title = t.find() ? t.group(1) : fileName;
        if (!t.find(0)) rs.doubts.add("title", "未找到文件标题，暂用文件名");
        Matcher wh = WENHAO.matcher(doc);
        rs.source = wh.find() ? wh.group().replaceAll("\\s", "") : fileName;
        if (!WENHAO.matcher(doc).find()) rs.doubts.add("source", "未找到文号，暂用文件名");
        Matcher rw = REPORT_WORDS.matcher(doc);
        if (rw.find()) {
            rs.reportWords = Integer.parseInt(rw.group(1));
            rs.doubts.add("defaults", "说明报告默认字数取自正文：“" + rw.group().strip() + "”");
        }

        int used = 0;
        int skipped = 0;
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> unnumbered = new HashMap<>();
        TreeSet<Integer> namedYears = new TreeSet<>();
        for (Grid g : grids) {
            Header h = Columns.find(g);
            if (h == null) continue;
            if (h.requirements()) {
                String reqHeader = cell(g.rows().get(h.row()), h.first(Role.REQUIREMENT));
                boolean online = reqHeader.contains("申报") || reqHeader.contains("上报") || reqHeader.contains("报送");
                if (!online && NOT_ONLINE.matcher(lastHeading(g.context())).find()) continue;
                used++;
                skipped += requirements(rs, g, h, ids, unnumbered, namedYears);
            } else if (h.indicators()) {
                used++;
                indicators(rs, g, h, ids);
            }
        }

        TreeSet<Integer> years = new TreeSet<>();
        for (Draft.Item i : rs.items) years.addAll(i.years);
        years.addAll(namedYears);
        if (years.isEmpty()) {
            int y = mostCommonYear(doc);
            rs.fromYear = y;
            rs.toYear = y;
            rs.doubts.add("period", "要求中未写年份，按正文中最常见的年份" + y + "年");
        } else {
            rs.fromYear = years.first();
            rs.toYear = years.last();
            if (rs.fromYear == rs.toYear) rs.doubts.add("period", "只读到" + rs.fromYear + "年，请确认申报周期");
            if (rs.toYear - rs.fromYear >= MAX_SPAN_YEARS) {
                rs.doubts.add("period", "要求中的年份跨度超过" + MAX_SPAN_YEARS + "年（" + rs.fromYear + "—" + rs.toYear + "），只取最近的"
                        + MAX_SPAN_YEARS + "年");
                rs.fromYear = rs.toYear - MAX_SPAN_YEARS + 1;
            }
        }
        for (Draft.Item i : rs.items) {
            for (Draft.Material m : i.materials) {
                if (m.per == cn.evcheck.rules.Model.Per.FESTIVAL && m.years.isEmpty() && i.years.isEmpty()) {
                    for (int y = rs.fromYear; y <= rs.toYear; y++) m.years.add(y);
                    m.doubts.add("years", "未列出年份，按申报周期" + rs.fromYear + "—" + rs.toYear + "年");
                }
            }
        }
        return new Result(rs, grids.size(), used, skipped);
    }

    private static int requirements(Draft.RuleSet rs, Grid g, Header h, Map<String, Integer> ids, Map<String, Integer> unnumbered,
                                    TreeSet<Integer> namedYears) {
        Map<Role, String> carried = new EnumMap<>(Role.class);
        int skipped = 0;
        String part = heading(g.context());
        for (int r = h.row() + 1; r < g.rows().size(); r++) {
            String[] row = g.rows().get(r);
            Map<Role, String> v = values(row, h);
            if (v.values().stream().allMatch(String::isBlank)) continue;
            if (Columns.find(new Grid(List.<String[]>of(row), "")) != null) continue;   // a header repeated on a new page
            // A new value at one level of the indicator hierarchy starts afresh below it: a blank
            // 测评标准 under a new 测评内容 is no standard, not the previous indicator's.
            boolean fresh = false;
            for (Role role : CARRIED) {
                String x = v.getOrDefault(role, "");
                if (x.isBlank()) {
                    v.put(role, fresh && HIERARCHY.contains(role) ? "" : carried.getOrDefault(role, ""));
                    if (fresh && HIERARCHY.contains(role)) carried.remove(role);
                } else {
                    carried.put(role, x);
                    if (HIERARCHY.contains(role)) fresh = true;
                }
            }
            if (h.has(Role.METHOD) && !v.get(Role.METHOD).isBlank() && !v.get(Role.METHOD).contains("网上申报")) {
                skipped++;
                continue;
            }
            String req = v.getOrDefault(Role.REQUIREMENT, "");
            if (req.isBlank()) {
                skipped++;
                continue;
            }
            List<String> parts = split(req);
            List<String> hints = split(v.getOrDefault(Role.HINT, ""));
            for (int k = 0; k < parts.size(); k++) {
                String text = oneLine(parts.get(k));
                String hint = hints.size() == parts.size() ? oneLine(hints.get(k)) : oneLine(v.getOrDefault(Role.HINT, ""));
                rs.items.add(item(text, hint, v, h, part, g.context(), ids, unnumbered, namedYears));
            }
        }
        return skipped;
    }

    private static Draft.Item item(String text, String hint, Map<Role, String> v, Header h, String part, String context,
                                   Map<String, Integer> ids, Map<String, Integer> unnumbered, TreeSet<Integer> namedYears) {
        Draft.Item it = new Draft.Item();
        String standard = oneLine(v.getOrDefault(Role.STANDARD, ""));
        RequirementParser.Parsed p = RequirementParser.parse(text, hint, standard);
        it.requirement = text;
        it.standard = standard;
        it.part = h.has(Role.INDICATOR) && (h.has(Role.PROJECT) || h.has(Role.SECTION))
                ? join("·", v.getOrDefault(Role.SECTION, ""), v.getOrDefault(Role.PROJECT, "")) : part;
        String top = h.has(Role.INDICATOR) ? v.getOrDefault(Role.INDICATOR, "") : v.getOrDefault(Role.PROJECT, "");
        it.indicator = join(" / ", level(top), level(v.getOrDefault(Role.CONTENT, "")));
        it.leaders.addAll(list(v.getOrDefault(Role.LEADER, ""), "[\\s、，,；;]+"));
        it.leadDepartments.addAll(list(v.getOrDefault(Role.LEAD, ""), "[\\s、，,；;]+"));
        it.responsible.addAll(list(v.getOrDefault(Role.RESPONSIBLE, ""), "[\\s、，,；;]+"));
        if (!hint.isBlank()) it.note = "相关提示：" + hint;
        if (!v.getOrDefault(Role.REMARK, "").isBlank()) it.note = join("；", it.note, "备注：" + oneLine(v.get(Role.REMARK)));
        it.materials.addAll(p.materials);
        it.categories.addAll(p.categories);
        if (p.years.size() >= 2) it.years.addAll(p.years);
        namedYears.addAll(p.yearsNamed);
        for (Map.Entry<String, List<String>> d : p.doubts.all().entrySet()) for (String s : d.getValue()) it.doubts.add(d.getKey(), s);
        if (!p.understood) it.doubts.add("requirement", "未能解析这条要求，请人工补全材料");

        // id: III-<Ⅲ no>-<standard no>-<requirement no>
        String content = v.getOrDefault(Role.CONTENT, "") + " " + v.getOrDefault(Role.INDICATOR, "");
        Matcher roman = ROMAN_III.matcher(content);
        String prefix;
        String indicatorNo;
        if (roman.find()) {
            prefix = "III";
            indicatorNo = roman.group(1);
        } else {
            String where = part + " " + context + " " + v.getOrDefault(Role.SECTION, "") + " " + v.getOrDefault(Role.PROJECT, "");
            prefix = where.contains("未成年人") ? "M" : where.contains("特色") ? "TS" : "X";
            Matcher lead = LEADING_NO.matcher(top);
            if (lead.find() && !top.isBlank()) {
                indicatorNo = lead.group(1);
            } else {
                String key = prefix + "|" + top + "|" + v.getOrDefault(Role.CONTENT, "");
                indicatorNo = String.valueOf(unnumbered.computeIfAbsent(key, k -> (int) unnumbered.keySet().stream()
                        .filter(x -> x.startsWith(prefix + "|")).count() + 1));
            }
            it.doubts.add("id", "指标没有Ⅲ级编号，编号前缀“" + prefix + "”和序号为推定");
        }
        Matcher s = STANDARD_NO.matcher(standard);
        String standardNo = s.find() ? s.group(1) : "0";
        if (Pattern.compile("(?:^|\\n|[；;。])\\s*[（(]?\\d{1,2}\\s*[)）]").matcher(v.getOrDefault(Role.STANDARD, "")).results().count() >= 2) {
            it.doubts.add("id", "测评标准含多条编号，按第" + standardNo + "条编号");
        }
        int circled = circled(text);
        String reqNo = circled > 0 ? String.valueOf(circled) : "1";
        if (circled <= 0 && !it.doubts.has("id")) it.doubts.add("id", "要求没有①②编号，按第1条");
        String base = prefix + "-" + indicatorNo + "-" + standardNo + "-" + reqNo;
        int seen = ids.merge(base, 1, Integer::sum);
        it.id = seen == 1 ? base : base + "-" + seen;
        if (seen > 1) it.doubts.add("id", "编号与前面的条目重复，已加后缀");
        it.requirement = text;
        return it;
    }

    private static void indicators(Draft.RuleSet rs, Grid g, Header h, Map<String, Integer> ids) {
        int n = 0;
        for (int r = h.row() + 1; r < g.rows().size(); r++) {
            String[] row = g.rows().get(r);
            Map<Role, String> v = values(row, h);
            String metric = oneLine(v.getOrDefault(Role.METRIC, v.getOrDefault(Role.INDICATOR, v.getOrDefault(Role.CONTENT, ""))));
            if (metric.isBlank()) continue;
            n++;
            String no = cell(row, 0).strip();
            if (!no.matches("\\d{1,3}")) no = String.valueOf(n);
            Draft.Item it = new Draft.Item();
            String base = "ZB-" + (no.length() == 1 ? "0" + no : no);
            int seen = ids.merge(base, 1, Integer::sum);
            it.id = seen == 1 ? base : base + "-" + seen;
            it.part = heading(g.context());
            it.indicator = no + " " + metric;
            String target = oneLine(v.getOrDefault(Role.TARGET, ""));
            it.standard = target;
            String remark = oneLine(v.getOrDefault(Role.REMARK, ""));
            if (!remark.isBlank()) it.note = "备注：" + remark;
            Draft.Material m = new Draft.Material(Kind.DATA_TABLE);
            m.min = 1;
            TargetParser.Result t = TargetParser.cell(metric, target);
            m.targets.addAll(t.targets());
            for (String d : t.doubts()) m.doubts.add("target", d);
            if (t.targets().isEmpty()) {
                m.doubts.add("kind", target.isBlank() ? "目标值为空（可能是合并单元格），未设目标，仅核对数据表格是否提供"
                        : "目标值“" + target + "”不是数值，未设目标，仅核对数据表格是否提供");
            }
            it.materials.add(m);
            rs.items.add(it);
        }
    }

    private static Map<Role, String> values(String[] row, Header h) {
        Map<Role, String> v = new EnumMap<>(Role.class);
        for (int c = 0; c < h.roles().size(); c++) {
            Role role = h.roles().get(c);
            if (role == null) continue;
            String x = cell(row, c);
            String before = v.get(role);
            v.put(role, before == null || before.isBlank() ? x : x.isBlank() ? before : before + " / " + x);
        }
        return v;
    }

    private static String cell(String[] row, int c) {
        return c >= 0 && c < row.length && row[c] != null ? row[c].strip() : "";
    }

    /** A cell's numbered requirements; the whole cell when it has no ①②. */
    static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        if (cell == null || cell.isBlank()) return out;
        for (String s : SPLIT.split(cell.strip())) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    static int circled(String s) {
        if (s.isEmpty()) return 0;
        int cp = s.codePointAt(0);
        if (cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1;
        if (cp >= 0x2776 && cp <= 0x277F) return cp - 0x2776 + 1;
        return 0;
    }

    /** "Ⅱ-5教育实践" → "Ⅱ-5 教育实践"; line breaks inside a cell become spaces where they part words. */
    static String level(String s) {
        String t = s.strip().replaceAll("\\s*\\n\\s*", " ").replaceAll("[ \\t\\u3000]+", " ");
        Matcher m = LEVEL.matcher(t);
        return m.find() ? m.group(1) + " " + t.substring(m.end()) : t;
    }

    /** A cell's text on one line, Chinese line breaks dropped. */
    static String oneLine(String s) {
        return s == null ? "" : s.replace('\u00A0', ' ').strip().replaceAll("\\s*\\n\\s*", "").replaceAll("[ \\t]+", " ");
    }

    private static List<String> list(String s, String sep) {
        List<String> out = new ArrayList<>();
        for (String x : s.strip().split(sep)) {
            String t = x.strip().replaceFirst("等$", "");
            if (!t.isEmpty() && !out.contains(t)) out.add(t);
        }
        return out;
    }

    private static String join(String sep, String a, String b) {
        if (a == null || a.isBlank()) return b == null ? "" : b;
        if (b == null || b.isBlank()) return a;
        return a + sep + b;
    }

    /** The last line before a table that reads as a heading: short, not a sentence. */
    private static String lastHeading(String context) {
        String[] lines = context.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (!l.isEmpty() && l.length() <= 30 && !l.matches(".*[。；;，,：:]$")) return l;
        }
        return "";
    }

    /** The heading a table sits under ("网上申报部分", "一、网上申报" → "网上申报部分", "网上申报"). */
    static String heading(String context) {
        String h = lastHeading(context);
        h = h.replaceFirst("^[一二三四五六七八九十]+[、.．]\\s*", "").replaceFirst("^[（(][一二三四五六七八九十]+[)）]\\s*", "");
        return h.length() <= 30 ? h : "";
    }

    private static int mostCommonYear(String doc) {
        Matcher m = Pattern.compile("((?:19|20)\\d{2})\\s*年").matcher(doc);
        Map<Integer, Integer> count = new TreeMap<>();
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (RequirementParser.plausible(y)) count.merge(y, 1, Integer::sum);
        }
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(java.time.Year.now(java.time.ZoneId.of("Asia/Shanghai")).getValue());
    }
}
