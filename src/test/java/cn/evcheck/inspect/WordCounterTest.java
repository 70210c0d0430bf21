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

    /**
     * Figures checked in Microsoft Word by the office-wordcount project (github.com/bebe3/office-wordcount,
     * validation_dataset.md, each case marked as matching Word's dialog): enclosed CJK letters and
     * compatibility squares count one each, circled digits and emoji are a non-East-Asian word, a
     * zero-width space or byte-order mark neither counts nor splits. (Written as escapes: the test font
     * need not hold Japanese kana or Kangxi radicals.)
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\u3231\u30C6\u30B9\u30C8\u3232|5",
            "\u337B\u337C\u337D\u337E|4",
            "\u2460\u2461\u2462\u2463\u2464|1",
            "\uFF21\uFF22\uFF23\uFF24\uFF25|5",
            "\uFF11\uFF12\uFF13\uFF14\uFF15|5",
            "\u2F00\u2F06\u2F03|3",
            "\u31F0\u31F1\u31F2|3",
            "\u300C\u3053\u3093\u306B\u3061\u306F\u300D|7",
            "\u303D\u3005\u3006|3",
            "\u6771\u4EAC2024\u30AA\u30EA\u30F3\u30D4\u30C3\u30AF|9",
            "Hello \u4E16\u754C|3",
            "\uD83D\uDC4D\uD83D\uDC4E\uD83D\uDC4F|1",
            "Hello\uD83D\uDC4DWorld|1",
            "hello \uD83D\uDE42 world|3",
            "\uFEFFHello|1",
            "foo\u200Bbar|1",
    })
    void countsAsWordWasSeenToCount(String text, int expected) {
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
