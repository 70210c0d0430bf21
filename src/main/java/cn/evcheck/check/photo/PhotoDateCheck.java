package cn.evcheck.check.photo;

import cn.evcheck.check.*;
import cn.evcheck.model.Code;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.Item;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A photo counts for the period of its activity date. No date at all, a date outside the rule
 * period, or a stated date the camera contradicts (more than a day apart, or another month for a
 * month-only caption) are reported; the stated date is still the one counted.
 */
public final class PhotoDateCheck implements Check {
    public static final Code UNDATED = Code.of("photo.undated", Severity.WARNING, Clauses.PERIOD);
    public static final Code CONFLICT = Code.of("photo.date_conflict", Severity.WARNING, Clauses.FALSIFIED);
    public static final Code OUT_OF_PERIOD = Code.of("photo.out_of_period", Severity.WARNING, Clauses.PERIOD);

    @Override
    public List<Code> codes() {
        return List.of(UNDATED, CONFLICT, OUT_OF_PERIOD);
    }

    @Override
    public void run(Evidence ev, Results out) {
        for (Item item : ev.present()) {
            for (Photo ph : ev.photos(item)) {
                if (ph.readable()) check(ev, ph, out);
            }
        }
    }

    private static void check(Evidence ev, Photo ph, Results out) {
        LocalDate date = ph.date();
        if (date != null && ph.exif() != null && !"exif".equals(ph.dateSource())) {
            LocalDate shot = ph.exif();
            boolean conflict = ph.dayKnown() ? Math.abs(ChronoUnit.DAYS.between(date, shot)) > 1
                    : !YearMonth.from(date).equals(YearMonth.from(shot));
            if (conflict) {
                out.emit(CONFLICT, ph.file()).data("caption_date", ph.shownDate()).data("date_source", ph.dateSource())
                        .data("exif_date", shot.toString()).say();
            }
        }
        if (date == null) {
            Results.Emit e = out.emit(UNDATED, ph.file());
            if (ph.page() != null) e.data("page", ph.page());
            e.arg("where", Wording.where(ph.page())).say();
        } else if (!ph.inPeriod(ev)) {
            Results.Emit e = out.emit(OUT_OF_PERIOD, ph.file());
            if (ph.page() != null) e.data("page", ph.page());
            e.data("date", date.toString()).data("from", ev.rules().from(ph.item()).toString()).data("to", ev.until(ph.item()).toString())
                    .arg("where", Wording.where(ph.page())).say();
        }
    }
}
