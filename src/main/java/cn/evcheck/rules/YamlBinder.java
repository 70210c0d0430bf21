package cn.evcheck.rules;

import cn.evcheck.rules.YNode.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.function.Function;

/**
 * Binds a located YAML tree to values, strictly: every wrong type, unknown key or invalid value
 * becomes a {@link RuleException} at {@code file:line:column}, with the nearest valid spelling
 * for a typo. The base of the rule-set loader; one instance per file, not thread-safe.
 */
abstract class YamlBinder {
    final String source;

    YamlBinder(String source) {
        this.source = source;
    }

    YScalar scalar(YNode n) throws RuleException {
        if (n instanceof YScalar s && s.kind() != YScalar.Kind.NULL) return s;
        throw error(n.loc(), "应为单个值，实际是" + zhDescribe(n), "expected a single value, found " + n.describe());
    }

    String str(YScalar s) throws RuleException {
        if (s.text() == null) throw error(s.loc(), "值为空", "empty value");
        return s.text().strip();
    }

    /** The years a date in a rule set may fall in (the campaigns are annual; 1990–2100 like {@code years:}). */
    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;
    /** The longest period a rule set or item may span, in years (a campaign cycle is three). */
    static final int MAX_SPAN_YEARS = 20;

    LocalDate date(YScalar s) throws RuleException {
        LocalDate d;
        try {
            d = LocalDate.parse(str(s));
        } catch (DateTimeParseException e) {
            throw error(s.loc(), "日期“" + shown(s.text()) + "”格式应为 YYYY-MM-DD", "date '" + shown(s.text()) + "' must be YYYY-MM-DD");
        }
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
            throw error(s.loc(), "日期 " + d + " 不合理（应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 年之间）",
                    "implausible date " + d + " (must fall in " + FIRST_YEAR + "–" + LAST_YEAR + ")");
        }
        return d;
    }

    /** Refuses a period longer than {@link #MAX_SPAN_YEARS}: its calendars would be huge and meaningless. */
    void span(LocalDate from, LocalDate to, YNode.Loc at) throws RuleException {
        if (to.isBefore(from)) throw error(at, "period 的 to 早于 from", "period 'to' is before 'from'");
        if (from.plusYears(MAX_SPAN_YEARS).isBefore(to)) {
            throw error(at, "period 跨度超过 " + MAX_SPAN_YEARS + " 年", "period spans more than " + MAX_SPAN_YEARS + " years");
        }
    }

    /**
     * A value from the file as an error message may show it: short words (letters, digits, CJK, -_.)
     * as they are; anything else — long, or with other signs, as a file that is not a rule set at all
     * would have — is not echoed, so an error never prints another file's content.
     */
    static String shown(String v) {
        if (v == null) return "";
        if (v.length() <= 32 && v.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'
                || c == ' ' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return v;
        }
        return "…";
    }

    boolean bool(YScalar s) throws RuleException {
        if (s.kind() != YScalar.Kind.BOOLEAN) {
            throw error(s.loc(), "应为 true 或 false，实际是“" + s.text() + "”", "must be true or false, found '" + s.text() + "'");
        }
        return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
    }

    long positiveLong(YScalar s) throws RuleException {
        long v = integer(s);
        if (v <= 0) throw error(s.loc(), "应为正整数", "must be a positive integer");
        return v;
    }

    long nonNegativeLong(YScalar s) throws RuleException {
        long v = integer(s);
        if (v < 0) throw error(s.loc(), "不能为负数", "must not be negative");
        return v;
    }

    long integer(YScalar s) throws RuleException {
        if (s.kind() != YScalar.Kind.INT) {
            throw error(s.loc(), "应为整数，实际是" + zhDescribe(s) + "“" + s.text() + "”",
                    "expected an integer, found " + s.describe() + " '" + s.text() + "'");
        }
        try {
            return Long.parseLong(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(s.loc(), "整数超出范围", "integer out of range");
        }
    }

    Double number(YScalar s) throws RuleException {
        if (s.kind() != YScalar.Kind.INT && s.kind() != YScalar.Kind.FLOAT) {
            throw error(s.loc(), "应为数字，实际是" + zhDescribe(s) + "“" + s.text() + "”",
                    "expected a number, found " + s.describe() + " '" + s.text() + "'");
        }
        // YAML 1.1 numbers Java does not read as they are: 1_000 and 0._2 (underscores are ignored),
        // 0x1F, 0o17, 1:30 (base 60), .inf and .nan. Underscores are dropped; the rest is refused.
        double v;
        try {
            v = Double.parseDouble(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v)) {
            throw error(s.loc(), "应为十进制数（如 12 或 0.5），实际是“" + shown(s.text()) + "”",
                    "expected a decimal number (such as 12 or 0.5), found '" + shown(s.text()) + "'");
        }
        return v;
    }

    double fraction(YScalar s, boolean belowOne) throws RuleException {
        double v = number(s);
        if (v < 0 || (belowOne && v >= 1)) {
            throw error(s.loc(), belowOne ? "应在 0 到 1 之间（如 0.2 表示低 20%）" : "不能为负数",
                    belowOne ? "must be between 0 and 1 (0.2 means 20 % below)" : "must not be negative");
        }
        return v;
    }

    List<String> strings(YList l) throws RuleException {
        List<String> out = new ArrayList<>();
        for (YNode n : l.values()) out.add(str(scalar(n)));
        return out;
    }

    List<String> formats(YList l) throws RuleException {
        List<String> out = new ArrayList<>();
        for (String s : strings(l)) out.add(s.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
        if (out.isEmpty()) throw error(l.loc(), "formats 不能为空", "formats must not be empty");
        return out;
    }

    List<Integer> years(YList l) throws RuleException {
        List<Integer> out = new ArrayList<>();
        for (YNode n : l.values()) {
            YScalar s = scalar(n);
            long y = integer(s);
            if (y < 1990 || y > 2100) throw error(s.loc(), "年份“" + y + "”不合理", "implausible year " + y);
            if (out.contains((int) y)) throw error(s.loc(), "年份“" + y + "”重复", "year " + y + " repeated");
            out.add((int) y);
        }
        return out;
    }

    <E> E enumValue(YScalar s, E[] values, Function<E, String> key, String field) throws RuleException {
        String v = str(s);
        List<String> keys = new ArrayList<>();
        for (E e : values) {
            keys.add(key.apply(e));
            if (key.apply(e).equals(v)) return e;
        }
        throw error(s.loc(), field + " 的值“" + v + "”无效，可用：" + String.join("、", keys) + suggestion(v, keys, true),
                "invalid " + field + " '" + v + "'; valid: " + String.join(", ", keys) + suggestion(v, keys, false));
    }

    static String zhDescribe(YNode n) {
        return switch (n.describe()) {
            case "mapping" -> "映射";
            case "list" -> "列表";
            case "text" -> "文本";
            case "integer" -> "整数";
            case "number" -> "数字";
            case "true/false" -> "布尔值";
            default -> "空值";
        };
    }

    static String suggestion(String wrong, Collection<String> valid, boolean zh) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = levenshtein(wrong.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = v;
            }
        }
        if (best == null || bestD > Math.max(2, best.length() / 3)) return "";
        return zh ? "。是否想写“" + best + "”？" : ". Did you mean '" + best + "'?";
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    RuleException error(Loc loc, String zh, String en) {
        return new RuleException(source, loc, zh, en);
    }

    Obj obj(YNode n, String what, List<String> allowed) throws RuleException {
        if (!(n instanceof YMap m)) {
            throw error(n.loc(), what + " 应为映射（键: 值），实际是" + zhDescribe(n),
                    what + " must be a mapping (key: value), found " + n.describe());
        }
        return new Obj(m, what, allowed);
    }

    /** A mapping being bound: tracks which keys were read and rejects the rest. */
    final class Obj {
        final YMap map;
        final String what;
        final List<String> allowed;

        Obj(YMap map, String what, List<String> allowed) throws RuleException {
            this.map = map;
            this.what = what;
            this.allowed = allowed;
            for (Entry e : map.entries().values()) {
                if (!allowed.contains(e.key())) {
                    throw error(e.keyLoc(), what + " 中有未知的键“" + shown(e.key()) + "”" + suggestion(e.key(), allowed, true)
                                    + (suggestion(e.key(), allowed, true).isEmpty() ? "。可用的键：" + String.join(", ", allowed) : ""),
                            "unknown key '" + shown(e.key()) + "' in " + what + suggestion(e.key(), allowed, false)
                                    + (suggestion(e.key(), allowed, false).isEmpty() ? ". Valid keys: " + String.join(", ", allowed) : ""));
                }
            }
        }

        boolean has(String key) {
            Entry e = map.entries().get(key);
            return e != null && !(e.value() instanceof YScalar s && s.kind() == YScalar.Kind.NULL);
        }

        YNode opt(String key) {
            return has(key) ? map.entries().get(key).value() : null;
        }

        Loc keyLoc(String key) {
            return map.entries().get(key).keyLoc();
        }

        <T extends YNode> T required(String key, Class<T> type) throws RuleException {
            Entry e = map.entries().get(key);
            if (e == null || (e.value() instanceof YScalar s && s.kind() == YScalar.Kind.NULL)) {
                throw error(e == null ? map.loc() : e.keyLoc(), what + " 缺少必填的键“" + key + "”",
                        what + " lacks the required key '" + key + "'");
            }
            if (type == YScalar.class && e.value() instanceof YScalar) return type.cast(e.value());
            if (!type.isInstance(e.value())) {
                String want = type == YMap.class ? "映射" : type == YList.class ? "列表" : "单个值";
                String wantEn = type == YMap.class ? "a mapping" : type == YList.class ? "a list" : "a single value";
                throw error(e.value().loc(), "“" + key + "”应为" + want + "，实际是" + zhDescribe(e.value()),
                        "'" + key + "' must be " + wantEn + ", found " + e.value().describe());
            }
            return type.cast(e.value());
        }

        String optString(String key, String dflt) throws RuleException {
            if (!has(key)) return dflt;
            YScalar s = required(key, YScalar.class);
            return str(s);
        }

        List<String> stringOrList(String key) throws RuleException {
            if (!has(key)) return List.of();
            YNode v = opt(key);
            if (v instanceof YList l) return strings(l);
            return List.of(str(scalar(v)));
        }
    }
}
