package cn.evcheck.inspect;

import cn.evcheck.testkit.ScanCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression guard on the labelled scan corpus ({@code src/test/resources/corpus/scans}, see its
 * README): red header and seal, through the production decode and detector path with OCR off, must
 * not fall below the precision and recall measured when the corpus was built. The full measurement,
 * with OCR of the 文号 and secrecy marks, is the benchmark {@code cn.evcheck.bench.DetectorCorpus}.
 */
class ScanCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/scans");

    /** Measured floors per source: red header precision, recall; seal precision, recall. */
    private static final Map<String, double[]> FLOOR = Map.of(
            "own", new double[]{1.0, 1.0, 1.0, 1.0},
            "own-photo", new double[]{1.0, 1.0, 1.0, 1.0},
            "own-grey", new double[]{1.0, 1.0, 1.0, 1.0},
            "all", new double[]{1.0, 1.0, 1.0, 1.0});

    @Test
    void redHeaderAndSealStayAtLeastAsGoodAsMeasured() {
        List<ScanCorpus.Label> labels = ScanCorpus.read(CORPUS);
        assertEquals(38, labels.size(), "labelled pages");
        List<ScanCorpus.Seen> seen = labels.stream().map(l -> ScanCorpus.inspect(l, false)).toList();
        Map<String, Map<String, ScanCorpus.Counts>> by = ScanCorpus.score(seen);
        assertEquals(FLOOR.keySet(), by.keySet(), "sources");
        FLOOR.forEach((source, f) -> {
            ScanCorpus.Counts h = by.get(source).get("red_header");
            ScanCorpus.Counts s = by.get(source).get("seal");
            String where = source + ": header misses " + h.misses + ", false alarms " + h.falseAlarms
                    + "; seal misses " + s.misses + ", false alarms " + s.falseAlarms;
            assertTrue(h.precision() >= f[0] && h.recall() >= f[1], "red header " + h.row() + " — " + where);
            assertTrue(s.precision() >= f[2] && s.recall() >= f[3], "seal " + s.row() + " — " + where);
        });
        // The corpus keeps both classes in every scored source, so a detector that always says yes
        // or always says no fails above.
        assertTrue(by.get("all").get("red_header").tn > 0 && by.get("all").get("seal").tn > 0);
    }

    /**
     * Issue 10: a greyscale scan is said as such. Every page of the greyscale source is greyscale,
     * and no colour page that shows red (clean or photo-like, yellowed paper included) is. A page
     * with no colour at all cannot be told from a greyscale scan by its pixels and may go either way.
     */
    @Test
    void greyscaleScansAreToldFromColourScans() {
        List<ScanCorpus.Seen> seen = ScanCorpus.read(CORPUS).stream().map(l -> ScanCorpus.inspect(l, false)).toList();
        int grey = 0;
        for (ScanCorpus.Seen s : seen) {
            boolean expected = s.label().source().equals("own-grey");
            if (expected) grey++;
            if (!expected && !s.label().redHeader() && !s.label().seal()) continue;
            assertEquals(expected, s.facts().first().greyscale(), s.label().name() + " (" + s.label().source() + ")");
        }
        assertEquals(5, grey, "greyscale pages in the corpus");
    }
}
