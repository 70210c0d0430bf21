package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

/**
 * Everything inspection learnt about one file; each file is read once to produce it.
 *
 * @param readError null, or why the bytes could not be read
 * @param photo     facts of a JPEG, else null
 * @param text      facts of a Word-family document, else null
 * @param pdf       pages of a PDF that is photo evidence, else null
 * @param doc       what a document scan shows (red header, seal, OCR), else null
 * @param sheet     indicator values of a data sheet, else null
 */
public record Facts(FileEntry file, String readError, PhotoFacts photo, TextFacts text, PdfFacts pdf, DocFacts doc,
                    SheetFacts sheet) {}
