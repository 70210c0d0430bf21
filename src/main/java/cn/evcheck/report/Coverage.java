package cn.evcheck.report;

import cn.evcheck.model.CoverageGrid;
import cn.evcheck.model.CoverageGrid.Cell;
import cn.evcheck.model.CoverageGrid.Row;
import cn.evcheck.rules.Model.Per;

import java.util.*;

/**
 * How the renderers lay out a coverage calendar ({@link CoverageGrid}, counted by the coverage
 * check): years as rows and months, two-month blocks or festivals as columns. Pure.
 */
final class Coverage {
    private Coverage() {}

    /**
     * How a calendar is laid out: years as rows and months (two-month blocks, festivals) as
     * columns; years and totals in one row with an empty row label. {@code cell(row, category)}
     * finds a category's cell.
     */
    record Layout(List<String> rows, List<String> columns, List<String> labels) {}

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    static Layout layout(CoverageGrid grid, boolean en) {
        Per per = grid.material().per();
        List<String> cols = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        switch (per) {
            case MONTH -> {
                for (int m = 1; m <= 12; m++) {
                    cols.add(String.valueOf(m));
                    labels.add(en ? MONTHS[m - 1] : m + "月");
                }
            }
            case TWO_MONTHS -> {
                for (int m = 1; m <= 11; m += 2) {
                    cols.add(String.valueOf(m));
                    labels.add(en ? MONTHS[m - 1] + "–" + MONTHS[m] : m + "–" + (m + 1) + "月");
                }
            }
            case FESTIVAL -> {
                cols.addAll(grid.material().festivals());
                for (String f : grid.material().festivals()) labels.add(cn.evcheck.util.PeriodText.festival(f, en));
            }
            default -> {
                cols.addAll(grid.periods());
                labels.addAll(grid.periods());
            }
        }
        LinkedHashSet<String> rows = new LinkedHashSet<>();
        for (String p : grid.periods()) rows.add(rowKey(per, p));
        return new Layout(List.copyOf(rows), cols, labels);
    }

    /** A category's cells by "row\0column" of its {@link #layout}. */
    static Map<String, Cell> cells(CoverageGrid grid, Row row) {
        Per per = grid.material().per();
        Map<String, Cell> at = new HashMap<>();
        for (Cell c : row.cells()) at.put(rowKey(per, c.period()) + "\u0000" + colKey(per, c.period()), c);
        return at;
    }

    static String rowKey(Per per, String period) {
        return switch (per) {
            case MONTH, TWO_MONTHS, FESTIVAL -> period.substring(0, 4);
            default -> "";
        };
    }

    static String colKey(Per per, String period) {
        return switch (per) {
            case MONTH, TWO_MONTHS -> String.valueOf(Integer.parseInt(period.substring(5, 7)));
            case FESTIVAL -> period.substring(5);
            default -> period;
        };
    }

    /** "2/1", or "✓" when met with an unknown count. */
    static String shown(Cell c) {
        return c.have() < 0 ? "✓" : c.have() + "/" + c.need();
    }

    /** met, partial (some but too few), gap (none) or pending. */
    static String cls(Cell c) {
        return switch (c.state()) {
            case MET -> "met";
            case PENDING -> "pending";
            case GAP -> c.have() > 0 ? "partial" : "gap";
        };
    }
}
