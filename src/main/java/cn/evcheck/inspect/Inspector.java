package cn.evcheck.inspect;

import cn.evcheck.rules.Model.Kind;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.Formats;

import java.io.IOException;
import java.util.List;

/**
 * Reads one file once and turns it into {@link Facts}, through the {@link FormatReader} for its
 * format: JPEG structure and metadata (and, for photos that count, a perceptual hash from a
 * subsampled decode), Word-family text and counts, the pages of a photo PDF or a document scan,
 * the rows of a data or caption sheet. Reads only what the checks need: files above
 * {@link #MAX_FILE_BYTES} are not loaded whole. Reports a bad file in its facts; what a library
 * throws anyway is caught by {@link Inspection}. Thread-safe.
 */
public final class Inspector {
    private Inspector() {}

    /**
     * What the checks will ask of a file, decided before it is read.
     *
     * @param captions the file is a caption sidecar (图片说明.csv/.xlsx)
     */
    /** What to read of a file; {@code marks}: look for marks drawn on a document scan (a 相关正式发文). */
    public record Needs(boolean photoHash, boolean pdfPages, boolean docScan, boolean sheet, boolean captions, boolean marks) {
        public static final Needs NONE = new Needs(false, false, false, false, false, false);
        public static final Needs CAPTIONS = new Needs(false, false, false, false, true, false);

        public Needs(boolean photoHash, boolean pdfPages, boolean docScan, boolean sheet) {
            this(photoHash, pdfPages, docScan, sheet, false, false);
        }

        public Needs withMarks(boolean marks) {
            return new Needs(photoHash, pdfPages, docScan, sheet, captions, marks);
        }
    }

    /** Largest file read into memory whole. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** In order: the first reader that reads a file reads it. */
    private static final List<FormatReader> READERS = List.of(new SheetReader(), new JpegReader(), new PdfReader(),
            new UofReader(), new DocxReader(), new Word97Reader());

    public static Facts inspect(FileEntry f) throws IOException {
        return inspect(f, Needs.NONE);
    }

    /** The file's facts; an IOException or a library's failure is for the caller to record. */
    public static Facts inspect(FileEntry f, Needs needs) throws IOException {
        FormatReader r = readerFor(f, needs);
        return r == null ? Facts.none(f) : r.read(f, needs);
    }

    /** The reader of a file, or null when nothing in it is needed. */
    static FormatReader readerFor(FileEntry f, Needs needs) {
        for (FormatReader r : READERS) {
            if (r.reads(f, needs)) return r;
        }
        return null;
    }

    /** Estimated peak heap of inspecting the file, in MiB (at least 1). */
    public static long heapMb(FileEntry f, Needs needs) {
        FormatReader r = readerFor(f, needs);
        return Math.max(1, r == null ? 1 : r.heapMb(f, needs));
    }

    /** Read as a Word-family document: by extension, or because it sits in a 说明报告 folder. */
    static boolean wordLike(FileEntry f) {
        return Formats.isWordFamily(f.ext()) || f.roleFolder() == Kind.REPORT;
    }
}
