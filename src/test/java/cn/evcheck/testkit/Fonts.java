package cn.evcheck.testkit;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
    private static Path fontconfig;

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

    /**
     * A fontconfig configuration whose only font is the shipped one, for the programs tests start
     * (Chromium, LibreOffice): give it to them as {@code FONTCONFIG_FILE}, and they neither depend on
     * the machine's fonts nor fail where it has none. Written once per JVM under {@code target/}
     * (a temporary folder where there is none), with its own font cache.
     */
    public static synchronized Path fontconfigFile() {
        if (fontconfig != null) return fontconfig;
        try {
            Path dir = Files.isDirectory(Path.of("target")) ? Files.createDirectories(Path.of("target", "test-fontconfig").toAbsolutePath())
                    : Files.createTempDirectory("evcheck-test-fontconfig-");
            Path fonts = Files.createDirectories(dir.resolve("fonts"));
            Files.copy(cjkFile(), fonts.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
            Path conf = dir.resolve("fonts.conf");
            Files.writeString(conf, """
                    <?xml version="1.0"?>
                    <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                    <!-- Written by cn.evcheck.testkit.Fonts: the shipped test font and nothing else. -->
                    <fontconfig>
                      <dir>%s</dir>
                      <cachedir>%s</cachedir>
                    </fontconfig>
                    """.formatted(xml(fonts.toString()), xml(dir.resolve("cache").toString())), StandardCharsets.UTF_8);
            fontconfig = conf;
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
