package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Word 97 .doc and Kingsoft WPS .wps: OLE2 with a {@code WordDocument} stream, read through POI
 * HWPF (main story only, field codes dropped), with its marks (highlighted and shaded runs, shaded
 * paragraphs, comments) counted from the same parsed document. Tells encrypted files and Microsoft Works files
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
        return Facts.text(f, read(f.readAll(Inspector.MAX_FILE_BYTES), f.ext()));
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
                String raw = range.text();
                String body = cleanWord97(raw);
                String notes = cleanWord97(doc.getFootnoteRange().text() + "\n" + doc.getEndnoteRange().text());
                String boxes = cleanWord97(doc.getMainTextboxRange().text());
                int revisions = 0;
                for (int i = 0; i < range.numCharacterRuns(); i++) {
                    org.apache.poi.hwpf.usermodel.CharacterRun cr = range.getCharacterRun(i);
                    if (cr.isMarkedDeleted() || cr.isMarkedInserted()) revisions++;
                }
                String commentText = cleanWord97(doc.getCommentsRange().text());
                boolean hasComments = !commentText.isBlank();
                int comments = hasComments ? doc.getCommentsRange().numParagraphs() : 0;
                Marks marks = marks(doc, range, raw, hasComments);
                String margins = margins97(doc);
                return TextFacts.of(format, body, WordCounter.count(notes), WordCounter.count(boxes), "", redTitle97(range),
                        false, revisions, comments, false, marks)
                        .withStories(TextFacts.Story.of(TextFacts.MARGINS, margins), TextFacts.Story.of(TextFacts.BOXES, boxes),
                                TextFacts.Story.of(TextFacts.NOTES, notes), TextFacts.Story.of(TextFacts.COMMENTS, commentText));
            }
        } catch (EncryptedDocumentException e) {
            return TextFacts.failed(TextFacts.Status.ENCRYPTED, format, "encrypted");
        } catch (IOException | RuntimeException e) {
            return TextFacts.failed(TextFacts.Status.UNPARSEABLE, format, Errors.oneLine(e));
        }
    }

    /** The header and footer story; "" where HWPF cannot read it (the body is still read). */
    private static String margins97(HWPFDocument doc) {
        try {
            return cleanWord97(doc.getHeaderStoryRange().text());
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * Highlighted and shaded passages of the main story's runs (deleted text aside), shaded paragraphs
     * outside tables, and comments — one annotation reference (0x05) each in the main text. Formatting
     * HWPF cannot read leaves the marks NOT_JUDGEABLE rather than the document unreadable.
     */
    static Marks marks(HWPFDocument doc, org.apache.poi.hwpf.usermodel.Range range, String raw, boolean hasComments) {
        try {
            Marks.Counter marks = new Marks.Counter();
            int[] shaded = shadedRuns(doc);
            int next = 0;
            for (int i = 0; i < range.numCharacterRuns(); i++) {
                org.apache.poi.hwpf.usermodel.CharacterRun cr = range.getCharacterRun(i);
                int start = cr.getStartOffset();
                while (next < shaded.length && shaded[next + 1] <= start) next += 2;
                boolean shading = next < shaded.length && shaded[next] < cr.getEndOffset();
                if (cr.isMarkedDeleted()) continue;
                String text = cr.text();
                marks.text(cleanWord97(text), cr.isHighlighted(), shading, false);
                if (text.indexOf('\r') >= 0 || text.indexOf(0x07) >= 0) marks.paragraphEnd();
            }
            shadedParagraphs(range, marks);
            marks.comments(hasComments ? Math.max(1, count(raw, (char) 0x05)) : 0);
            return marks.marks();
        } catch (RuntimeException e) {
            return Marks.notJudgeable(Marks.UNREAD);
        }
    }

    /**
     * Character runs of the main story whose direct formatting shades them, as [start, end) CP pairs
     * in order. HWPF reads the shading of a run only into its CHPX properties.
     */
    static int[] shadedRuns(HWPFDocument doc) {
        int end = doc.getFileInformationBlock().getSubdocumentTextStreamLength(org.apache.poi.hwpf.model.SubdocumentType.MAIN);
        java.util.List<org.apache.poi.hwpf.model.CHPX> runs = doc.getCharacterTable().getTextRuns();
        int[] out = new int[16];
        int n = 0;
        for (org.apache.poi.hwpf.model.CHPX c : runs) {
            if (c.getStart() >= end || c.getEnd() <= c.getStart()) continue;
            if (!isShading(c.getCharacterProperties(doc.getStyleSheet(), (short) 0).getShd())) continue;
            if (n + 2 > out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
            out[n++] = c.getStart();
            out[n++] = Math.min(end, c.getEnd());
        }
        int[] pairs = java.util.Arrays.copyOf(out, n);
        // CHPX runs come in file order; sort the pairs by start for a single forward walk.
        Integer[] idx = new Integer[n / 2];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Integer.compare(pairs[2 * a], pairs[2 * b]));
        int[] sorted = new int[n];
        for (int i = 0; i < idx.length; i++) {
            sorted[2 * i] = pairs[2 * idx[i]];
            sorted[2 * i + 1] = pairs[2 * idx[i] + 1];
        }
        return sorted;
    }

    /** Shaded paragraphs with text outside tables, each one passage. */
    private static void shadedParagraphs(org.apache.poi.hwpf.usermodel.Range range, Marks.Counter marks) {
        for (int i = 0; i < range.numParagraphs(); i++) {
            org.apache.poi.hwpf.usermodel.Paragraph p = range.getParagraph(i);
            if (!p.isInTable() && isShading(p.getShading()) && !cleanWord97(p.text()).isBlank()) {
                marks.add(Marks.Counter.SHADING, 0);
                marks.sampleIfNone(cleanWord97(p.text()).strip());
            }
        }
    }

    /**
     * A shading descriptor that shows: a pattern other than clear (ipat 1–62) or a clear pattern over a
     * background colour that is visibly not white. Descriptors with malformed colours (a COLORREF's high byte is
     * 0, or 0xFF for automatic) are not trusted: HWPF misreads some paragraph shading into them.
     */
    static boolean isShading(org.apache.poi.hwpf.usermodel.ShadingDescriptor shd) {
        if (shd == null) return false;
        int fore = shd.getCvFore().getValue();
        int back = shd.getCvBack().getValue();
        if (!wellFormed(fore) || !wellFormed(back)) return false;
        int ipat = shd.getIpat() & 0xFFFF;
        if (ipat == 0) return (back >>> 24) == 0 && Marks.isVisibleFill(bgr(back));
        return ipat <= 62 && !(isWhite(fore) && isWhite(back));
    }

    /** A COLORREF (0x00BBGGRR) as 0xRRGGBB. */
    private static int bgr(int colorref) {
        return (colorref & 0xFF) << 16 | (colorref & 0xFF00) | (colorref >> 16 & 0xFF);
    }

    private static boolean isWhite(int colorref) {
        return colorref == 0xFFFFFF;
    }

    private static boolean wellFormed(int colorref) {
        int high = colorref >>> 24;
        return high == 0 || high == 0xFF;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
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
