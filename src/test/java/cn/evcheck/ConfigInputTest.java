package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12 part 3: rule files and evcheck.yaml are input too — capped before parsing, never echoed,
 * refused fast when absurd; in --by-unit mode one unit's bad evcheck.yaml is that unit's finding.
 */
class ConfigInputTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: cfg
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - {id: R-1, materials: [{kind: report}]}
            """;

    /** A file that is not a rule set at all, whose content must never reach the terminal. */
    private Path shadowLike() throws Exception {
        Path f = tmp.resolve("shadow");
        Files.writeString(f, "root:$y$j9T$SECRETHASHSECRET:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");
        return f;
    }

    @Test
    void aFileThatIsNotARuleSetIsRefusedWithoutEchoingIt() throws Exception {
        Path shadow = shadowLike();
        Cli.Run lint = Cli.run("rules", "lint", shadow.toString());
        assertEquals(2, lint.code());
        assertFalse((lint.out() + lint.err()).contains("SECRETHASH"), lint.err());
        assertTrue(lint.err().contains("未知的键"), lint.err());

        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/说明报告/a.docx", Docs.docx("情况说明"));
        p.file("evcheck.yaml", ("rules: " + shadow + "\n").getBytes(StandardCharsets.UTF_8));
        Cli.Run r = Cli.run("check", p.root().toString());
        assertEquals(2, r.code());
        assertFalse((r.out() + r.err()).contains("SECRETHASH"), r.err());
    }

    @Test
    void aYamlSyntaxErrorDoesNotQuoteTheFile() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "evcheck: 1\nid: \"unterminated SECRETHASH\n");
        Cli.Run lint = Cli.run("rules", "lint", f.toString());
        assertEquals(2, lint.code());
        assertFalse(lint.err().contains("SECRETHASH"), lint.err());
    }

    @Test
    void hugeRuleAndConfigFilesAreRefusedUnread() throws Exception {
        Path rules = tmp.resolve("huge-rules.yaml");
        try (RandomAccessFile f = new RandomAccessFile(rules.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);   // sparse: nothing is written
        }
        Cli.Run lint = Cli.run("rules", "lint", rules.toString());
        assertEquals(2, lint.code());
        assertTrue(lint.err().contains("过大"), lint.err());

        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/说明报告/a.docx", Docs.docx("情况说明"));
        try (RandomAccessFile f = new RandomAccessFile(p.root().resolve("evcheck.yaml").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);   // 3 GB, sparse
        }
        Path good = tmp.resolve("rules.yaml");
        Files.writeString(good, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", good.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("配置文件过大"), r.err());
    }

    /** A 3 GB sparse caption sheet ran the run out of memory; it is refused unread, with the limit. */
    @Test
    void aHugeCaptionSheetIsRefusedUnread() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/说明报告/a.docx", Docs.docx("情况说明"));
        Files.createDirectories(p.root().resolve("R-1/图片"));
        try (RandomAccessFile f = new RandomAccessFile(p.root().resolve("R-1/图片/图片说明.csv").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024);
        }
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        boolean refused = false;
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals("file.too_complex") && f.get("file").asText().endsWith("图片说明.csv")) refused = true;
        }
        assertTrue(refused, j.get("findings").toString());
    }

    @Test
    void absurdPeriodsAreRefusedAtLoad() throws Exception {
        Path f = tmp.resolve("period.yaml");
        Files.writeString(f, RULES.replace("{from: 2019-01-01, to: 2019-12-31}", "{from: 0001-01-01, to: 9999-12-31}"));
        Cli.Run lint = Cli.run("rules", "lint", f.toString());
        assertEquals(2, lint.code());
        assertTrue(lint.err().contains("不合理"), lint.err());
        Files.writeString(f, RULES.replace("{from: 2019-01-01, to: 2019-12-31}", "{from: 1990-01-01, to: 2099-12-31}"));
        lint = Cli.run("rules", "lint", f.toString());
        assertEquals(2, lint.code());
        assertTrue(lint.err().contains("period") && lint.err().contains(" 20 "), "spans more than 20 years: " + lint.err());
    }

    @Test
    void oneUnitsBadConfigIsThatUnitsFindingAndTheOthersAreChecked() throws Exception {
        Pkg p = new Pkg(tmp.resolve("drive"));
        p.file("甲医院/R-1/说明报告/a.docx", Docs.docx("情况说明"));
        p.file("甲医院/evcheck.yaml", "rule: cfg\nunit: 甲医院\n".getBytes(StandardCharsets.UTF_8));
        p.file("乙医院/R-1/说明报告/a.docx", Docs.docx("情况说明"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--by-unit", "--as-of", "2019-12-31",
                "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> bad = new ArrayList<>();
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals("config.invalid")) bad.add(f.get("unit").asText() + "|" + f.get("file").asText() + "|" + f.get("message").asText());
        }
        assertEquals(1, bad.size(), bad.toString());
        assertTrue(bad.get(0).startsWith("甲医院|evcheck.yaml|"), bad.get(0));
        assertTrue(bad.get(0).contains("evcheck.yaml:1:1"), "names the line: " + bad.get(0));
        assertEquals(2, j.get("units").size(), "both units are in the report");
    }
}
