package cn.evcheck.rules;

import cn.evcheck.rules.Model.Per;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PeriodsTest {
    static final LocalDate FROM = LocalDate.of(2018, 1, 1);
    static final LocalDate TO = LocalDate.of(2020, 12, 31);

    static List<Periods.Period> of(Per per, LocalDate asOf) {
        return Periods.of(per, FROM, TO, asOf, List.of(), List.of(), 7, 7);
    }

    @Test
    void monthsUpToTheAsOfMonthWhichIsPending() {
        List<Periods.Period> p = of(Per.MONTH, LocalDate.of(2018, 4, 15));
        assertEquals(List.of("2018-01", "2018-02", "2018-03", "2018-04"), p.stream().map(Periods.Period::key).toList());
        assertEquals(Periods.State.DUE, p.get(2).state());
        assertEquals(Periods.State.PENDING, p.get(3).state());
    }

    @Test
    void theLastDayOfAMonthMakesItDue() {
        List<Periods.Period> p = of(Per.MONTH, LocalDate.of(2018, 4, 30));
        assertEquals(Periods.State.DUE, p.get(3).state());
    }

    @Test
    void twoMonthBlocksAreJanFebToNovDec() {
        List<Periods.Period> p = of(Per.TWO_MONTHS, LocalDate.of(2018, 8, 1));
        assertEquals(List.of("2018-01..2018-02", "2018-03..2018-04", "2018-05..2018-06", "2018-07..2018-08"),
                p.stream().map(Periods.Period::key).toList());
        assertEquals(Periods.State.PENDING, p.get(3).state());
        assertEquals(LocalDate.of(2018, 8, 31), p.get(3).end());
    }

    @Test
    void yearsAndTotal() {
        assertEquals(List.of("2018", "2019"), of(Per.YEAR, LocalDate.of(2019, 6, 1)).stream().map(Periods.Period::key).toList());
        List<Periods.Period> total = of(Per.TOTAL, LocalDate.of(2025, 1, 1));
        assertEquals("2018-01..2020-12", total.get(0).key());
        assertEquals(Periods.State.DUE, total.get(0).state());
    }

    @Test
    void anAsOfDateBeforeThePeriodHasNothingDue() {
        assertTrue(of(Per.MONTH, LocalDate.of(2017, 6, 1)).isEmpty());
    }

    @Test
    void afterThePeriodEverythingIsDue() {
        List<Periods.Period> p = of(Per.MONTH, TO);
        assertEquals(36, p.size());
        assertTrue(p.stream().allMatch(x -> x.state() == Periods.State.DUE));
    }

    @Test
    void festivalWindows() {
        List<Periods.Period> p = Periods.of(Per.FESTIVAL, FROM, TO, LocalDate.of(2020, 10, 3), List.of("中秋节"),
                List.of(2019, 2020), 7, 7);
        assertEquals(List.of("2019 中秋节", "2020 中秋节"), p.stream().map(Periods.Period::key).toList());
        assertEquals(LocalDate.of(2020, 9, 24), p.get(1).start());
        assertEquals(Periods.State.PENDING, p.get(1).state());
    }
}
