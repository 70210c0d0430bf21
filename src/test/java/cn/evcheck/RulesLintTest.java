package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 parts 8 and 9, the rule-file half: {@code rules lint} names every mistake of a file in one run,
 * each with its line, column and key path; misspelt keys and Chinese words get the key or value meant;
 * YAML syntax errors are said plainly; English messages carry no Chinese of their own; {@code explain}
 * with a misspelt code names the nearest.
 */
class RulesLintTest {
    @TempDir
    Path tmp;

    static final String HEAD = """
            evcheck: 1
            id: lint
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
            """;

    private Path file(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> lines(String s) {
        return s.lines().toList();
    }

    @Test
    void fourMistakesAreFourErrorsOfOneRun() throws Exception {
        Path f = file("four.yaml", HEAD + """
                  - id: A-1
                    materails:
                      - {kind: report}
                  - id: A-2
                    materials:
                      - kind: photos
                        min: 两张
                        per: weekly
                  - id: A-3
                    materials:
                      - kind: report
                        words: 300
                        colour: red
                """);
        Run en = Cli.run("rules", "lint", f.toString(), "--lang", "en");
        assertEquals(2, en.code());
        assertEquals(List.of(
                f + ":6:5: items[1]: unknown key 'materails' in item. Did you mean 'materials'?",
                f + ":11:14: items[2].materials[1].min: must be a positive integer (got \"两张\")",
                f + ":12:14: items[2].materials[1].per: invalid per 'weekly'; valid: total, month, two_months, year, festival",
                f + ":17:9: items[3].materials[1]: unknown key 'colour' in material. Valid keys: kind, each, words, min, per, caption, "
                        + "festivals, years, target, proof, number, marked, note",
                f + ": 4 errors"), lines(en.err()));
        assertEquals("", en.out());

        Run zh = Cli.run("rules", "lint", f.toString());
        assertEquals(2, zh.code());
        List<String> z = lines(zh.err());
        assertEquals(5, z.size(), zh.err());
        assertEquals(f + ":11:14: items[2].materials[1].min：必须是正整数（实际为“两张”）", z.get(1));
        assertEquals(f + "：共 4 处错误", z.get(4));

        // check stops at the rule file too, and names all of it
        Path pkg = Files.createDirectories(tmp.resolve("pkg"));
        Run check = Cli.run("check", pkg.toString(), "--rules", f.toString(), "--lang", "en");
        assertEquals(2, check.code());
        assertTrue(check.err().contains(f + ":17:9: items[3].materials[1]: unknown key 'colour'"), check.err());
        assertTrue(check.err().contains(f + ": 4 errors"), check.err());
    }

    @Test
    void chineseWordsAndMisspellingsGetTheKeyOrValueMeant() throws Exception {
        Path f = file("words.yaml", HEAD + """
                  - id: A-1
                    材料:
                      - kind: photos
                        per: 每月
                        caption: [时间, 服务对象]
                  - id: A-2
                    materials:
                      - {kind: 说明报告, wrods: 300}
                      - {kind: formal_doc, proof: 盖章, number: 是}
                """);
        Run en = Cli.run("rules", "lint", f.toString(), "--lang", "en");
        assertEquals(2, en.code());
        String err = en.err();
        assertTrue(err.contains(":6:5: items[1]: unknown key '材料' in item. For '材料' write 'materials'"), err);
        assertFalse(err.contains("required key 'materials' is missing"), "the hint says it already: " + err);
        assertTrue(err.contains("items[2].materials[1]: unknown key 'wrods' in material. Did you mean 'words'?"), err);
        assertTrue(err.contains("items[2].materials[1].kind: invalid kind '说明报告'; valid: report, photos, formal_doc, dept_eval, "
                + "data_table. For '说明报告' write 'report'"), err);
        assertTrue(err.contains("items[2].materials[2].proof: unknown proof '盖章'; known: red_header, seal, none. For '盖章' write 'seal'"), err);
        assertTrue(err.contains("items[2].materials[2].number: must be true or false (got \"是\"). For '是' write 'true'"), err);

        // the caption vocabulary: 服务对象 is beneficiary, in either language (the word as the caption writes it)
        Path c = file("caption.yaml", HEAD + """
                  - id: A-1
                    materials:
                      - {kind: photos, per: month, caption: [time, 服务对象, 关爱内容]}
                """);
        Run zh = Cli.run("rules", "lint", c.toString());
        assertTrue(zh.err().contains("items[1].materials[1].caption[2]：caption 的值“服务对象”无效，可用：time、place、organizer、theme、venue、unit、"
                + "project、content、beneficiary。“服务对象”应写作“beneficiary”"), zh.err());
        assertTrue(zh.err().contains("caption[3]：caption 的值“关爱内容”无效") && zh.err().contains("“关爱内容”应写作“content”"), zh.err());
        Run cen = Cli.run("rules", "lint", c.toString(), "--lang", "en");
        assertTrue(cen.err().contains("For '服务对象' write 'beneficiary'"), cen.err());
    }

    /** Each syntax mistake a clerk makes in Notepad, said plainly at its line and column. */
    @Test
    void yamlSyntaxErrorsAreSaidPlainly() throws Exception {
        record Case(String text, String at, String zh, String en) {}
        List<Case> cases = List.of(
                new Case("evcheck: 1\nid: \"lint\ntitle: x\n", ":2:5: ", "YAML 语法错误：引号没有闭合", "YAML syntax error: unclosed quote"),
                new Case("evcheck: 1\nitems:\n\t- id: A\n", ":3:1: ", "制表符（Tab）", "a tab is used here; YAML indents with spaces only"),
                new Case("evcheck: 1\nitems:\n  - id：A\n    materials: []\n", ":3:7: ", "键后用了全角",
                        "a full-width colon '：' after a key; write a half-width colon and a space ': '"),
                new Case("evcheck: 1\nid：lint\ntitle: x\n", ":2:3: ", "键后用了全角", "full-width colon"),
                new Case("evcheck: 1\nitems:\n- id: A\n  materials:\n  - kind: report\n   min: 2\n", ":6:4: ", "缩进没有对齐",
                        "indentation does not line up: this line starts in column 4, the block it belongs to (from line 3) in column 3"),
                new Case("evcheck: 1\ntitle: 2019年: 总结\n", ":2:", "请给整个值加引号", "the value contains ': '"),
                new Case("evcheck: 1\nid: [a, b\n", ":2:5: ", "“[”没有闭合", "unclosed '['"),
                new Case("evcheck: 1\nsource: \"D:\\材料\\2019\"\n", ":2:", "改用单引号", "single quotes"));
        for (Case k : cases) {
            Path f = file("syntax.yaml", k.text());
            Run zh = Cli.run("rules", "lint", f.toString());
            assertEquals(2, zh.code(), k.text());
            assertTrue(zh.err().startsWith(f + k.at()), k.text() + " → " + zh.err());
            assertTrue(zh.err().contains(k.zh()), k.text() + " → " + zh.err());
            assertFalse(zh.err().contains("while scanning") || zh.err().contains("while parsing"), zh.err());
            Run en = Cli.run("rules", "lint", f.toString(), "--lang", "en");
            assertTrue(en.err().startsWith(f + k.at()), k.text() + " → " + en.err());
            assertTrue(en.err().contains(k.en()), k.text() + " → " + en.err());
            assertTrue(en.err().endsWith(f + ": 1 error\n"), en.err());
        }
        // a duplicate key is one of the file's errors, with where it was first written
        Path dup = file("dup.yaml", HEAD.replace("id: lint\n", "id: lint\ntitle: a\ntitle: b\n") + "  - {id: A, materials: [{kind: report, min: 0}]}\n");
        Run d = Cli.run("rules", "lint", dup.toString(), "--lang", "en");
        assertEquals(List.of(dup + ":4:1: duplicate key 'title' (first at line 3); a key is written once per mapping",
                dup + ":7:45: items[1].materials[1].min: must be a positive integer (got 0)",
                dup + ": 2 errors"), lines(d.err()));
    }

    /** Part 9: an English message says "item", "material", never 条目 or 材料; only the user's own values are Chinese. */
    @Test
    void englishMessagesCarryNoChineseOfTheirOwn() throws Exception {
        Path f = file("ascii.yaml", """
                evcheck: 2
                id: ascii
                title: [not, a, title]
                period: {from: 2019-13-01, to: 2019-12-31, till: 2020-01-01}
                defaults:
                  photo: {formats: [], max_bytes: -1, min_long_sid: 3}
                  report: {tolerance: {below: 1.5}}
                  festival_window: {before: x}
                  colour: red
                items:
                  - id: A-1
                    years: [1800, 2019, 2019]
                    categories: [a, b, a]
                    materails: []
                  - id: A-2
                    materials:
                      - {kind: photos, per: festival, words: 3, proof: seal, marked: true, each: month}
                      - {kind: report, caption: [time, venu], festivals: [x]}
                      - {kind: data_table, target: {metric: m, op: '=>'}, colour: red}
                      - {kind: formal_doc, proof: red_heder, number: maybe}
                      - kind photos
                  - id: A-2
                    materials: {kind: report}
                  - notanitem
                """);
        Run en = Cli.run("rules", "lint", f.toString(), "--lang", "en");
        assertEquals(2, en.code());
        List<String> out = lines(en.err());
        assertTrue(out.size() > 25, en.err());
        Pattern quoted = Pattern.compile("'[^']*'|\"[^\"]*\"");
        Pattern cjk = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
        for (String line : out) {
            Matcher m = cjk.matcher(quoted.matcher(line).replaceAll("''"));
            assertFalse(m.find(), "Chinese in an English message: " + line);
        }
        assertTrue(en.err().contains("in item") && en.err().contains("in material") && !en.err().contains("条目"), en.err());
        // and every line is file:line:column: path: message, in file order
        int last = 0;
        for (String line : out.subList(0, out.size() - 1)) {
            Matcher m = Pattern.compile(Pattern.quote(f.toString()) + ":(\\d+):(\\d+): .+").matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Integer.parseInt(m.group(1)) >= last, "in file order: " + line);
            last = Integer.parseInt(m.group(1));
        }
        assertEquals(f + ": " + (out.size() - 1) + " errors", out.get(out.size() - 1));
    }

    @Test
    void waiversAndConfigFilesAreLintedWholeToo() throws Exception {
        Path w = file("waivers.yaml", """
                waivers:
                  - code: photo.gps
                    reason: x
                    aproved_by: y
                    expires: 2099-13-01
                  - code: report.missing
                """);
        Run r = Cli.run("rules", "lint", w.toString(), "--lang", "en");
        assertEquals(2, r.code());
        assertEquals(List.of(
                w + ":4:5: waivers[1]: unknown key 'aproved_by'. Did you mean 'approved_by'?",
                w + ":5:14: waivers[1].expires: a date must be written YYYY-MM-DD (got \"2099-13-01\")",
                w + ":6:5: waivers[2]: the waiver lacks 'reason', 'approved_by', 'expires' (code, reason, approved_by and expires are all required)",
                w + ": 3 errors"), lines(r.err()));

        Path cfg = file("evcheck.yaml", "rules: ganyu-weijian-2020\nas_of: 2020/6/30\n规则集: x\n");
        Run c = Cli.run("rules", "lint", cfg.toString(), "--lang", "en");
        assertEquals(2, c.code());
        assertEquals(List.of(
                cfg + ":2:8: as_of: a date must be written YYYY-MM-DD (got \"2020/6/30\")",
                cfg + ":3:1: unknown key '规则集'. For '规则集' write 'rules'",
                cfg + ": 2 errors"), lines(c.err()));
        Files.writeString(cfg, "rules: ganyu-weijian-2020\nas_of: 2020-06-30\n");
        assertEquals(0, Cli.run("rules", "lint", cfg.toString()).code());
    }

    @Test
    void explainSuggestsTheNearestCode() {
        Run r = Cli.run("explain", "photo.too_larg", "--lang", "en");
        assertEquals(2, r.code());
        assertEquals("evcheck: no item or finding code 'photo.too_larg'\ndid you mean 'photo.too_large'?\n", r.err());
        Run zh = Cli.run("explain", "photo.too_larg");
        assertTrue(zh.err().contains("是否想查“photo.too_large”？"), zh.err());
        Run far = Cli.run("explain", "nothing.like.this");
        assertEquals(2, far.code());
        assertFalse(far.err().contains("did you mean") || far.err().contains("是否想查"), far.err());
    }
}
