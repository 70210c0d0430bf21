package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

/**
 * Everything inspection learnt about one file; each file is read once to produce it. At most one
 * of {@code readError} and {@code refused} is set, and then no other facts.
 *
 * @param readError null, or why the bytes could not be read (a library failed on the file)
 * @param photo     facts of a JPEG, else null
 * @param text      facts of a Word-family document, else null
 * @param pdf       pages of a PDF that is photo evidence, else null
 * @param doc       what a document scan shows (red header, seal, OCR), else null
 * @param sheet     indicator values of a data sheet, else null
 * @param captions  the rows of a caption sidecar (图片说明.csv/.xlsx), else null
 * @param refused   null, or why inspection refused the file as over its limits (nesting too deep,
 *                  out of memory even when read alone, more rows than a sheet may have …):
 *                  {@code file.too_complex}
 */
public record Facts(FileEntry file, String readError, PhotoFacts photo, TextFacts text, PdfFacts pdf, DocFacts doc,
                    SheetFacts sheet, CaptionSheet captions, String refused) {
    /** Nothing to read for the checks. */
    public static Facts none(FileEntry f) {
        return new Facts(f, null, null, null, null, null, null, null, null);
    }

    public static Facts readError(FileEntry f, String why) {
        return new Facts(f, why, null, null, null, null, null, null, null);
    }

    /** The prefix of {@link #refused} for a read that ran over the time budget per file. */
    public static final String TIME_BUDGET = "time budget ";

    /** A file whose read was abandoned after {@code millis} (the time budget per file). */
    public static Facts timedOut(FileEntry f, long millis) {
        return refused(f, TIME_BUDGET + (millis + 999) / 1000 + " s");
    }

    /** Seconds of the time budget a refused read ran over, or -1 when it was refused for another reason. */
    public int timedOutAfter() {
        if (refused == null || !refused.startsWith(TIME_BUDGET)) return -1;
        return Integer.parseInt(refused.substring(TIME_BUDGET.length(), refused.length() - 2));
    }

    public static Facts refused(FileEntry f, String why) {
        return new Facts(f, null, null, null, null, null, null, null, why);
    }

    static Facts photo(FileEntry f, PhotoFacts photo, DocFacts doc) {
        return new Facts(f, null, photo, null, null, doc, null, null, null);
    }

    static Facts text(FileEntry f, TextFacts text) {
        return new Facts(f, null, null, text, null, null, null, null, null);
    }

    static Facts pdf(FileEntry f, PdfFacts pdf) {
        return new Facts(f, null, null, null, pdf, null, null, null, null);
    }

    static Facts doc(FileEntry f, DocFacts doc) {
        return new Facts(f, null, null, null, null, doc, null, null, null);
    }

    static Facts sheet(FileEntry f, SheetFacts sheet) {
        return new Facts(f, null, null, null, null, null, sheet, null, null);
    }

    static Facts captions(FileEntry f, CaptionSheet captions) {
        return new Facts(f, null, null, null, null, null, null, captions, null);
    }
}
