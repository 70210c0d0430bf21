package cn.evcheck.inspect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordCounterTest {
    /** Every example of reference/word-count.md, plus mixed text. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2019年3月5日，XX医院在XX广场开展学雷锋义诊志愿服务活动。|28",
            "共有3,500名志愿者参与（占比12.5%）。|15",
            "GDP增长6.1%|4",
            "Hello、World。|4",
            "ＡＢＣＤＥ|5",
            "Hello world|2",
            "　　首行缩进的段落。|8",
            "医院 开展 活动|6",
            "“我们的节日”主题活动|11",
            "version 2.0 of WPS Office|5",
            "-- , --|3",
            "第1季度|4",
            // Half-width punctuation standing alone is a word to Word (not to LibreOffice).
            "卫生 & 健康|5",
            "2018 - 2020年|4",
            "工作,成效|5",
            "①②③|1",
    })
    void countsLikeWord(String text, int expected) {
        assertEquals(expected, WordCounter.count(text).words(), text);
    }

    @Test
    void hanAndCharactersWithoutSpaces() {
        WordCounter.Counts c = WordCounter.count("共有3,500名志愿者参与（占比12.5%）。");
        assertEquals(15, c.words());
        assertEquals(10, c.han());           // 共有 名志愿者参与 占比
        assertEquals(23, c.nonSpaceChars());
        WordCounter.Counts spaced = WordCounter.count("a b　c\n");
        assertEquals(3, spaced.nonSpaceChars());
        assertEquals(3, spaced.words());
    }
}
