package cn.evcheck.check;

import cn.evcheck.inspect.Progress;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.BuiltinRules;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.PackageConfig;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Scratch;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A unit's files placed by their names and sniffed only as they are read (Engine.run, the CLI's way)
 * give the result a walk that sniffs every file first gives (Engine.examine): also for files that are
 * not what their names say — a PNG, a PDF and random bytes named .jpg, .docx and .xlsx, a Word file
 * named .pdf, a JPEG named .png — which are set right and read by their real types.
 */
class SniffLaterTest {
    private static final Path DEMO = Path.of("samples", "青口中心卫生院");

    @Test
    void misnamedFilesAreSetRightAndTheResultIsTheSniffedWalks() throws Exception {
        Path pkg = Scratch.dir("evcheck-sniff-later-").resolve("青口中心卫生院");
        try (Stream<Path> s = Files.walk(DEMO)) {
            for (Path p : s.toList()) {
                Path to = pkg.resolve(DEMO.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path photos = pkg.resolve("III-15-2-1 关爱空巢老人等志愿服务/图片/关爱空巢老人");
        Path reports = pkg.resolve("III-15-2-1 关爱空巢老人等志愿服务/说明报告");
        Files.write(photos.resolve("2019-03-05 走访.jpg"), Jpegs.png(64, 48));
        Files.write(photos.resolve("2019-03-06 走访.png"), Jpegs.image(64, 48, 3, 0.8f));
        Files.writeString(reports.resolve("其实是PDF.docx"), "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        Files.copy(reports.resolve("留守儿童.docx"), reports.resolve("其实是Word.pdf"));
        byte[] random = new byte[3000];
        new java.util.Random(7).nextBytes(random);
        Files.write(reports.resolve("random.xlsx"), random);

        PackageConfig cfg = PackageConfig.load(pkg);
        RuleSet rs = BuiltinRules.resolve(cfg.rules(), DEMO);   // the demo's rules, beside it
        UnitResult later = Engine.run(cfg.unit(), pkg, rs, cfg.asOf(), 2, Progress.NONE);
        UnitResult sniffed = Engine.examine(cfg.unit(), pkg, rs, cfg.asOf(), 2, Progress.NONE).result();

        assertEquals(sniffed.findings(), later.findings());
        assertEquals(sniffed.photos(), later.photos());
        assertEquals(sniffed.reports(), later.reports());
        assertEquals(sniffed.documents(), later.documents());
        assertEquals(sniffed.items(), later.items());
        assertEquals(sniffed.filesInspected(), later.filesInspected());
        // The misnamed files were seen for what they are: a type mismatch each, not a broken JPEG or Word file.
        List<String> mismatched = later.findings().stream().filter(f -> f.code().equals("file.type_mismatch"))
                .map(f -> f.file().substring(f.file().lastIndexOf('/') + 1)).sorted().toList();
        assertTrue(mismatched.containsAll(List.of("2019-03-05 走访.jpg", "2019-03-06 走访.png", "其实是PDF.docx", "其实是Word.pdf")),
                mismatched.toString());
    }
}
