package cn.evcheck.cli;

import cn.evcheck.check.Engine;
import cn.evcheck.check.UnitClaim;
import cn.evcheck.check.UnitMemo;
import cn.evcheck.inspect.FactsCache;
import cn.evcheck.inspect.Progress;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.model.Severity;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.util.Messages;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports that are already what this run would write. A run with {@code --output} and a cache records
 * in the folder's run.json ({@value #FIELD}) what its reports were made from — the options that shape
 * them ({@link #inputs}), each unit's key ({@link Engine#memoKey}: the build, rules, date, unit and every
 * file's place, size, time and identity) — with each report's length and CRC-32 and what the run said besides
 * the reports (the exit decision, the summary, notes). The next run walks the units as always; when
 * every unit's key and the options are the same, and each report in the folder still has its
 * recorded bytes, the reports are left as they are: nothing is decoded, judged or rendered.
 *
 * <p>Units are walked first and put aside while their keys match the record ({@link Units}); at the
 * first difference the units put aside are finished (given their kept results) and the run goes on as
 * any run does.
 */
final class UpToDate {
    /** The field of run.json that holds the record. */
    static final String FIELD = "up_to_date";
    /** Reports larger than this are not hashed again (they are written again instead). */
    private static final long MAX_REPORT = 1L << 30;

    private UpToDate() {}

    /** A unit as the record keeps it: its key, and the counts its line in a nightly log shows. */
    record Unit(String key, String name, int complete, int incomplete, int missing, int errors, int warnings, int files) {
        // equals and hashCode written out, as for Record below: a record's own are bootstrapped at their first
        // call into method handles (13 ms of a re-check, whose one comparison is of the two records).
        @Override
        public boolean equals(Object o) {
            return o instanceof Unit u && java.util.Objects.equals(key, u.key) && java.util.Objects.equals(name, u.name)
                    && complete == u.complete && incomplete == u.incomplete && missing == u.missing && errors == u.errors
                    && warnings == u.warnings && files == u.files;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(key, name, complete, incomplete, missing, errors, warnings, files);
        }

        static Unit of(String key, UnitResult u) {
            return new Unit(key, u.name(), (int) u.count(Report.Status.COMPLETE), (int) u.count(Report.Status.INCOMPLETE),
                    (int) u.count(Report.Status.MISSING), (int) u.shown(Severity.ERROR), (int) u.shown(Severity.WARNING), u.filesInspected());
        }
    }

    /**
     * What run.json records of a run's reports: what they were made from, their fingerprints by file name,
     * the highest severity of the findings not waived (and of the new ones, against a baseline), the
     * summary line, and what the notes said.
     */
    record Record(String inputs, List<Unit> units, Map<String, String> reports, Severity worst, Severity worstNew,
                  String summary, boolean ocrMissed, int links, int special) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Record r && java.util.Objects.equals(inputs, r.inputs) && java.util.Objects.equals(units, r.units)
                    && java.util.Objects.equals(reports, r.reports) && worst == r.worst && worstNew == r.worstNew
                    && java.util.Objects.equals(summary, r.summary) && ocrMissed == r.ocrMissed && links == r.links && special == r.special;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(inputs, units, reports, worst, worstNew, summary, ocrMissed, links, special);
        }

        /** The record of a run that wrote {@code reports} (name → {@link #sum} of the bytes written) from {@code report}. */
        static Record of(String inputs, List<String> keys, Report report, Map<String, String> reports, boolean en) {
            List<Unit> units = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) units.add(Unit.of(keys.get(i), report.units().get(i)));
            List<Finding> all = report.allFindings();
            Severity worst = worstOf(all);
            Severity worstNew = worstOf(report.baseline().fresh(all));
            return new Record(inputs, units, new LinkedHashMap<>(reports), worst, worstNew, cn.evcheck.report.Renderers.summary(report, en),
                    report.units().stream().anyMatch(UnitResult::ocrMissed),
                    report.units().stream().mapToInt(u -> u.skipped().links()).sum(),
                    report.units().stream().mapToInt(u -> u.skipped().special()).sum());
        }

        private static Severity worstOf(List<Finding> findings) {
            Severity w = null;
            for (Finding f : findings) {
                if (cn.evcheck.check.file.Waivers.waived(f)) continue;
                if (w == null || f.severity().ordinal() < w.ordinal()) w = f.severity();
            }
            return w;
        }

        /** The exit code of a run at these thresholds (null: --fail-on never). */
        int exitCode(Severity threshold, Severity newThreshold) {
            if (newThreshold != null) return worstNew != null && worstNew.atLeast(newThreshold) ? Main.FINDINGS : Main.OK;
            if (threshold == null) return Main.OK;
            return worst != null && worst.atLeast(threshold) ? Main.FINDINGS : Main.OK;
        }

        /** The record as run.json's {@value #FIELD} holds it ({@link RunJson}). */
        Map<String, Object> toJson() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("inputs", inputs);
            List<Object> us = new ArrayList<>();
            for (Unit u : units) {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("key", u.key());
                n.put("name", u.name());
                n.put("complete", u.complete());
                n.put("incomplete", u.incomplete());
                n.put("missing", u.missing());
                n.put("errors_shown", u.errors());
                n.put("warnings_shown", u.warnings());
                n.put("files", u.files());
                us.add(n);
            }
            o.put("units", us);
            o.put("reports", new LinkedHashMap<>(reports));
            o.put("worst", worst == null ? null : worst.key());
            o.put("worst_new", worstNew == null ? null : worstNew.key());
            o.put("summary", summary);
            o.put("ocr_missed", ocrMissed);
            o.put("links", links);
            o.put("special", special);
            return o;
        }

        /** The record in run.json's {@value #FIELD}, or null when there is none or it is not one this build wrote. */
        static Record fromJson(Object value) {
            if (!(value instanceof Map<?, ?> o) || !(o.get("inputs") instanceof String inputs) || !(o.get("units") instanceof List<?> list)
                    || !(o.get("reports") instanceof Map<?, ?> rs) || !(o.get("summary") instanceof String summary)) return null;
            List<Unit> units = new ArrayList<>();
            for (Object e : list) {
                if (!(e instanceof Map<?, ?> n) || !(n.get("key") instanceof String key) || !(n.get("name") instanceof String name)) return null;
                units.add(new Unit(key, name, count(n, "complete"), count(n, "incomplete"), count(n, "missing"), count(n, "errors_shown"),
                        count(n, "warnings_shown"), count(n, "files")));
            }
            Map<String, String> reports = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : rs.entrySet()) {
                if (!(e.getValue() instanceof String fingerprint)) return null;
                reports.put(String.valueOf(e.getKey()), fingerprint);
            }
            return new Record(inputs, units, reports, Severity.of(o.get("worst") instanceof String w ? w : null),
                    Severity.of(o.get("worst_new") instanceof String w ? w : null), summary, Boolean.TRUE.equals(o.get("ocr_missed")),
                    count(o, "links"), count(o, "special"));
        }

        /** A whole number the record holds under {@code name}; 0 when there is none. */
        private static int count(Map<?, ?> m, String name) {
            return m.get(name) instanceof Number n ? n.intValue() : 0;
        }
    }

    /**
     * What shapes the reports besides the units' files: evcheck's version and build, the package and
     * mode, the rule set (name, bytes and origin), the dates (as-of, and today for waivers that
     * expire), the formats in order, the language and grouping, the waivers, every evcheck.yaml read,
     * and the baseline's bytes. {@code --fail-on} is not among them: the record keeps what decides it.
     */
    static String inputs(String pkg, boolean byUnit, String ruleArg, RuleSet rules, LocalDate asOf, LocalDate today,
                         List<String> formats, boolean en, String grouping, List<?> waivers, List<Path> configFolders,
                         Path baseline) {
        MessageDigest md = sha256();
        StringBuilder b = new StringBuilder("up-to-date 1\n").append(Main.version()).append('\n').append(FactsCache.generation()).append('\n')
                .append(pkg).append('\n').append(byUnit).append('\n').append(ruleArg).append('\n').append(rules.sha256()).append(' ')
                .append(rules.origin()).append('\n').append(asOf).append(' ').append(today).append('\n').append(formats).append('\n')
                .append(en).append(' ').append(grouping).append('\n').append(waivers).append('\n');
        md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        for (Path d : configFolders) {
            for (String n : List.of("evcheck.yaml", "evcheck.yml")) {
                md.update((d + "/" + n + "\n").getBytes(StandardCharsets.UTF_8));
                md.update(fileHash(d.resolve(n), 1 << 20).getBytes(StandardCharsets.UTF_8));
            }
        }
        md.update(("baseline " + baseline + "\n").getBytes(StandardCharsets.UTF_8));
        if (baseline != null) md.update(fileHash(baseline, cn.evcheck.report.BaselineFile.MAX_BYTES).getBytes(StandardCharsets.UTF_8));
        return hex(md.digest());
    }

    /**
     * A regular file's fingerprint (not followed through a link): its length and CRC-32, "none" when
     * there is none, or "unreadable …" (which matches no record written). A CRC, not a SHA-256: the
     * reports of 10,000 photos are 10 MB, which SHA-256 takes 0.15–0.2 s to hash in a JVM as short-lived
     * as evcheck's; and what it guards against is a report edited or truncated by hand or by a killed
     * copy, not a forgery (whoever can write the folder can write any report). CRC-32, not CRC-32C: zlib
     * computes it natively from the first call, where CRC-32C is Java code that runs interpreted until the
     * compiler, busy at a run's start, gets to it (15 ms for 10 MB in a re-check, against 3).
     */
    static String fileHash(Path file, long max) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = ch.size();
            if (size > max) return "too large " + size;
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            // Direct: read into it without a copy, summed without one (a 10 MB report.json: 1.5 ms, against 5).
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(256 * 1024);
            long seen = 0;
            while (ch.read(buf) > 0) {
                buf.flip();
                seen += buf.remaining();
                crc.update(buf);
                buf.clear();
            }
            return seen + ":" + Long.toHexString(crc.getValue());
        } catch (java.nio.file.NoSuchFileException e) {
            return "none";
        } catch (IOException | RuntimeException e) {
            return "unreadable " + e.getClass().getSimpleName() + " " + System.nanoTime();
        }
    }

    /** The fingerprint {@link #fileHash} gives a file of these bytes. */
    static String sum(byte[] head, byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(head);
        crc.update(body);
        return (head.length + body.length) + ":" + Long.toHexString(crc.getValue());
    }

    /** Whether every report named in the record is in {@code dir} with its recorded bytes. */
    static boolean reportsIntact(Record r, Path dir, List<String> names) {
        if (!r.reports().keySet().equals(new java.util.HashSet<>(names))) return false;
        for (String n : names) {
            if (!r.reports().get(n).equals(fileHash(dir.resolve(n), MAX_REPORT))) return false;
        }
        return true;
    }

    /** The run.json of {@code outDir}, or null when there is none or it cannot be read. */
    static Map<String, Object> runJson(Path outDir) {
        try (FileChannel ch = FileChannel.open(outDir.resolve("run.json"), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (ch.size() > 64L << 20) return null;
            return RunJson.read(Channels.newInputStream(ch));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The record in a run.json, or null. */
    static Record read(Map<String, Object> runJson) {
        return runJson == null ? null : Record.fromJson(runJson.get(FIELD));
    }

    /**
     * The run.json of a run that left the reports as they were: the earlier one, with this run's start,
     * end and per-unit seconds.
     */
    static byte[] rewritten(Map<String, Object> root, java.time.Instant started, List<Double> seconds) {
        root.put("started", started.toString());
        root.put("finished", java.time.Instant.now().toString());
        if (root.get("units") instanceof List<?> units) {
            for (int i = 0; i < units.size() && i < seconds.size(); i++) {
                if (units.get(i) instanceof Map<?, ?> u) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> unit = (Map<String, Object>) u;
                    unit.put("seconds", Math.round(seconds.get(i) * 10) / 10.0);
                }
            }
        }
        return RunJson.write(root);
    }

    /** What is told of each unit's result as it comes (its folder, result and seconds). */
    interface Done {
        void unit(Path root, UnitResult result, double seconds);
    }

    /**
     * The units of a run, in order. While each unit's key is the one the record lists at its place,
     * the unit is only walked and put aside (its files forgotten); at the first that differs, those
     * put aside are finished and every later unit is run as usual, its kept result read ahead of its walk.
     */
    static final class Units {
        private Record record;
        /** The record, until it is first needed. */
        private java.util.function.Supplier<Record> earlier;
        private final boolean keyed;
        private final java.util.function.Supplier<UnitMemo> memo;
        private final java.util.function.Supplier<FactsCache> cache;
        private final int threads;
        private final Progress progress;
        private final Done done;
        private final List<Engine.Walk> aside = new ArrayList<>();
        private final List<Double> asideSeconds = new ArrayList<>();
        private final List<String> keys = new ArrayList<>();
        private final List<UnitResult> results = new ArrayList<>();

        /**
         * @param record gives the earlier run's record when its inputs are this run's, else null; asked for when the first
         *               unit is walked; null when there can be none (no --output)
         * @param keyed  whether units are keyed (a facts cache is used)
         * @param memo   the kept results, asked for once a unit is finished (the cache may be opening until then)
         * @param cache  the facts cache, likewise
         */
        Units(java.util.function.Supplier<Record> record, boolean keyed, java.util.function.Supplier<UnitMemo> memo,
              java.util.function.Supplier<FactsCache> cache, int threads, Progress progress, Done done) {
            this.earlier = keyed ? record : null;   // null: no record to compare with, each unit's kept result is read during its walk
            this.keyed = keyed;
            this.memo = memo;
            this.cache = cache;
            this.threads = threads;
            this.progress = progress;
            this.done = done;
        }

        void run(String unit, Path root, RuleSet rules, LocalDate asOf, Messages.Localized problem, UnitClaim claim) throws IOException {
            long t0 = System.nanoTime();
            Engine.Walk first = null;
            if (earlier != null) {
                // The first unit is walked while the record is read; without a record, its kept result
                // is then read after the walk, not during it.
                first = Engine.walk(unit, root, rules, asOf, problem, claim, keyed);
                record = earlier.get();
                earlier = null;
            }
            if (record != null && aside.size() < record.units().size()) {
                Engine.Walk w = first != null ? first : Engine.walk(unit, root, rules, asOf, problem, claim, keyed);
                if (w.key() != null && w.key().equals(record.units().get(aside.size()).key())) {
                    w.forget();
                    aside.add(w);
                    asideSeconds.add((System.nanoTime() - t0) / 1e9);
                    return;
                }
                differs();
                finish(w, t0, 0);
                return;
            }
            differs();
            if (first != null) {
                finish(first, t0, 0);
                return;
            }
            memo.get().ahead(root);
            finish(Engine.walk(unit, root, rules, asOf, problem, claim, keyed), t0, 0);
        }

        private void finish(Engine.Walk w, long t0, double before) throws IOException {
            UnitResult r = Engine.finish(w, cache.get(), threads, progress, memo.get());
            double secs = before + (System.nanoTime() - t0) / 1e9;
            keys.add(w.key());
            results.add(r);
            done.unit(w.root(), r, secs);
        }

        /** Something differs from the record (or the reports cannot be left as they are): finish what was put aside. */
        void differs() throws IOException {
            record = null;
            for (int i = 0; i < aside.size(); i++) finish(aside.get(i), System.nanoTime(), asideSeconds.get(i));
            aside.clear();
            asideSeconds.clear();
        }

        /** Whether every unit was put aside: the same units, in the same order, as the record's. */
        boolean unchanged() {
            return earlier == null && record != null && aside.size() == record.units().size();
        }

        /** The earlier run's record, while every unit so far matches it; else null. */
        Record record() {
            return earlier != null ? null : record;
        }

        /** The units' results, in order (those put aside are finished first). */
        List<UnitResult> results() throws IOException {
            differs();
            return results;
        }

        /** Seconds each unit put aside took to walk. */
        List<Double> asideSeconds() {
            return asideSeconds;
        }

        /** The units' keys, in order; null when one has none (then no record is written). */
        List<String> keys() {
            return keys.contains(null) ? null : keys;
        }
    }

    static MessageDigest sha256() {
        return cn.evcheck.util.Hashes.sha256();
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
