package cn.evcheck.testkit;

import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.DocInspector;
import cn.evcheck.inspect.DocNumbers;
import cn.evcheck.inspect.SecrecyMarks;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A labelled corpus of page scans ({@code labels.tsv}: file, source, red_header y/n, number — the exact
 * 文号 as printed, {@code -} for none, {@code ?} where it cannot be read and is not scored —, seal y/n,
 * secret — the marking or {@code -}, notes), run through the production pipeline
 * ({@link DocInspector#jpeg}) and scored per detector and per source. Used by the JUnit regression
 * guard {@code ScanCorpusTest} (OCR off) and the benchmark {@code DetectorCorpus} (OCR on). {@code number}
 * scores the exact string; {@code number_any} only whether a 文号 was found where one is printed (what
 * {@code doc.number_missing} needs).
 */
public final class ScanCorpus {
    private ScanCorpus() {}

    public record Label(Path file, String name, String source, boolean redHeader, String number, boolean seal,
                        String secret, String notes) {
        public boolean hasNumber() {
            return !number.equals("-") && !number.equals("?");
        }
    }

    /** What the pipeline said about one page. */
    public record Seen(Label label, DocFacts facts, String number, String secret) {
        public boolean redHeader() {
            return facts.redHeader();
        }

        public boolean seal() {
            return facts.seal();
        }
    }

    public static List<Label> read(Path dir) {
        try {
            List<Label> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(dir.resolve("labels.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] c = line.split("\t", -1);
                out.add(new Label(dir.resolve(c[0]), c[0], c[1], yes(c[2]), c[3], yes(c[4]), c[5], c.length > 6 ? c[6] : ""));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean yes(String s) {
        if (s.equals("y")) return true;
        if (s.equals("n")) return false;
        throw new IllegalArgumentException("y or n expected: " + s);
    }

    /** Runs the page through {@link DocInspector#jpeg} as evcheck does for a scan in a document folder. */
    public static Seen inspect(Label l, boolean ocr) {
        try {
            byte[] bytes = Files.readAllBytes(l.file());
            int[] size = size(bytes);
            DocFacts d = DocInspector.jpeg(bytes, size[0], size[1], ocr);
            if (d.problem() != null) throw new IllegalStateException(l.name() + ": " + d.problem() + " " + d.detail());
            DocNumbers.Found n = DocNumbers.find(d.ocr());
            SecrecyMarks.Mark m = SecrecyMarks.findOcr(d.ocr(), 8);
            return new Seen(l, d, n == null ? null : n.text().replaceAll("\\s", ""), m == null ? null : m.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] size(byte[] jpeg) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            ImageReader r = it.next();
            try {
                r.setInput(in);
                return new int[]{r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        }
    }

    /** Confusion counts of one detector. A wrong 文号 string counts as a false alarm and a miss. */
    public static final class Counts {
        public int tp, fp, fn, tn;
        public final List<String> misses = new ArrayList<>();
        public final List<String> falseAlarms = new ArrayList<>();

        public double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        void add(boolean truth, boolean said, String file) {
            if (truth && said) tp++;
            else if (truth) {
                fn++;
                misses.add(file);
            } else if (said) {
                fp++;
                falseAlarms.add(file);
            } else tn++;
        }

        void addNumber(String truth, String said, String file) {
            if (truth.equals("?")) return;
            boolean has = !truth.equals("-");
            if (has && truth.equals(said)) tp++;
            else {
                if (has) {
                    fn++;
                    misses.add(file + (said == null ? "" : " (read " + said + ")"));
                }
                if (said != null) {
                    fp++;
                    falseAlarms.add(file + " (read " + said + ")");
                }
                if (!has && said == null) tn++;
            }
        }

        public String row() {
            return String.format(Locale.ROOT, "%4d %4d %4d %4d   %5.3f %6.3f", tp, fp, fn, tn, precision(), recall());
        }
    }

    public static final List<String> DETECTORS = List.of("red_header", "seal", "number", "number_any", "secret");

    /** Counts per source (and "all"), per detector. Number and secret only where OCR ran. */
    public static Map<String, Map<String, Counts>> score(List<Seen> seen) {
        Map<String, Map<String, Counts>> by = new TreeMap<>();
        for (Seen s : seen) {
            for (String source : List.of(s.label().source(), "all")) {
                Map<String, Counts> m = by.computeIfAbsent(source, k -> {
                    Map<String, Counts> x = new LinkedHashMap<>();
                    for (String d : DETECTORS) x.put(d, new Counts());
                    return x;
                });
                String f = s.label().name();
                m.get("red_header").add(s.label().redHeader(), s.redHeader(), f);
                m.get("seal").add(s.label().seal(), s.seal(), f);
                if (s.facts().ocrRan()) {
                    m.get("number").addNumber(s.label().number(), s.number(), f);
                    if (!s.label().number().equals("?")) m.get("number_any").add(s.label().hasNumber(), s.number() != null, f);
                    m.get("secret").add(!s.label().secret().equals("-"), s.secret() != null, f);
                }
            }
        }
        return by;
    }
}
