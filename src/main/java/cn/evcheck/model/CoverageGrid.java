package cn.evcheck.model;

import cn.evcheck.rules.Model.Material;

import java.util.List;

/**
 * The coverage calendar of one photo requirement of an item, as the coverage check counted it:
 * the periods due or running by the as-of date (columns) and, per category, how many photos
 * count in each period against how many are needed. Renderers draw it; nobody recounts it.
 */
public record CoverageGrid(Material material, List<String> periods, List<Row> rows) {
    public CoverageGrid {
        periods = List.copyOf(periods);
        rows = List.copyOf(rows);
    }

    public enum State {
        /** at least {@code need} photos count for the period */
        MET,
        /** the period is over and short */
        GAP,
        /** the period is still running and short (the as-of date falls inside it) */
        PENDING
    }

    /** One period of one category. */
    public record Cell(String period, int have, int need, State state) {}

    /** One category ("" when the requirement is not per category). */
    public record Row(String category, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public long count(State s) {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.state() == s).count();
    }
}
