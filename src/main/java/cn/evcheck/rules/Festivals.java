package cn.evcheck.rules;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

import java.time.LocalDate;
import java.util.Calendar;

/**
 * Gregorian dates of the traditional festivals of "我们的节日": 春节 元宵 端午 七夕 中秋 重阳 from
 * ICU4J's Chinese calendar (never a leap month), 清明 as the solar term (sun at 15° longitude).
 * Thread-safe: a calendar instance per call.
 */
public final class Festivals {
    private Festivals() {}

    public static LocalDate date(String festival, int year) {
        return switch (festival) {
            case "春节" -> lunar(year, 1, 1);
            case "元宵节" -> lunar(year, 1, 15);
            case "端午节" -> lunar(year, 5, 5);
            case "七夕节" -> lunar(year, 7, 7);
            case "中秋节" -> lunar(year, 8, 15);
            case "重阳节" -> lunar(year, 9, 9);
            case "清明节" -> qingming(year);
            default -> throw new IllegalArgumentException("unknown festival " + festival);
        };
    }

    /** The Gregorian date of lunar month/day in the lunar year that begins in Gregorian {@code year}. */
    static LocalDate lunar(int year, int month, int day) {
        ChineseCalendar cc = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        cc.clear();
        // Lunar new year falls between Jan 21 and Feb 20: Feb 21 is always in the lunar year we want.
        com.ibm.icu.util.GregorianCalendar g = new com.ibm.icu.util.GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        g.clear();
        g.set(year, Calendar.FEBRUARY, 21, 12, 0, 0);
        cc.setTimeInMillis(g.getTimeInMillis());
        int era = cc.get(ChineseCalendar.ERA);
        int lunarYear = cc.get(ChineseCalendar.YEAR);
        cc.clear();
        cc.set(ChineseCalendar.ERA, era);
        cc.set(ChineseCalendar.YEAR, lunarYear);
        cc.set(ChineseCalendar.MONTH, month - 1);
        cc.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        cc.set(ChineseCalendar.DAY_OF_MONTH, day);
        cc.set(ChineseCalendar.HOUR_OF_DAY, 12);
        g.setTimeInMillis(cc.getTimeInMillis());
        return LocalDate.of(g.get(Calendar.YEAR), g.get(Calendar.MONTH) + 1, g.get(Calendar.DAY_OF_MONTH));
    }

    /**
     * 清明: the day the sun reaches 15° ecliptic longitude, by the standard solar-term
     * formula for 2001–2099 (D = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋, Y = year mod 100); checked
     * against the almanac in tests for 2018–2026. Years outside 2001–2099 are clamped to
     * April 5, the most common date, since rule years stay in this century.
     */
    static LocalDate qingming(int year) {
        if (year < 2001 || year > 2099) return LocalDate.of(year, 4, 5);
        int y = year % 100;
        int day = (int) Math.floor(y * 0.2422 + 4.81) - y / 4;
        return LocalDate.of(year, 4, day);
    }
}
