package cn.evcheck.util;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a period reads in a message, one spelling everywhere a person reads it: 2019年4月, 2019年7—8月,
 * 2018年11月—2019年2月, 2019年, 2019年端午节 (Apr 2019, Jul–Aug 2019, Nov 2018–Feb 2019, 2019). The
 * period keys themselves ({@code 2019-04}, {@code 2019-07..2019-08}, {@code 2019}, {@code 2019 端午节})
 * stay as they are in data, JSON and the other machine formats.
 */
public final class PeriodText {
    private PeriodText() {}

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern MONTHS = Pattern.compile("(\\d{4}-\\d{2})\\.\\.(\\d{4}-\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern FESTIVAL = Pattern.compile("(\\d{4}) (\\S.*)");

    /** One period as a person reads it; anything not a period key comes back unchanged. */
    public static String spell(String period, boolean en) {
        if (period == null) return "";
        if (MONTH.matcher(period).matches()) return months(YearMonth.parse(period), YearMonth.parse(period), en);
        Matcher m = MONTHS.matcher(period);
        if (m.matches()) return months(YearMonth.parse(m.group(1)), YearMonth.parse(m.group(2)), en);
        if (YEAR.matcher(period).matches()) return en ? period : period + "年";
        Matcher f = FESTIVAL.matcher(period);
        if (f.matches()) return en ? festival(f.group(2), true) + " " + f.group(1) : f.group(1) + "年" + f.group(2);
        return period;
    }

    private static final java.util.Map<String, String> FESTIVALS_EN = java.util.Map.of(
            "春节", "Spring Festival", "元宵节", "Lantern Festival", "清明节", "Qingming Festival",
            "端午节", "Dragon Boat Festival", "七夕节", "Qixi Festival", "中秋节", "Mid-Autumn Festival",
            "重阳节", "Double Ninth Festival");

    /** A traditional festival's name in the run's language (its Chinese name where it has no English one). */
    public static String festival(String name, boolean en) {
        return en ? FESTIVALS_EN.getOrDefault(name, name) : name;
    }

    /** The periods from {@code first} to {@code last} (keys of one kind, in order) as one range. */
    public static String range(String first, String last, boolean en) {
        if (YEAR.matcher(first).matches() && YEAR.matcher(last).matches()) {
            return first.equals(last) ? spell(first, en) : en ? first + "–" + last : first + "—" + last + "年";
        }
        YearMonth a = start(first);
        YearMonth b = end(last);
        if (a == null || b == null) return spell(first, en) + (en ? "–" : "—") + spell(last, en);
        return months(a, b, en);
    }

    /** Both spellings, for a message argument rendered in the run's language. */
    public static Messages.Localized localized(String period) {
        return new Messages.Localized(spell(period, false), spell(period, true));
    }

    private static YearMonth start(String p) {
        if (MONTH.matcher(p).matches()) return YearMonth.parse(p);
        Matcher m = MONTHS.matcher(p);
        return m.matches() ? YearMonth.parse(m.group(1)) : null;
    }

    private static YearMonth end(String p) {
        if (MONTH.matcher(p).matches()) return YearMonth.parse(p);
        Matcher m = MONTHS.matcher(p);
        return m.matches() ? YearMonth.parse(m.group(2)) : null;
    }

    private static String months(YearMonth a, YearMonth b, boolean en) {
        if (en) {
            if (a.equals(b)) return name(a) + " " + a.getYear();
            if (a.getYear() == b.getYear()) return name(a) + "–" + name(b) + " " + a.getYear();
            return name(a) + " " + a.getYear() + "–" + name(b) + " " + b.getYear();
        }
        if (a.equals(b)) return a.getYear() + "年" + a.getMonthValue() + "月";
        if (a.getYear() == b.getYear()) return a.getYear() + "年" + a.getMonthValue() + "—" + b.getMonthValue() + "月";
        return a.getYear() + "年" + a.getMonthValue() + "月—" + b.getYear() + "年" + b.getMonthValue() + "月";
    }

    private static String name(YearMonth m) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
