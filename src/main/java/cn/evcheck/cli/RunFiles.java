package cn.evcheck.cli;

import cn.evcheck.model.Report;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.model.Severity;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a run writes besides its reports: run.json, the baseline file, a nightly job's line per unit on stderr. */
final class RunFiles {
    private RunFiles() {}

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static void unitLine(PrintWriter err, boolean en, UnitResult u, double secs) {
        unitLine(err, en, UpToDate.Unit.of(null, u), secs);
    }

    /** A nightly job's line for a unit: its counts, and how long it took. */
    static void unitLine(PrintWriter err, boolean en, UpToDate.Unit u, double secs) {
        err.println(en ? String.format(Locale.ROOT, "evcheck: unit %s: %d complete, %d incomplete, %d missing; %s, %s (%s, %.1f s)",
                u.name(), u.complete(), u.incomplete(), u.missing(), plural(u.errors(), "error"), plural(u.warnings(), "warning"),
                plural(u.files(), "file"), secs)
                : String.format(Locale.ROOT, "evcheck：单位 %s：完成 %d，未完成 %d，缺失 %d；错误 %d，警告 %d（%d 个文件，%.1f 秒）",
                u.name(), u.complete(), u.incomplete(), u.missing(), u.errors(), u.warnings(), u.files(), secs));
        err.flush();
    }

    /** Written whole or not at all: a temporary file beside it, then moved over it. */
    static void writeAtomically(Path target, byte[] body) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".evcheck-baseline-", ".tmp");
        try {
            Files.write(tmp, body);
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }


    /**
     * run.json, written beside the reports: what a nightly job's log wants and report.json leaves out so
     * that the same input gives the same bytes — when the run started and ended — with the version,
     * rule set, date and per-unit counts and seconds; and, when given, what the next run needs to tell
     * that the reports are still current ({@link UpToDate}).
     */
    static byte[] runRecord(Report r, java.time.Instant started, Map<String, Double> seconds, UpToDate.Record upToDate) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", Main.version());
        Map<String, Object> rules = new LinkedHashMap<>();   // in this order (Map.of's changes from run to run)
        rules.put("id", r.rules().id());
        rules.put("sha256", r.rules().sha256());
        root.put("rules", rules);
        root.put("as_of", r.asOf().toString());
        root.put("package", r.packagePath());
        root.put("started", started.toString());
        root.put("finished", java.time.Instant.now().toString());
        List<Object> units = new ArrayList<>();
        for (UnitResult u : r.units()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", u.name());
            m.put("complete", u.count(Report.Status.COMPLETE));
            m.put("incomplete", u.count(Report.Status.INCOMPLETE));
            m.put("missing", u.count(Report.Status.MISSING));
            m.put("errors", u.count(Severity.ERROR));
            m.put("warnings", u.count(Severity.WARNING));
            m.put("files", u.filesInspected());
            Double secs = seconds.get(u.path());
            if (secs != null) m.put("seconds", Math.round(secs * 10) / 10.0);
            units.add(m);
        }
        root.put("units", units);
        if (upToDate != null) root.put(UpToDate.FIELD, upToDate.toJson());
        return RunJson.write(root);
    }
}
