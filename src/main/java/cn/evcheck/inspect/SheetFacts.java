package cn.evcheck.inspect;

import java.util.List;

/**
 * Indicator values read from a data sheet (.xlsx/.xls/.et/.csv): one row per metric with its
 * value and, where the sheet has one, the previous period's value.
 *
 * @param problem null, or why the sheet could not be used ("unparseable", "no_header")
 */
public record SheetFacts(String problem, String detail, List<Row> rows) {
    /** {@code value}/{@code previous} are null when the cell holds no number. */
    public record Row(int row, String metric, String raw, Double value, Double previous) {}

    public SheetFacts {
        rows = List.copyOf(rows);
    }

    public static SheetFacts failed(String problem, String detail) {
        return new SheetFacts(problem, detail, List.of());
    }
}
