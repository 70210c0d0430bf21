package cn.evcheck.testkit;

import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Marks;
import cn.evcheck.scan.FileEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Check tests state marks with {@code marks:} under {@code text} and {@code doc}; absent, they are an ordinary file's. */
class FactsSpecMarksTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Facts facts(String yaml) throws Exception {
        JsonNode spec = YAML.readTree(yaml);
        return FactsSpec.facts((FileEntry) null, spec);
    }

    @Test
    void marksAsCountsOrAsAWord() throws Exception {
        Marks m = facts("text: {marks: {highlights: 2, comments: 1, sample: 关爱空巢老人}}").text().marks();
        assertEquals(Map.of("highlight", 2, "comment", 1), m.kinds());
        assertEquals("关爱空巢老人", m.sample());
        assertEquals(List.of(1), facts("doc: {marks: {drawn: 1, pages: [1]}}").doc().marks().pages());
        assertEquals(Marks.none(), facts("text: {marks: none}").text().marks());
        assertEquals(Marks.notJudgeable(Marks.GREYSCALE), facts("doc: {marks: greyscale}").doc().marks());
    }

    @Test
    void absentMarksAreThoseOfAnOrdinaryFile() throws Exception {
        assertEquals(Marks.none(), facts("text: {words: 300}").text().marks());
        assertEquals(Marks.none(), facts("doc: {text: 赣榆区卫生健康委员会文件 赣卫〔2020〕44号}").doc().marks());
        assertEquals(Marks.notJudgeable(Marks.NO_COLOUR), facts("doc: {red_header: true}").doc().marks());
        assertEquals(Marks.notJudgeable(Marks.UNREAD), facts("doc: {problem: encrypted}").doc().marks());
    }
}
