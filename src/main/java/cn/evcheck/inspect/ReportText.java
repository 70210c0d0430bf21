package cn.evcheck.inspect;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an assessor reads in a report's text: personal data that must not be published
 * (18-digit resident ID numbers with a valid check digit, mobile numbers) and a 落款 — an
 * issuing-unit line followed by a date — that reports do not need. Computed once, when a
 * document's text is read, into {@link TextFacts#pii()} and {@link TextFacts#signature()}. Pure.
 */
public final class ReportText {
    private ReportText() {}

    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])([1-9]\\d{5})((?:19|20)\\d{2})(\\d{2})(\\d{2})(\\d{3})([0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)(\\d{4})(\\d{4})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Masked ID-card numbers, mobile numbers and e-mail addresses found in the text, in order of kind. */
    public static List<String> pii(CharSequence text) {
        List<String> out = new ArrayList<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            if (validId(m.group())) out.add(m.group().substring(0, 4) + "**********" + m.group().substring(14));
        }
        Matcher p = MOBILE.matcher(text);
        while (p.find()) out.add(p.group(1) + "****" + p.group(3));
        Matcher e = EMAIL.matcher(text);
        while (e.find()) out.add(e.group(1).charAt(0) + "***@" + e.group(2));
        return out;
    }

    static boolean validId(String id) {
        try {
            LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (id.charAt(i) - '0') * WEIGHTS[i];
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }

    private static final Pattern UNIT = Pattern.compile(".{2,30}(医院|卫生院|委员会|卫健委|局|中心|办公室|科|所|站|政府|办|公司|学校|社区|服务站|卫生室|部|队)$");

    /** Lines of the 版记 that GB/T 9704 prints after the 落款: 抄送, 印发, the rules around them. */
    private static final Pattern RECORD_LINE = Pattern.compile("^(?:(?:抄送|抄报|主送|分送|发送|报送)\\s*[：:].*|.*印发\\s*|[-—─━_=\\s]{3,})$");

    /**
     * The signature block if the last lines are "unit" then "date" (or the date line alone after the
     * unit), once the 版记 lines that may follow it (抄送：…, …印发, rules) are set aside.
     */
    public static String signature(List<String> lastLines) {
        int end = lastLines.size();
        while (end > 0 && RECORD_LINE.matcher(lastLines.get(end - 1).strip()).matches()) end--;
        lastLines = lastLines.subList(0, end);
        int n = lastLines.size();
        if (n < 2) return null;
        String last = lastLines.get(n - 1);
        String before = lastLines.get(n - 2);
        Dates.Found d = Dates.find(last);
        boolean dateOnly = d != null && last.replaceAll("[\\s日]", "").length() <= d.end() - d.start() + 2;
        if (dateOnly && UNIT.matcher(before.strip()).matches() && before.length() <= 30) return before + " " + last;
        return null;
    }
}
