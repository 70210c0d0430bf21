package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;

/**
 * The findings as SARIF 2.1.0 for CI servers and code-scanning dashboards: the finding codes
 * are the rule ids (with the code registry's descriptions), one result per finding with level
 * error / warning / note, file locations relative to the package ({@code uriBaseId PACKAGE},
 * percent-encoded; in multi-unit mode prefixed with the unit's folder), the item as a logical
 * location, and a stable fingerprint. No timestamps. A pure function of the report.
 */
public final class SarifRenderer {
    private SarifRenderer() {}

    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static final ObjectWriter WRITER = new ObjectMapper().writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    public static String render(Report r, boolean en) {
        // Rules: every registered code, then any other code a finding carries.
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (Code c : r.codes()) codes.add(c.id());
        for (Finding f : r.allFindings()) codes.add(f.code());
        List<String> ids = List.copyOf(codes);
        List<Object> rules = new ArrayList<>();
        for (String code : ids) {
            Code e = r.code(code);
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", code);
            rule.put("shortDescription", text(e == null ? code : e.meaning(en)));
            if (e != null) {
                rule.put("fullDescription", text(en ? e.meaning(true) + "; fix: " + e.fix(true) : e.meaning(false) + "。处理：" + e.fix(false)));
                rule.put("help", text(e.fix(en)));
                rule.put("defaultConfiguration", Map.of("level", level(e.severity())));
                rule.put("properties", map("enforces", e.clause()));
            }
            rules.add(rule);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "evcheck");
        driver.put("version", r.toolVersion());
        driver.put("language", en ? "en-US" : "zh-CN");
        driver.put("rules", rules);

        List<Object> results = new ArrayList<>();
        for (UnitResult u : r.units()) {
            String prefix = unitFolder(r, u);
            for (Finding f : u.findings()) {
                Map<String, Object> res = new LinkedHashMap<>();
                res.put("ruleId", f.code());
                res.put("ruleIndex", ids.indexOf(f.code()));
                res.put("level", level(f.severity()));
                res.put("message", text(f.message(en)));
                Map<String, Object> loc = new LinkedHashMap<>();
                if (f.file() != null) {
                    loc.put("physicalLocation", Map.of("artifactLocation",
                            map("uri", uri(prefix + f.file()), "uriBaseId", "PACKAGE")));
                }
                if (f.item() != null) {
                    String fq = u.name().isEmpty() ? f.item() : u.name() + "/" + f.item();
                    loc.put("logicalLocations", List.of(map("name", f.item(), "fullyQualifiedName", fq, "kind", "module")));
                }
                if (!loc.isEmpty()) res.put("locations", List.of(loc));
                res.put("partialFingerprints", Map.of("evcheck/v1", fingerprint(f)));
                if (f.data().get("waived") instanceof Map<?, ?> w) {
                    res.put("suppressions", List.of(map("kind", "external", "status", "accepted",
                            "justification", w.get("reason") + " (" + w.get("approved_by") + ", " + w.get("expires") + ")")));
                }
                if (r.baseline().present()) {
                    res.put("baselineState", r.baseline().state(f) == Baseline.State.NEW ? "new" : "unchanged");
                }
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("severity", f.severity().key());
                if (!u.name().isEmpty()) props.put("unit", u.name());
                if (f.item() != null) props.put("item", f.item());
                if (f.period() != null) props.put("period", f.period());
                if (!f.data().isEmpty()) props.put("data", sorted(f.data()));
                res.put("properties", props);
                results.add(res);
            }
        }

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of("PACKAGE", Map.of("description",
                text((en ? "the evidence package: " : "材料包：") + r.packagePath()))));
        run.put("results", results);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("rules", map("id", r.rules().id(), "title", r.rules().title(), "source", r.rules().source(),
                "sha256", r.rules().sha256()));
        props.put("asOf", r.asOf().toString());
        props.put("package", r.packagePath());
        props.put("summary", map("items", r.units().stream().mapToInt(u -> u.items().size()).sum(),
                "complete", r.count(Status.COMPLETE), "incomplete", r.count(Status.INCOMPLETE), "missing", r.count(Status.MISSING),
                "errors", r.count(Severity.ERROR), "warnings", r.count(Severity.WARNING), "notes", r.count(Severity.INFO)));
        run.put("properties", props);

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("SARIF rendering failed", e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** The unit's folder relative to the package, with a trailing slash; "" for a single package. */
    static String unitFolder(Report r, UnitResult u) {
        try {
            Path pkg = Path.of(r.packagePath()).normalize();
            Path unit = Path.of(u.path()).normalize();
            if (pkg.equals(unit) || !unit.startsWith(pkg)) return "";
            String rel = pkg.relativize(unit).toString().replace('\\', '/');
            return rel.isEmpty() ? "" : rel + "/";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** A relative path as a URI reference: UTF-8, everything but unreserved characters and '/' percent-encoded. */
    static String uri(String path) {
        StringBuilder o = new StringBuilder();
        for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '/') {
                o.append((char) c);
            } else {
                o.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return o.toString();
    }

    /** Stable across runs and message wording: code, unit, item, file, period, category, field. */
    static String fingerprint(Finding f) {
        return cn.evcheck.model.Baseline.fingerprint(f);
    }

    /**
     * Maps with their keys sorted, recursively: a finding's data may come from {@code Map.of},
     * whose iteration order changes from one JVM to the next.
     */
    static Object sorted(Object o) {
        if (o instanceof Map<?, ?> m) {
            TreeMap<String, Object> t = new TreeMap<>();
            m.forEach((k, v) -> t.put(String.valueOf(k), sorted(v)));
            return t;
        }
        if (o instanceof List<?> l) return l.stream().map(SarifRenderer::sorted).toList();
        return o;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> text(String s) {
        return Map.of("text", s);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
