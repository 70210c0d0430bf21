package cn.evcheck.cli;

import cn.evcheck.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The record's equality, written out (not the record's bootstrapped one): every component counts, and it reads back from run.json equal. */
class UpToDateRecordTest {
    static UpToDate.Unit unit(String key, int files) {
        return new UpToDate.Unit(key, "\u9752\u53e3", 1, 2, 3, 4, 5, files);
    }

    static UpToDate.Record record(String inputs, List<UpToDate.Unit> units, Map<String, String> reports, Severity worst, Severity worstNew,
                                  String summary, boolean ocr, int links, int special) {
        return new UpToDate.Record(inputs, units, reports, worst, worstNew, summary, ocr, links, special);
    }

    @Test
    void everyComponentCounts() throws Exception {
        List<UpToDate.Unit> us = List.of(unit("k1", 10), unit("k2", 20));
        Map<String, String> rs = Map.of("report.txt", "10:ab");
        UpToDate.Record r = record("in", us, rs, Severity.ERROR, null, "sum", false, 0, 1);
        assertEquals(r, record("in", List.of(unit("k1", 10), unit("k2", 20)), Map.of("report.txt", "10:ab"), Severity.ERROR, null, "sum", false, 0, 1));
        assertEquals(r.hashCode(), record("in", us, rs, Severity.ERROR, null, "sum", false, 0, 1).hashCode());
        assertNotEquals(r, record("in2", us, rs, Severity.ERROR, null, "sum", false, 0, 1));
        assertNotEquals(r, record("in", List.of(unit("k1", 10), unit("k2", 21)), rs, Severity.ERROR, null, "sum", false, 0, 1));
        assertNotEquals(r, record("in", List.of(unit("k1", 10), unit("k3", 20)), rs, Severity.ERROR, null, "sum", false, 0, 1));
        assertNotEquals(r, record("in", List.of(unit("k1", 10)), rs, Severity.ERROR, null, "sum", false, 0, 1));
        assertNotEquals(r, record("in", us, Map.of("report.txt", "10:ac"), Severity.ERROR, null, "sum", false, 0, 1));
        assertNotEquals(r, record("in", us, rs, Severity.WARNING, null, "sum", false, 0, 1));
        assertNotEquals(r, record("in", us, rs, Severity.ERROR, Severity.ERROR, "sum", false, 0, 1));
        assertNotEquals(r, record("in", us, rs, Severity.ERROR, null, "sum2", false, 0, 1));
        assertNotEquals(r, record("in", us, rs, Severity.ERROR, null, "sum", true, 0, 1));
        assertNotEquals(r, record("in", us, rs, Severity.ERROR, null, "sum", false, 1, 1));
        assertNotEquals(r, record("in", us, rs, Severity.ERROR, null, "sum", false, 0, 2));
        assertNotEquals(unit("k1", 10), new UpToDate.Unit("k1", "\u9752\u53e3", 1, 2, 3, 4, 6, 10));
        // As run.json holds it, and back.
        byte[] json = RunJson.write(Map.of(UpToDate.FIELD, r.toJson()));
        assertEquals(r, UpToDate.read(RunJson.read(new java.io.ByteArrayInputStream(json))));
    }
}
