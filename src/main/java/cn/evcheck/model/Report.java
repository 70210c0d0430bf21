package cn.evcheck.model;

import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.RuleSet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The immutable result of one run: what renderers draw. Findings are sorted
 * ({@link Finding#ORDER}); units and items keep rule-set order. {@code codes} is the code
 * registry of the checks that ran (for SARIF rule lists and explanations).
 */
public record Report(String toolVersion, RuleSet rules, LocalDate asOf, String packagePath, List<UnitResult> units,
                     List<Code> codes, Baseline baseline) {
    public Report {
        units = List.copyOf(units);
        codes = List.copyOf(codes);
        if (baseline == null) baseline = Baseline.NONE;
    }

    public Report(String toolVersion, RuleSet rules, LocalDate asOf, String packagePath, List<UnitResult> units, List<Code> codes) {
        this(toolVersion, rules, asOf, packagePath, units, codes, Baseline.NONE);
    }

    /** This report compared with an earlier run's findings. */
    public Report against(String source, List<Baseline.Entry> before) {
        return new Report(toolVersion, rules, asOf, packagePath, units, codes, Baseline.compare(source, before, allFindings()));
    }

    public enum Status { COMPLETE, INCOMPLETE, MISSING }

    /** One item's verdict, what was found for it, and the coverage calendars of its photo requirements. */
    public record ItemResult(Item item, Status status, Map<String, Integer> filesByKind, List<Finding> findings,
                             List<CoverageGrid> coverage) {
        public ItemResult {
            filesByKind = Map.copyOf(filesByKind);
            findings = List.copyOf(findings);
            coverage = List.copyOf(coverage);
        }
    }

    /** Per-photo provenance for the JSON report: why a photo counted or not. */
    public record PhotoRecord(String file, Integer page, String item, String category, String date, String dateSource,
                              List<String> captionSources, List<String> captionFields, boolean counted, String duplicateGroup,
                              String identity, Long phash) {
        public PhotoRecord {
            captionSources = List.copyOf(captionSources);
            captionFields = List.copyOf(captionFields);
        }

        public PhotoRecord(String file, Integer page, String item, String category, String date, String dateSource,
                           List<String> captionSources, List<String> captionFields, boolean counted, String duplicateGroup) {
            this(file, page, item, category, date, dateSource, captionSources, captionFields, counted, duplicateGroup, null, null);
        }
    }

    /**
     * A report's 字数 as Word's dialog shows it ({@code words}, with its 汉字数 and 字符数), the body alone,
     * and the text-box and note figures; {@code subdocsCounted}: the text boxes and notes are in
     * {@code words} (Word's default, unless the document records otherwise).
     */
    public record ReportRecord(String file, String item, String format, int words, int han, int nonSpaceChars,
                               int bodyWords, int notesWords, int textboxWords, boolean subdocsCounted) {}

    /**
     * One unit's results; {@code name} is "" in single-package mode. {@code ocrMissed}: some scan
     * had no text layer and OCR was not available to read it. {@code notApplicable}: items whose
     * 责任单位 do not include this unit and that it has no folder for — left out of its results.
     */
    /**
     * What the walk of a unit's package skipped without reading: symbolic links (never followed)
     * and FIFOs, devices and sockets (never opened).
     */
    public record Skipped(int links, int special) {
        public static final Skipped NONE = new Skipped(0, 0);

        public boolean any() {
            return links > 0 || special > 0;
        }
    }

    public record UnitResult(String name, String path, List<ItemResult> items, List<Finding> findings,
                             List<PhotoRecord> photos, List<ReportRecord> reports, List<DocumentRecord> documents,
                             List<DuplicateGroup> duplicates, int filesInspected, boolean ocrMissed,
                             List<String> notApplicable, Skipped skipped) {
        public UnitResult {
            items = List.copyOf(items);
            findings = List.copyOf(findings);
            photos = List.copyOf(photos);
            reports = List.copyOf(reports);
            documents = List.copyOf(documents);
            duplicates = List.copyOf(duplicates);
            notApplicable = List.copyOf(notApplicable);
        }

        public long count(Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }

        /**
         * The problems of severity {@code s} as the reports list them, one per ✗ ! · line: each finding,
         * except that an item's coverage findings of one code and category (a category's short periods,
         * folded into one line of ranges) are one problem. Summaries count these, so that "7 errors" is the
         * seven ✗ lines a clerk sees; JSON, SARIF and JUnit count findings.
         */
        public long shown(Severity s) {
            java.util.Set<String> folded = new java.util.HashSet<>();
            return findings.stream().filter(f -> f.severity() == s)
                    .filter(f -> !f.code().startsWith("coverage.")
                            || folded.add(f.item() + "\u0000" + f.code() + "\u0000" + f.data().getOrDefault("category", "")))
                    .count();
        }

        /** The periods short of photos (coverage.gap findings), which {@link #shown} folds per category. */
        public long gapPeriods() {
            return findings.stream().filter(f -> f.code().equals("coverage.gap")).count();
        }

        /**
         * This unit judged over the whole run (cross-unit reuse, waivers): some findings replaced, others
         * added, in the unit's list and in their items' lists, in report order.
         */
        public UnitResult withFindings(Map<Finding, Finding> replaced, List<Finding> added) {
            List<Finding> all = new java.util.ArrayList<>();
            for (Finding f : findings) all.add(replaced.getOrDefault(f, f));
            all.addAll(added);
            all.sort(Finding.ORDER);
            List<ItemResult> its = new java.util.ArrayList<>();
            for (ItemResult ir : items) {
                List<Finding> fs = new java.util.ArrayList<>();
                for (Finding f : ir.findings()) fs.add(replaced.getOrDefault(f, f));
                for (Finding f : added) if (ir.item().id().equals(f.item())) fs.add(f);
                fs.sort(Finding.ORDER);
                its.add(new ItemResult(ir.item(), ir.status(), ir.filesByKind(), fs, ir.coverage()));
            }
            return new UnitResult(name, path, its, all, photos, reports, documents, duplicates, filesInspected, ocrMissed,
                    notApplicable, skipped);
        }

        public long count(Status s) {
            return items.stream().filter(i -> i.status() == s).count();
        }
    }

    public List<Finding> allFindings() {
        return units.stream().flatMap(u -> u.findings().stream()).toList();
    }

    public long count(Severity s) {
        return units.stream().mapToLong(u -> u.count(s)).sum();
    }

    /** {@link UnitResult#shown} over every unit. */
    public long shown(Severity s) {
        return units.stream().mapToLong(u -> u.shown(s)).sum();
    }

    /** {@link UnitResult#gapPeriods} over every unit. */
    public long gapPeriods() {
        return units.stream().mapToLong(UnitResult::gapPeriods).sum();
    }

    public long count(Status s) {
        return units.stream().mapToLong(u -> u.count(s)).sum();
    }

    /** The registered code of an id, or null. */
    public Code code(String id) {
        return codes.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
