package cn.evcheck.bench;

import cn.evcheck.inspect.Ocr;
import cn.evcheck.testkit.ScanCorpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Precision and recall of the document detectors (red header, seal, 文号 as an exact string, secrecy
 * mark) on labelled page scans, through the production pipeline ({@code DocInspector.jpeg}: decode,
 * ScanDetector, Tesseract OCR of the header band, DocNumbers, SecrecyMarks). Prints per source and
 * per detector TP FP FN TN, precision and recall, then every miss and false alarm by file. Not a unit
 * test (OCR of ~90 pages takes minutes); {@code ScanCorpusTest} guards the OCR-free figures. Run:
 * {@code ./mvnw -B -o -q test-compile && java -cp target/test-classes:target/classes:$(cat cp.txt)
 * cn.evcheck.bench.DetectorCorpus [--no-ocr] [DIR…]} — DIR holds a {@code labels.tsv}; default
 * {@code src/test/resources/corpus/scans}. ({@code cp.txt}: {@code ./mvnw -o -q dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}.) OCR needs {@code tesseract} with {@code chi_sim} on the PATH.
 */
public final class DetectorCorpus {
    public static void main(String[] args) {
        boolean ocr = true;
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--no-ocr")) ocr = false;
            else dirs.add(Path.of(a));
        }
        if (dirs.isEmpty()) dirs.add(Path.of("src/test/resources/corpus/scans"));
        if (ocr && !Ocr.available()) {
            System.out.println("OCR unavailable (" + Ocr.availability() + "): 文号 and secrecy marks are not scored");
        }
        List<ScanCorpus.Seen> seen = new ArrayList<>();
        for (Path dir : dirs) {
            for (ScanCorpus.Label l : ScanCorpus.read(dir)) seen.add(ScanCorpus.inspect(l, ocr));
        }
        Map<String, Map<String, ScanCorpus.Counts>> by = ScanCorpus.score(seen);
        System.out.println("source       detector      TP   FP   FN   TN   precision recall");
        by.forEach((source, m) -> m.forEach((det, c) -> {
            if (c.tp + c.fp + c.fn + c.tn > 0) System.out.printf("%-12s %-11s %s%n", source, det, c.row());
        }));
        System.out.println();
        by.get("all").forEach((det, c) -> {
            c.misses.forEach(f -> System.out.println("MISS        " + det + "  " + f));
            c.falseAlarms.forEach(f -> System.out.println("FALSE ALARM " + det + "  " + f));
        });
    }

    private DetectorCorpus() {}
}
