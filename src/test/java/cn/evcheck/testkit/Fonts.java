package cn.evcheck.testkit;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one font the tests draw and typeset Chinese with: a small TrueType subset of LXGW WenKai
 * (SIL OFL 1.1) shipped under {@code src/test/resources/fonts/}, so that no test depends on the
 * fonts a machine has installed. It covers printable ASCII, common CJK punctuation and every
 * character of the test and main sources and rule sets; {@link FontSubset} regenerates it, {@code FontsTest} checks the
 * coverage. Provenance and licence: {@code src/test/resources/fixtures/README.md}.
 */
public final class Fonts {
    /** The file name under {@code src/test/resources/fonts/}. */
    public static final String FILE = "EvcheckTestKai.ttf";

    private static Path path;
    private static Font font;

    private Fonts() {}

    /** The shipped TrueType file, for PDFBox's {@code PDType0Font.load} and the like. */
    public static synchronized Path cjkFile() {
        if (path == null) path = locate();
        return path;
    }

    /** The shipped font for AWT, size 1 (derive the size and style you need). */
    public static synchronized Font cjk() {
        if (font == null) {
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, cjkFile().toFile());
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot load the test font " + cjkFile(), e);
            }
        }
        return font;
    }

    private static Path locate() {
        URL url = Fonts.class.getResource("/fonts/" + FILE);
        if (url == null) throw new IllegalStateException("test resource fonts/" + FILE + " is missing");
        try {
            if ("file".equals(url.getProtocol())) return Path.of(url.toURI());
            Path tmp = Files.createTempFile("evcheck-test-font-", ".ttf");
            tmp.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
