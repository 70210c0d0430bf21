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

    /** The waivers of a {@code waivers:} value (a list of mappings), checked key by key. */
    public static List<Waiver> list(YNode node, String src) throws RuleException {
        if (!(node instanceof YList l)) {
            throw new RuleException(src, node.loc(), "waivers 应为列表（每项以“- code: …”开头）", "waivers must be a list (each entry starting '- code: …')");
        }
        if (l.values().size() > MAX) {
            throw new RuleException(src, l.loc(), "waivers 最多 " + MAX + " 项", "at most " + MAX + " waivers");
        }
        List<Waiver> out = new ArrayList<>();
        for (YNode v : l.values()) out.add(one(v, src));
        return out;
    }

    private static Waiver one(YNode v, String src) throws RuleException {
        if (!(v instanceof YMap m)) {
            throw new RuleException(src, v.loc(), "每项豁免应为“键: 值”形式", "each waiver must be a mapping (key: value)");
        }
        String[] val = new String[KEYS.size()];
        for (Entry e : m.entries().values()) {
            int k = KEYS.indexOf(e.key());
            if (k < 0) {
                throw new RuleException(src, e.keyLoc(), "未知的键“" + YamlBinder.shown(e.key()) + "”" + RuleLoader.suggestion(e.key(), KEYS, true)
                        + "。可用：" + String.join(", ", KEYS), "unknown key '" + YamlBinder.shown(e.key()) + "'"
                        + RuleLoader.suggestion(e.key(), KEYS, false) + ". Valid: " + String.join(", ", KEYS));
            }
            if (!(e.value() instanceof YScalar s) || s.text() == null || s.text().isBlank()) {
                throw new RuleException(src, e.value().loc(), "“" + e.key() + "”应为单个值", "'" + e.key() + "' must be a single value");
            }
            val[k] = s.text().strip();
        }
        for (String required : List.of("code", "reason", "approved_by", "expires")) {
            if (val[KEYS.indexOf(required)] == null) {
                throw new RuleException(src, m.loc(), "豁免缺少必填的“" + required + "”（code、reason、approved_by、expires 都必须写）",
                        "the waiver lacks '" + required + "' (code, reason, approved_by and expires are all required)");
            }
        }
        LocalDate expires;
        try {
            expires = LocalDate.parse(val[KEYS.indexOf("expires")]);
        } catch (DateTimeParseException e) {
            throw new RuleException(src, m.entries().get("expires").value().loc(), "expires 应为 YYYY-MM-DD", "expires must be YYYY-MM-DD");
        }
        return new Waiver(val[0], val[1], val[2], val[3], val[4], val[5], val[6], expires, src + ":" + m.loc().line());
    }
}
