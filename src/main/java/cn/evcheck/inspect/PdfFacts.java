package cn.evcheck.inspect;

import java.util.List;

/**
 * The pages of a PDF as evcheck needs them: per page, how many images it shows, the largest
 * image's size, its text, and (for photo PDFs) a perceptual hash of that image.
 *
 * @param problem null, or "encrypted", "unparseable", "too_complex"
 */
public record PdfFacts(String problem, String detail, int pageCount, List<Page> pages) {
    public record Page(int number, int images, int width, int height, String text, Long phash) {}

    public PdfFacts {
        pages = List.copyOf(pages);
    }

    public static PdfFacts failed(String problem, String detail) {
        return new PdfFacts(problem, detail, 0, List.of());
    }
}
