package cn.evcheck.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interprets indicator sheets: finds the header row naming a metric column (指标/指标名称/评价指标/项目)
 * and a value column (数值/实际值/完成值/本年值/现状值/值), optionally a previous-value column
 * (上年值/去年值/基期值), and returns one row per metric. The rows come from {@link Tables}.
 * Pure.
 */
public final class Sheets {
    private Sheets() {}

    private static final List<String> METRIC = List.of("评价指标", "指标名称", "指标", "项目名称", "项目", "metric");
    private static final List<String> VALUE = List.of("实际值", "完成值", "本年值", "现状值", "当前值", "数值", "值", "value");
    private static final List<String> PREVIOUS = List.of("上年值", "去年值", "上年", "基期值", "前值", "previous");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:\\.\\d+)?");

    /** Interprets a table's rows (from {@link Tables}) as an indicator sheet. */
    public static SheetFacts of(List<String[]> cells) {
        for (int h = 0; h < Math.min(cells.size(), 20); h++) {
            String[] header = cells.get(h);
            int metric = column(header, METRIC);
            int value = column(header, VALUE);
            if (metric < 0 || value < 0 || metric == value) continue;
            int previous = column(header, PREVIOUS);
            List<SheetFacts.Row> out = new ArrayList<>();
            for (int r = h + 1; r < cells.size(); r++) {
                String[] row = cells.get(r);
                String name = metric < row.length ? row[metric].strip() : "";
                if (name.isEmpty()) continue;
                String raw = value < row.length ? row[value].strip() : "";
                out.add(new SheetFacts.Row(r + 1, name, raw, number(raw),
                        previous >= 0 && previous < row.length ? number(row[previous]) : null));
            }
            return new SheetFacts(null, "", out);
        }
        return SheetFacts.failed("no_header", "no 指标/数值 header row");
    }

    private static int column(String[] header, List<String> names) {
        for (String n : names) {
            for (int i = 0; i < header.length; i++) {
                String c = header[i].strip().toLowerCase(Locale.ROOT);
                if (c.equals(n) || (n.length() >= 2 && c.startsWith(n))) return i;
            }
        }
        return -1;
    }

    /** The first number in a cell such as "95%", "≥2.3平方米", "1,234"; null when there is none. */
    static Double number(String raw) {
        if (raw == null) return null;
        Matcher m = NUMBER.matcher(raw.replace(",", "").replace("，", ""));
        return m.find() ? Double.parseDouble(m.group()) : null;
    }
}
