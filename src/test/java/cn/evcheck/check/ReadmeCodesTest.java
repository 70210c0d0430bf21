package cn.evcheck.check;

import cn.evcheck.model.Code;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's table of finding codes is generated from the code registry; this test fails when
 * they differ. Regenerate with {@code -Devcheck.updateReadme=true} after adding a code.
 */
class ReadmeCodesTest {
    static final Path README = Path.of("README.md");
    static final String BEGIN = "<!-- codes:begin (generated from the code registry by ReadmeCodesTest) -->\n";
    static final String END = "<!-- codes:end -->";

    static String table() {
        StringBuilder sb = new StringBuilder("| code | severity | meaning | 含义 |\n|---|---|---|---|\n");
        for (Code c : Checks.codes()) {
            String en = c.meaning(true) + (c.lesser() == null ? "" : " (" + c.lesser().key() + ": " + c.lesserWhen(true) + ")");
            String zh = c.meaning(false) + (c.lesser() == null ? "" : "（" + c.lesser().zh + "：" + c.lesserWhen(false) + "）");
            sb.append("| `").append(c.id()).append("` | ").append(c.severities()).append(" | ").append(cell(en)).append(" | ")
                    .append(cell(zh)).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    @Test
    void theReadmeTableIsTheRegistry() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int a = readme.indexOf(BEGIN);
        int b = readme.indexOf(END);
        assertTrue(a >= 0 && b > a, "README.md lacks the generated code table markers");
        String fresh = readme.substring(0, a + BEGIN.length()) + table() + readme.substring(b);
        if (Boolean.getBoolean("evcheck.updateReadme")) Files.writeString(README, fresh, StandardCharsets.UTF_8);
        assertEquals(fresh, readme, "the README code table is out of date: run with -Devcheck.updateReadme=true");
    }
}
