package cn.evcheck.rules;

import cn.evcheck.rules.YNode.Entry;
import cn.evcheck.rules.YNode.YList;
import cn.evcheck.rules.YNode.YMap;
import cn.evcheck.rules.YNode.YScalar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An assessor's accepted exception (issue 14 part 4): findings of {@code code} (a glob such as
 * {@code photo.*} allowed) and, when given, of this unit, item, file (a glob on the package-relative
 * path) and period are waived, for a {@code reason}, {@code approved_by} someone, until {@code expires}
 * (inclusive) — all three required. Read from {@code waivers:} in evcheck.yaml or a file named by
 * {@code --waivers}, linted like rules (file:line:column).
 *
 * @param source where it was written, as "file:line"
 */
public record Waiver(String code, String unit, String item, String file, String period, String reason, String approvedBy,
                     LocalDate expires, String source) {
    static final List<String> KEYS = List.of("code", "unit", "item", "file", "period", "reason", "approved_by", "expires");
    /** Waivers in one list at most. */
    static final int MAX = 5000;

    /** Whether it applies to a finding with these fields (its date aside). */
    public boolean matches(String code, String unit, String item, String file, String period) {
        if (!glob(this.code, false).matcher(code).matches()) return false;
        if (this.unit != null && !this.unit.equals(unit == null ? "" : unit)) return false;
        if (this.item != null && !this.item.equals(item)) return false;
        if (this.file != null && (file == null || !glob(this.file, true).matcher(file).matches())) return false;
        return this.period == null || this.period.equals(period);
    }

    public boolean expired(LocalDate today) {
        return expires.isBefore(today);
    }

    /** {@code *} any run (within a path segment for files), {@code **} any run of segments, {@code ?} one character. */
    static Pattern glob(String g, boolean path) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append(path ? "[^/]*" : ".*");
            } else if (c == '?') {
                re.append(path ? "[^/]" : ".");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /**
     * The waivers of a {@code waivers:} value (a list of mappings), checked key by key; problems are noted
     * in {@code b} (all of them: one run names every one), and a waiver with one is left out.
     */
    static List<Waiver> list(YNode node, YamlBinder b) {
        if (!(node instanceof YList l)) {
            b.problem(node.loc(), "应为列表（每项以“- code: …”开头）", "must be a list (each entry starting '- code: …')");
            return List.of();
        }
        if (l.values().size() > MAX) {
            b.problem(l.loc(), "最多 " + MAX + " 项", "at most " + MAX + " waivers");
            return List.of();
        }
        List<Waiver> out = new ArrayList<>();
        for (YNode v : l.values()) {
            Waiver w = one(v, b);
            if (w != null) out.add(w);
        }
        return out;
    }

    private static Waiver one(YNode v, YamlBinder b) {
        String src = b.source;
        if (!(v instanceof YMap m)) {
            b.problem(v.loc(), "每项豁免应为“键: 值”形式", "each waiver must be a mapping (key: value)");
            return null;
        }
        String[] val = new String[KEYS.size()];
        boolean bad = false;
        java.util.Set<String> meant = new java.util.HashSet<>();
        for (Entry e : m.entries().values()) {
            int k = KEYS.indexOf(e.key());
            if (k < 0) {
                b.problem(e.keyLoc().at(m.loc().path()), "未知的键“" + YamlBinder.shown(e.key()) + "”" + YamlBinder.keyHint(e.key(), KEYS, true),
                        "unknown key '" + YamlBinder.shown(e.key()) + "'" + YamlBinder.keyHint(e.key(), KEYS, false));
                meant.add(String.valueOf(YamlBinder.meantKey(e.key(), KEYS)));
                bad = true;
                continue;
            }
            if (!(e.value() instanceof YScalar s) || s.text() == null || s.text().isBlank()) {
                b.problem(e.value().loc(), "应为单个值", "must be a single value");
                bad = true;
                continue;
            }
            val[k] = s.text().strip();
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("code", "reason", "approved_by", "expires")) {
            if (val[KEYS.indexOf(required)] == null && !m.entries().containsKey(required) && !meant.contains(required)) missing.add(required);
        }
        if (!missing.isEmpty()) {
            b.problem(m.loc(), "豁免缺少必填的" + String.join("、", missing.stream().map(k -> "“" + k + "”").toList())
                            + "（code、reason、approved_by、expires 都必须写）",
                    "the waiver lacks " + String.join(", ", missing.stream().map(k -> "'" + k + "'").toList())
                            + " (code, reason, approved_by and expires are all required)");
            bad = true;
        }
        LocalDate expires = null;
        if (val[KEYS.indexOf("expires")] != null) {
            try {
                expires = LocalDate.parse(val[KEYS.indexOf("expires")]);
            } catch (DateTimeParseException e) {
                YScalar s = (YScalar) m.entries().get("expires").value();
                b.problem(s.loc(), "日期应写成 YYYY-MM-DD（实际为“" + YamlBinder.shown(s.text()) + "”）",
                        "a date must be written YYYY-MM-DD (got \"" + YamlBinder.shown(s.text()) + "\")");
                bad = true;
            }
        }
        if (bad || expires == null) return null;
        return new Waiver(val[0], val[1], val[2], val[3], val[4], val[5], val[6], expires, src + ":" + m.loc().line());
    }
}
