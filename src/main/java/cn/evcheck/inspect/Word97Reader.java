package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Word 97 .doc and Kingsoft WPS .wps: OLE2 with a {@code WordDocument} stream, read through POI
 * HWPF (main story only, field codes dropped). Tells encrypted files and Microsoft Works files
 * (same .wps extension, another format) apart, and gives WPS-made files with a truncated last
 * sector a second, padded read.
 */
public final class Word97Reader implements FormatReader {
    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        return f.type() == FileType.OLE2 && Inspector.wordLike(f);
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) throws IOException {
        if (f.size() > Inspector.MAX_FILE_BYTES) {
            return Facts.text(f, TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "larger than " + Inspector.MAX_FILE_BYTES + " bytes"));
        }
        return Facts.text(f, read(Files.readAllBytes(f.path()), f.ext()));
    }

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        // The bytes, POIFS's copy of the streams, HWPF's text and formatting tables.
        return 4 + 10 * f.size() / (1024 * 1024);
    }

    /**
     * .doc and Kingsoft .wps (OLE2 with a WordDocument stream); tells encrypted and Works files
     * apart. Some WPS-made .doc files have a truncated last sector ("Block NN not found"): they
     * are retried once padded to whole sectors.
     */
    public static TextFacts read(byte[] bytes, String ext) {
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
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, Errors.oneLine(e));
        }
    }

    /** Word 97: a large red character run in the first paragraphs (ico 6 red, 13 dark red, or a red 24-bit colour). */
    static boolean redTitle97(org.apache.poi.hwpf.usermodel.Range range) {
        int paras = Math.min(RedText.HEADER_PARAGRAPHS, range.numParagraphs());
        for (int i = 0; i < paras; i++) {
            org.apache.poi.hwpf.usermodel.Paragraph p = range.getParagraph(i);
            for (int j = 0; j < p.numCharacterRuns(); j++) {
                org.apache.poi.hwpf.usermodel.CharacterRun cr = p.getCharacterRun(j);
                int ico24 = cr.getIco24();
                boolean red = cr.getColor() == 6 || cr.getColor() == 13
                        || (ico24 != -1 && RedText.isRed(ico24 & 0xFF, (ico24 >> 8) & 0xFF, (ico24 >> 16) & 0xFF));
                if (red && cr.getFontSize() >= RedText.TITLE_HALF_POINTS && !cr.text().isBlank()) return true;
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
}
