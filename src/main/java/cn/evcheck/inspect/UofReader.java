package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * UOF, the Chinese office format 永中 and WPS save: UOF 1.0 {@code .uof} is one XML file, UOF 2.0
 * {@code .uot} a zip with {@code content.xml}; either way the text of 字:文本串 elements, paragraph
 * by paragraph, streamed through SAX (no DTDs) within {@link ZipCaps}. A {@code .uot} that holds a
 * {@code word/document.xml} is read as the .docx it is.
 */
final class UofReader implements FormatReader {
    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        boolean uofExt = f.ext().equals("uof") || f.ext().equals("uot");
        return Inspector.wordLike(f) && (f.type() == FileType.UOF || (f.type() == FileType.XML && uofExt)
                || (f.type() == FileType.ZIP && f.ext().equals("uot")));
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) throws IOException {
        if (f.size() > Inspector.MAX_FILE_BYTES) {
            return Facts.text(f, TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "larger than " + Inspector.MAX_FILE_BYTES + " bytes"));
        }
        if (f.type() == FileType.ZIP) return Facts.text(f, readZip(Source.of(f), f.size()));
        try (InputStream in = Source.of(f).open()) {
            // Named for its extension: UOF content under another name (a .xml in a report folder)
            // is not a .uof the upload would take.
            String format = f.ext().equals("uot") || f.ext().equals("uof") ? f.ext() : f.ext().isEmpty() ? "xml" : f.ext();
            return Facts.text(f, readXml(in, format));
        }
    }

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        return 4 + 8 * f.size() / (1024 * 1024);
    }

    /** UOF 1.0: one XML document. */
    static TextFacts readXml(InputStream in) {
        return readXml(in, "uof");
    }

    /**
     * UOF 1.0: one XML document (LibreOffice's "UOF text" filter writes it under .uot, 永中 under
     * .uof), reported as {@code format}. XML whose root is not in a UOF namespace is not a UOF
     * document and is refused as unparseable rather than read as an empty report.
     */
    static TextFacts readXml(InputStream in, String format) {
        try {
            UofHandler h = new UofHandler();
            SafeXml.parse(in, h);
            if (!h.uof) return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, "XML without a UOF root element");
            return h.facts(format);
        } catch (IOException | SAXException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, Errors.oneLine(e));
        }
    }

    /** UOF 2.0: {@code content.xml} of a zip of {@code size} bytes. */
    static TextFacts readZip(Source source, long size) {
        try (ZipInputStream zin = new ZipInputStream(source.open())) {
            ZipCaps caps = new ZipCaps(size);
            UofHandler content = null;
            boolean meta = false;
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                if (e.getName().equals("word/document.xml")) return DocxReader.read(source, size);
                if (e.getName().startsWith("_meta/")) meta = true;
                if (e.getName().equals("content.xml")) {
                    content = new UofHandler();
                    SafeXml.parse(caps.entry(zin), content);
                } else {
                    caps.skip(zin);
                }
            }
            if (content != null && (meta || content.uof)) return content.facts("uot");
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "zip", "no word/document.xml");
        } catch (TooComplex e) {
            return TextFacts.failed(TextFacts.Status.TOO_COMPLEX, "uot", e.getMessage());
        } catch (IOException | SAXException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "uot", Errors.oneLine(e));
        }
    }

    /**
     * UOF 1.0/2.0: text in 字:文本串 (2.0: 字:文本串_415B), paragraphs in 字:段落, told apart by the
     * story it sits in: 字:页眉/字:页脚 (headers and footers), 字:脚注/字:尾注, 字:批注 (comments), and the
     * text of 图形 objects (text boxes; UOF keeps them in the 对象集 apart from the body). Marks: runs (字:句,
     * 2.0 字:句_419D) whose own properties carry a highlight (字:突出显示, 2.0 字:突出显示颜色_4132, any
     * colour but auto or none), and comments (字:批注). A highlight from a style is not seen.
     */
    static final class UofHandler extends DefaultHandler {
        final StringBuilder body = new StringBuilder();
        final StringBuilder margins = new StringBuilder();
        final StringBuilder notes = new StringBuilder();
        final StringBuilder boxes = new StringBuilder();
        final StringBuilder commentText = new StringBuilder();
        /** Depth inside each story's elements. */
        private int inMargin;
        private int inNote;
        private int inBox;
        private int inComment;
        /** An element in a UOF namespace was seen (a zip's content.xml may be another format's). */
        boolean uof;
        private int inText;
        final Marks.Counter marks = new Marks.Counter();
        private int comments;
        private int inRun;
        private boolean runHighlight;
        private StringBuilder highlightValue;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (!uof && (uri.contains("uof") || q.contains("uof"))) uof = true;
            if (local.startsWith("文本串")) inText++;
            story(local, 1);
            if (isRun(local)) {
                inRun++;
                runHighlight = false;
            } else if (inRun > 0 && local.startsWith("突出显示")) {
                highlightValue = new StringBuilder();
                for (int i = 0; i < a.getLength(); i++) highlightValue.append(a.getValue(i)).append(' ');
            } else if (local.equals("批注") || local.startsWith("批注_")) {
                comments++;
            }
        }

        /** Enters (+1) or leaves (-1) the element {@code local} for the story it starts, if any. */
        private void story(String local, int step) {
            if (local.startsWith("页眉") || local.startsWith("页脚")) inMargin += step;
            else if (local.startsWith("脚注") || local.startsWith("尾注")) inNote += step;
            else if (local.equals("批注") || local.startsWith("批注_")) inComment += step;
            else if (local.startsWith("图形")) inBox += step;
        }

        /** Where the text being read goes: the body, or one of the other stories. */
        private StringBuilder target() {
            if (inComment > 0) return commentText;
            if (inNote > 0) return notes;
            if (inBox > 0) return boxes;
            if (inMargin > 0) return margins;
            return body;
        }

        @Override
        public void endElement(String uri, String local, String q) {
            story(local, -1);
            if (local.startsWith("文本串")) inText--;
            else if (local.startsWith("段落")) {
                StringBuilder t = target();
                t.append('\n');
                if (t == body) marks.paragraphEnd();
            } else if (isRun(local) && inRun > 0) {
                inRun--;
                runHighlight = false;
            } else if (highlightValue != null && local.startsWith("突出显示")) {
                String v = highlightValue.toString().strip().toLowerCase(java.util.Locale.ROOT);
                runHighlight = !(v.equals("auto") || v.equals("none") || v.equals("#ffffff") || v.equals("transparent"));
                highlightValue = null;
            }
        }

        private static boolean isRun(String local) {
            return local.equals("句") || local.startsWith("句_");
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (highlightValue != null) highlightValue.append(ch, start, length);
            if (inText > 0) {
                StringBuilder t = target();
                t.append(ch, start, length);
                if (t == body) marks.text(java.nio.CharBuffer.wrap(ch, start, length), runHighlight, false, false);
            }
        }

        TextFacts facts(String format) {
            marks.comments(comments);
            // TextFacts.comments stays 0 for UOF as before (report.revisions); the marks carry them.
            return TextFacts.of(format, body, WordCounter.count(notes), WordCounter.count(boxes), "", false, false, 0,
                    0, false, marks.marks())
                    .withStories(TextFacts.Story.of(TextFacts.MARGINS, margins), TextFacts.Story.of(TextFacts.BOXES, boxes),
                            TextFacts.Story.of(TextFacts.NOTES, notes), TextFacts.Story.of(TextFacts.COMMENTS, commentText));
        }
    }
}
