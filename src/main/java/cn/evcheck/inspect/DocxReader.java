package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * .docx (and any Word-family zip): one streamed pass over the archive, {@code word/document.xml}
 * parsed by SAX as it inflates (deleted text, field codes and text boxes excluded from the body),
 * footnotes, endnotes, comments, headers and footers, the word-count setting and the producing
 * application on the way, embedded pictures
 * looked at for an electronic seal, marks (highlight, shading, comments) counted in the same pass. Its own caps ({@link ZipCaps}) guard the unzip; no DTDs. A
 * zip that turns out to be UOF 2.0 is handed to {@link UofReader}.
 */
public final class DocxReader implements FormatReader {
    /** Embedded pictures examined for an electronic seal; a report with many photos needs no more. */
    static final int MAX_IMAGES_LOOKED_AT = 8;

    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        return Inspector.wordLike(f) && (f.type() == FileType.DOCX || (f.type() == FileType.ZIP && !f.ext().equals("uot")));
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) {
        if (f.size() > Inspector.MAX_FILE_BYTES) {
            return Facts.text(f, TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "larger than " + Inspector.MAX_FILE_BYTES + " bytes"));
        }
        return Facts.text(f, read(Source.of(f), f.size()));
    }

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        // The body text (UTF-16, a builder growing by doubling) of XML that inflates several times over.
        return 4 + 8 * f.size() / (1024 * 1024);
    }

    /** Reads a .docx held in memory (tests and benchmarks). */
    public static TextFacts read(byte[] docx) {
        return read(Source.of(docx), docx.length);
    }

    /** Reads a Word-family zip of {@code size} bytes. */
    static TextFacts read(Source source, long size) {
        try (ZipInputStream zin = new ZipInputStream(source.open())) {
            ZipCaps caps = new ZipCaps(size);
            DocxXml.BodyHandler body = null;
            StringBuilder notes = new StringBuilder();
            StringBuilder margins = new StringBuilder();
            String app = "";
            boolean uofMeta = false;
            String contentHead = null;
            int comments = 0;
            StringBuilder commentText = new StringBuilder();
            boolean subdocsExcluded = false;
            boolean sealImage = false;
            int images = 0;
            String failed = null;   // the first part that would not parse
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                String name = e.getName();
                switch (name) {
                    case "word/document.xml" -> {
                        body = new DocxXml.BodyHandler();
                        failed = parse(caps.entry(zin), body, failed);
                    }
                    case "content.xml" -> {
                        contentHead = new String(caps.entry(zin).readNBytes(4096), StandardCharsets.UTF_8);
                        caps.skip(zin);
                    }
                    case "word/footnotes.xml", "word/endnotes.xml" -> {
                        DocxXml.PlainTextHandler h = new DocxXml.PlainTextHandler();
                        failed = parse(caps.entry(zin), h, failed);
                        notes.append(h.body).append('\n');
                    }
                    case "word/comments.xml" -> {
                        DocxXml.PlainTextHandler h = new DocxXml.PlainTextHandler("comment");
                        failed = parse(caps.entry(zin), h, failed);
                        comments = h.count;
                        commentText = h.body;
                    }
                    case "word/settings.xml" -> {
                        DocxXml.SettingsHandler h = new DocxXml.SettingsHandler();
                        failed = parse(caps.entry(zin), h, failed);
                        subdocsExcluded = h.subdocsExcluded;
                    }
                    case "docProps/app.xml" -> app = appName(caps.read(zin));
                    case "EncryptedPackage" -> {
                        return TextFacts.failed(TextFacts.Status.ENCRYPTED, "docx", "encrypted");
                    }
                    default -> {
                        if (name.startsWith("_meta/")) uofMeta = true;
                        if (name.matches("word/(header|footer)\\d*\\.xml") && margins.length() < TextFacts.HEAD_CHARS) {
                            DocxXml.PlainTextHandler h = new DocxXml.PlainTextHandler();
                            failed = parse(caps.entry(zin), h, failed);
                            margins.append(h.body).append('\n');
                        } else if (name.startsWith("word/media/") && !sealImage && images++ < MAX_IMAGES_LOOKED_AT) {
                            sealImage = SealImage.looksLikeSeal(caps.read(zin));
                        } else {
                            caps.skip(zin);
                        }
                    }
                }
            }
            if (failed != null) return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "docx", failed);
            if (body != null) {
                body.marks.comments(comments);
                body.marks.sampleIfNone(body.commented);
                return TextFacts.of("docx", body.body, WordCounter.count(notes), WordCounter.count(body.boxes), app,
                        body.redTitle, body.redRule, body.revisions, comments, sealImage, body.marks.marks())
                        .withStories(TextFacts.Story.of(TextFacts.MARGINS, margins), TextFacts.Story.of(TextFacts.BOXES, body.boxes),
                                TextFacts.Story.of(TextFacts.NOTES, notes), TextFacts.Story.of(TextFacts.COMMENTS, commentText))
                        .withSubdocsExcluded(subdocsExcluded);
            }
            if (contentHead != null && (uofMeta || contentHead.contains("uof"))) {
                return UofReader.readZip(source, size);
            }
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "zip", "no word/document.xml");
        } catch (TooComplex e) {
            return TextFacts.failed(TextFacts.Status.TOO_COMPLEX, "docx", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, "docx", Errors.oneLine(e));
        }
    }

    /**
     * Parses one part as it inflates. When it does not parse, the rest of the part is still
     * inflated within the caps (a bomb is refused as one) and the first failure is remembered: the
     * document is unparseable unless a later part proves it a bomb.
     */
    static String parse(ZipCaps.Entry part, org.xml.sax.helpers.DefaultHandler h, String failed) throws IOException {
        try {
            SafeXml.parse(part, h);
            return failed;
        } catch (TooComplex t) {
            throw t;
        } catch (SAXException | IOException | RuntimeException e) {
            part.drain();
            return failed != null ? failed : Errors.oneLine(e);
        }
    }

    private static String appName(byte[] xml) {
        String s = new String(xml, StandardCharsets.UTF_8);
        int a = s.indexOf("<Application>");
        int b = s.indexOf("</Application>");
        return a >= 0 && b > a ? s.substring(a + 13, b).strip() : "";
    }
}
