package cn.evcheck.scan;

import java.util.Locale;

/**
 * A file's real type, told from its first bytes ({@code reference/formats.md}). A ZIP is refined
 * by the names in its central directory ({@link ZipDirectory}): a Word, Excel or PowerPoint
 * 2007+ file, or an OFD (GB/T 33190) fixed-layout file; a ZIP that is none of these, or whose
 * directory cannot be read, stays {@link #ZIP}. OLE2 containers are refined by the inspector,
 * which looks inside. XML whose head names a UOF namespace ({@code schemas.uof.org/cn/…}) is
 * {@link #UOF}, not generic XML.
 */
public enum FileType {
    JPEG("JPEG"), PNG("PNG"), GIF("GIF"), BMP("BMP"), WEBP("WebP"), HEIC("HEIC"), TIFF("TIFF"),
    PDF("PDF"), ZIP("ZIP"),
    DOCX("Word 2007+ 文档（.docx）", "a Word 2007+ document (.docx)", "docx"),
    XLSX("Excel 2007+ 表格（.xlsx）", "an Excel 2007+ workbook (.xlsx)", "xlsx"),
    PPTX("PowerPoint 2007+ 演示文档（.pptx）", "a PowerPoint 2007+ presentation (.pptx)", "pptx"),
    OFD("OFD 版式文件", "an OFD fixed-layout file", "ofd"),
    /** UOF 1.0: one XML file whose root is in a UOF namespace (as LibreOffice and 永中 write .uof/.uot). */
    UOF("UOF 文档", "a UOF document", null),
    OLE2("OLE2"), XML("XML"), RTF("RTF"), HTML("HTML"), TEXT("文本", "a text file", null), EMPTY("空文件", "an empty file", null),
    UNKNOWN("未知");

    /** What the type is called in Chinese messages. */
    public final String label;
    /** What it is called in English messages. */
    public final String en;
    /** The extension a file of this type has, or null where the type alone does not say it. */
    public final String ext;

    FileType(String label) {
        this.label = label;
        this.en = name();
        this.ext = null;
    }

    FileType(String label, String en, String ext) {
        this.label = label;
        this.en = en;
        this.ext = ext;
    }

    public boolean isImage() {
        return this == JPEG || this == PNG || this == GIF || this == BMP || this == WEBP || this == HEIC || this == TIFF;
    }

    /** A ZIP archive, whatever its directory showed it to be. */
    public boolean isZip() {
        return this == ZIP || this == DOCX || this == XLSX || this == PPTX || this == OFD;
    }

    /**
     * Whether content of this type is what an extension promising {@code expected} should hold.
     * A ZIP whose directory told nothing (damaged, or no known layout) neither confirms nor
     * contradicts a ZIP-based extension, and a .zip may hold any ZIP; beyond that the types must match.
     */
    public boolean satisfies(FileType expected) {
        if (this == expected) return true;
        // .uof/.uot: UOF 1.0 XML or UOF 2.0 zip (some writers put a .docx inside); an XML whose
        // namespace lies past the sniffed head is left to the reader.
        if (expected == UOF) return this == ZIP || this == XML || this == DOCX;
        if (this == ZIP) return expected.isZip();
        return expected == ZIP && isZip();
    }

    /** Sniffs a type from up to the first 1 KiB of a file. */
    public static FileType sniff(byte[] head, int n) {
        if (n == 0) return EMPTY;
        if (n >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) return JPEG;
        if (n >= 8 && u(head, 0) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') return PNG;
        if (n >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8') return GIF;
        if (n >= 2 && head[0] == 'B' && head[1] == 'M' && n >= 14) return BMP;
        if (n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') return WEBP;
        if (n >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")
                    || brand.equals("avif")) return HEIC;
        }
        if (n >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) return TIFF;
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return ZIP;
        if (n >= 8 && u(head, 0) == 0xD0 && u(head, 1) == 0xCF && u(head, 2) == 0x11 && u(head, 3) == 0xE0
                && u(head, 4) == 0xA1 && u(head, 5) == 0xB1 && u(head, 6) == 0x1A && u(head, 7) == 0xE1) return OLE2;
        String start = new String(head, 0, Math.min(n, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (start.contains("%PDF-")) return PDF;
        String trimmed = start.replaceFirst("^(\u00EF\u00BB\u00BF|\u00FF\u00FE|\u00FE\u00FF)?\\s*", "");
        if (trimmed.startsWith("{\\rtf")) return RTF;
        if (trimmed.startsWith("<?xml") || trimmed.startsWith("<uof:") || trimmed.startsWith("<")) {
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<html")) return HTML;
            if (start.contains("schemas.uof.org/cn/")) return UOF;
            return XML;
        }
        if (looksLikeText(head, n)) return TEXT;
        return UNKNOWN;
    }

    private static boolean looksLikeText(byte[] b, int n) {
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = u(b, i);
            if (c == 0) return false;
            if (c < 0x09 || (c > 0x0D && c < 0x20)) control++;
        }
        return control * 20 < n;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
