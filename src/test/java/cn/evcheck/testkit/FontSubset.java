package cn.evcheck.testkit;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.NameRecord;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the test font {@link Fonts} loads: a TrueType subset of LXGW WenKai Regular (SIL OFL 1.1)
 * holding printable ASCII, {@link #PUNCTUATION} and every other character that occurs in the test
 * sources, and, so that a new test seldom needs a new font, in the main sources, the message bundles
 * and the rule sets (the project's own vocabulary). The OFL reserves the names "LXGW" and "霞鹜" for the original, so the subset is renamed
 * {@value #FAMILY}. Re-run it after adding text a test draws with characters the font lacks
 * ({@code FontsTest} says when); the output is the same bytes for the same input. Not a test. From
 * the project root:
 * <pre>
 * apt-get download fonts-lxgw-wenkai    # Debian 12: 1.250+repack-1; nothing is installed
 * dpkg-deb -x fonts-lxgw-wenkai_*_all.deb /tmp/wenkai
 * ./mvnw -q -o -DskipTests package test-compile
 * java -cp target/test-classes:target/evcheck.jar cn.evcheck.testkit.FontSubset \
 *     "$(find /tmp/wenkai -name LXGWWenKai-Regular.ttf)"
 * </pre>
 */
public final class FontSubset {
    /** Punctuation and symbols kept whether or not a test uses them yet. */
    static final String PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】〔〕〖〗［］｛｝—…·★☆●○■□△▲※　"
            + "０１２３４５６７８９％＋－＝＜＞／＼＿｜～";
    static final String FAMILY = "EvcheckTestKai";
    /** The tables kept: outlines, metrics, hinting, and rebuilt cmap/name/post/OS/2; no layout tables (their glyph ids would be stale). */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "name", "post",
            "OS/2", "gasp", "cvt ", "fpgm", "prep");

    private FontSubset() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: FontSubset SOURCE.ttf [OUTPUT.ttf]   (run from the project root)");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args.length > 1 ? args[1] : "src/test/resources/fonts/" + Fonts.FILE);
        Set<Integer> wanted = wanted(Path.of("src/test/java"), Path.of("src/main/java"), Path.of("src/main/resources/cn/evcheck"), Path.of("rules"));
        Set<Integer> missing = new TreeSet<>();
        byte[] font;
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(source.toFile()))) {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            for (int cp : wanted) {
                if (cmap.getGlyphId(cp) == 0) missing.add(cp);
                else subsetter.add(cp);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            subsetter.writeToStream(out);
            font = withTable(out.toByteArray(), "name", nameTable(ttf));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.write(output, font);
        System.out.printf(Locale.ROOT, "%s: %d characters, %d bytes%n", output, wanted.size() - missing.size(), font.length);
        if (!missing.isEmpty()) {
            StringBuilder s = new StringBuilder();
            for (int cp : missing) s.appendCodePoint(cp);
            System.out.println("not in the source font (Scans draws them as blocks): " + s);
        }
    }

    /** Printable ASCII, {@link #PUNCTUATION}, and every non-ASCII, non-control character in the .java, .yaml and .properties files under {@code dirs}. */
    static Set<Integer> wanted(Path... dirs) throws IOException {
        Set<Integer> cps = new TreeSet<>();
        for (int c = 0x20; c < 0x7F; c++) cps.add(c);
        PUNCTUATION.codePoints().forEach(cps::add);
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".yaml") || f.toString().endsWith(".properties")).sorted()::iterator) {
                    Files.readString(f, StandardCharsets.UTF_8).codePoints()
                            .filter(cp -> cp > 0x7F && !Character.isISOControl(cp) && Character.isDefined(cp))
                            .forEach(cps::add);
                }
            }
        }
        return cps;
    }

    /** A name table (format 0, Windows Unicode English) under the new family name, keeping the source's copyright and licence. */
    private static byte[] nameTable(TrueTypeFont src) throws IOException {
        String copyright = "";
        String version = "";
        for (NameRecord r : src.getNaming().getNameRecords()) {
            if (r.getPlatformId() != NameRecord.PLATFORM_WINDOWS || r.getLanguageId() != NameRecord.LANGUAGE_WINDOWS_EN_US) continue;
            if (r.getNameId() == NameRecord.NAME_COPYRIGHT) copyright = r.getString();
            if (r.getNameId() == 5) version = r.getString();
        }
        Map<Integer, String> names = new TreeMap<>();
        names.put(0, copyright);
        names.put(1, FAMILY);
        names.put(2, "Regular");
        names.put(3, FAMILY + ": subset of LXGW WenKai Regular " + version + " for the evcheck tests");
        names.put(4, FAMILY);
        names.put(5, version);
        names.put(6, FAMILY + "-Regular");
        names.put(13, "This Font Software is licensed under the SIL Open Font License, Version 1.1. "
                + "This license is available with a FAQ at: https://openfontlicense.org");
        names.put(14, "https://openfontlicense.org");
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(6 + 12 * names.size());
        head.putShort((short) 0).putShort((short) names.size()).putShort((short) (6 + 12 * names.size()));
        for (Map.Entry<Integer, String> e : names.entrySet()) {
            byte[] s = e.getValue().getBytes(StandardCharsets.UTF_16BE);
            head.putShort((short) 3).putShort((short) 1).putShort((short) 0x409).putShort(e.getKey().shortValue())
                    .putShort((short) s.length).putShort((short) strings.size());
            strings.write(s);
        }
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        table.write(head.array());
        table.write(strings.toByteArray());
        return table.toByteArray();
    }

    /** The sfnt {@code font} with table {@code tag} replaced, table checksums and head.checkSumAdjustment recomputed. */
    static byte[] withTable(byte[] font, String tag, byte[] replacement) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int numTables = in.getShort(4) & 0xFFFF;
        Map<String, byte[]> tables = new TreeMap<>();
        for (int i = 0; i < numTables; i++) {
            int rec = 12 + 16 * i;
            String t = new String(font, rec, 4, StandardCharsets.ISO_8859_1);
            int offset = in.getInt(rec + 8);
            int length = in.getInt(rec + 4 + 8);
            byte[] data = new byte[length];
            System.arraycopy(font, offset, data, 0, length);
            tables.put(t, data);
        }
        tables.put(tag, replacement);
        byte[] head = tables.get("head");
        ByteBuffer.wrap(head).putInt(8, 0);
        int size = 12 + 16 * tables.size();
        for (byte[] t : tables.values()) size += pad(t.length);
        ByteBuffer out = ByteBuffer.allocate(size);
        int n = tables.size();
        int log2 = 31 - Integer.numberOfLeadingZeros(n);
        out.putInt(ByteBuffer.wrap(font).getInt(0)).putShort((short) n).putShort((short) (16 << log2))
                .putShort((short) log2).putShort((short) (16 * n - (16 << log2)));
        int offset = 12 + 16 * tables.size();
        int headOffset = 0;
        for (Map.Entry<String, byte[]> e : tables.entrySet()) {
            byte[] data = e.getValue();
            out.put(e.getKey().getBytes(StandardCharsets.ISO_8859_1)).putInt((int) checksum(data)).putInt(offset).putInt(data.length);
            if (e.getKey().equals("head")) headOffset = offset;
            offset += pad(data.length);
        }
        for (byte[] data : tables.values()) {
            out.put(data);
            out.put(new byte[pad(data.length) - data.length]);
        }
        byte[] bytes = out.array();
        ByteBuffer.wrap(bytes).putInt(headOffset + 8, (int) (0xB1B0AFBAL - checksum(bytes)));
        return bytes;
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private static long checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 4) {
            long word = 0;
            for (int k = 0; k < 4; k++) word = word << 8 | (i + k < data.length ? data[i + k] & 0xFF : 0);
            sum = (sum + word) & 0xFFFFFFFFL;
        }
        return sum;
    }
}
