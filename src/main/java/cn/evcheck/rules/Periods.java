package cn.evcheck.rules;

import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Material;
import cn.evcheck.rules.Model.Per;
import cn.evcheck.rules.Model.RuleSet;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods a photo requirement is counted over (PRODUCT.md §5 spellings): months
 * {@code 2019-04}, two-month blocks {@code 2019-07..2019-08} (Jan–Feb … Nov–Dec), years
 * {@code 2019}, festivals {@code 2019 端午节}, and the whole range for {@code per: total}.
 * Pure and thread-safe.
 */
public final class Periods {
    private Periods() {}

    /** A period and its state on the as-of date. */
    public record Period(String key, LocalDate start, LocalDate end, State state) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(start) && !d.isAfter(end);
        }
    }

    /** DUE: ended on or before the as-of date; PENDING: the as-of date falls inside, before its last day. */
    public enum State { DUE, PENDING }

    /**
     * Periods from {@code from} to {@code to} that have started by {@code asOf}. Periods after the
     * as-of date are not listed; an as-of date before {@code from} gives none.
     */
    public static List<Period> of(Per per, LocalDate from, LocalDate to, LocalDate asOf,
                                  List<String> festivals, List<Integer> years, int before, int after) {
        List<Period> out = new ArrayList<>();
        switch (per) {
            case TOTAL -> add(out, YearMonth.from(from) + ".." + YearMonth.from(to), from, to, asOf);
            case MONTH -> {
                for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                    add(out, m.toString(), max(m.atDay(1), from), min(m.atEndOfMonth(), to), asOf);
                }
            }
            case TWO_MONTHS -> {
                YearMonth first = YearMonth.from(from);
                if (first.getMonthValue() % 2 == 0) first = first.minusMonths(1);
                for (YearMonth m = first; !m.isAfter(YearMonth.from(to)); m = m.plusMonths(2)) {
                    YearMonth second = m.plusMonths(1);
                    add(out, m + ".." + second, max(m.atDay(1), from), min(second.atEndOfMonth(), to), asOf);
                }
            }
            case YEAR -> {
                for (int y = from.getYear(); y <= to.getYear(); y++) {
                    add(out, String.valueOf(y), max(LocalDate.of(y, 1, 1), from), min(LocalDate.of(y, 12, 31), to), asOf);
                }
            }
            case FESTIVAL -> {
                for (int y : years) {
                    for (String f : festivals) {
                        LocalDate day = Festivals.date(f, y);
                        add(out, y + " " + f, day.minusDays(before), day.plusDays(after), asOf);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The periods a photo material is counted over by the as-of date (capped at the rule
     * period's end): months, two-month blocks, years, festivals or the whole range; periods of a
     * year the material does not ask for are left out.
     */
    public static List<Period> forMaterial(RuleSet rules, Item item, Material m, LocalDate asOf) {
        LocalDate until = asOf.isAfter(rules.to(item)) ? rules.to(item) : asOf;
        List<Integer> years = item.yearsFor(m);
        List<Period> ps = of(m.per(), rules.from(item), rules.to(item), until, m.festivals(), years,
                rules.defaults().festivalBefore(), rules.defaults().festivalAfter());
        if (m.per() != Per.FESTIVAL && m.per() != Per.TOTAL && !years.isEmpty()) {
            ps = ps.stream().filter(p -> years.contains(p.start().getYear())).toList();
        }
        return ps;
    }

    private static void add(List<Period> out, String key, LocalDate start, LocalDate end, LocalDate asOf) {
        if (start.isAfter(asOf)) return;
        out.add(new Period(key, start, end, end.isAfter(asOf) ? State.PENDING : State.DUE));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
