package cn.evcheck.inspect;

import cn.evcheck.util.SafeOpen;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ProviderNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The first worksheet of an .xlsx, streamed: the package is opened as a zip file system (NIO, so
 * GBK-named files on Windows shares open) and the worksheet's XML goes through SAX (the same
 * reading as POI's XSSFSheetXMLHandler: a formula's cached result, numbers formatted by their
 * style's number format, shared, inline and rich strings without phonetic runs), rows kept
 * within {@link Tables}' limits — a sheet with too many rows is refused at the first row over the
 * limit, never held whole. Shared strings (all of them, as cells name them by index) are read only
 * up to {@link #MAX_SHARED_STRINGS_XML} bytes of XML; every part is inflated within a cap.
 */
final class XlsxTable {
    private XlsxTable() {}

    static final long MAX_SHEET_XML = 512L * 1024 * 1024;
    static final long MAX_SHARED_STRINGS_XML = 32L * 1024 * 1024;
    static final long MAX_SMALL_PART = 16L * 1024 * 1024;
    static final int MAX_ENTRIES = 10_000;

    private static final String REL = "http://schemas.openxmlformats.org/package/2006/relationships";

    static List<String[]> read(Path path) throws IOException {
        try (FileSystem zip = zip(path)) {
            Map<String, Path> parts = parts(zip);
            String workbook = target(parts, "_rels/.rels", "", "officeDocument", null);
            if (workbook == null) workbook = "xl/workbook.xml";
            String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
            String rels = dir + "_rels/" + workbook.substring(dir.length()) + ".rels";
            String sheetId = firstSheetRelId(parts, workbook);
            String sheet = sheetId == null ? null : target(parts, rels, dir, null, sheetId);
            if (sheet == null || !parts.containsKey(sheet.toLowerCase(Locale.ROOT))) throw new IOException("no worksheet");
            String stringsPart = target(parts, rels, dir, "sharedStrings", null);
            String stylesPart = target(parts, rels, dir, "styles", null);

            List<String> strings = new ArrayList<>();
            try (InputStream in = open(parts, stringsPart, MAX_SHARED_STRINGS_XML, "shared strings")) {
                if (in != null) SafeXml.parse(in, new SharedStrings(strings));
            }
            StylesTable styles = null;
            try (InputStream in = open(parts, stylesPart, MAX_SMALL_PART, "styles")) {
                // Not new StylesTable() + readFrom: that keeps the defaults before the file's own styles.
                if (in != null) styles = new StylesTable(in);
            }
            SheetHandler h = new SheetHandler(strings, styles);
            try (InputStream in = open(parts, sheet, MAX_SHEET_XML, "worksheet")) {
                SafeXml.parse(in, h);
            } catch (Overflow o) {
                throw o.tooComplex;
            }
            return h.rows.list;
        } catch (SAXException e) {
            if (e.getException() instanceof Overflow o) throw o.tooComplex;
            throw new IOException(Errors.oneLine(e), e);
        }
    }

    private static FileSystem zip(Path path) throws IOException {
        try {
            // Bounded: a file swapped for a FIFO after the caller's check must not hang the run.
            return SafeOpen.bounded(() -> FileSystems.newFileSystem(path));
        } catch (ProviderNotFoundException | java.util.zip.ZipError e) {
            throw new IOException("not a zip package", e);
        }
    }

    /** Part names (lower case, no leading '/') → paths in the zip file system. */
    private static Map<String, Path> parts(FileSystem zip) throws IOException {
        Map<String, Path> out = new HashMap<>();
        for (Path root : zip.getRootDirectories()) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isDirectory(p)) continue;
                    if (out.size() >= MAX_ENTRIES) throw new TooComplex("more than " + MAX_ENTRIES + " zip entries");
                    String name = p.toString().startsWith("/") ? p.toString().substring(1) : p.toString();
                    out.put(name.toLowerCase(Locale.ROOT), p);
                }
            }
        }
        return out;
    }

    private static InputStream open(Map<String, Path> parts, String name, long max, String what) throws IOException {
        if (name == null) return null;
        Path p = parts.get(name.toLowerCase(Locale.ROOT));
        return p == null ? null : ZipCaps.limit(Files.newInputStream(p), max, what);
    }

    /**
     * The target of a relationship in {@code relsPart}, by type suffix or by id, resolved against
     * {@code base}; null when there is none.
     */
    private static String target(Map<String, Path> parts, String relsPart, String base, String typeSuffix, String id)
            throws IOException, SAXException {
        String[] found = new String[1];
        try (InputStream in = open(parts, relsPart, MAX_SMALL_PART, "relationships")) {
            if (in == null) return null;
            SafeXml.parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String q, Attributes a) {
                    if (found[0] != null || !local.equals("Relationship")) return;
                    String type = a.getValue("Type");
                    boolean match = id != null ? id.equals(a.getValue("Id"))
                            : type != null && type.endsWith("/" + typeSuffix);
                    if (match) found[0] = a.getValue("Target");
                }
            });
        }
        return found[0] == null ? null : resolve(base, found[0]);
    }

    private static String resolve(String base, String target) {
        String t = target.replace('\\', '/');
        String joined = t.startsWith("/") ? t.substring(1) : base + t;
        URI u = URI.create("/" + joined.replace(" ", "%20")).normalize();
        String path = u.getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** The relationship id of the workbook's first {@code sheet}. */
    private static String firstSheetRelId(Map<String, Path> parts, String workbook) throws IOException, SAXException {
        String[] found = new String[1];
        try (InputStream in = open(parts, workbook, MAX_SMALL_PART, "workbook")) {
            if (in == null) throw new IOException("no workbook part");
            SafeXml.parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String local, String q, Attributes a) {
                    if (found[0] != null || !local.equals("sheet")) return;
                    for (int i = 0; i < a.getLength(); i++) {
                        if (a.getLocalName(i).equals("id") && !a.getURI(i).isEmpty() && !a.getURI(i).equals(REL)) {
                            found[0] = a.getValue(i);
                        }
                    }
                }
            });
        }
        return found[0];
    }

    /** A limit hit inside a SAX callback, which may not throw checked exceptions. */
    private static final class Overflow extends RuntimeException {
        final TooComplex tooComplex;

        Overflow(TooComplex t) {
            super(t.getMessage(), null, false, false);
            this.tooComplex = t;
        }
    }

    /** The shared strings table: each {@code si}'s text (its runs joined, phonetic runs left out). */
    private static final class SharedStrings extends DefaultHandler {
        private final List<String> out;
        private final StringBuilder text = new StringBuilder();
        private boolean inT;
        private int inPhonetic;
        private long chars;

        SharedStrings(List<String> out) {
            this.out = out;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            switch (local) {
                case "si" -> text.setLength(0);
                case "t" -> inT = inPhonetic == 0;
                case "rPh" -> inPhonetic++;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String q) {
            switch (local) {
                case "si" -> {
                    String v = text.length() > Tables.MAX_CELL_CHARS ? text.substring(0, Tables.MAX_CELL_CHARS) : text.toString();
                    chars += v.length();
                    if (chars > Tables.MAX_CHARS) {
                        throw new Overflow(new TooComplex("more than " + Tables.MAX_CHARS + " characters of shared strings"));
                    }
                    out.add(v);
                }
                case "t" -> inT = false;
                case "rPh" -> inPhonetic--;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inT && text.length() <= Tables.MAX_CELL_CHARS) text.append(ch, start, length);
        }
    }

    /** A worksheet's {@code sheetData}: rows of cells as their text. */
    private static final class SheetHandler extends DefaultHandler {
        final Tables.Rows rows = new Tables.Rows();
        private final List<String> strings;
        private final StylesTable styles;
        private final DataFormatter formatter = Tables.formatter();
        private final Map<Integer, Object[]> formats = new HashMap<>();
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder value = new StringBuilder();
        private boolean inRow;
        private boolean inValue;
        private int inPhonetic;
        private int column;
        private int nextColumn;
        private String type;
        private String style;

        SheetHandler(List<String> strings, StylesTable styles) {
            this.strings = strings;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            switch (local) {
                case "row" -> {
                    inRow = true;
                    cells.clear();
                    nextColumn = 0;
                }
                case "c" -> {
                    String ref = a.getValue("r");
                    column = ref == null ? nextColumn : column(ref);
                    nextColumn = column + 1;
                    type = a.getValue("t");
                    style = a.getValue("s");
                    value.setLength(0);
                }
                case "v" -> inValue = true;
                case "t" -> inValue = inPhonetic == 0 && "inlineStr".equals(type);
                case "rPh" -> inPhonetic++;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String local, String q) {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic--;
                case "c" -> {
                    if (!inRow || column >= Tables.MAX_COLUMNS) return;
                    while (cells.size() < column) cells.add("");
                    if (cells.size() == column) cells.add(text());
                }
                case "row" -> {
                    inRow = false;
                    try {
                        rows.add(cells);
                    } catch (TooComplex t) {
                        throw new Overflow(t);
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue && value.length() <= Tables.MAX_CELL_CHARS) value.append(ch, start, length);
        }

        /** The cell's text, as Excel shows it (formula cells: their cached result). */
        private String text() {
            String v = value.toString();
            if (type == null || type.equals("n")) return number(v);
            return switch (type) {
                case "s" -> {
                    try {
                        int i = Integer.parseInt(v.strip());
                        yield i >= 0 && i < strings.size() ? strings.get(i) : "";
                    } catch (NumberFormatException e) {
                        yield "";
                    }
                }
                case "b" -> v.isEmpty() ? "" : v.charAt(0) == '0' ? "FALSE" : "TRUE";
                default -> v;   // inlineStr, str (a formula's text result), e (an error such as #DIV/0!), d
            };
        }

        private String number(String v) {
            if (v.isEmpty()) return "";
            Object[] f = format();
            if (f == null) return v;
            try {
                return formatter.formatRawCellContents(Double.parseDouble(v), (Integer) f[0], (String) f[1]);
            } catch (RuntimeException e) {
                return v;   // not a number, or a format POI rejects (some of Excel's Chinese date formats)
            }
        }

        /** The number format of the cell's style (style 0 when it names none), or null. */
        private Object[] format() {
            if (styles == null || styles.getNumCellStyles() == 0) return null;
            int idx;
            try {
                idx = style == null ? 0 : Integer.parseInt(style);
            } catch (NumberFormatException e) {
                return null;
            }
            return formats.computeIfAbsent(idx, k -> {
                if (k < 0 || k >= styles.getNumCellStyles()) return null;
                XSSFCellStyle cs = styles.getStyleAt(k);
                if (cs == null) return null;
                short fi = cs.getDataFormat();
                String fs = cs.getDataFormatString();
                if (fs == null) fs = BuiltinFormats.getBuiltinFormat(fi);
                return fs == null ? null : new Object[]{(int) fi, fs};
            });
        }

        /** "A" → 0, "AB12" → 27. */
        static int column(String ref) {
            int c = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = Character.toUpperCase(ref.charAt(i));
                if (ch < 'A' || ch > 'Z') break;
                c = c * 26 + (ch - 'A' + 1);
                if (c > 1 << 20) break;
            }
            return c - 1;
        }
    }
}
