package cn.evcheck.inspect;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PDF's pages for photo evidence ("也可统一制作成PDF上传"): per page its images (from
 * the resources, not by rendering), its text layer, and optionally a perceptual hash of the
 * largest image, decoded with subsampling. Refuses page and image explosions. Thread-safe.
 */
public final class PdfInspector {
    private PdfInspector() {}

    static final int MAX_PAGES = 500;

    public static PdfFacts pages(byte[] bytes, boolean wantPixels) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int n = doc.getNumberOfPages();
            if (n > MAX_PAGES) return PdfFacts.failed("too_complex", n + " pages");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<PdfFacts.Page> pages = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PDPage page = doc.getPage(i);
                List<PDImageXObject> images = new ArrayList<>();
                collect(page.getResources(), images, 0);
                PDImageXObject largest = null;
                for (PDImageXObject im : images) {
                    if (largest == null || (long) im.getWidth() * im.getHeight() > (long) largest.getWidth() * largest.getHeight()) {
                        largest = im;
                    }
                }
                stripper.setStartPage(i + 1);
                stripper.setEndPage(i + 1);
                String text = stripper.getText(doc).strip();
                if (text.length() > 2000) text = text.substring(0, 2000);
                Long phash = null;
                if (wantPixels && largest != null && Pixels.decodable(largest)) {
                    try {
                        int s = Math.max(1, Math.min(largest.getWidth(), largest.getHeight()) / 64);
                        phash = Pixels.phash(largest.getImage(null, s));
                    } catch (IOException | RuntimeException e) {
                        phash = null;
                    }
                }
                pages.add(new PdfFacts.Page(i + 1, images.size(), largest == null ? 0 : largest.getWidth(),
                        largest == null ? 0 : largest.getHeight(), text, phash));
            }
            return new PdfFacts(null, "", n, pages);
        } catch (InvalidPasswordException e) {
            return PdfFacts.failed("encrypted", "password");
        } catch (IOException | RuntimeException e) {
            return PdfFacts.failed("unparseable", Errors.oneLine(e));
        }
    }

    private static void collect(PDResources res, List<PDImageXObject> out, int depth) throws IOException {
        if (res == null || depth > 3) return;
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDImageXObject im) {
                out.add(im);
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), out, depth + 1);
            }
        }
    }
}
