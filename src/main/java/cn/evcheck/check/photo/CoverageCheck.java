package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.CoverageGrid;
import cn.evcheck.model.CoverageGrid.Cell;
import cn.evcheck.model.CoverageGrid.State;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.*;
import cn.evcheck.rules.Periods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 每类每月不少于1张, 每两月1张, 每年每个节日至少3张 …: counts the counted photos of each category in
 * each period due by the as-of date; every short period that is over is a gap, the running one
 * is pending. The counts are the item's coverage calendar in the result.
 */
public final class CoverageCheck implements Check {
    public static final Code GAP = Code.of("coverage.gap", Severity.ERROR, Clauses.PHOTO_COUNTS);
    public static final Code PENDING = Code.of("coverage.pending", Severity.INFO, Clauses.PHOTO_COUNTS);

    @Override
    public List<Code> codes() {
        return List.of(GAP, PENDING, SharedCodes.MATERIAL_MISSING);
    }

    @Override
    public Phase phase() {
        return Phase.UNIT;
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Material m : item.materials()) {
                if (m.kind() == Kind.PHOTOS) material(ev, item, m, out);
            }
        }
    }

    private static void material(Evidence ev, Item item, Material m, Results out) {
        List<Photo> photos = ev.photos(item);
        List<Periods.Period> periods = Periods.forMaterial(ev.rules(), item, m, ev.asOf());
        if (photos.isEmpty()) {
            out.emit(SharedCodes.MATERIAL_MISSING, item.id(), null).data("kind", m.kind().key).data("need", Wording.material(m, item).zh())
                    .arg("material", Wording.material(m, item)).say("photos");
            List<Cell> cells = periods.stream()
                    .map(p -> new Cell(p.key(), 0, m.min(), p.state() == Periods.State.DUE ? State.GAP : State.PENDING)).toList();
            if (!periods.isEmpty()) out.coverage(item.id(), grid(m, periods, List.of(new CoverageGrid.Row("", cells))));
            return;
        }
        List<CoverageGrid.Row> rows = new ArrayList<>();
        // The photos that can count at all, decided once, not again for every period and category.
        List<Photo> counting = photos.stream().filter(ph -> ph.readable() && !out.rejected(ph.file()) && ph.inPeriod(ev)
                && (m.per() != Per.FESTIVAL || ph.dayKnown())).toList();
        for (String cat : ev.categories(item, m)) {
            List<Photo> inCategory = m.each() == Each.CATEGORY
                    ? counting.stream().filter(ph -> cat.equals(ph.category())).toList() : counting;
            List<Cell> cells = new ArrayList<>();
            for (Periods.Period period : periods) {
                int have = count(inCategory, period);
                boolean due = period.state() == Periods.State.DUE;
                cells.add(new Cell(period.key(), have, m.min(), have >= m.min() ? State.MET : due ? State.GAP : State.PENDING));
                if (have >= m.min()) continue;
                Map<String, Object> data = new LinkedHashMap<>();
                if (!cat.isEmpty()) data.put("category", cat);
                data.put("period", period.key());
                if (m.per() == Per.FESTIVAL) {
                    data.put("year", Integer.parseInt(period.key().substring(0, 4)));
                    data.put("festival", period.key().substring(5));
                }
                data.put("have", have);
                data.put("need", m.min());
                Results.Emit e = out.emit(due ? GAP : PENDING, item.id(), null).period(period.key()).data(data)
                        .arg("period", cn.evcheck.util.PeriodText.localized(period.key()));
                if (cat.isEmpty()) e.say();
                else e.say("category");
            }
            rows.add(new CoverageGrid.Row(cat, cells));
        }
        if (!periods.isEmpty() && !rows.isEmpty()) out.coverage(item.id(), grid(m, periods, rows));
    }

    /** Counted photos of a category in a period; festivals need a known day. */
    private static int count(List<Photo> photos, Periods.Period period) {
        int have = 0;
        for (Photo ph : photos) {
            if (period.contains(ph.date())) have++;
        }
        return have;
    }

    private static CoverageGrid grid(Material m, List<Periods.Period> periods, List<CoverageGrid.Row> rows) {
        return new CoverageGrid(m, periods.stream().map(Periods.Period::key).toList(), rows);
    }
}
