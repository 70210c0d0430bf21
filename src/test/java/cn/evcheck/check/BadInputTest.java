package cn.evcheck.check;

import cn.evcheck.testkit.Cli;
import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Inspection;
import cn.evcheck.inspect.Inspector;
import cn.evcheck.inspect.Progress;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.scan.Inventory;
import cn.evcheck.scan.PackageScanner;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class BadInputTest {
    static final String RULES = """
            evcheck: 1
            id: bad
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                materials:
                  - {kind: photos, min: 1, per: total}
            """;

    @Test
    void aFileThatVanishesOrCannotBeOpenedIsOneFindingAndTheRunGoesOn(@TempDir Path tmp) throws Exception {
        RuleSet rules = RuleLoader.load(RULES.getBytes(StandardCharsets.UTF_8), "r", "r");
        new Pkg(tmp).file("A-1/图片/2019-03-01 a.jpg", Jpegs.image(640, 480, 1, 0.8f))
                .file("A-1/图片/2019-03-02 b.jpg", Jpegs.image(640, 480, 2, 0.8f));
        Inventory inv = new PackageScanner(rules).scan(tmp);
        Files.delete(tmp.resolve("A-1/图片/2019-03-02 b.jpg"));   // gone between the walk and the read
        Map<String, Facts> facts = Inspection.run(inv.files(), f -> Inspector.Needs.NONE, 2, Progress.NONE);
        Report.UnitResult r = Engine.check("", inv, facts, Sidecars.index(inv.sidecars(), facts), rules, LocalDate.of(2019, 12, 31));
        List<String> codes = r.findings().stream().map(f -> f.code() + "|" + f.file()).toList();
        assertEquals(List.of("file.unreadable|A-1/图片/2019-03-02 b.jpg"), codes);
        assertEquals(Report.Status.INCOMPLETE, r.items().get(0).status());
        Finding f = r.findings().get(0);
        assertTrue(f.zh().startsWith("无法读取"), f.zh());
    }

    @Test
    void gbkFileNamesFromWindowsSharesAreStillRead(@TempDir Path tmp) throws Exception {
        Path item = tmp.resolve("A-1").resolve("图片");
        Files.createDirectories(item);
        Files.write(tmp.resolve("ok.jpg"), Jpegs.withMetadata(Jpegs.image(640, 480, 3, 0.8f),
                new Jpegs.Exif().date("2019:05:01 10:00:00"), null, null));
        // Create a file whose name is the GBK bytes of 测试.jpg (invalid UTF-8), as a Windows share shows it.
        Process p = new ProcessBuilder("bash", "-c", "mv ok.jpg \"A-1/图片/$(printf '\\xb2\\xe2\\xca\\xd4').jpg\"")
                .directory(tmp.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor());
        Path rules = tmp.resolveSibling(tmp.getFileName() + "-rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run run = Cli.run("check", tmp.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31",
                "--format", "json");
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertEquals(0, run.code(), run.out() + run.err());
        assertEquals(0, j.get("findings").size(), j.get("findings").toString());
        assertTrue(j.get("photos").get(0).get("counted").asBoolean());
    }
}
