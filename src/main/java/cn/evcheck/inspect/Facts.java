package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

/**
 * Everything inspection learnt about one file; each file is read once to produce it.
 *
 * @param readError null, or why the bytes could not be read (a library failed on the file)
 * @param photo     facts of a JPEG, else null
 * @param text      facts of a Word-family document, else null
 * @param pdf       pages of a PDF that is photo evidence, else null
 * @param doc       what a document scan shows (red header, seal, OCR), else null
 * @param sheet     indicator values of a data sheet, else null
 */
public record Facts(FileEntry file, String readError, PhotoFacts photo, TextFacts text, PdfFacts pdf, DocFacts doc,
                    SheetFacts sheet) {
    /** Nothing to read for the checks. */
    public static Facts none(FileEntry f) {
        return new Facts(f, null, null, null, null, null, null);
    }

    public static Facts readError(FileEntry f, String why) {
        return new Facts(f, why, null, null, null, null, null);
    }

    static Facts photo(FileEntry f, PhotoFacts photo, DocFacts doc) {
        return new Facts(f, null, photo, null, null, doc, null);
    }

    static Facts text(FileEntry f, TextFacts text) {
        return new Facts(f, null, null, text, null, null, null);
    }

    static Facts pdf(FileEntry f, PdfFacts pdf) {
        return new Facts(f, null, null, null, pdf, null, null);
    }

    static Facts doc(FileEntry f, DocFacts doc) {
        return new Facts(f, null, null, null, null, doc, null);
    }

    static Facts sheet(FileEntry f, SheetFacts sheet) {
        return new Facts(f, null, null, null, null, null, sheet);
    }
}
