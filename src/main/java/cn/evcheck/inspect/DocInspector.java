package cn.evcheck.inspect;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at document scans the way an assessor does: page 1 for the red header (and, without a
 * text layer, OCR of its top for the 文号 and secrecy marks), the last page for the seal. A
 * page that is one scanned image is decoded from that image with subsampling (≈{@link #WIDTH}
 * px wide — a 139-megapixel scan stays within a few tens of MB); other pages are rendered at a
 * low resolution with subsampling allowed. Never reads more pages than it needs. Thread-safe.
 */
public final class DocInspector {
    private DocInspector() {}

    /** Width the page image is decoded to: enough for OCR of a 文号, small enough to be fast. */
    static final int WIDTH = 1600;
    /** Text-layer characters on page 1 above which a PDF counts as born-digital (no OCR needed). */
    static final int TEXT_LAYER_MIN = 20;

    public static DocFacts jpeg(byte[] bytes, int width, int height, boolean ocr) {
        return jpeg(bytes, width, height, ocr, true);
    }

    /** @param marks look for marks drawn on the page (only a 相关正式发文 needs them); otherwise its marks are not read */
    public static DocFacts jpeg(byte[] bytes, int width, int height, boolean ocr, boolean marks) {
        long t0 = System.nanoTime();
        if ((long) width * height > JpegInspector.MAX_PIXELS) {
            return DocFacts.failed("too_complex", width + "×" + height + " px, over the limit of "
                    + JpegInspector.MAX_PIXELS / 1_000_000 + " MP");
        }
        try {
            PageImage page = new PageImage(Pixels.decodeWidth(bytes, width, height, WIDTH), true);
            return analysed(page, page, 1, "", ocr, Marks.none(), marks, t0);
        } catch (TooComplex e) {
            return DocFacts.failed("too_complex", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return DocFacts.failed("unparseable", Errors.oneLine(e));
        }
    }

    public static DocFacts pdf(byte[] bytes, boolean ocr) {
        return pdf(bytes, ocr, true);
    }

    /** @param marks look for marks (annotations, marks drawn on scanned pages); otherwise they are not read */
    public static DocFacts pdf(byte[] bytes, boolean ocr, boolean marks) {
        long t0 = System.nanoTime();
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int n = doc.getNumberOfPages();
            if (n == 0) return DocFacts.failed("unparseable", "no pages");
            if (n > PdfInspector.MAX_PAGES) return DocFacts.failed("too_complex", n + " pages");
            PdfInspector.checkContents(doc, n);
            List<String> pageTexts = pageTexts(doc, Math.min(n, DocFacts.TOP_TEXT_PAGES));
            String text = (pageTexts.get(0) + (n > 1 ? "\n" + pageTexts.get(1) : "")).strip();
            PDFRenderer renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(true);
            boolean textLayer = text.replaceAll("\\s", "").length() >= TEXT_LAYER_MIN;
            PageImage first = pageImage(doc, renderer, 0, textLayer);
            PageImage last = n > 1 ? pageImage(doc, renderer, n - 1, textLayer) : first;
            DocFacts facts = analysed(first, last, n, text, ocr && !textLayer, marks ? Annotations.count(doc) : Marks.none(), marks, t0);
            if (textLayer) return facts.withTops(pageTexts.stream().map(DocInspector::topLines).toList());
            if (facts.ocrRan()) return facts.withTops(ocrTops(doc, renderer, n, last));
            return facts;
        } catch (InvalidPasswordException e) {
            return DocFacts.failed("encrypted", "password");
        } catch (TooComplex e) {
            return DocFacts.failed("too_complex", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return DocFacts.failed("unparseable", Errors.oneLine(e));
        }
    }

    /**
     * @param annotations the PDF's markup annotations (NONE for a JPEG). Coloured marks are looked for
     *                    on pages that show paper ({@link PageImage#scan()}): a born-digital document
     *                    with neither has NONE; a scan on which nothing coloured is seen cannot be judged
     */
    private static DocFacts analysed(PageImage firstPage, PageImage lastPage, int pages, String text, boolean ocr,
                                     Marks annotations, boolean lookForMarks, long t0) {
        BufferedImage first = firstPage.image();
        ScanDetector.Analysis a1 = ScanDetector.analysis(first);
        ScanDetector.Analysis a2 = lastPage == firstPage ? a1 : ScanDetector.analysis(lastPage.image());
        ScanDetector.Result r1 = a1.result();
        ScanDetector.Result r2 = a2.result();
        Marks drawn = firstPage.scan() && lookForMarks ? MarkFinder.find(a1, 1) : Marks.none();
        if (a2 != a1 && lastPage.scan() && lookForMarks) {
            Marks onLast = MarkFinder.find(a2, pages);
            drawn = firstPage.scan() ? drawn.plus(onLast) : onLast;
        }
        Marks marks = annotations.plus(drawn);
        if (!marks.marked()) marks = drawn;
        if (!lookForMarks) marks = Marks.notJudgeable(Marks.NOT_READ);
        String read = "";
        DocFacts.OcrState state = !ocr ? DocFacts.OcrState.NOT_NEEDED : switch (Ocr.availability()) {
            case AVAILABLE -> DocFacts.OcrState.RAN;
            case DISABLED -> DocFacts.OcrState.DISABLED;
            case MISSING -> DocFacts.OcrState.UNAVAILABLE;
        };
        if (state == DocFacts.OcrState.RAN && r1.redRule() && r1.ruleY() >= 0) {
            read = HeaderBands.read(first, a1);
        } else if (state == DocFacts.OcrState.RAN) {
            read = Ocr.read(top(first, r1), 3);
            if (DocNumbers.find(read) == null) {
                // A second, closer look at the band where GB/T 9704 prints the 文号.
                java.awt.Rectangle band = ScanDetector.numberArea(r1, first.getWidth(), first.getHeight());
                String line = Ocr.read(first.getSubimage(band.x, band.y, band.width, band.height), 6);
                if (DocNumbers.find(line) != null) read = read + "\n" + line;
            }
        }
        return new DocFacts(null, "", pages, text, r1, r2, read, state, first.getWidth(), first.getHeight(),
                (System.nanoTime() - t0) / 1_000_000, marks);
    }

    /** Each page's text (sorted by position), up to {@code pages} pages. */
    private static List<String> pageTexts(PDDocument doc, int pages) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            out.add(stripper.getText(doc));
        }
        return out;
    }

    /** A page's first {@link DocFacts#TOP_LINES} non-blank lines. */
    private static String topLines(String pageText) {
        return pageText.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(DocFacts.TOP_LINES)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * OCR of the top band (where a 密级 is printed) of a scanned PDF's pages after page 1, up to
     * {@link DocFacts#TOP_OCR_PAGES} pages; page 1's top is in {@link DocFacts#ocr()}.
     */
    private static List<String> ocrTops(PDDocument doc, PDFRenderer renderer, int n, PageImage last) throws IOException {
        List<String> tops = new ArrayList<>();
        tops.add("");
        for (int i = 1; i < Math.min(n, DocFacts.TOP_OCR_PAGES); i++) {
            BufferedImage page = i == n - 1 ? last.image() : pageImage(doc, renderer, i, false).image();
            int band = Math.max(1, (int) (page.getHeight() * TOP_BAND));
            tops.add(Ocr.read(page.getSubimage(0, 0, page.getWidth(), band), 6));
        }
        return tops;
    }

    /** The share of a page's height, from the top, in which a secrecy mark is looked for on later pages. */
    static final double TOP_BAND = 0.2;

    /**
     * The top of page 1 down to just below the red rule (or 45 % of the page without one): the
     * secrecy mark, the issuing authority and the 文号 are all there (GB/T 9704 版头).
     */
    static BufferedImage top(BufferedImage page, ScanDetector.Result r) {
        int h = page.getHeight();
        int bottom = (int) (h * 0.45);
        if (r.redRule() && r.ruleY() >= 0 && r.analysedHeight() > 0) {
            bottom = Math.min(h, (int) ((double) r.ruleY() / r.analysedHeight() * h + h * 0.04));
        }
        return page.getSubimage(0, 0, page.getWidth(), Math.max(1, bottom));
    }

    /**
     * A page as analysed: its image and whether it is a scan, on which coloured marks were drawn on
     * paper — rather than a rendering of print, whose colours are the author's (gradients, form
     * fields, charts) and whose marks are annotations. A scan is a page that is one image: in a
     * document without a text layer any such page; in one with a text layer (an OCR'd scan) only an
     * image that fills the page (at least {@link #SCAN_MIN_PX} px a side, shaped like the page within
     * {@link #SCAN_ASPECT}), not a born-digital page whose only picture is a logo or a seal.
     */
    record PageImage(BufferedImage image, boolean scan) {}

    static final int SCAN_MIN_PX = 600;
    static final double SCAN_ASPECT = 0.2;

    /** A page as an image: its single scanned image when it is one, else a low-resolution rendering. */
    private static PageImage pageImage(PDDocument doc, PDFRenderer renderer, int index, boolean textLayer) throws IOException {
        PDPage page = doc.getPage(index);
        PDImageXObject only = null;
        int count = 0;
        if (page.getResources() != null) {
            for (COSName name : page.getResources().getXObjectNames()) {
                PDXObject x = page.getResources().getXObject(name);
                if (x instanceof PDImageXObject im) {
                    only = im;
                    count++;
                } else {
                    count += 2;   // forms and other content: render instead
                }
            }
        }
        // One image that is the page (a scan): decode it. A born-digital page whose only picture is a
        // logo or an electronic seal is rendered whole: its red header is in the text, not the picture.
        if (count == 1 && (!textLayer || fillsPage(only.getWidth(), only.getHeight(), page))) {
            // A scan over the pixel limit, or a progressive JPEG over the decoder's memory limit, is
            // refused rather than decoded (or rendered, which would decode it whole).
            if (!Pixels.decodable(only)) {
                throw new TooComplex("page " + (index + 1) + ": an image of " + only.getWidth() + "×" + only.getHeight()
                        + " px over the limits for decoding");
            }
            int sub = Math.max(1, only.getWidth() / WIDTH);
            return new PageImage(toRgb(only.getImage(null, sub)), true);
        }
        float widthPt = page.getMediaBox().getWidth();
        float dpi = Math.max(36f, Math.min(150f, 1000f / (widthPt / 72f)));
        return new PageImage(renderer.renderImageWithDPI(index, dpi, ImageType.RGB), false);
    }

    private static boolean fillsPage(int w, int h, PDPage page) {
        if (w < SCAN_MIN_PX || h < SCAN_MIN_PX) return false;
        float pw = page.getMediaBox().getWidth();
        float ph = page.getMediaBox().getHeight();
        if (pw <= 0 || ph <= 0) return false;
        double image = (double) w / h;
        double upright = pw / ph;
        return Math.abs(image / upright - 1) <= SCAN_ASPECT || Math.abs(image * upright - 1) <= SCAN_ASPECT;
    }

    /** RGB for colour images; greyscale and black-and-white scans stay as they are (the detector reads them, and sees that they are grey). */
    private static BufferedImage toRgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_BYTE_GRAY
                || img.getType() == BufferedImage.TYPE_BYTE_BINARY) return img;
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(img, 0, 0, null);
        return out;
    }
}
