package cn.evcheck.draft;

import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.Model.Target;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A drafted rule set against a reference (a built-in or hand-made set), material by material:
 * items paired by id, else by requirement text, else by indicator; materials by kind. Compared:
 * kind, words (the rule set's default where a material leaves it out), count, period, each,
 * years (the item's where the material has none), festivals, caption fields, targets. Pure.
 */
public final class Comparison {
    private Comparison() {}

    public record Line(String item, String kind, boolean same, String difference) {}

    public record Result(List<Line> lines, int identical, int total, List<String> extraItems) {
        public String percent() {
            return total == 0 ? "0" : String.format(Locale.ROOT, "%.1f", 100.0 * identical / total);
        }
    }

    public static Result compare(RuleSet draft, RuleSet reference) {
        List<Line> lines = new ArrayList<>();
        Set<String> usedDraft = new HashSet<>();
        int same = 0;
        int total = 0;
        for (Item ref : reference.items()) {
            Item d = pair(ref, draft, usedDraft);
            for (Material rm : ref.materials()) {
                total++;
                if (d == null) {
                    lines.add(new Line(ref.id(), rm.kind().key, false, "未导入该条目 / item not imported"));
                    continue;
                }
                Material dm = d.materials().stream().filter(m -> m.kind() == rm.kind()).findFirst().orElse(null);
                if (dm == null) {
                    lines.add(new Line(ref.id(), rm.kind().key, false, "草稿中缺少此材料 / material missing in draft (" + d.id() + ")"));
                    continue;
                }
                List<String> diffs = diff(reference, ref, rm, draft, d, dm);
                if (diffs.isEmpty()) same++;
                lines.add(new Line(ref.id(), rm.kind().key, diffs.isEmpty(), String.join("; ", diffs)));
            }
        }
        List<String> extra = new ArrayList<>();
        for (Item d : draft.items()) if (!usedDraft.contains(d.id())) extra.add(d.id());
        return new Result(lines, same, total, extra);
    }

    private static Item pair(Item ref, RuleSet draft, Set<String> used) {
        for (Item d : draft.items()) if (!used.contains(d.id()) && d.id().equals(ref.id())) return use(d, used);
        String r = norm(ref.requirement());
        if (!r.isEmpty()) {
            for (Item d : draft.items()) if (!used.contains(d.id()) && norm(d.requirement()).equals(r)) return use(d, used);
        }
        String ind = norm(ref.indicator());
        for (Item d : draft.items()) if (!used.contains(d.id()) && !ind.isEmpty() && norm(d.indicator()).equals(ind)) return use(d, used);
        return null;
    }

    private static Item use(Item d, Set<String> used) {
        used.add(d.id());
        return d;
    }

    private static String norm(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Punct}，。；：、（）“”《》]", "");
    }

    private static List<String> diff(RuleSet refSet, Item ref, Material r, RuleSet draftSet, Item d, Material m) {
        List<String> out = new ArrayList<>();
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("words", new Object[]{words(refSet, r), words(draftSet, m)});
        fields.put("min", new Object[]{r.min(), m.min()});
        fields.put("per", new Object[]{r.per(), m.per()});
        fields.put("each", new Object[]{r.each(), m.each()});
        fields.put("years", new Object[]{ref.yearsFor(r), d.yearsFor(m)});
        fields.put("festivals", new Object[]{r.festivals(), m.festivals()});
        fields.put("caption", new Object[]{r.caption(), m.caption()});
        fields.put("target", new Object[]{targets(r.targets()), targets(m.targets())});
        for (var e : fields.entrySet()) {
            Object a = e.getValue()[0];
            Object b = e.getValue()[1];
            if (!Objects.equals(a, b)) out.add(e.getKey() + " " + shown(a) + " → " + shown(b));
        }
        return out;
    }

    private static Integer words(RuleSet set, Material m) {
        if (m.kind() != cn.evcheck.rules.Model.Kind.REPORT) return null;
        return m.words() != null ? m.words() : set.defaults().report().words();
    }

    private static List<String> targets(List<Target> ts) {
        return ts.stream().map(t -> t.op() + (t.value() == null ? "" : YamlOut.number(t.value())) + t.unit()).toList();
    }

    private static String shown(Object o) {
        if (o == null) return "—";
        if (o instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        if (o instanceof List<?> l) return l.stream().map(Comparison::shown).toList().toString();
        return o.toString();
    }
}
