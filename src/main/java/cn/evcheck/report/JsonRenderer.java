package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.model.Report.*;
import cn.evcheck.rules.Describe;
import cn.evcheck.rules.Model.Item;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.util.*;

/**
 * The machine-readable report (PRODUCT.md §6): tool version, rule-set id and sha256, as-of
 * date, summary, per-item status, findings, and per-photo / per-report provenance. Key order is
 * fixed and lists are sorted, so the same input gives the same bytes.
 */
public final class JsonRenderer {
    private JsonRenderer() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static String render(Report r, boolean english) {
        return new String(bytes(r, english), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@link #render}, in UTF-8, written as bytes without a string between (a drive's report is tens of megabytes). */
    public static byte[] bytes(Report r, boolean english) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", map("name", "evcheck", "version", r.toolVersion()));
        root.put("rules", map("id", r.rules().id(), "title", r.rules().title(), "source", r.rules().source(),
                "sha256", r.rules().sha256(), "origin", r.rules().origin()));
        root.put("as_of", r.asOf().toString());
        root.put("package", r.packagePath());
        root.put("lang", english ? "en" : "zh");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("units", r.units().size());
        summary.put("items", r.units().stream().mapToInt(u -> u.items().size()).sum());
        summary.put("complete", r.count(Status.COMPLETE));
        summary.put("incomplete", r.count(Status.INCOMPLETE));
        summary.put("missing", r.count(Status.MISSING));
        summary.put("errors", r.count(Severity.ERROR));
        summary.put("warnings", r.count(Severity.WARNING));
        summary.put("infos", r.count(Severity.INFO));
        summary.put("files", r.units().stream().mapToInt(UnitResult::filesInspected).sum());
        long waived = r.allFindings().stream().filter(f -> f.data().containsKey("waived")).count();
        if (waived > 0) summary.put("waived", waived);
        root.put("summary", summary);

        List<Object> units = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        List<Object> findings = new ArrayList<>();
        List<Object> photos = new ArrayList<>();
        List<Object> reports = new ArrayList<>();
        List<Object> documents = new ArrayList<>();
        for (UnitResult u : r.units()) {
            Map<String, Object> unit = map("name", u.name(), "complete", u.count(Status.COMPLETE), "incomplete", u.count(Status.INCOMPLETE),
                    "missing", u.count(Status.MISSING), "errors", u.count(Severity.ERROR), "warnings", u.count(Severity.WARNING),
                    "files", u.filesInspected(), "not_applicable", u.notApplicable());
            // Only when the walk skipped something: links not followed, FIFOs/devices/sockets not opened.
            if (u.skipped().any()) unit.put("skipped", map("links", u.skipped().links(), "special", u.skipped().special()));
            units.add(unit);
            for (ItemResult ir : u.items()) {
                Item it = ir.item();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", u.name());
                m.put("id", it.id());
                m.put("status", ir.status().name().toLowerCase(Locale.ROOT));
                m.put("indicator", it.indicator());
                String note = Describe.note(it, english);
                m.put("note", note.isEmpty() ? null : note);
                m.put("leader", it.leaders());
                m.put("lead_department", it.leadDepartments());
                m.put("responsible", it.responsible());
                m.put("files", new TreeMap<>(ir.filesByKind()));
                m.put("errors", ir.findings().stream().filter(f -> f.severity() == Severity.ERROR).count());
                m.put("warnings", ir.findings().stream().filter(f -> f.severity() == Severity.WARNING).count());
                items.add(m);
            }
            for (Finding f : u.findings()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("code", f.code());
                m.put("severity", f.severity().key());
                m.put("unit", f.unit());
                m.put("item", f.item());
                m.put("file", f.file());
                m.put("period", f.period());
                m.put("message", f.message(english));
                m.put("data", f.data());
                m.put("fingerprint", Baseline.fingerprint(f));
                if (r.baseline().present()) m.put("baseline", r.baseline().state(f) == Baseline.State.NEW ? "new" : "unchanged");
                findings.add(m);
            }
            for (PhotoRecord p : u.photos()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", u.name());
                m.put("file", p.file());
                if (p.page() != null) m.put("page", p.page());
                m.put("item", p.item());
                m.put("category", p.category());
                m.put("date", p.date());
                m.put("date_source", p.dateSource());
                m.put("caption_sources", p.captionSources());
                m.put("caption_fields", p.captionFields());
                m.put("counted", p.counted());
                m.put("duplicate_group", p.duplicateGroup());
                m.put("identity", p.identity());
                m.put("phash", p.phash() == null ? null : hex16(p.phash()));
                photos.add(m);
            }
            for (ReportRecord rr : u.reports()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", u.name());
                m.put("file", rr.file());
                m.put("item", rr.item());
                m.put("format", rr.format());
                m.put("words", rr.words());
                m.put("han", rr.han());
                m.put("chars_no_spaces", rr.nonSpaceChars());
                m.put("body_words", rr.bodyWords());
                m.put("notes_words", rr.notesWords());
                m.put("textbox_words", rr.textboxWords());
                m.put("subdocs_counted", rr.subdocsCounted());
                reports.add(m);
            }
            for (DocumentRecord d : u.documents()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", u.name());
                m.put("file", d.file());
                m.put("item", d.item());
                m.put("kind", d.kind());
                m.put("files", d.files());
                m.put("pages", d.pages());
                m.put("proof", d.proof());
                m.put("number_required", d.numberRequired());
                m.put("red_header", page(d.redHeader()));
                m.put("seal", page(d.seal()));
                m.put("number", d.number());
                m.put("number_source", d.numberSource());
                m.put("number_standard", d.numberStandard());
                m.put("greyscale", d.greyscale());
                m.put("substitute", d.substitute());
                m.put("proven", d.proven());
                m.put("problems", d.problems());
                m.put("marks", d.marks());
                documents.add(m);
            }
        }
        if (r.baseline().present()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("source", r.baseline().source());
            int fresh = r.baseline().freshCount();
            b.put("new", fresh);
            b.put("unchanged", r.allFindings().size() - fresh);
            b.put("fixed", r.baseline().fixed().size());
            List<Object> fixed = new ArrayList<>();
            for (Baseline.Entry e : r.baseline().fixed()) {
                Map<String, Object> m = BaselineFile.fields(e.code(), e.severity(), e.unit(), e.item(), e.file(), e.period());
                m.put("message", e.message());
                m.put("fingerprint", e.fingerprint());
                fixed.add(m);
            }
            b.put("fixed_findings", fixed);
            root.put("baseline", b);
        }
        root.put("units", units);
        root.put("items", items);
        root.put("findings", findings);
        root.put("photos", photos);
        root.put("reports", reports);
        root.put("documents", documents);
        try {
            // Through a writer, as a string would be encoded: Jackson's own UTF-8 output escapes characters
            // beyond the BMP (𠮷 in a name) as escaped surrogate pairs, where the report has always had them as they are.
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
                cn.evcheck.util.JsonValues.write(g, root);
            }
            out.write('\n');
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("JSON rendering failed", e);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** A document page as JSON: {file, page}, or null. */
    private static Map<String, Object> page(DocumentRecord.PageRef p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("page", p.page());
        return m;
    }

    /** {@code v} as 16 lower-case hex digits ({@code %016x}). */
    static String hex16(long v) {
        String h = Long.toHexString(v);
        return "0000000000000000".substring(h.length()) + h;
    }
}
