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
            read = headerBands(first, a1);
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

    /**
     * OCR of the two bands of a 版头 that hold what the checks read (GB/T 9704): above the red title,
     * where 份号, 密级和保密期限 and 紧急程度 are printed, and between the title and the red rule, where
     * the 文号 is. The large red title, which no check reads, is left out: it was most of Tesseract's
     * time. Each band is binarised ({@link #ink}), the 文号's loses the rule ({@link #withoutRule}),
     * both are trimmed to their ink ({@link #trimmed}); bands with ink are stacked into one image, so that
     * Tesseract starts once per page. When no 文号 is read there, the whole top is read as before, then
     * the band around the rule.
     */
    static String headerBands(BufferedImage page, ScanDetector.Analysis a) {
        ScanDetector.Result r = a.result();
        int w = page.getWidth();
        int h = page.getHeight();
        double scale = (double) h / r.analysedHeight();
        int rule = (int) ((r.ruleY() + 0.5) * scale);
        int bottom = a.titleTop() >= 0 ? (int) (a.titleTop() * scale) : 0;   // a margin here cut marks printed close to the title
        int margin = Math.max(2, (int) (h * TRIM_MARGIN));
        BufferedImage marks = bottom >= h * MARKS_MIN ? trimmed(ink(page.getSubimage(0, 0, w, bottom)), margin) : null;
        int from = a.titleBottom() >= 0 ? (int) ((a.titleBottom() + 1) * scale + h * MARKS_MARGIN) : rule - (int) (h * 0.09);
        from = Math.max(0, Math.min(from, rule - (int) (h * LINE_MIN)));
        int to = Math.min(h, rule + (int) (h * MARKS_MARGIN));
        BufferedImage number = to > from
                ? trimmed(withoutRule(ink(page.getSubimage(0, from, w, to - from)), (int) (h * RULE_RISE)), margin) : null;
        BufferedImage both = stacked(marks, number, (int) (h * LINE_MIN));
        String read = both == null ? "" : Ocr.read(both, 6);
        if (DocNumbers.find(read) == null) {
            String wider = Ocr.read(top(page, r), 3);
            if (DocNumbers.find(wider) == null) {
                java.awt.Rectangle band = ScanDetector.numberArea(r, w, h);
                wider = Ocr.read(page.getSubimage(band.x, band.y, band.width, band.height), 6);
            }
            read = read.isEmpty() ? wider : read + "\n" + wider;
        }
        return read;
    }

    /** {@code upper} above {@code lower} with {@code gap} white rows between; either may be null (then the other, or null). */
    static BufferedImage stacked(BufferedImage upper, BufferedImage lower, int gap) {
        if (upper == null || lower == null) return upper == null ? lower : upper;
        int w = Math.max(upper.getWidth(), lower.getWidth());
        BufferedImage out = new BufferedImage(w, upper.getHeight() + gap + lower.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(upper, 0, 0, null);
        g.drawImage(lower, 0, upper.getHeight() + gap, null);
        g.dispose();
        return out;
    }

    /**
     * The ink of a band as black on white: pixels much darker than the band's paper (below
     * {@link #INK_SHARE} of its median brightness) become black, the rest white, so that the grain,
     * shading and tint of photographed or yellowed paper are neither read as text nor take Tesseract
     * seconds; null when the band has hardly any ink (then it is not read at all).
     */
    static BufferedImage ink(BufferedImage band) {
        int w = band.getWidth();
        int h = band.getHeight();
        int[] luma = new int[w * h];
        int[] histogram = new int[256];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            Pixels.rgbRow(band, y, row);
            for (int x = 0; x < w; x++) {
                int c = row[x];
                int l = (299 * ((c >> 16) & 0xFF) + 587 * ((c >> 8) & 0xFF) + 114 * (c & 0xFF)) / 1000;
                luma[y * w + x] = l;
                histogram[l]++;
            }
        }
        int median = 0;
        for (int seen = 0; median < 255 && (seen += histogram[median]) < luma.length / 2; ) median++;
        int threshold = (int) (median * INK_SHARE);
        BufferedImage ink = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) ink.getRaster().getDataBuffer()).getData();
        int dark = 0;
        for (int i = 0; i < luma.length; i++) {
            boolean on = luma[i] < threshold;
            if (on) dark++;
            out[i] = on ? 0 : (byte) 0xFF;
        }
        return dark < luma.length * MIN_INK ? null : ink;
    }

    /**
     * The band of the 文号 without the separating rule and what stands on it (the ★ of a 党委
     * document's rule): Tesseract read them as lines of their own, which took about half its time on
     * the band and added a stray line to its text. A rule is a connected piece of ink at least
     * {@link #RULE_RUN} of the band's width long and thin (a tilted scan's rule too, which no single
     * row holds); what stands on it is a piece no taller than {@code rise} that reaches down to the
     * rule's line (fitted through the tops of its columns) where it stands. The band as it is when it
     * has no rule; null when nothing else is left, or when {@code ink} is null.
     */
    static BufferedImage withoutRule(BufferedImage ink, int rise) {
        if (ink == null) return null;
        int w = ink.getWidth();
        int h = ink.getHeight();
        byte[] px = ((java.awt.image.DataBufferByte) ink.getRaster().getDataBuffer()).getData();
        boolean[] dark = new boolean[w * h];
        for (int i = 0; i < dark.length; i++) dark[i] = px[i] == 0;
        Pieces pieces = Pieces.of(dark, w, h);
        int[] label = pieces.label;
        List<int[]> boxes = pieces.boxes;   // x0, y0, x1, y1 of each piece, by label - 1
        boolean[] erase = new boolean[boxes.size() + 1];
        // The rule's line, fitted (least squares) through the top of each of its columns.
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < boxes.size(); k++) {
            int[] b = boxes.get(k);
            int length = b[2] - b[0] + 1;
            if (length < w * RULE_RUN || b[3] - b[1] + 1 > length * RULE_SLOPE + rise) continue;
            erase[k + 1] = true;
            for (int x = b[0]; x <= b[2]; x++) {
                for (int y = b[1]; y <= b[3]; y++) {
                    if (label[y * w + x] == k + 1) {
                        n++;
                        sx += x;
                        sy += y;
                        sxx += (double) x * x;
                        sxy += (double) x * y;
                        break;
                    }
                }
            }
        }
        if (n == 0) return ink;
        double slope = n * sxx - sx * sx == 0 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double base = (sy - slope * sx) / n;
        for (int k = 0; k < boxes.size(); k++) {
            int[] b = boxes.get(k);
            double line = base + slope * (b[0] + b[2]) / 2.0;
            if (!erase[k + 1] && b[3] - b[1] + 1 <= rise && b[3] >= line - 1 && b[1] <= line + rise) erase[k + 1] = true;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] to = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        boolean any = false;
        for (int i = 0; i < px.length; i++) {
            boolean on = px[i] == 0 && !erase[label[i]];
            to[i] = on ? 0 : (byte) 0xFF;
            any |= on;
        }
        return any ? out : null;
    }

    /**
     * The columns of a band that hold ink, with {@code margin} white columns on either side: the
     * layout analysis of Tesseract costs by the pixel, and a 文号 is a fifth of the page's width.
     * Null when {@code ink} is null or all white.
     */
    static BufferedImage trimmed(BufferedImage ink, int margin) {
        if (ink == null) return null;
        int w = ink.getWidth();
        int h = ink.getHeight();
        byte[] px = ((java.awt.image.DataBufferByte) ink.getRaster().getDataBuffer()).getData();
        int stride = w;   // ink() and withoutRule() make whole images
        int left = w;
        int right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0, i = y * stride; x < w; x++, i++) {
                if (px[i] == 0) {
                    if (x < left) left = x;
                    if (x > right) right = x;
                }
            }
        }
        if (right < 0) return null;
        left = Math.max(0, left - margin);
        right = Math.min(w - 1, right + margin);
        if (left == 0 && right == w - 1) return ink;
        BufferedImage out = new BufferedImage(right - left + 1, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] to = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) System.arraycopy(px, y * stride + left, to, y * out.getWidth(), out.getWidth());
        return out;
    }

    /** A row with a dark run this share of the band's width long is a rule, not text. */
    static final double RULE_RUN = 0.25;
    /** A rule may be tilted this much (a scan 4° askew): its height is at most this share of its length, plus {@link #RULE_RISE}. */
    static final double RULE_SLOPE = 0.07;
    /** How tall, as a share of the page height, something standing on a rule (a ★) may be. */
    static final double RULE_RISE = 0.025;
    /** White kept either side of a band's ink, as a share of the page height. */
    static final double TRIM_MARGIN = 0.01;

    /** A pixel is ink below this share of the band's median brightness (its paper). */
    static final double INK_SHARE = 0.55;
    /** A band with less ink than this share of its pixels holds no line of text. */
    static final double MIN_INK = 0.0005;

    /** The band of the 文号 is at least this share of the page height. */
    static final double LINE_MIN = 0.025;

    /** Space kept between the red title and the band of the 文号, as a share of the page height. */
    static final double MARKS_MARGIN = 0.005;
    /** A band of marks lower than this share of the page height has no room for a line: not read. */
    static final double MARKS_MIN = 0.02;

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
