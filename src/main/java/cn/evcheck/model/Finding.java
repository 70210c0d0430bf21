package cn.evcheck.model;

import java.util.Comparator;
import java.util.Map;

/**
 * One problem (PRODUCT.md §5). {@code code} is stable API; the messages are for people.
 * {@code item}, {@code file} and {@code period} are null when they do not apply; {@code file}
 * is relative to the package. {@code data} holds structured facts, keys sorted.
 */
public record Finding(String code, Severity severity, String unit, String item, String file, String period,
                      Map<String, Object> data, String zh, String en) {
    public Finding {
        // Keys sorted, so the same input gives the same bytes whatever order a check wrote them in.
        data = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(data));
    }

    public String message(boolean english) {
        return english ? en : zh;
    }

    public Finding withUnit(String u) {
        return new Finding(code, severity, u, item, file, period, data, zh, en);
    }

    /** Report order: unit, item, file, code, period, then message — never thread timing. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> nz(f.unit()))
            .thenComparing(f -> nz(f.item()))
            .thenComparing(f -> nz(f.file()))
            .thenComparing(Finding::code)
            .thenComparing(f -> periodKey(f.period()))
            .thenComparing(Finding::zh);

    /** Periods sort chronologically; festivals within a year in calendar order (春节 … 重阳节). */
    public static String periodKey(String period) {
        if (period == null) return "";
        if (period.length() > 5 && period.charAt(4) == ' ') {
            int i = cn.evcheck.rules.Model.FESTIVALS.indexOf(period.substring(5));
            if (i >= 0) return period.substring(0, 4) + " " + i;
        }
        return period;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
