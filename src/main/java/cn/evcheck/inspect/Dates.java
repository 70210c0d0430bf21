package cn.evcheck.inspect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a calendar date in free text: 2019年3月5日, 2019.3.5, 2019-03-05, 2019/3/5, 20190305
 * (camera and WeChat file names), 二〇一九年三月五日, and month-only forms (2019年3月, 2019-03)
 * which yield the first of the month with {@code dayKnown=false}. Pure and thread-safe.
 */
public final class Dates {
    private Dates() {}

    public record Found(LocalDate date, boolean dayKnown, int start, int end) {}

    private static final Pattern YMD = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d{2})\\s*(?:年|[-./])\\s*(\\d{1,2})\\s*(?:月|[-./])\\s*(\\d{1,2})\\s*日?(?![0-9])");
    private static final Pattern COMPACT = Pattern.compile(
            "(?<![0-9])((?:19|20)\\d{2})(0[1-9]|1[0-2])([0-2]\\d|3[01])(?=[^0-9]|\\d{6}(?![0-9])|$)");
    private static final Pattern YM = Pattern.compile("(?<![0-9])((?:19|20)\\d{2})\\s*(?:年|[-./])\\s*(\\d{1,2})\\s*月?(?![0-9])");
    private static final Pattern HAN = Pattern.compile("([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?");

    /** The first date in the text, or null. Full dates win over month-only forms at the same place. */
    public static Found find(String text) {
        if (text == null || text.isEmpty()) return null;
        Found best = null;
        best = earlier(best, match(YMD.matcher(text), true));
        best = earlier(best, matchHan(text));
        best = earlier(best, match(COMPACT.matcher(text), true));
        if (best == null) best = match(YM.matcher(text), false);
        return best;
    }

    private static Found earlier(Found a, Found b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.start() < a.start() ? b : a;
    }

    private static Found match(Matcher m, boolean withDay) {
        while (m.find()) {
            try {
                int y = Integer.parseInt(m.group(1));
                int mo = Integer.parseInt(m.group(2));
                int d = withDay ? Integer.parseInt(m.group(3)) : 1;
                return new Found(LocalDate.of(y, mo, d), withDay, m.start(), m.end());
            } catch (DateTimeException | NumberFormatException e) {
                // not a real date (2019-13-45): keep looking
            }
        }
        return null;
    }

    private static Found matchHan(String text) {
        Matcher m = HAN.matcher(text);
        while (m.find()) {
            try {
                StringBuilder y = new StringBuilder();
                for (char c : m.group(1).toCharArray()) y.append(hanDigit(c));
                int mo = hanNumber(m.group(2));
                boolean day = m.group(3) != null;
                int d = day ? hanNumber(m.group(3)) : 1;
                return new Found(LocalDate.of(Integer.parseInt(y.toString()), mo, d), day, m.start(), m.end());
            } catch (DateTimeException | NumberFormatException e) {
                // keep looking
            }
        }
        return null;
    }

    private static int hanDigit(char c) {
        return switch (c) {
            case '〇', '零', '○', 'Ｏ' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> throw new NumberFormatException(String.valueOf(c));
        };
    }

    /** 一..三十一 */
    private static int hanNumber(String s) {
        if (s.equals("十")) return 10;
        int ten = s.indexOf('十');
        if (ten < 0) return hanDigit(s.charAt(0));
        int tens = ten == 0 ? 1 : hanDigit(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : hanDigit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }
}
