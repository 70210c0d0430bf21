package cn.evcheck.util;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 15 part 4: one spelling for periods and ranges wherever a person reads them. */
class PeriodTextTest {
    @Test
    void periodsInChinese() {
        assertEquals("2019\u5e744\u6708", PeriodText.spell("2019-04", false));                     // 2019年4月
        assertEquals("2019\u5e747\u20148\u6708", PeriodText.spell("2019-07..2019-08", false));     // 2019年7—8月
        assertEquals("2019\u5e7412\u6708\u20142020\u5e741\u6708", PeriodText.spell("2019-12..2020-01", false));
        assertEquals("2019\u5e74", PeriodText.spell("2019", false));
        assertEquals("2019\u5e74\u7aef\u5348\u8282", PeriodText.spell("2019 \u7aef\u5348\u8282", false));   // 2019年端午节
        assertEquals("not a period", PeriodText.spell("not a period", false));
    }

    @Test
    void periodsInEnglish() {
        assertEquals("Apr 2019", PeriodText.spell("2019-04", true));
        assertEquals("Jul\u2013Aug 2019", PeriodText.spell("2019-07..2019-08", true));
        assertEquals("Dec 2019\u2013Jan 2020", PeriodText.spell("2019-12..2020-01", true));
        assertEquals("2019", PeriodText.spell("2019", true));
        assertEquals("Dragon Boat Festival 2019", PeriodText.spell("2019 \u7aef\u5348\u8282", true));   // 2019 端午节
        assertEquals("\u5e99\u4f1a 2019", PeriodText.spell("2019 \u5e99\u4f1a", true), "a festival without an English name stays");
    }

    @Test
    void rangesRunFromTheFirstPeriodsStartToTheLastOnesEnd() {
        assertEquals("2018\u5e744\u20146\u6708", PeriodText.range("2018-04", "2018-06", false));
        assertEquals("2018\u5e743\u20148\u6708", PeriodText.range("2018-03..2018-04", "2018-07..2018-08", false));
        assertEquals("Nov 2018\u2013Feb 2019", PeriodText.range("2018-11", "2019-02", true));
        assertEquals("2018\u20142020\u5e74", PeriodText.range("2018", "2020", false));
        assertEquals("2018\u20132020", PeriodText.range("2018", "2020", true));
    }
}
