package cn.evcheck.scan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one table of file extensions evcheck knows: for each, the real type its content should
 * have ({@code reference/formats.md}; null when the extension promises nothing we can sniff)
 * and the family of material it belongs to. Everything that asks "is this a photo, a Word-family
 * report, a sheet?" by extension asks here. Pure and thread-safe.
 */
public final class Formats {
    private Formats() {}

    /** Families of input formats, as the checks and the readers group them. */
    public enum Family {
        /** JPEG, the only photo format the upload system accepts. */
        PHOTO,
        /** Other image formats: not accepted as photos. */
        IMAGE,
        PDF,
        /** OFD (GB/T 33190), the Chinese fixed-layout format: not accepted by the upload system. */
        OFD,
        /** Word, Kingsoft WPS and UOF documents and their templates. */
        WORD,
        /** Spreadsheets and CSV: data tables and caption sheets. */
        SHEET,
        SLIDES,
        ARCHIVE
    }

    /**
     * One row of the table.
     *
     * @param type         the type the content should have, or null when not checked
     * @param captionSheet a caption sidecar (图片说明) may be saved in this format
     */
    public record Format(String ext, FileType type, Family family, boolean captionSheet) {}

    private static final Map<String, Format> TABLE = new LinkedHashMap<>();

    static {
        row("jpg", FileType.JPEG, Family.PHOTO);
        row("jpeg", FileType.JPEG, Family.PHOTO);
        row("jpe", FileType.JPEG, Family.PHOTO);
        row("jfif", FileType.JPEG, Family.PHOTO);
        row("png", FileType.PNG, Family.IMAGE);
        row("gif", FileType.GIF, Family.IMAGE);
        row("bmp", FileType.BMP, Family.IMAGE);
        row("webp", FileType.WEBP, Family.IMAGE);
        row("heic", FileType.HEIC, Family.IMAGE);
        row("heif", FileType.HEIC, Family.IMAGE);
        row("tif", FileType.TIFF, Family.IMAGE);
        row("tiff", FileType.TIFF, Family.IMAGE);
        row("pdf", FileType.PDF, Family.PDF);
        row("ofd", FileType.OFD, Family.OFD);
        row("docx", FileType.DOCX, Family.WORD);
        row("doc", FileType.OLE2, Family.WORD);
        row("wps", FileType.OLE2, Family.WORD);
        // UOF 1.0 is one XML file (LibreOffice writes .uot so), UOF 2.0 a zip; either extension may hold either.
        row("uof", FileType.UOF, Family.WORD);
        row("uot", FileType.UOF, Family.WORD);
        // Templates are read like documents; their content type is not held against them, but the
        // upload refuses them by extension (see isTemplate).
        row("dot", null, Family.WORD);
        row("dotx", null, Family.WORD);
        row("dotm", null, Family.WORD);
        row("wpt", null, Family.WORD);
        TABLE.put("xlsx", new Format("xlsx", FileType.XLSX, Family.SHEET, true));
        row("xls", FileType.OLE2, Family.SHEET);
        row("et", FileType.OLE2, Family.SHEET);
        TABLE.put("csv", new Format("csv", null, Family.SHEET, true));
        row("pptx", FileType.PPTX, Family.SLIDES);
        row("ppt", FileType.OLE2, Family.SLIDES);
        row("zip", FileType.ZIP, Family.ARCHIVE);
    }

    private static void row(String ext, FileType type, Family family) {
        TABLE.put(ext, new Format(ext, type, family, false));
    }

    /** The row for an extension (any case, without the dot), or null for an extension not in the table. */
    public static Format of(String ext) {
        return ext == null ? null : TABLE.get(ext.toLowerCase(Locale.ROOT));
    }

    /** The type an extension promises, or null when the extension promises nothing we check. */
    public static FileType expectedType(String ext) {
        Format f = of(ext);
        return f == null ? null : f.type();
    }

    /** The family of an extension, or null. */
    public static Family family(String ext) {
        Format f = of(ext);
        return f == null ? null : f.family();
    }

    public static boolean isPhoto(String ext) {
        return family(ext) == Family.PHOTO;
    }

    /** .doc, .docx, .wps, .uof, .uot and the Word/WPS templates. */
    public static boolean isWordFamily(String ext) {
        return family(ext) == Family.WORD;
    }

    /** Word and WPS templates (.dot, .dotx, .dotm, .wpt): Word content, but not an uploadable document. */
    public static boolean isTemplate(String ext) {
        if (ext == null) return false;
        String e = ext.toLowerCase(Locale.ROOT);
        return e.equals("dot") || e.equals("dotx") || e.equals("dotm") || e.equals("wpt");
    }

    /** .xlsx, .xls, .et (WPS spreadsheet) and .csv. */
    public static boolean isSheet(String ext) {
        return family(ext) == Family.SHEET;
    }

    /** The formats a caption sidecar (图片说明.csv / .xlsx) may have. */
    public static boolean isCaptionSheet(String ext) {
        Format f = of(ext);
        return f != null && f.captionSheet();
    }
}
