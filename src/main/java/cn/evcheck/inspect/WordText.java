package cn.evcheck.inspect;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Extracts the body text of Word-family reports from bytes already in memory: .docx by SAX over
 * {@code word/document.xml} (deleted text, field codes and text boxes excluded), .doc and
 * Kingsoft .wps through POI HWPF (main story only, field codes dropped), UOF 1.0 .uof and UOF
 * 2.0 .uot from their XML. Guards its own unzip: entry size and inflate-ratio caps, no DTDs.
 * Thread-safe.
 */
public final class WordText {
    private WordText() {}

    /** Largest inflated XML part we read; a real report is a few hundred KB. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** Inflated bytes per compressed byte above which a zip is a bomb, not a document. */
    static final long MAX_RATIO = 200;

    static final class TooComplex extends IOException {
        TooComplex(String m) {
            super(m);
        }
    }

    public static TextFacts fromZip(byte[] bytes) {
        try {
            byte[] doc = null;
            byte[] content = null;
            StringBuilder notes = new StringBuilder();
            String app = "";
            boolean uofMeta = false;
            int comments = 0;
            boolean sealImage = false;
            int images = 0;
            try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                long total = 0;
                ZipEntry e;
                while ((e = zin.getNextEntry()) != null) {
                    String name = e.getName();
                    byte[] part = null;
                    switch (name) {
                        case "word/document.xml" -> doc = part = readCapped(zin, bytes.length);
                        case "content.xml" -> content = part = readCapped(zin, bytes.length);
                        case "word/footnotes.xml", "word/endnotes.xml" -> {
                            part = readCapped(zin, bytes.length);
                            PlainTextHandler h = new PlainTextHandler();
                            sax(part, h);
                            notes.append(h.body).append('\n');
                        }
                        case "word/comments.xml" -> {
                            part = readCapped(zin, bytes.length);
                            CountingHandler h = new CountingHandler("comment");
                            sax(part, h);
                            comments = h.count;
                        }
                        case "docProps/app.xml" -> app = appName(part = readCapped(zin, bytes.length));
                        case "EncryptedPackage" -> {
                            return TextFacts.failed(TextFacts.Status.ENCRYPTED, "docx", "encrypted");
                        }
                        default -> {
                            if (name.startsWith("_meta/")) uofMeta = true;
                            if (name.startsWith("word/media/") && !sealImage && images++ < MAX_IMAGES_LOOKED_AT) {
                                part = readCapped(zin, bytes.length);
                                sealImage = SealImage.looksLikeSeal(part);
                            }
                        }
                    }
                    if (part != null) total += part.length;
                    if (total > MAX_PART_BYTES) throw new TooComplex("inflated content over " + MAX_PART_BYTES);
                }
            }
            if (doc != null) {
                DocxHandler h = new DocxHandler();
                sax(doc, h);
                return TextFacts.of("docx", h.body, WordCounter.count(notes), WordCounter.count(h.boxes), app,
                        h.redTitle, h.redRule, h.revisions, comments, sealImage);
            }
            if (content != null && (uofMeta || new String(content, 0, Math.min(content.length, 4096),
                    java.nio.charset.StandardCharsets.UTF_8).contains("uof"))) {
                UofHandler h = new UofHandler();
                sax(content, h);
                return TextFacts.ok("uot", h.body.toString());
            }
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "zip", "no word/document.xml");
        } catch (TooComplex e) {
            return TextFacts.failed(TextFacts.Status.TOO_COMPLEX, "docx", e.getMessage());
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "docx", oneLine(e));
        }
    }

    /** Embedded pictures examined for an electronic seal; a report with many photos needs no more. */
    static final int MAX_IMAGES_LOOKED_AT = 8;

    public static TextFacts fromUofXml(byte[] bytes) {
        try {
            UofHandler h = new UofHandler();
            sax(bytes, h);
            return TextFacts.ok("uof", h.body.toString());
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "uof", oneLine(e));
        }
    }

    /**
     * .doc and Kingsoft .wps (OLE2 with a WordDocument stream); tells encrypted and Works files
     * apart. Some WPS-made .doc files have a truncated last sector ("Block NN not found"): they
     * are retried once padded to whole sectors.
     */
    public static TextFacts fromOle2(byte[] bytes, String ext) {
        TextFacts t = ole2(bytes, ext);
        if (t.status() == TextFacts.Status.UNPARSEABLE && t.detail().contains("Block") && bytes.length % 512 != 0) {
            byte[] padded = java.util.Arrays.copyOf(bytes, (bytes.length / 512 + 2) * 512);
            TextFacts retry = ole2(padded, ext);
            if (retry.status() == TextFacts.Status.OK) return retry;
        }
        return t;
    }

    private static TextFacts ole2(byte[] bytes, String ext) {
        String format = ext.equals("wps") ? "wps" : "doc";
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                return TextFacts.failed(TextFacts.Status.ENCRYPTED, format, "encrypted package");
            }
            if (!root.hasEntry("WordDocument")) {
                if (root.hasEntry("MatOST") || root.hasEntry("CONTENTS") || root.hasEntry("MN0") || root.hasEntry("MM")) {
                    return TextFacts.failed(TextFacts.Status.WORKS, format, "Microsoft Works document");
                }
                return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, "no WordDocument stream");
            }
            try (HWPFDocument doc = new HWPFDocument(root)) {
                org.apache.poi.hwpf.usermodel.Range range = doc.getRange();
                String body = cleanWord97(range.text());
                String notes = cleanWord97(doc.getFootnoteRange().text() + "\n" + doc.getEndnoteRange().text());
                String boxes = cleanWord97(doc.getMainTextboxRange().text());
                int revisions = 0;
                for (int i = 0; i < range.numCharacterRuns(); i++) {
                    org.apache.poi.hwpf.usermodel.CharacterRun cr = range.getCharacterRun(i);
                    if (cr.isMarkedDeleted() || cr.isMarkedInserted()) revisions++;
                }
                int comments = doc.getCommentsRange().text().isBlank() ? 0 : doc.getCommentsRange().numParagraphs();
                return TextFacts.of(format, body, WordCounter.count(notes), WordCounter.count(boxes), "", redTitle97(range),
                        false, revisions, comments, false);
            }
        } catch (EncryptedDocumentException e) {
            return TextFacts.failed(TextFacts.Status.ENCRYPTED, format, "encrypted");
        } catch (IOException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, oneLine(e));
        }
    }

    /** Paragraphs at the top of page 1 that may hold a red header. */
    static final int HEADER_PARAGRAPHS = 15;
    /** 18 pt, in half-points: the 发文机关标志 is set far larger than body text. */
    static final int TITLE_HALF_POINTS = 36;

    static boolean isRed(String hex) {
        if (hex == null) return false;
        if (hex.equalsIgnoreCase("red")) return true;
        if (!hex.matches("[0-9A-Fa-f]{6}")) return false;
        int rgb = Integer.parseInt(hex, 16);
        return isRed((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    static boolean isRed(int r, int g, int b) {
        return r >= 0xB0 && g <= 0x70 && b <= 0x70;
    }

    /** Word 97: a large red character run in the first paragraphs (ico 6 red, 13 dark red, or a red 24-bit colour). */
    static boolean redTitle97(org.apache.poi.hwpf.usermodel.Range range) {
        int paras = Math.min(HEADER_PARAGRAPHS, range.numParagraphs());
        for (int i = 0; i < paras; i++) {
            org.apache.poi.hwpf.usermodel.Paragraph p = range.getParagraph(i);
            for (int j = 0; j < p.numCharacterRuns(); j++) {
                org.apache.poi.hwpf.usermodel.CharacterRun cr = p.getCharacterRun(j);
                int ico24 = cr.getIco24();
                boolean red = cr.getColor() == 6 || cr.getColor() == 13
                        || (ico24 != -1 && isRed(ico24 & 0xFF, (ico24 >> 8) & 0xFF, (ico24 >> 16) & 0xFF));
                if (red && cr.getFontSize() >= TITLE_HALF_POINTS && !cr.text().isBlank()) return true;
            }
        }
        return false;
    }

    /** Drops Word 97 field codes (keeps field results) and control marks. */
    static String cleanWord97(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        // Field: 0x13 code [0x14 result] 0x15, nestable. Depth of "in code" sections.
        java.util.ArrayDeque<Boolean> stack = new java.util.ArrayDeque<>();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == 0x13) {
                stack.push(Boolean.TRUE);           // now in code
                continue;
            }
            if (c == 0x14) {
                if (!stack.isEmpty()) { stack.pop(); stack.push(Boolean.FALSE); }
                continue;
            }
            if (c == 0x15) {
                if (!stack.isEmpty()) stack.pop();
                continue;
            }
            if (stack.contains(Boolean.TRUE)) continue;
            switch (c) {
                case '\r', 0x07, 0x0B, 0x0C -> out.append('\n');
                case 0x01, 0x02, 0x08, 0x05 -> { }
                case '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20 || c == '\n') out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static byte[] readCapped(InputStream in, long compressedTotal) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long limit = Math.min(MAX_PART_BYTES, Math.max(4L * 1024 * 1024, compressedTotal * MAX_RATIO));
        int r;
        long n = 0;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > limit) throw new TooComplex("entry inflates beyond " + limit + " bytes");
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    private static String appName(byte[] xml) {
        String s = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        int a = s.indexOf("<Application>");
        int b = s.indexOf("</Application>");
        return a >= 0 && b > a ? s.substring(a + 13, b).strip() : "";
    }

    static void sax(byte[] xml, DefaultHandler h) throws ParserConfigurationException, SAXException, IOException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        SAXParser p = f.newSAXParser();
        p.parse(new InputSource(new ByteArrayInputStream(xml)), h);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return m.lines().findFirst().orElse(m);
    }

    /**
     * word/document.xml: w:t in the body; skips text boxes, moved-from text and mc:Fallback
     * copies. In the first paragraphs it also notes large red runs and red borders or lines.
     */
    static final class DocxHandler extends DefaultHandler {
        static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        final StringBuilder body = new StringBuilder();
        final StringBuilder boxes = new StringBuilder();
        boolean redTitle;
        boolean redRule;
        int revisions;
        private int skip;
        private int inBox;
        private int inFallback;
        private boolean inText;
        private int paragraphs;
        private boolean runRed;
        private int runSize;
        private boolean inBorder;
        private int inLine;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (paragraphs < HEADER_PARAGRAPHS) header(uri, local, a);
            if (W.equals(uri) && (local.equals("ins") || local.equals("del") || local.equals("moveFrom") || local.equals("moveTo"))) {
                revisions++;
            }
            if (local.equals("Fallback")) inFallback++;
            if (W.equals(uri) && local.equals("txbxContent") && inFallback == 0) inBox++;
            if (inBox > 0 && W.equals(uri) && local.equals("t")) inText = true;
            if (isSkipped(uri, local)) {
                skip++;
                return;
            }
            if (skip > 0) return;
            if (W.equals(uri)) {
                switch (local) {
                    case "t" -> inText = true;
                    case "tab" -> body.append(' ');
                    case "br", "cr" -> body.append('\n');
                    default -> { }
                }
            }
        }

        private void header(String uri, String local, Attributes a) {
            if (W.equals(uri)) {
                switch (local) {
                    case "r" -> {
                        runRed = false;
                        runSize = 0;
                    }
                    case "color" -> runRed = isRed(a.getValue(W, "val"));
                    case "sz" -> {
                        try {
                            runSize = Integer.parseInt(a.getValue(W, "val"));
                        } catch (NumberFormatException e) {
                            runSize = 0;
                        }
                    }
                    case "pBdr" -> inBorder = true;
                    case "top", "bottom" -> {
                        if (inBorder && isRed(a.getValue(W, "color"))) redRule = true;
                    }
                    default -> { }
                }
            } else if (local.equals("ln")) {
                inLine++;
            } else if (local.equals("srgbClr") && inLine > 0 && isRed(a.getValue("val"))) {
                redRule = true;
            } else if (local.equals("line") && isRed(hexOf(a.getValue("strokecolor")))) {
                redRule = true;
            }
        }

        private static String hexOf(String vml) {
            if (vml == null) return null;
            return vml.startsWith("#") ? vml.substring(1) : vml;
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (local.equals("Fallback")) inFallback--;
            if (W.equals(uri) && local.equals("txbxContent") && inFallback == 0 && inBox > 0) inBox--;
            if (inBox > 0 && W.equals(uri)) {
                if (local.equals("t")) inText = false;
                else if (local.equals("p")) boxes.append('\n');
            }
            if (!W.equals(uri) && local.equals("ln") && inLine > 0) inLine--;
            if (W.equals(uri) && local.equals("pBdr")) inBorder = false;
            if (isSkipped(uri, local)) {
                skip--;
                return;
            }
            if (skip > 0) return;
            if (W.equals(uri)) {
                if (local.equals("t")) inText = false;
                else if (local.equals("p")) {
                    paragraphs++;
                    body.append('\n');
                } else if (local.equals("tc")) body.append('\n');
            }
        }

        private static boolean isSkipped(String uri, String local) {
            return (W.equals(uri) && (local.equals("txbxContent") || local.equals("moveFrom") || local.equals("del")))
                    || local.equals("Fallback") || local.equals("textbox");
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && inBox > 0 && inFallback == 0) {
                boxes.append(ch, start, length);
                return;
            }
            if (inText && skip == 0) {
                body.append(ch, start, length);
                if (paragraphs < HEADER_PARAGRAPHS && runRed && runSize >= TITLE_HALF_POINTS
                        && !new String(ch, start, length).isBlank()) {
                    redTitle = true;
                }
            }
        }
    }

    /** Any WordprocessingML part: the text of its w:t elements, paragraph by paragraph. */
    static final class PlainTextHandler extends DefaultHandler {
        final StringBuilder body = new StringBuilder();
        private boolean inText;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (DocxHandler.W.equals(uri) && local.equals("t")) inText = true;
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (DocxHandler.W.equals(uri) && local.equals("t")) inText = false;
            if (DocxHandler.W.equals(uri) && local.equals("p")) body.append('\n');
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) body.append(ch, start, length);
        }
    }

    /** Counts WordprocessingML elements of one local name. */
    static final class CountingHandler extends DefaultHandler {
        private final String local;
        int count;

        CountingHandler(String local) {
            this.local = local;
        }

        @Override
        public void startElement(String uri, String l, String q, Attributes a) {
            if (DocxHandler.W.equals(uri) && l.equals(local)) count++;
        }
    }

    /** UOF 1.0/2.0: text in 字:文本串 (2.0: 字:文本串_415B), paragraphs in 字:段落. */
    static final class UofHandler extends DefaultHandler {
        final StringBuilder body = new StringBuilder();
        private int inText;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (local.startsWith("文本串")) inText++;
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (local.startsWith("文本串")) inText--;
            else if (local.startsWith("段落")) body.append('\n');
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText > 0) body.append(ch, start, length);
        }
    }
}
