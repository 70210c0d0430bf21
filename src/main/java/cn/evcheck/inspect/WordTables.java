package cn.evcheck.inspect;

import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The tables of a Word document with their structure — rows, cells, a cell merged across columns
 * once, and the continuation of a vertically merged cell as {@code null} — and the paragraphs
 * between them (a table's heading). For {@code rules import}; the checks read documents as text
 * ({@link DocxReader}, {@link Word97Reader}). .docx through a hardened SAX parse of
 * {@code word/document.xml} under the zip caps; .doc and Kingsoft .wps through POI HWPF.
 */
public final class WordTables {
    private WordTables() {}

    /** One table: its rows, and the document's text just before it. */
    public record Table(List<String[]> rows, String before) {}

    /** A document's tables and its whole text (paragraphs, tables' cells included). */
    public record Doc(List<Table> tables, String text) {}

    /** An encrypted document (a password). */
    public static final class Encrypted extends IOException {
        Encrypted() {
            super("encrypted");
        }
    }

    public static final long MAX_BYTES = 64L * 1024 * 1024;

    public static Doc read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) throw new TooComplex("larger than " + MAX_BYTES + " bytes");
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') return docx(bytes);
        if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) return word97(bytes);
        throw new IOException("not a Word document");
    }

    static Doc docx(byte[] bytes) throws IOException {
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipCaps caps = new ZipCaps(bytes.length);
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.getName().equals("EncryptedPackage")) throw new Encrypted();
                if (!e.getName().equals("word/document.xml")) {
                    caps.skip(zin);
                    continue;
                }
                Handler h = new Handler();
                try {
                    SafeXml.parse(caps.entry(zin), h);
                } catch (SAXException x) {
                    throw new IOException("word/document.xml: " + x.getMessage(), x);
                }
                return new Doc(h.tables, h.all.toString());
            }
        }
        throw new IOException("no word/document.xml");
    }

    /** document.xml: tables (outermost only; a nested table's text joins its cell) and paragraphs. */
    static final class Handler extends DefaultHandler {
        final List<Table> tables = new ArrayList<>();
        final StringBuilder all = new StringBuilder();
        private final StringBuilder before = new StringBuilder();
        private int depth;
        private List<String[]> rows;
        private List<String> row;
        private StringBuilder cell;
        private int span;
        private boolean continued;
        private boolean inText;
        private final StringBuilder para = new StringBuilder();

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            String n = local.isEmpty() ? q.substring(q.indexOf(':') + 1) : local;
            switch (n) {
                case "tbl" -> {
                    depth++;
                    if (depth == 1) rows = new ArrayList<>();
                }
                case "tr" -> {
                    if (depth == 1) row = new ArrayList<>();
                }
                case "tc" -> {
                    if (depth == 1) {
                        cell = new StringBuilder();
                        span = 1;
                        continued = false;
                    }
                }
                case "gridSpan" -> {
                    if (depth == 1 && cell != null) span = parse(val(a), 1);
                }
                case "vMerge" -> {
                    if (depth == 1 && cell != null) {
                        String v = val(a);
                        continued = v == null || v.equals("continue");
                    }
                }
                case "t" -> inText = true;
                case "tab" -> para.append('\t');
                case "br", "cr" -> para.append('\n');
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) para.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String local, String q) {
            String n = local.isEmpty() ? q.substring(q.indexOf(':') + 1) : local;
            switch (n) {
                case "t" -> inText = false;
                case "p" -> {
                    String p = para.toString();
                    para.setLength(0);
                    all.append(p).append('\n');
                    if (cell != null) {
                        if (cell.length() > 0) cell.append('\n');
                        cell.append(p);
                    } else if (depth == 0 && !p.isBlank()) {
                        before.append(p.strip()).append('\n');
                        if (before.length() > 4000) before.delete(0, before.length() - 4000);
                    }
                }
                case "tc" -> {
                    if (depth == 1 && cell != null && row != null) {
                        row.add(continued ? null : cell.toString().strip());
                        for (int i = 1; i < span; i++) row.add(continued ? null : "");
                        cell = null;
                    }
                }
                case "tr" -> {
                    if (depth == 1 && row != null) {
                        rows.add(row.toArray(new String[0]));
                        row = null;
                    }
                }
                case "tbl" -> {
                    if (depth == 1) {
                        tables.add(new Table(rows, before.toString()));
                        before.setLength(0);
                        rows = null;
                    }
                    depth--;
                }
                default -> { }
            }
        }

        private static String val(Attributes a) {
            for (int i = 0; i < a.getLength(); i++) {
                String qn = a.getQName(i);
                if (qn.equals("w:val") || qn.equals("val") || a.getLocalName(i).equals("val")) return a.getValue(i);
            }
            return null;
        }

        private static int parse(String s, int dflt) {
            try {
                return s == null ? dflt : Math.max(1, Math.min(64, Integer.parseInt(s.strip())));
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
    }

    /** .doc / .wps: HWPF's tables, a vertically merged cell's continuation as null. */
    static Doc word97(byte[] bytes) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) throw new Encrypted();
            if (!root.hasEntry("WordDocument")) throw new IOException("no WordDocument stream");
            try (HWPFDocument doc = new HWPFDocument(root)) {
                Range range = doc.getRange();
                List<Table> tables = new ArrayList<>();
                StringBuilder all = new StringBuilder();
                StringBuilder before = new StringBuilder();
                int i = 0;
                while (i < range.numParagraphs()) {
                    Paragraph p = range.getParagraph(i);
                    if (p.isInTable()) {
                        Table t;
                        org.apache.poi.hwpf.usermodel.Table table = range.getTable(p);
                        List<String[]> rows = new ArrayList<>();
                        for (int r = 0; r < table.numRows(); r++) {
                            TableRow tr = table.getRow(r);
                            String[] cells = new String[tr.numCells()];
                            for (int c = 0; c < tr.numCells(); c++) {
                                TableCell tc = tr.getCell(c);
                                String text = Word97Reader.cleanWord97(tc.text()).strip();
                                all.append(text).append('\n');
                                cells[c] = tc.isVerticallyMerged() && !tc.isFirstVerticallyMerged() ? null : text;
                            }
                            rows.add(cells);
                        }
                        t = new Table(rows, before.toString());
                        tables.add(t);
                        before.setLength(0);
                        i += Math.max(1, table.numParagraphs());
                        continue;
                    }
                    String text = Word97Reader.cleanWord97(p.text()).strip();
                    all.append(text).append('\n');
                    if (!text.isBlank()) before.append(text).append('\n');
                    i++;
                }
                return new Doc(tables, all.toString());
            } catch (org.apache.poi.EncryptedDocumentException e) {
                throw new Encrypted();
            } catch (RuntimeException e) {
                throw new IOException("unreadable Word 97 document: " + e.getMessage(), e);
            }
        }
    }

    /** A spreadsheet (.xlsx, .xls, .et, .csv) as one table: {@link Tables}, the one reader of sheets. */
    public static Doc sheet(Path file) throws IOException {
        byte[] head = new byte[64];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        cn.evcheck.scan.FileType type = cn.evcheck.scan.FileType.sniff(head, n);
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        List<String[]> rows;
        try {
            rows = Tables.read(file, type, ext);
        } catch (Tables.Encrypted e) {
            throw new Encrypted();
        }
        StringBuilder all = new StringBuilder();
        for (String[] r : rows) all.append(String.join("\t", r)).append('\n');
        return new Doc(List.of(new Table(rows, "")), all.toString());
    }
}
