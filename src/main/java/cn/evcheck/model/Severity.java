package cn.evcheck.model;

import java.util.Locale;

public enum Severity {
    ERROR("错误", "error"), WARNING("警告", "warning"), INFO("提示", "info");

    public final String zh;
    public final String en;

    Severity(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The severity whose {@link #key()} this is (any case), or null: how --fail-on and reports name them. */
    public static Severity of(String key) {
        if (key == null) return null;
        for (Severity s : values()) if (s.key().equalsIgnoreCase(key)) return s;
        return null;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** Whether this severity is at or above a threshold (ERROR is the highest). */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
