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
            String app = "";
            boolean uofMeta = false;
            try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                long total = 0;
                ZipEntry e;
                while ((e = zin.getNextEntry()) != null) {
                    String name = e.getName();
                    if (name.equals("word/document.xml")) {
                        doc = readCapped(zin, bytes.length);
                        total += doc.length;
                    } else if (name.equals("content.xml")) {
                        content = readCapped(zin, bytes.length);
                        total += content.length;
                    } else if (name.equals("docProps/app.xml")) {
                        byte[] a = readCapped(zin, bytes.length);
                        app = appName(a);
                    } else if (name.startsWith("_meta/")) {
                        uofMeta = true;
                    } else if (name.equals("EncryptedPackage")) {
                        return TextFacts.failed(TextFacts.Status.ENCRYPTED, "docx", "encrypted");
                    }
                    if (total > MAX_PART_BYTES) throw new TooComplex("inflated text over " + MAX_PART_BYTES);
                }
            }
            if (doc != null) {
                DocxHandler h = new DocxHandler();
                sax(doc, h);
                return ok("docx", h.body.toString(), app);
            }
            if (content != null && (uofMeta || new String(content, 0, Math.min(content.length, 4096),
                    java.nio.charset.StandardCharsets.UTF_8).contains("uof"))) {
                UofHandler h = new UofHandler();
                sax(content, h);
                return ok("uot", h.body.toString(), "");
            }
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "zip", "no word/document.xml");
        } catch (TooComplex e) {
            return TextFacts.failed(TextFacts.Status.TOO_COMPLEX, "docx", e.getMessage());
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "docx", oneLine(e));
        }
    }

    public static TextFacts fromUofXml(byte[] bytes) {
        try {
            UofHandler h = new UofHandler();
            sax(bytes, h);
            return ok("uof", h.body.toString(), "");
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "uof", oneLine(e));
        }
    }

    /** .doc and Kingsoft .wps (OLE2 with a WordDocument stream); tells encrypted and Works files apart. */
    public static TextFacts fromOle2(byte[] bytes, String ext) {
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
                String raw = doc.getRange().text();
                return ok(format, cleanWord97(raw), "");
            }
        } catch (EncryptedDocumentException e) {
            return TextFacts.failed(TextFacts.Status.ENCRYPTED, format, "encrypted");
        } catch (IOException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, oneLine(e));
        }
    }

    private static TextFacts ok(String format, String body, String app) {
        return new TextFacts(TextFacts.Status.OK, format, body, WordCounter.count(body), "", app);
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

    /** word/document.xml: w:t in the body; skips text boxes, moved-from text and mc:Fallback copies. */
    static final class DocxHandler extends DefaultHandler {
        static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        final StringBuilder body = new StringBuilder();
        private int skip;
        private boolean inText;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
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

        @Override
        public void endElement(String uri, String local, String q) {
            if (isSkipped(uri, local)) {
                skip--;
                return;
            }
            if (skip > 0) return;
            if (W.equals(uri)) {
                if (local.equals("t")) inText = false;
                else if (local.equals("p") || local.equals("tc")) body.append('\n');
            }
        }

        private static boolean isSkipped(String uri, String local) {
            return (W.equals(uri) && (local.equals("txbxContent") || local.equals("moveFrom") || local.equals("del")))
                    || local.equals("Fallback") || local.equals("textbox");
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && skip == 0) body.append(ch, start, length);
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
