package cn.evcheck.model;

import java.util.List;

/**
 * The verdict on one formal document, evaluation or scanned data table (PRODUCT.md §4 documents):
 * its files in page order, the page showing its red header and the page showing its seal, its 文号
 * with where the number was read ({@code text}, {@code ocr}, {@code sidecar} or {@code filename})
 * and, for a number read from a text layer (the only source whose spelling can be trusted), whether
 * it is written the GB/T 9704 way (null otherwise). {@code proven}: it shows what its material asks
 * for; {@code problems}: the codes of the findings on its files. {@code kind} is the material kind key.
 * {@code marks}: where the material asks for marks ({@code marked: true}), {@code marked}, {@code none}
 * or {@code not_judgeable}; null otherwise.
 */
public record DocumentRecord(String file, List<String> files, String item, String kind, int pages, PageRef redHeader,
                             PageRef seal, String number, String numberSource, Boolean numberStandard, boolean greyscale,
                             boolean substitute, String proof, boolean numberRequired, boolean proven, List<String> problems,
                             String marks) {
    public DocumentRecord {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** A page of a document: the file, and the page in it (1 for an image or a Word file). */
    public record PageRef(String file, int page) {
        public String label(boolean en) {
            if (page <= 1) return file;
            return en ? file + " page " + page : file + " 第" + page + "页";
        }
    }
}
