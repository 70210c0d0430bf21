package cn.evcheck.report;

import cn.evcheck.model.*;
import java.util.Locale;

/**
 * How a report is sectioned: by item (rule-set order), by 牵头科室 (one section per lead
 * department with only its items) or by 责任单位 (one section per responsible unit; an item
 * naming several appears under each).
 */
public enum Grouping {
    ITEM, DEPARTMENT, UNIT;

    /** {@code item|department|unit}, case-insensitive; null when unknown. */
    public static Grouping parse(String s) {
        if (s == null) return null;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "item" -> ITEM;
            case "department", "dept" -> DEPARTMENT;
            case "unit" -> UNIT;
            default -> null;
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
