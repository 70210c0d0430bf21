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
