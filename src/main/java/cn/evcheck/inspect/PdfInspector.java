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
            checkContents(doc, n);
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
        } catch (TooComplex e) {
            return PdfFacts.failed("too_complex", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return PdfFacts.failed("unparseable", Errors.oneLine(e));
        }
    }

    /** Decoded bytes a page's content (its content streams and the forms it draws directly) may hold. */
    static final long MAX_CONTENT_BYTES = 32L * 1024 * 1024;

    /**
     * Inflates the content of the first {@code pages} pages, keeping nothing, and refuses the document
     * ({@link TooComplex}) when one page's content decodes to more than {@link #MAX_CONTENT_BYTES}: a
     * 1 MB PDF whose content stream inflates to 1 GB is told in a second instead of being parsed for
     * minutes. Real pages hold a few hundred KB; inflating them once more costs little.
     */
    static void checkContents(PDDocument doc, int pages) throws IOException {
        byte[] buf = new byte[64 * 1024];
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            long n = 0;
            java.util.Iterator<org.apache.pdfbox.pdmodel.common.PDStream> it = page.getContentStreams();
            List<org.apache.pdfbox.cos.COSStream> streams = new ArrayList<>();
            while (it.hasNext()) streams.add(it.next().getCOSObject());
            PDResources res = page.getResources();
            if (res != null) {
                for (org.apache.pdfbox.cos.COSName name : res.getXObjectNames()) {
                    org.apache.pdfbox.cos.COSBase x = res.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.XOBJECT)
                            .getDictionaryObject(name);
                    if (x instanceof org.apache.pdfbox.cos.COSStream cs
                            && org.apache.pdfbox.cos.COSName.FORM.equals(cs.getCOSName(org.apache.pdfbox.cos.COSName.SUBTYPE))) {
                        streams.add(cs);
                    }
                }
            }
            for (org.apache.pdfbox.cos.COSStream cs : streams) {
                // Inflated here from the raw bytes, counting as it goes: PDFBox's own decode would
                // first inflate the whole stream into memory. Only FlateDecode (what content streams
                // use) is counted; other filters are left to PDFBox.
                org.apache.pdfbox.cos.COSBase filters = cs.getFilters();
                boolean flate = org.apache.pdfbox.cos.COSName.FLATE_DECODE.equals(filters)
                        || (filters instanceof org.apache.pdfbox.cos.COSArray a && a.size() == 1
                        && org.apache.pdfbox.cos.COSName.FLATE_DECODE.equals(a.getObject(0)));
                if (filters != null && !flate) continue;
                try (java.io.InputStream raw = cs.createRawInputStream();
                     java.io.InputStream in = flate ? new java.util.zip.InflaterInputStream(raw) : raw) {
                    for (int r; (r = in.read(buf)) >= 0; ) {
                        n += r;
                        if (n > MAX_CONTENT_BYTES) {
                            throw new TooComplex("page " + (i + 1) + ": content inflates beyond " + MAX_CONTENT_BYTES + " bytes");
                        }
                    }
                } catch (java.util.zip.ZipException | java.io.EOFException e) {
                    // damaged or truncated Flate data: PDFBox reads what it can; nothing to count here
                }
            }
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
