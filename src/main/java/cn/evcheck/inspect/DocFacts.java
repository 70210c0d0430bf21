package cn.evcheck.inspect;

/**
 * What a document scan (正式发文, 部门评价, 数据表格 as JPG or PDF) shows on its first and last page.
 *
 * @param problem   null, or "encrypted", "unparseable", "too_complex"
 * @param text      the PDF's text layer (first pages), "" for images and scanned PDFs
 * @param first     red-header and seal evidence on page 1
 * @param last      the same for the last page (the 盖章页 of a multi-page PDF), or {@code first}
 * @param ocr       text Tesseract read in the top of page 1, "" when OCR did not run
 * @param ocrState  whether OCR was needed (no text layer) and, if so, whether it ran or Tesseract
 *                  (or its chi_sim model) was unavailable
 * @param width     pixel width of the page image analysed
 * @param millis    time spent decoding and analysing, for the benchmark
 * @param marks     marks on the document ({@link Marks}): a PDF's markup annotations on every page, and
 *                  coloured marks drawn on its first and last page images; NOT_JUDGEABLE for a scan on
 *                  which nothing coloured was seen, and when there is a problem
 * @param tops      the top of each page as read, page 1 first, for secrecy marks (GB/T 9704 puts the 密级
 *                  at the top; a classified attachment carries its own): a PDF's text layer gives each
 *                  page's first {@link #TOP_LINES} lines (up to {@link #TOP_TEXT_PAGES} pages); a scanned PDF
 *                  the OCR text of its pages' top bands after page 1 (up to {@link #TOP_OCR_PAGES} pages; page
 *                  1 is in {@code ocr}), "" where not read; empty for an image
 */
public record DocFacts(String problem, String detail, int pages, String text, ScanDetector.Result first,
                       ScanDetector.Result last, String ocr, OcrState ocrState, int width, int height, long millis,
                       Marks marks, java.util.List<String> tops) {
    /** Lines kept from the top of each page of a text layer. */
    public static final int TOP_LINES = 5;
    /** Pages of a text layer whose tops are read. */
    public static final int TOP_TEXT_PAGES = 200;
    /** Pages of a scanned PDF whose top bands are read by OCR (the cost is about a second a page). */
    public static final int TOP_OCR_PAGES = 10;

    public DocFacts {
        if (marks == null) throw new IllegalArgumentException("marks");
        tops = tops == null ? java.util.List.of() : java.util.List.copyOf(tops);
    }

    public DocFacts(String problem, String detail, int pages, String text, ScanDetector.Result first,
                    ScanDetector.Result last, String ocr, OcrState ocrState, int width, int height, long millis,
                    Marks marks) {
        this(problem, detail, pages, text, first, last, ocr, ocrState, width, height, millis, marks, java.util.List.of());
    }

    /** These facts with the tops of the pages read. */
    public DocFacts withTops(java.util.List<String> pageTops) {
        return new DocFacts(problem, detail, pages, text, first, last, ocr, ocrState, width, height, millis, marks, pageTops);
    }

    /** Without marks (not looked at: NOT_JUDGEABLE, {@link Marks#NOT_READ}). */
    public DocFacts(String problem, String detail, int pages, String text, ScanDetector.Result first,
                    ScanDetector.Result last, String ocr, OcrState ocrState, int width, int height, long millis) {
        this(problem, detail, pages, text, first, last, ocr, ocrState, width, height, millis, Marks.notJudgeable(Marks.NOT_READ));
    }

    /** OCR of a page: not needed (a text layer), ran, or needed but unavailable on this machine. */
    public enum OcrState { NOT_NEEDED, RAN, UNAVAILABLE, DISABLED }

    public static DocFacts failed(String problem, String detail) {
        return new DocFacts(problem, detail, 0, "", null, null, "", OcrState.NOT_NEEDED, 0, 0, 0,
                Marks.notJudgeable(Marks.UNREAD));
    }

    public boolean ocrRan() {
        return ocrState == OcrState.RAN;
    }

    public boolean redHeader() {
        return first != null && first.redHeader();
    }

    public boolean seal() {
        return (first != null && first.seal()) || (last != null && last.seal());
    }
}
