package cn.evcheck.draft;

import cn.evcheck.rules.Model;
import cn.evcheck.rules.Model.Each;
import cn.evcheck.rules.Model.Target;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The requirement phrase table, pattern by pattern: each case of {@code phrases.txt} names the
 * pattern it exercises, a sentence, and what must be read from it; every pattern has a case. The
 * 目标值 cells of {@code targets.txt} the same way. (Cases live in resource files: test sources
 * keep to ASCII and escapes.)
 */
class PhraseTest {
    record Case(String name, String sentence, String expected, int line) {}

    static List<Case> cases(String resource) throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = PhraseTest.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] p = l.split("\\|", -1);
                assertEquals(3, p.length, resource + ":" + (i + 1));
                out.add(new Case(p[0].strip(), p[1].strip(), p[2].strip(), i + 1));
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> eachPatternReadsWhatItShould() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases("phrases.txt")) {
            tests.add(DynamicTest.dynamicTest(c.name() + " (phrases.txt:" + c.line() + ")", () -> {
                if (!c.name().equals("UNPARSED")) {
                    Phrase p = Phrase.valueOf(c.name());
                    assertTrue(p.found(c.sentence()), c.name() + " does not match its own case: " + c.sentence());
                }
                assertEquals(c.expected(), render(RequirementParser.parse(c.sentence(), "", "")), c.sentence());
            }));
        }
        return tests;
    }

    @Test
    void everyPatternHasACase() throws IOException {
        Set<String> named = cases("phrases.txt").stream().map(Case::name).collect(Collectors.toSet());
        EnumSet<Phrase> missing = EnumSet.noneOf(Phrase.class);
        for (Phrase p : Phrase.values()) if (!named.contains(p.name())) missing.add(p);
        assertEquals(EnumSet.noneOf(Phrase.class), missing);
    }

    @TestFactory
    List<DynamicTest> targetCells() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases("targets.txt")) {
            tests.add(DynamicTest.dynamicTest(c.sentence() + " (targets.txt:" + c.line() + ")", () -> {
                TargetParser.Result r = TargetParser.cell(c.name(), c.sentence());
                assertEquals(c.expected(), r.targets().stream().map(PhraseTest::target).collect(Collectors.joining(" / ")));
                r.targets().forEach(t -> assertEquals(c.name(), t.metric()));
            }));
        }
        return tests;
    }

    @Test
    void aBareFigureIsADoubt() {
        assertFalse(TargetParser.cell("m", "100%").doubts().isEmpty());
        assertTrue(TargetParser.cell("m", "\u2265100%").doubts().isEmpty());
    }

    @Test
    void chineseNumerals() {
        assertEquals(3, Phrase.number("3"));
        assertEquals(2, Phrase.number("\u4e24"));
        assertEquals(12, Phrase.number("\u5341\u4e8c"));
        assertEquals(20, Phrase.number("\u4e8c\u5341"));
        assertEquals(-1, Phrase.number("x"));
    }

    @Test
    void unparsedRequirementStillBecomesAMaterialWithADoubt() {
        RequirementParser.Parsed p = RequirementParser.parse("\u6309\u7edf\u4e00\u5b89\u6392\u6267\u884c\u3002", "", "");
        assertFalse(p.understood);
        assertEquals(1, p.materials.size());
        assertTrue(p.materials.get(0).doubts.has("kind"));
    }

    @Test
    void inferredValuesCarryDoubts() {
        // "(图片资料)" without a count: at least one photo, marked for a person.
        RequirementParser.Parsed p = RequirementParser.parse("\u63d0\u4f9b\u56fe\u7247\u8d44\u6599\u3002", "", "");
        Draft.Material photos = p.get(Model.Kind.PHOTOS);
        assertEquals(1, photos.min);
        assertTrue(photos.doubts.has("min"));
    }

    static String render(RequirementParser.Parsed p) {
        List<String> mats = new ArrayList<>();
        for (Draft.Material m : p.materials) {
            StringBuilder s = new StringBuilder(m.kind.key);
            if (m.each != Each.NONE) s.append(" each=").append(m.each.name().toLowerCase(Locale.ROOT));
            if (m.words != null) s.append(" words=").append(m.words);
            if (m.min != null) s.append(" min=").append(m.min);
            if (m.per != null) s.append(" per=").append(m.per.key());
            if (!m.caption.isEmpty()) s.append(" caption=").append(m.caption.stream().map(Model.CaptionField::key).collect(Collectors.joining(",")));
            if (!m.festivals.isEmpty()) {
                s.append(" festivals=").append(m.festivals.equals(Model.FESTIVALS) ? "-all-7" : String.join(",", m.festivals));
            }
            if (!m.years.isEmpty()) s.append(" years=").append(m.years.stream().map(String::valueOf).collect(Collectors.joining(",")));
            for (Target t : m.targets) s.append(" target=").append(t.metric()).append(target(t));
            if (m.marked) s.append(" marked");
            mats.add(s.toString());
        }
        String out = String.join(" + ", mats);
        if (!p.categories.isEmpty()) out += "; categories=" + String.join(",", p.categories);
        if (p.years.size() >= 2) out += "; years=" + p.years.stream().map(String::valueOf).collect(Collectors.joining(","));
        return out;
    }

    static String target(Target t) {
        return t.op() + (t.value() == null ? "" : YamlOut.number(t.value())) + (t.unit() == null ? "" : t.unit());
    }
}
