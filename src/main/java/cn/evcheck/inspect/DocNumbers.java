package cn.evcheck.inspect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a document number (发文字号, 文号) in text and judges its spelling against GB/T 9704:
 * 机关代字〔年份〕序号号 — the year in full Arabic digits inside hexagonal brackets 〔〕, the
 * sequence without 第 and without leading zeros ({@code reference/documents.md}). Recognises
 * the spellings clerks produce ([2019], 【2019】, （2019）, ﹝2019﹞, 第5号, 05号, 〔19〕,
 * 〔二〇一九〕, 〔2019年〕, stray spaces) so they can be flagged with the standard form. Pure.
 */
public final class DocNumbers {
    private DocNumbers() {}

    /**
     * @param text       the number as written
     * @param standard   whether it follows GB/T 9704
     * @param suggestion the standard spelling (prefix, 〔year〕, sequence, 号)
     */
    public record Found(String text, boolean standard, String suggestion) {}

    private static final String HAN_DIGITS = "〇零一二三四五六七八九○";
    private static final Pattern NUMBER = Pattern.compile(
            "([\\p{IsHan}A-Za-z]{1,12}?)\\h*([〔\\[【(（［﹝〖{])\\h*((?:19|20)\\d{2}|\\d{2}|[" + HAN_DIGITS + "]{4})\\h*(年?)\\h*"
                    + "([〕\\]】)）］﹞〗}])\\h*(第?)\\h*(\\d{1,5})\\h*号");

    /** The first document number in the text, on one line (spaces allowed, never a line break), or null. */
    public static Found find(String text) {
        if (text == null) return null;
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) return null;
        String prefix = m.group(1);
        String yearRaw = m.group(3);
        int year = year(yearRaw);
        String seqRaw = m.group(7);
        int seq = Integer.parseInt(seqRaw);
        boolean standard = m.group(2).equals("〔") && m.group(5).equals("〕") && yearRaw.length() == 4
                && Character.isDigit(yearRaw.charAt(0)) && m.group(4).isEmpty() && m.group(6).isEmpty()
                && !seqRaw.startsWith("0") && !m.group().matches(".*\\s.*");
        return new Found(m.group(), standard, prefix + "〔" + year + "〕" + seq + "号");
    }

    private static int year(String raw) {
        if (Character.isDigit(raw.charAt(0))) {
            int y = Integer.parseInt(raw);
            return raw.length() == 2 ? 2000 + y : y;
        }
        int y = 0;
        for (char c : raw.toCharArray()) {
            int d = HAN_DIGITS.indexOf(c);
            y = y * 10 + (d == 0 || d == 1 || d == 11 ? 0 : d - 1);
        }
        return y;
    }
}
