package cn.evcheck.testkit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards that keep the tests independent of the fonts a machine has installed. */
class FontsTest {
    private static final Path TEST_SOURCES = Path.of("src/test/java");

    @Test
    void noTestReadsTheSystemFontFolders() throws IOException {
        String systemFonts = "/usr/share/" + "fonts";
        List<Path> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".md"))::iterator) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains(systemFonts)) offenders.add(f);
            }
        }
        assertEquals(List.of(), offenders, "tests must use testkit.Fonts, not fonts under " + systemFonts);
    }

    @Test
    void theShippedFontCoversEveryChineseCharacterOfTheTests() throws IOException {
        Font font = Fonts.cjk();
        StringBuilder missing = new StringBuilder();
        for (int cp : FontSubset.wanted(TEST_SOURCES)) {
            if (needed(cp) && !font.canDisplay(cp)) missing.appendCodePoint(cp);
        }
        assertEquals("", missing.toString(), "characters the test font lacks: re-run cn.evcheck.testkit.FontSubset (see its comment)");
    }

    /** ASCII, Han, CJK and general punctuation, full-width forms: what tests draw or typeset. */
    private static boolean needed(int cp) {
        if (cp < 0x7F) return true;
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || b == Character.UnicodeBlock.GENERAL_PUNCTUATION;
    }

    @Test
    void theShippedFontIsSmallRenamedAndLoadsInAwtAndPdfBox() throws IOException {
        assertTrue(Files.size(Fonts.cjkFile()) < 500_000, "the test font should stay small: " + Files.size(Fonts.cjkFile()));
        assertEquals("EvcheckTestKai", Fonts.cjk().getFamily(), "the OFL reserves the original's name for the original");
        try (PDDocument doc = new PDDocument()) {
            PDType0Font pdf = PDType0Font.load(doc, Fonts.cjkFile().toFile());
            assertTrue(pdf.getStringWidth("赣卫〔2020〕44号") > 0);
        }
    }
}
