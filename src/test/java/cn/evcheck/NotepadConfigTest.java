package cn.evcheck;

import cn.evcheck.testkit.Cli;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 part 3: evcheck.yaml and rule files saved by Notepad as "ANSI" (GBK) are read, not garbled. */
class NotepadConfigTest {
    @TempDir
    Path tmp;

    @Test
    void gbkConfigAndRulesAreRead() throws Exception {
        Charset gbk = Charset.forName("GBK");
        Path rules = tmp.resolve("rules.yaml");
        Files.write(rules, ("evcheck: 1\nid: gbk\ntitle: 青口中心卫生院\nperiod: {from: 2019-01-01, to: 2019-12-31}\n"
                + "items:\n  - id: A-1\n    materials:\n      - {kind: report, words: 300}\n").getBytes(gbk));
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Files.write(pkg.resolve("evcheck.yaml"), ("rules: " + rules + "\nunit: 青口中心卫生院\nas_of: 2019-12-31\n").getBytes(gbk));
        Cli.Run r = Cli.run("check", pkg.toString(), "--format", "json", "--no-cache");
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        var json = new ObjectMapper().readTree(r.out());
        assertEquals("青口中心卫生院", json.path("units").get(0).path("name").asText(), "the unit's name, not mojibake");
        assertEquals("青口中心卫生院", json.path("rules").path("title").asText(), "the rule set's title");
        // With a UTF-8 BOM, as Notepad's "UTF-8" writes it, too.
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = ("rules: " + rules + "\nunit: 青口中心卫生院\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(text, 0, both, 3, text.length);
        Files.write(pkg.resolve("evcheck.yaml"), both);
        Cli.Run u = Cli.run("check", pkg.toString(), "--format", "json", "--no-cache", "--as-of", "2019-12-31");
        assertEquals("青口中心卫生院", new ObjectMapper().readTree(u.out()).path("units").get(0).path("name").asText(), u.err());
    }

    /** init writes an evcheck.yaml that check accepts: a rule file by its path, and --unit. */
    @Test
    void initWritesAConfigThatCheckAccepts() throws Exception {
        Path rules = tmp.resolve("my rules/demo: rules.yaml");
        Files.createDirectories(rules.getParent());
        Files.writeString(rules, "evcheck: 1\nid: my-demo\nperiod: {from: 2019-01-01, to: 2019-12-31}\n"
                + "items:\n  - id: A-1\n    materials:\n      - {kind: report, words: 300}\n");
        Path pkg = tmp.resolve("new package");
        Cli.Run init = Cli.run("init", pkg.toString(), "--rules", rules.toString(), "--unit", "hospital: north");
        assertEquals(0, init.code(), init.err());
        Cli.Run check = Cli.run("check", pkg.toString(), "--format", "json", "--no-cache", "--as-of", "2019-12-31");
        assertEquals(1, check.code(), "the gaps of an empty package, not a usage error: " + check.err());
        var json = new ObjectMapper().readTree(check.out());
        assertEquals("my-demo", json.path("rules").path("id").asText());
        assertEquals("hospital: north", json.path("units").get(0).path("name").asText());
        Path built = tmp.resolve("built-in");
        assertEquals(0, Cli.run("init", built.toString(), "--rules", "ganyu-weijian-2020").code());
        assertTrue(Files.readString(built.resolve("evcheck.yaml")).startsWith("rules: \"ganyu-weijian-2020\"\n"));
    }
}
