package cn.evcheck.rules;

import cn.evcheck.rules.YNode.*;
import cn.evcheck.util.Spelling;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.function.Function;

/**
 * Binds a located YAML tree to values, strictly: every wrong type, unknown key or invalid value is a
 * problem at {@code file:line:column} and its key path, with the nearest valid spelling for a typo and
 * the key or value meant by a Chinese word ({@code 服务对象} → {@code beneficiary}). Problems are collected,
 * not thrown one by one: a binding step that fails is noted ({@link #attempt}) and the rest of the file is
 * still bound, so {@link #finish} throws one exception naming them all. The base of the rule-set, config
 * and waivers loaders; one instance per file, not thread-safe.
 */
abstract class YamlBinder {
    final String source;
    /** Problems kept; a file that is not a rule file at all could have thousands. */
    static final int MAX_PROBLEMS = 100;
    private final List<RuleException> problems = new ArrayList<>();
    private int omitted;
    /** Problems that end a step but are said already (a required key missing that a misspelt key meant). */
    private final Set<RuleException> silenced = Collections.newSetFromMap(new IdentityHashMap<>());

    YamlBinder(String source) {
        this.source = source;
    }

    /** A binding step that may find a problem. */
    @FunctionalInterface
    interface Bind<T> {
        T get() throws RuleException;
    }

    /** The step's value; when it finds a problem, the problem is noted and {@code fallback} stands in. */
    <T> T attempt(Bind<T> step, T fallback) {
        try {
            return step.get();
        } catch (RuleException e) {
            note(e);
            return fallback;
        }
    }

    void note(RuleException e) {
        if (silenced.remove(e)) return;
        for (RuleException one : e.all()) {
            if (problems.size() < MAX_PROBLEMS) problems.add(one);
            else omitted++;
        }
        omitted += e.count() - e.all().size();
    }

    void problem(Loc at, String zh, String en) {
        note(error(at, zh, en));
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    /** Throws every problem noted, as one exception in file order. */
    void finish() throws RuleException {
        if (!problems.isEmpty()) throw RuleException.of(problems, omitted);
    }

    YScalar scalar(YNode n) throws RuleException {
        if (n instanceof YScalar s && s.kind() != YScalar.Kind.NULL) return s;
        throw error(n.loc(), "应为单个值，实际是" + zhDescribe(n), "must be a single value, found " + enDescribe(n));
    }

    String str(YScalar s) throws RuleException {
        if (s.text() == null) throw error(s.loc(), "值为空", "the value is empty");
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
            throw error(s.loc(), "日期应写成 YYYY-MM-DD（实际为“" + shown(s.text()) + "”）",
                    "a date must be written YYYY-MM-DD (got \"" + shown(s.text()) + "\")");
        }
        if (d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR) {
            throw error(s.loc(), "日期 " + d + " 不合理（应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 年之间）",
                    "implausible date " + d + " (must fall in " + FIRST_YEAR + "–" + LAST_YEAR + ")");
        }
        return d;
    }

    /** Refuses a period longer than {@link #MAX_SPAN_YEARS}: its calendars would be huge and meaningless. */
    void span(LocalDate from, LocalDate to, YNode.Loc at) throws RuleException {
        if (to.isBefore(from)) throw error(at, "结束日期 to 早于开始日期 from", "'to' is before 'from'");
        if (from.plusYears(MAX_SPAN_YEARS).isBefore(to)) {
            throw error(at, "期间跨度超过 " + MAX_SPAN_YEARS + " 年", "the period spans more than " + MAX_SPAN_YEARS + " years");
        }
    }

    /**
     * A value from the file as an error message may show it: short words (letters, digits, CJK, -_./，、：<>=)
     * as they are; anything else — long, or with other signs, as a file that is not a rule set at all
     * would have — is not echoed, so an error never prints another file's content.
     */
    static String shown(String v) {
        if (v == null) return "";
        if (v.length() <= 32 && v.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'
                || c == ' ' || c == '/' || c == '，' || c == '、' || c == '：' || c == '<' || c == '>' || c == '=' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return v;
        }
        return "…";
    }

    boolean bool(YScalar s) throws RuleException {
        if (s.kind() != YScalar.Kind.BOOLEAN) {
            String meant = Vocabulary.value("bool", s.text());
            throw error(s.loc(), "应为 true 或 false（实际为“" + shown(s.text()) + "”）" + meant(s.text(), meant, true),
                    "must be true or false (got \"" + shown(s.text()) + "\")" + meant(s.text(), meant, false));
        }
        return Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT));
    }

    long positiveLong(YScalar s) throws RuleException {
        long v = integer(s, "正整数", "a positive integer");
        if (v <= 0) throw error(s.loc(), "必须是正整数（实际为 " + v + "）", "must be a positive integer (got " + v + ")");
        return v;
    }

    long nonNegativeLong(YScalar s) throws RuleException {
        long v = integer(s, "整数", "a whole number");
        if (v < 0) throw error(s.loc(), "不能为负数（实际为 " + v + "）", "must not be negative (got " + v + ")");
        return v;
    }

    long integer(YScalar s) throws RuleException {
        return integer(s, "整数", "a whole number");
    }

    private long integer(YScalar s, String zhWant, String enWant) throws RuleException {
        if (s.kind() != YScalar.Kind.INT) {
            throw error(s.loc(), "必须是" + zhWant + "（实际为" + (s.kind() == YScalar.Kind.STRING ? "" : zhDescribe(s)) + "“" + shown(s.text()) + "”）",
                    "must be " + enWant + " (got " + (s.kind() == YScalar.Kind.STRING ? "" : enDescribe(s) + " ") + "\"" + shown(s.text()) + "\")");
        }
        try {
            return Long.parseLong(s.text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(s.loc(), "整数超出范围", "the number is out of range");
        }
    }

    Double number(YScalar s) throws RuleException {
        if (s.kind() != YScalar.Kind.INT && s.kind() != YScalar.Kind.FLOAT) {
            throw error(s.loc(), "必须是数字（实际为" + (s.kind() == YScalar.Kind.STRING ? "" : zhDescribe(s)) + "“" + shown(s.text()) + "”）",
                    "must be a number (got " + (s.kind() == YScalar.Kind.STRING ? "" : enDescribe(s) + " ") + "\"" + shown(s.text()) + "\")");
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
                    "must be a decimal number (such as 12 or 0.5), got \"" + shown(s.text()) + "\"");
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

    /** The entries of a list of words; a bad entry is noted and left out. */
    List<String> strings(YList l) {
        List<String> out = new ArrayList<>();
        for (YNode n : l.values()) {
            String s = attempt(() -> str(scalar(n)), null);
            if (s != null) out.add(s);
        }
        return out;
    }

    List<String> formats(YList l) throws RuleException {
        List<String> out = new ArrayList<>();
        for (String s : strings(l)) out.add(s.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""));
        if (l.values().isEmpty()) throw error(l.loc(), "不能为空（至少写一种格式，如 [jpg, jpeg]）", "must not be empty (list at least one format, as in [jpg, jpeg])");
        return out;
    }

    /** The years of a list; a bad one is noted and left out. */
    List<Integer> years(YList l) {
        List<Integer> out = new ArrayList<>();
        for (YNode n : l.values()) {
            Integer y = attempt(() -> {
                YScalar s = scalar(n);
                long v = integer(s, "年份（如 2019）", "a year (such as 2019)");
                if (v < FIRST_YEAR || v > LAST_YEAR) throw error(s.loc(), "年份“" + v + "”不合理", "implausible year " + v);
                if (out.contains((int) v)) throw error(s.loc(), "年份“" + v + "”重复", "year " + v + " repeated");
                return (int) v;
            }, null);
            if (y != null) out.add(y);
        }
        return out;
    }

    /**
     * One of an enumerated field's values; else a problem listing them, with the nearest spelling or the
     * value a Chinese word means ({@code field} names the vocabulary: kind, per, each, caption).
     */
    <E> E enumValue(YScalar s, E[] values, Function<E, String> key, String field) throws RuleException {
        String v = str(s);
        List<String> keys = new ArrayList<>();
        for (E e : values) {
            keys.add(key.apply(e));
            if (key.apply(e).equals(v)) return e;
        }
        throw error(s.loc(), field + " 的值“" + shown(v) + "”无效，可用：" + String.join("、", keys) + hint(v, keys, field, true),
                "invalid " + field + " '" + shown(v) + "'; valid: " + String.join(", ", keys) + hint(v, keys, field, false));
    }

    /**
     * What a wrong value probably meant: the value a Chinese word names ({@code 每月} → month), else the
     * nearest spelling; or, for several values run together with Chinese commas, how to separate them.
     */
    static String hint(String wrong, Collection<String> valid, String field, boolean zh) {
        String meant = field == null ? null : Vocabulary.value(field, wrong);
        if (meant != null && valid.contains(meant)) return meant(wrong, meant, zh);
        if (wrong.matches(".*[A-Za-z].*[，、].*")) {
            return zh ? "。列表的各项要用半角逗号“,”分隔，并写在方括号中，如 [time, place]"
                    : ". Separate list entries with a half-width comma ',' inside brackets, as in [time, place]";
        }
        return suggestion(wrong, valid, zh);
    }

    /** "Write 'beneficiary' for '服务对象'", or nothing. */
    static String meant(String wrong, String meant, boolean zh) {
        if (meant == null) return "";
        return zh ? "。“" + shown(wrong) + "”应写作“" + meant + "”" : ". For '" + shown(wrong) + "' write '" + meant + "'";
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

    static String enDescribe(YNode n) {
        return switch (n.describe()) {
            case "mapping" -> "a mapping";
            case "list" -> "a list";
            case "text" -> "text";
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "true/false" -> "true/false";
            default -> "an empty value";
        };
    }

    /** ". Did you mean 'x'?" for the nearest valid spelling, or nothing. */
    static String suggestion(String wrong, Collection<String> valid, boolean zh) {
        String best = Spelling.nearest(wrong, valid);
        if (best == null) return "";
        return zh ? "。是否想写“" + best + "”？" : ". Did you mean '" + best + "'?";
    }

    /**
     * What a key that is not one of {@code allowed} probably meant: the key a Chinese name means, the
     * nearest spelling, or a colon written into it; else the list of valid keys.
     */
    static String keyHint(String key, Collection<String> allowed, boolean zh) {
        String meant = Vocabulary.key(key, allowed);
        if (meant != null) return meant(key, meant, zh);
        if (key.contains("：")) {
            return zh ? "。键后用了全角冒号“：”；应写半角冒号加空格“: ”" : ". A full-width colon '：' follows the key; write ': ' (a half-width colon and a space)";
        }
        if (key.matches("[A-Za-z_]+:\\S.*")) {
            return zh ? "。冒号后缺少空格；应写成“键: 值”" : ". No space after the colon; write 'key: value'";
        }
        String s = suggestion(key, allowed, zh);
        if (!s.isEmpty()) return s;
        return zh ? "。可用的键：" + String.join(", ", allowed) : ". Valid keys: " + String.join(", ", allowed);
    }

    /** The valid key an unknown one was probably meant as: a Chinese name's, the key before a stray colon, the nearest spelling. */
    static String meantKey(String key, Collection<String> allowed) {
        String k = Vocabulary.key(key, allowed);
        if (k != null) return k;
        String head = key.split("[:：]", 2)[0].strip();
        if (!head.equals(key) && allowed.contains(head)) return head;
        return Spelling.nearest(key, allowed);
    }

    RuleException error(Loc loc, String zh, String en) {
        return new RuleException(source, loc, zh, en);
    }

    /** A mapping, in Chinese and English for the messages ("item", "条目"). */
    record What(String zh, String en) {
        static What of(String key) {
            return new What(key + " ", key);
        }
    }

    Obj obj(YNode n, What what, List<String> allowed) throws RuleException {
        if (!(n instanceof YMap m)) {
            String colon = n instanceof YScalar s && s.text() != null && s.text().matches("(?s)\\s*[A-Za-z_]+\\s*[:：].*")
                    ? (s.text().contains("：") ? "full" : "tight") : null;
            throw error(n.loc(), what.zh() + "应为映射（键: 值），实际是" + zhDescribe(n)
                            + (colon == null ? "" : colon.equals("full") ? "；键后用了全角冒号“：”，应写半角冒号加空格“: ”" : "；冒号后缺少空格，应写成“键: 值”"),
                    what.en() + " must be a mapping (key: value), found " + enDescribe(n)
                            + (colon == null ? "" : colon.equals("full") ? "; a full-width colon '：' follows the key, write ': '"
                            : "; a space is missing after the colon, write 'key: value'"));
        }
        return new Obj(m, what, allowed);
    }

    Obj obj(YNode n, String what, List<String> allowed) throws RuleException {
        return obj(n, What.of(what), allowed);
    }

    /** A mapping being bound: its unknown keys are noted (each with a hint), and the rest are read. */
    final class Obj {
        final YMap map;
        final What what;
        final List<String> allowed;
        /** Valid keys an unknown key was taken for (materails → materials, 材料 → materials). */
        final Set<String> meant = new HashSet<>();

        Obj(YMap map, What what, List<String> allowed) {
            this.map = map;
            this.what = what;
            this.allowed = allowed;
            for (Entry e : map.entries().values()) {
                if (!allowed.contains(e.key())) {
                    meant.add(String.valueOf(meantKey(e.key(), allowed)));
                    problem(e.keyLoc().at(map.loc().path()),
                            what.zh() + "中有未知的键“" + shown(e.key()) + "”" + keyHint(e.key(), allowed, true),
                            "unknown key '" + shown(e.key()) + "' in " + what.en() + keyHint(e.key(), allowed, false));
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
            if (e == null && meant.contains(key)) {
                RuleException said = error(map.loc(), "", "");   // the unknown key's hint says it
                silenced.add(said);
                throw said;
            }
            if (e == null || (e.value() instanceof YScalar s && s.kind() == YScalar.Kind.NULL)) {
                throw error(e == null ? map.loc() : e.keyLoc().at(map.loc().path()), what.zh() + "缺少必填的键“" + key + "”",
                        "the required key '" + key + "' is missing");
            }
            if (type == YScalar.class && e.value() instanceof YScalar) return type.cast(e.value());
            if (!type.isInstance(e.value())) {
                String want = type == YMap.class ? "映射（键: 值）" : type == YList.class ? "列表" : "单个值";
                String wantEn = type == YMap.class ? "a mapping (key: value)" : type == YList.class ? "a list" : "a single value";
                throw error(e.value().loc(), "应为" + want + "，实际是" + zhDescribe(e.value()),
                        "must be " + wantEn + ", found " + enDescribe(e.value()));
            }
            return type.cast(e.value());
        }

        /** The value bound from {@code key} by {@code step}; {@code dflt} when the key is absent or its value has a problem. */
        <T> T get(String key, Bind<T> step, T dflt) {
            return has(key) ? attempt(step, dflt) : dflt;
        }

        String optString(String key, String dflt) {
            return get(key, () -> str(required(key, YScalar.class)), dflt);
        }

        List<String> stringOrList(String key) {
            if (!has(key)) return List.of();
            YNode v = opt(key);
            if (v instanceof YList l) return strings(l);
            return attempt(() -> List.of(str(scalar(v))), List.of());
        }
    }
}
