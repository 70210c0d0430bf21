package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CommandsTest {
    @Test
    void helpListsTheExitCodes() {
        Run r = Cli.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("退出码 Exit codes"));
        assertTrue(r.out().contains("3   检查未能完成"), r.out());
        assertTrue(Cli.run("check", "--help").out().contains("--fail-on"));
    }

    @Test
    void explainAnItemAndACode() {
        Run item = Cli.run("explain", "Ⅲ-15-2①");
        assertEquals(0, item.code(), item.err());
        assertTrue(item.out().contains("III-15-2-1  (ganyu-weijian-2020)"), item.out());
        assertTrue(item.out().contains("牵头科室：组织人事科"));
        assertTrue(item.out().contains("图片资料，每类每月至少1张，需注明时间、单位名称、服务对象、服务内容"), item.out());
        Run code = Cli.run("explain", "coverage.gap", "--lang", "en");
        assertEquals(0, code.code());
        assertTrue(code.out().startsWith("coverage.gap  (error)\nMeaning:  a period (month, two months, year, festival) × category"), code.out());
        assertTrue(code.out().contains("Enforces: 赣卫〔2020〕44号"), code.out());
        Run graded = Cli.run("explain", "secret.marking");
        assertTrue(graded.out().startsWith("secret.marking  (error / warning)\n含义："), graded.out());
        assertTrue(graded.out().contains("：开头只有“秘密”“机密”或“绝密”字样"), graded.out());
        assertEquals(2, Cli.run("explain", "nothing.like.this").code());
    }

    @Test
    void textGroupedByLeadOfficeAndQuietRuns() {
        Run r = Cli.run("check", "samples/青口中心卫生院", "--group-by", "department", "--quiet");
        assertEquals(1, r.code(), r.err());
        String out = r.out();
        int office = out.indexOf("════ 牵头科室：组织人事科 ════");
        int next = out.indexOf("════ 牵头科室：综合监督与职业健康科 ════");
        assertTrue(office > 0 && next > office, out);
        assertTrue(out.substring(office, next).contains("III-15-2-1"));
        assertFalse(out.substring(office, next).contains("III-31-1-2"));
        assertEquals("", r.err(), "no progress bar or notes when stderr is not a terminal and --quiet is given");
    }

    @Test
    void findingDataWithoutAnOrderIsSortedSoEveryJvmWritesTheSameBytes() {
        var f = new cn.evcheck.model.Finding("x", cn.evcheck.model.Severity.INFO, "", null, null, null,
                java.util.Map.of("zeta", 1, "alpha", 2, "mid", 3), "", "");
        assertEquals(java.util.List.of("alpha", "mid", "zeta"), java.util.List.copyOf(f.data().keySet()));
    }

    @Test
    void rulesListAndLint(@TempDir Path tmp) throws Exception {
        Run list = Cli.run("rules", "list");
        assertTrue(list.out().contains("ganyu-weijian-2020\t38\t"), list.out());
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "evcheck: 1\nid: x\nperiod: {from: 2019-01-01, to: 2019-12-31}\nitems:\n  - id: A\n    materails: []\n");
        Run lint = Cli.run("rules", "lint", bad.toString(), "--lang", "en");
        assertEquals(2, lint.code());
        assertEquals(bad + ":6:5: items[1]: unknown key 'materails' in item. Did you mean 'materials'?\n" + bad + ": 1 error\n", lint.err());
        assertEquals(0, Cli.run("rules", "lint", "rules/ganyu-weijian-2020.yaml").code());
    }

    @Test
    void initCreatesTheTreeAndTheCheckThenFindsEveryItemEmpty(@TempDir Path tmp) {
        Path pkg = tmp.resolve("新材料包");
        Run init = Cli.run("init", pkg.toString(), "--rules", "ganyu-weijian-2020");
        assertEquals(0, init.code(), init.err());
        assertTrue(Files.isDirectory(pkg.resolve("III-15-2-1 志愿服务活动/图片资料/留守儿童")));
        assertTrue(Files.isRegularFile(pkg.resolve("evcheck.yaml")));
        Run check = Cli.run("check", pkg.toString(), "--as-of", "2020-06-30");
        assertEquals(1, check.code(), check.err());
        assertTrue(check.out().contains("汇总：共 38 个条目，完成 0，未完成 0，缺失 38"), check.out());
        Run again = Cli.run("init", tmp.resolve("en").toString(), "--rules", "ganyu-weijian-2020", "--lang", "en");
        assertTrue(again.out().matches("created \\d+ folders under .* \\(ganyu-weijian-2020\\)\\n"), again.out());
        Run wrong = Cli.run("init", tmp.resolve("x").toString(), "--rules", "no-such-set", "--lang", "en");
        assertEquals(2, wrong.code());
        assertFalse(wrong.err().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), wrong.err());
    }

    /** An Error anywhere (here: the terminal itself failing) ends the run with exit 3 and one line, never 1 or a stack trace. */
    @Test
    void anInternalFailureIsExitThreeAndOneLine() {
        java.io.OutputStream broken = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                throw new InternalError("stdout is gone");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = cn.evcheck.cli.Main.run(broken, err, "check", "samples/青口中心卫生院", "--quiet");
        assertEquals(3, code);
        String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("evcheck: 检查未能完成 (the check could not complete): InternalError: stdout is gone", e.strip());
    }
}
