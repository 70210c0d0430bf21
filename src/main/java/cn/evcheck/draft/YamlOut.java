package cn.evcheck.draft;

import cn.evcheck.rules.Model.CaptionField;
import cn.evcheck.rules.Model.Each;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Target;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A draft as rule-set YAML (PRODUCT.md §4), every doubt a {@code # 待确认:} comment on the line of
 * the key it is about (or a comment line of its own where the key is left out). Deterministic:
 * the same draft gives the same bytes.
 */
public final class YamlOut {
    private YamlOut() {}

    public static final String MARK = "# 待确认: ";

    public static String write(Draft.RuleSet rs, String from) {
        StringBuilder y = new StringBuilder();
        y.append("# evcheck rule set — drafted by `evcheck rules import` from ").append(oneLine(from)).append('\n');
        y.append("# 以“").append(MARK.strip()).append("”标出的行是推定的，不是从清单中读出的：逐条对照清单核对，改好后删去标记。\n");
        y.append("evcheck: 1\n");
        y.append("id: ").append(q(rs.id)).append('\n');
        line(y, "", "title", q(rs.title), rs.doubts.on("title"));
        line(y, "", "source", q(rs.source), rs.doubts.on("source"));
        line(y, "", "period", "{from: " + rs.fromYear + "-01-01, to: " + rs.toYear + "-12-31}", rs.doubts.on("period"));
        if (rs.reportWords != null) {
            y.append("defaults:\n");
            line(y, "  ", "report", "{words: " + rs.reportWords + "}", rs.doubts.on("defaults"));
        }
        y.append("items:\n");
        for (Draft.Item it : rs.items) item(y, it);
        return y.toString();
    }

    private static void item(StringBuilder y, Draft.Item it) {
        String in = "    ";
        y.append('\n');
        y.append("  - id: ").append(q(it.id)).append(comment(it.doubts.on("id"))).append('\n');
        Set<String> done = new TreeSet<>(Set.of("id"));
        if (!it.part.isBlank()) line(y, in, "part", q(it.part), null);
        if (!it.indicator.isBlank()) line(y, in, "indicator", q(it.indicator), null);
        if (!it.standard.isBlank()) line(y, in, "standard", q(it.standard), null);
        if (!it.requirement.isBlank() || it.doubts.has("requirement")) {
            line(y, in, "requirement", q(it.requirement), it.doubts.on("requirement"));
            done.add("requirement");
        }
        if (!it.leaders.isEmpty()) line(y, in, "leader", oneOrList(it.leaders), null);
        if (!it.leadDepartments.isEmpty()) line(y, in, "lead_department", oneOrList(it.leadDepartments), null);
        if (!it.responsible.isEmpty()) line(y, in, "responsible", list(it.responsible), null);
        if (!it.categories.isEmpty()) {
            line(y, in, "categories", list(it.categories), it.doubts.on("categories"));
            done.add("categories");
        }
        if (!it.years.isEmpty()) {
            line(y, in, "years", years(it.years), it.doubts.on("years"));
            done.add("years");
        }
        if (!it.note.isBlank()) line(y, in, "note", q(it.note), null);
        for (var d : it.doubts.all().entrySet()) {
            if (!done.contains(d.getKey())) y.append(in).append(MARK).append(d.getKey()).append("：").append(oneLine(String.join("；", d.getValue()))).append('\n');
        }
        y.append(in).append("materials:\n");
        for (Draft.Material m : it.materials) material(y, m);
    }

    private static void material(StringBuilder y, Draft.Material m) {
        String in = "        ";
        y.append("      - kind: ").append(m.kind.key).append(comment(m.doubts.on("kind"))).append('\n');
        Set<String> done = new TreeSet<>(Set.of("kind"));
        if (m.each != Each.NONE) {
            line(y, in, "each", m.each.name().toLowerCase(Locale.ROOT), m.doubts.on("each"));
            done.add("each");
        }
        if (m.words != null) {
            line(y, in, "words", String.valueOf(m.words), m.doubts.on("words"));
            done.add("words");
        }
        if (m.min != null) {
            line(y, in, "min", String.valueOf(m.min), m.doubts.on("min"));
            done.add("min");
        }
        if (m.kind == Kind.PHOTOS && m.per != null) {
            line(y, in, "per", m.per.key(), m.doubts.on("per"));
            done.add("per");
        }
        if (!m.caption.isEmpty()) {
            line(y, in, "caption", "[" + String.join(", ", m.caption.stream().map(CaptionField::key).toList()) + "]", m.doubts.on("caption"));
            done.add("caption");
        }
        if (!m.festivals.isEmpty()) {
            line(y, in, "festivals", list(m.festivals), m.doubts.on("festivals"));
            done.add("festivals");
        }
        if (!m.years.isEmpty()) {
            line(y, in, "years", years(m.years), m.doubts.on("years"));
            done.add("years");
        }
        if (!m.targets.isEmpty()) {
            if (m.targets.size() == 1) {
                line(y, in, "target", target(m.targets.get(0)), m.doubts.on("target"));
            } else {
                line(y, in, "target", "", m.doubts.on("target"));
                for (Target t : m.targets) y.append(in).append("  - ").append(target(t)).append('\n');
            }
            done.add("target");
        }
        if (m.marked) line(y, in, "marked", "true", null);
        if (!m.note.isBlank()) line(y, in, "note", q(m.note), null);
        for (var d : m.doubts.all().entrySet()) {
            if (!done.contains(d.getKey())) y.append(in).append(MARK).append(d.getKey()).append("：").append(oneLine(String.join("；", d.getValue()))).append('\n');
        }
    }

    private static void line(StringBuilder y, String in, String key, String value, String doubt) {
        y.append(in).append(key).append(':');
        if (!value.isEmpty()) y.append(' ').append(value);
        y.append(comment(doubt)).append('\n');
    }

    private static String comment(String doubt) {
        return doubt == null ? "" : "  " + MARK + oneLine(doubt);
    }

    static String target(Target t) {
        StringBuilder s = new StringBuilder("{metric: ").append(q(t.metric())).append(", op: ").append(q(t.op()));
        if (t.value() != null) s.append(", value: ").append(number(t.value()));
        if (t.unit() != null && !t.unit().isEmpty()) s.append(", unit: ").append(q(t.unit()));
        return s.append('}').toString();
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String oneOrList(List<String> l) {
        return l.size() == 1 ? q(l.get(0)) : list(l);
    }

    private static String list(List<String> l) {
        return "[" + String.join(", ", l.stream().map(YamlOut::q).toList()) + "]";
    }

    private static String years(List<Integer> l) {
        return "[" + String.join(", ", l.stream().map(String::valueOf).toList()) + "]";
    }

    /** A YAML double-quoted scalar (always quoted: list texts hold colons, brackets and #). */
    static String q(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : oneLine(s).toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(' ');
            else out.append(c);
        }
        return out.append('"').toString();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
