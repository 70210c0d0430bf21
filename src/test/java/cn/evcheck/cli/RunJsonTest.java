package cn.evcheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * run.json is read and written with Jackson's streaming parser and generator (no ObjectMapper, whose
 * set-up was a fifth of a re-check): the text is what the ObjectMapper's default pretty printer wrote,
 * byte for byte, and reading it back and writing it again gives the same bytes.
 */
class RunJsonTest {
    static Map<String, Object> sample() {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("name", "\u9752\u53e3\u4e2d\u5fc3\u536b\u751f\u9662");   // Chinese, as unit names are
        unit.put("complete", 3L);
        unit.put("incomplete", 0);
        unit.put("seconds", 0.1);
        unit.put("big", new BigInteger("123456789012345678901234567890"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "0.1.0");
        root.put("quote", "say \"hi\"\n\ttab \\ slash \u0001");
        root.put("units", new ArrayList<>(List.of(unit, new LinkedHashMap<>())));
        root.put("empty", new ArrayList<>());
        root.put("whole", 12.0);
        root.put("tiny", 1e-7);
        root.put("negative", -5);
        root.put("yes", true);
        root.put("no", false);
        root.put("nothing", null);
        return root;
    }

    @Test
    void writesWhatTheObjectMappersPrettyPrinterWrote() throws Exception {
        Map<String, Object> root = sample();
        String mapper = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        assertEquals(mapper, new String(RunJson.write(root), StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        byte[] written = RunJson.write(sample());
        Map<String, Object> back = RunJson.read(new ByteArrayInputStream(written));
        assertArrayEquals(written, RunJson.write(back));
        Map<?, ?> unit = (Map<?, ?>) ((List<?>) back.get("units")).get(0);
        assertEquals(3, ((Number) unit.get("complete")).intValue());
        assertEquals(0.1, unit.get("seconds"));
        assertEquals(new BigInteger("123456789012345678901234567890"), unit.get("big"));
        assertNull(back.get("nothing"));
        assertTrue(back.containsKey("nothing"));
        assertEquals(Boolean.TRUE, back.get("yes"));
    }

    @Test
    void whatIsNotAnObjectIsNone() throws Exception {
        assertNull(RunJson.read(new ByteArrayInputStream("[1, 2]".getBytes(StandardCharsets.UTF_8))));
        assertNull(RunJson.read(new ByteArrayInputStream("".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> RunJson.read(new ByteArrayInputStream("{\"a\": ".getBytes(StandardCharsets.UTF_8))));
        assertThrows(IOException.class, () -> RunJson.read(new ByteArrayInputStream("{} {}".getBytes(StandardCharsets.UTF_8))));
        // A name given twice: the last value, at the first one's place (as the ObjectMapper's tree had it).
        Map<String, Object> twice = RunJson.read(new ByteArrayInputStream("{\"a\": 1, \"b\": 2, \"a\": 3}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("a", "b"), List.copyOf(twice.keySet()));
        assertEquals(3, twice.get("a"));
    }
}
