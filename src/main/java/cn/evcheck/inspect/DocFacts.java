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
 */
public record DocFacts(String problem, String detail, int pages, String text, ScanDetector.Result first,
                       ScanDetector.Result last, String ocr, OcrState ocrState, int width, int height, long millis,
                       Marks marks) {
    public DocFacts {
        if (marks == null) throw new IllegalArgumentException("marks");
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
