package cn.evcheck.report;

import cn.evcheck.model.Baseline;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report;
import cn.evcheck.model.Severity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a nightly job keeps between runs (issue 14, part 3): {@code --write-baseline FILE}
 * writes this run's findings (fingerprint, code, severity, unit, item, file, period and both
 * messages); {@code --baseline FILE} reads such a file or an earlier JSON report ({@code report.json}),
 * whose findings carry the same fields. A pure function of the report; no timestamps.
 */
public final class BaselineFile {
    private BaselineFile() {}

    /** The format's marker and version, the file's first key. */
    static final String MARK = "evcheck_baseline";
    /** Largest baseline read: a report of a whole drive is tens of MB; anything far larger is not one. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    public static byte[] write(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(MARK, 1);
        root.put("tool", r.toolVersion());
        root.put("rules", Map.of("id", r.rules().id(), "sha256", r.rules().sha256()));
        root.put("as_of", r.asOf().toString());
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.allFindings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fingerprint", Baseline.fingerprint(f));
            m.putAll(fields(f.code(), f.severity(), f.unit(), f.item(), f.file(), f.period()));
            m.put("zh", f.zh());
            m.put("en", f.en());
            findings.add(m);
        }
        root.put("findings", findings);
        try {
            return (WRITER.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("baseline rendering failed", e);
        }
    }

    /** Where a finding is, as baseline files and the JSON report's fixed findings state it. */
    static Map<String, Object> fields(String code, Severity severity, String unit, String item, String file, String period) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("severity", severity == null ? null : severity.key());
        m.put("unit", unit);
        m.put("item", item);
        m.put("file", file);
        m.put("period", period);
        return m;
    }

    /** Not a baseline: the reason, for the user. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * The findings of a baseline file or an earlier JSON report, with their messages in the report's
     * language where the file has both.
     */
    public static List<Baseline.Entry> read(byte[] bytes, boolean english) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            throw new Invalid("not JSON: " + cn.evcheck.util.Printable.escape(m.lines().findFirst().orElse(m)));
        }
        if (root == null || !root.isObject() || !root.path("findings").isArray()) {
            throw new Invalid("neither a baseline file (--write-baseline) nor an evcheck JSON report: no findings list");
        }
        List<Baseline.Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode f : root.path("findings")) {
            i++;
            String code = text(f, "code");
            if (code == null) throw new Invalid("finding " + i + " has no code");
            String unit = text(f, "unit");
            String item = text(f, "item");
            String file = text(f, "file");
            String period = text(f, "period");
            String fp = text(f, "fingerprint");
            if (fp == null) fp = Baseline.fingerprint(code, unit, item, file, period, data(f.path("data")));
            String message = text(f, english ? "en" : "zh");
            if (message == null) message = text(f, "message");
            out.add(new Baseline.Entry(fp, code, Severity.of(text(f, "severity")), unit, item, file, period, message));
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The data keys a fingerprint reads, as the report wrote them. */
    private static Map<String, Object> data(JsonNode d) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!d.isObject()) return m;
        for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode v = d.get(k);
            if (!k.equals("category") && !k.equals("field") && !k.equals("page")) continue;
            m.put(k, v.isNull() ? null : v.isNumber() ? v.numberValue() : v.asText());
        }
        return m;
    }
}
