package cn.evcheck.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The table of reference/photos.md, every year 2018–2026. */
class FestivalsTest {
    @ParameterizedTest
    @CsvSource({
            "2018,02-16,03-02,04-05,06-18,08-17,09-24,10-17",
            "2019,02-05,02-19,04-05,06-07,08-07,09-13,10-07",
            "2020,01-25,02-08,04-04,06-25,08-25,10-01,10-25",
            "2021,02-12,02-26,04-04,06-14,08-14,09-21,10-14",
            "2022,02-01,02-15,04-05,06-03,08-04,09-10,10-04",
            "2023,01-22,02-05,04-05,06-22,08-22,09-29,10-23",
            "2024,02-10,02-24,04-04,06-10,08-10,09-17,10-11",
            "2025,01-29,02-12,04-04,05-31,08-29,10-06,10-29",
            "2026,02-17,03-03,04-05,06-19,08-19,09-25,10-18"})
    void matchesTheAlmanac(int year, String chunjie, String yuanxiao, String qingming, String duanwu, String qixi,
                           String zhongqiu, String chongyang) {
        assertEquals(LocalDate.parse(year + "-" + chunjie), Festivals.date("春节", year));
        assertEquals(LocalDate.parse(year + "-" + yuanxiao), Festivals.date("元宵节", year));
        assertEquals(LocalDate.parse(year + "-" + qingming), Festivals.date("清明节", year));
        assertEquals(LocalDate.parse(year + "-" + duanwu), Festivals.date("端午节", year));
        assertEquals(LocalDate.parse(year + "-" + qixi), Festivals.date("七夕节", year));
        assertEquals(LocalDate.parse(year + "-" + zhongqiu), Festivals.date("中秋节", year));
        assertEquals(LocalDate.parse(year + "-" + chongyang), Festivals.date("重阳节", year));
    }
}
