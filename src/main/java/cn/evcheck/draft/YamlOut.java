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

    /**
     * The keys of one item or material at one indentation: each written with its doubt as a comment;
     * the doubts of keys left out, as comment lines of their own at the end.
     */
    private static final class Keys {
        private final StringBuilder y;
        private final String in;
        private final Draft.Doubts doubts;
        private final Set<String> done = new TreeSet<>();

        Keys(StringBuilder y, String in, Draft.Doubts doubts) {
            this.y = y;
            this.in = in;
            this.doubts = doubts;
        }

        void put(String key, String value) {
            line(y, in, key, value, doubts.on(key));
            done.add(key);
        }

        void skip(String key) {
            done.add(key);
        }

        void rest() {
            for (var d : doubts.all().entrySet()) {
                if (!done.contains(d.getKey())) {
                    y.append(in).append(MARK).append(d.getKey()).append("：").append(oneLine(String.join("；", d.getValue()))).append('\n');
                }
            }
        }
    }

    private static void item(StringBuilder y, Draft.Item it) {
        y.append('\n');
        y.append("  - id: ").append(q(it.id)).append(comment(it.doubts.on("id"))).append('\n');
        Keys k = new Keys(y, "    ", it.doubts);
        k.skip("id");
        if (!it.part.isBlank()) k.put("part", q(it.part));
        if (!it.indicator.isBlank()) k.put("indicator", q(it.indicator));
        if (!it.standard.isBlank()) k.put("standard", q(it.standard));
        if (!it.requirement.isBlank() || it.doubts.has("requirement")) k.put("requirement", q(it.requirement));
        if (!it.leaders.isEmpty()) k.put("leader", oneOrList(it.leaders));
        if (!it.leadDepartments.isEmpty()) k.put("lead_department", oneOrList(it.leadDepartments));
        if (!it.responsible.isEmpty()) k.put("responsible", list(it.responsible));
        if (!it.categories.isEmpty()) k.put("categories", list(it.categories));
        if (!it.years.isEmpty()) k.put("years", years(it.years));
        if (!it.note.isBlank()) k.put("note", q(it.note));
        k.rest();
        y.append("    materials:\n");
        for (Draft.Material m : it.materials) material(y, m);
    }

    private static void material(StringBuilder y, Draft.Material m) {
        String in = "        ";
        y.append("      - kind: ").append(m.kind.key).append(comment(m.doubts.on("kind"))).append('\n');
        Keys k = new Keys(y, in, m.doubts);
        k.skip("kind");
        if (m.each != Each.NONE) k.put("each", m.each.name().toLowerCase(Locale.ROOT));
        if (m.words != null) k.put("words", String.valueOf(m.words));
        if (m.min != null) k.put("min", String.valueOf(m.min));
        if (m.kind == Kind.PHOTOS && m.per != null) k.put("per", m.per.key());
        if (!m.caption.isEmpty()) k.put("caption", "[" + String.join(", ", m.caption.stream().map(CaptionField::key).toList()) + "]");
        if (!m.festivals.isEmpty()) k.put("festivals", list(m.festivals));
        if (!m.years.isEmpty()) k.put("years", years(m.years));
        if (m.targets.size() == 1) {
            k.put("target", target(m.targets.get(0)));
        } else if (m.targets.size() > 1) {
            k.put("target", "");
            for (Target t : m.targets) y.append(in).append("  - ").append(target(t)).append('\n');
        }
        if (m.marked) k.put("marked", "true");
        if (!m.note.isBlank()) k.put("note", q(m.note));
        k.rest();
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
