package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.rules.Periods;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.PhotoRecord;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.Each;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.Per;
import cn.evcheck.rules.Model.RuleSet;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;

/**
 * The coverage calendar of a photo requirement: category × period cells with how many photos
 * count and how many are needed. The periods are recomputed exactly as the checker counts them
 * ({@link #periods}); a cell's shortfall comes from its {@code coverage.gap} /
 * {@code coverage.pending} finding, and a met cell's count from the per-photo records. A pure
 * function of the report.
 */
public final class Coverage {
    private Coverage() {}

    public enum State {
        /** at least {@code need} photos count for the period */
        MET,
        /** the period is over and short */
        GAP,
        /** the period is still running and short (the as-of date falls inside it) */
        PENDING
    }

    /** One period of one category; {@code have} is -1 when it is met but the count is unknown. */
    public record Cell(String period, int have, int need, State state) {}

    public record Row(String category, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** One photo material of one item: its periods (columns) and categories (rows). */
    public record Grid(Material material, String requirement, List<String> periods, List<Row> rows) {
        public Grid {
            periods = List.copyOf(periods);
            rows = List.copyOf(rows);
        }

        public long count(State s) {
            return rows.stream().flatMap(r -> r.cells().stream()).filter(c -> c.state() == s).count();
        }
    }

    /**
     * The periods a photo material is counted over by the as-of date (capped at the rule
     * period's end), as {@code Checker} counts them: months, two-month blocks, years, festivals
     * or the whole range; periods of a year the material does not ask for are left out.
     */
    public static List<Periods.Period> periods(RuleSet rules, Item item, Material m, LocalDate asOf) {
        LocalDate until = asOf.isAfter(rules.to()) ? rules.to() : asOf;
        List<Integer> years = item.yearsFor(m);
        List<Periods.Period> ps = Periods.of(m.per(), rules.from(), rules.to(), until, m.festivals(), years,
                rules.defaults().festivalBefore(), rules.defaults().festivalAfter());
        if (m.per() != Per.FESTIVAL && m.per() != Per.TOTAL && !years.isEmpty()) {
            ps = ps.stream().filter(p -> years.contains(p.start().getYear())).toList();
        }
        return ps;
    }

    /** The calendars of an item's photo materials; none for an item that is missing altogether. */
    public static List<Grid> of(Report r, UnitResult u, ItemResult ir, boolean en) {
        Item item = ir.item();
        if (ir.status() == Status.MISSING) return List.of();
        List<Grid> out = new ArrayList<>();
        boolean noPhotos = ir.findings().stream().anyMatch(f -> f.code().equals("material.missing")
                && Kind.PHOTOS.key.equals(f.data().get("kind")));
        List<PhotoRecord> photos = u.photos().stream().filter(p -> item.id().equals(p.item())).toList();
        for (Material m : item.materials()) {
            if (m.kind() != Kind.PHOTOS) continue;
            List<Periods.Period> periods = periods(r.rules(), item, m, r.asOf());
            if (periods.isEmpty()) continue;
            // Categories: the item's, else those its photos are filed under, else one unnamed row.
            List<String> cats;
            if (m.each() != Each.CATEGORY) {
                cats = List.of("");
            } else if (!item.categories().isEmpty()) {
                cats = item.categories();
            } else {
                TreeSet<String> found = new TreeSet<>();
                photos.stream().map(PhotoRecord::category).filter(Objects::nonNull).forEach(found::add);
                ir.findings().stream().filter(f -> f.code().startsWith("coverage."))
                        .map(f -> f.data().get("category")).filter(Objects::nonNull).forEach(c -> found.add(c.toString()));
                cats = found.isEmpty() ? List.of("") : List.copyOf(found);
            }
            Map<String, Finding> short_ = new HashMap<>();
            for (Finding f : ir.findings()) {
                if (!f.code().equals("coverage.gap") && !f.code().equals("coverage.pending")) continue;
                Object need = f.data().get("need");
                if (need instanceof Number n && n.intValue() != m.min()) continue;
                short_.put(String.valueOf(f.data().getOrDefault("category", "")) + "\u0000" + f.period(), f);
            }
            List<Row> rows = new ArrayList<>();
            for (String cat : cats) {
                List<Cell> cells = new ArrayList<>();
                for (Periods.Period p : periods) {
                    Finding f = short_.get(cat + "\u0000" + p.key());
                    if (f != null) {
                        int have = ((Number) f.data().getOrDefault("have", 0)).intValue();
                        cells.add(new Cell(p.key(), have, m.min(),
                                f.code().equals("coverage.gap") ? State.GAP : State.PENDING));
                    } else if (noPhotos) {
                        cells.add(new Cell(p.key(), 0, m.min(), p.state() == Periods.State.DUE ? State.GAP : State.PENDING));
                    } else {
                        int have = count(photos, m, cat, p);
                        cells.add(new Cell(p.key(), have >= m.min() ? have : -1, m.min(), State.MET));
                    }
                }
                rows.add(new Row(cat, cells));
            }
            out.add(new Grid(m, Describe.material(m, item, en), periods.stream().map(Periods.Period::key).toList(), rows));
        }
        return out;
    }

    /** Photos that count for a period, as the checker counts them (festivals need a known day). */
    private static int count(List<PhotoRecord> photos, Material m, String cat, Periods.Period p) {
        int n = 0;
        for (PhotoRecord ph : photos) {
            if (!ph.counted() || ph.date() == null) continue;
            if (m.each() == Each.CATEGORY && !cat.equals(ph.category())) continue;
            LocalDate d;
            try {
                if (ph.date().length() == 7) {
                    if (m.per() == Per.FESTIVAL) continue;
                    d = YearMonth.parse(ph.date()).atDay(1);
                } else {
                    d = LocalDate.parse(ph.date());
                }
            } catch (RuntimeException e) {
                continue;
            }
            if (p.contains(d)) n++;
        }
        return n;
    }

    /**
     * How a calendar is laid out: years as rows and months (two-month blocks, festivals) as
     * columns; years and totals in one row with an empty row label. {@code cell(row, category)}
     * finds a category's cell.
     */
    record Layout(List<String> rows, List<String> columns, List<String> labels) {}

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    static Layout layout(Grid grid, boolean en) {
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
                labels.addAll(grid.material().festivals());
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
    static Map<String, Cell> cells(Grid grid, Row row) {
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
