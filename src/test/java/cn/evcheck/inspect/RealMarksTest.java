package cn.evcheck.inspect;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every document among the fixtures read for its marks: the marked ones are found, the plain ones
 * get none. A document added to {@code fixtures} without an expectation here fails the test. Real
 * public files are measured locally (fixtures README), never committed; on Apache POI's
 * {@code 61586.doc} (a highlight) and {@code MarkAuthorsTable.doc} (three comments) the counts were
 * "highlight 1" and "comment 3".
 */
class RealMarksTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures");

    private static final Map<String, String> EXPECTED = Map.of(
            "report-2019.doc", "no marks",
            "uof-report-source.docx", "no marks",
            "uof-report.uot", "no marks",
            "marked-notice.doc", "highlight 1, shading 1, comment 1 · “广泛开展关爱空巢老人志愿服务活动”");

    @Test
    void realDocumentsGiveTheMarksTheyCarry() throws Exception {
        Map<String, String> got = new TreeMap<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = FIXTURES.relativize(p).toString().replace('\\', '/');
                String ext = name.substring(name.lastIndexOf('.') + 1);
                byte[] b = Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
                if (b == null) continue;
                Marks m = switch (ext) {
                    case "doc", "wps" -> Word97Reader.read(b, ext).marks();
                    case "docx" -> DocxReader.read(b).marks();
                    case "uof", "uot" -> UofReader.readXml(new java.io.ByteArrayInputStream(b), ext).marks();
                    case "pdf" -> DocInspector.pdf(b, false).marks();
                    default -> null;   // workbooks carry no marks
                };
                if (m != null) got.put(name, m.summary());
            }
        }
        assertEquals(new TreeMap<>(EXPECTED), got);
    }
}
