package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class DocNumbersTest {
    @Test
    void standardNumbers() {
        DocNumbers.Found f = DocNumbers.find("连云港市赣榆区卫生健康委员会文件\n赣卫〔2020〕44号\n关于印发…");
        assertEquals("赣卫〔2020〕44号", f.text());
        assertTrue(f.standard());
        assertTrue(DocNumbers.find("国办发〔2019〕5号").standard());
    }

    /** OCR lines: a number never reaches across a line break (the authority line above is not its 代字). */
    @Test
    void aNumberStaysOnOneLine() {
        assertNull(DocNumbers.find("江苏省人民政府公告\n\n[2020]第2号"));
        assertEquals("连政发[2020]21号", DocNumbers.find("连云港市人民政府文件\n连政发[2020]21号").text());
        assertEquals("赣卫 〔2020〕 44号", DocNumbers.find("赣卫 〔2020〕 44号").text());
    }

    /** The variants of reference/documents.md: recognised, flagged, with the standard spelling. */
    @ParameterizedTest
    @CsvSource({
            "赣卫[2019]5号,赣卫〔2019〕5号",
            "赣卫【2019】5号,赣卫〔2019〕5号",
            "赣卫(2019)5号,赣卫〔2019〕5号",
            "赣卫（2019）5号,赣卫〔2019〕5号",
            "赣卫［2019］5号,赣卫〔2019〕5号",
            "赣卫﹝2019﹞5号,赣卫〔2019〕5号",
            "赣卫〖2019〗5号,赣卫〔2019〕5号",
            "赣卫〔2019〕第5号,赣卫〔2019〕5号",
            "赣卫〔2019〕05号,赣卫〔2019〕5号",
            "赣卫〔19〕5号,赣卫〔2019〕5号",
            "赣卫〔二〇一九〕5号,赣卫〔2019〕5号",
            "赣卫〔2019年〕5号,赣卫〔2019〕5号",
            "赣卫〔 2019 〕 5 号,赣卫〔2019〕5号"})
    void nonStandardSpellings(String written, String standard) {
        DocNumbers.Found f = DocNumbers.find(written);
        assertNotNull(f, written);
        assertFalse(f.standard(), written);
        assertEquals(standard, f.suggestion());
    }

    @Test
    void noNumber() {
        assertNull(DocNumbers.find("关于开展志愿服务活动的通知"));
        assertNull(DocNumbers.find("2019年3月5日"));
    }
}
