package cn.evcheck.inspect;

import cn.evcheck.testkit.Fonts;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Marker;
import cn.evcheck.testkit.Scans;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Marks on PDF documents: markup annotations on every page, read from the document
 * {@link DocInspector#pdf} already loaded; coloured marks drawn on pages that are scans; and what
 * cannot be judged. A born-digital page is never searched for drawn marks (its colours are print).
 */
class PdfMarksTest {
    /** Born-digital pages of Chinese text; {@code annotate} adds annotations to page i (0-based). */
    private static byte[] bornDigital(int pages, Annotator annotate) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, Fonts.cjkFile().toFile());
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (int y = 760; y > 200; y -= 24) {
                        cs.beginText();
                        cs.setFont(font, 14);
                        cs.newLineAtOffset(72, y);
                        cs.showText("各医疗卫生单位要认真组织实施，确保各项任务落到实处。");
                        cs.endText();
                    }
                }
                annotate.on(doc, page, i);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private interface Annotator {
        void on(PDDocument doc, PDPage page, int index) throws IOException;
    }

    private static COSDictionary annotation(String subtype, String contents, int flags) {
        COSDictionary d = new COSDictionary();
        d.setItem(COSName.TYPE, COSName.ANNOT);
        d.setName(COSName.SUBTYPE, subtype);
        d.setItem(COSName.RECT, new PDRectangle(72, 700, 200, 16).getCOSArray());
        if (contents != null) d.setString(COSName.CONTENTS, contents);
        if (flags != 0) d.setInt(COSName.F, flags);
        return d;
    }

    private static void add(PDPage page, String subtype, String contents, int flags) throws IOException {
        List<PDAnnotation> list = page.getAnnotations();
        list.add(PDAnnotation.createAnnotation(annotation(subtype, contents, flags)));
        page.setAnnotations(list);
    }

    /** A PDF whose pages are full-page JPEG scans. */
    private static byte[] scanned(BufferedImage... pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage img : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject im = JPEGFactory.createFromImage(doc, img, 0.85f);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(im, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static BufferedImage boxed(BufferedImage page) {
        BufferedImage out = Marker.copy(page);
        List<Marker.Line> lines = Marker.lines(out, 0.4);
        Marker.box(out, lines, 1, 2, Marker.BLUE_PEN, 1);
        return out;
    }

    private static Marks marks(byte[] pdf) {
        DocFacts d = DocInspector.pdf(pdf, false);
        assertEquals(null, d.problem(), d.detail());
        return d.marks();
    }

    @Test
    void aBornDigitalDocumentWithoutAnnotationsHasNoMarks() throws IOException {
        assertEquals(Marks.none(), marks(bornDigital(2, (d, p, i) -> { })));
    }

    @Test
    void markupAnnotationsOnEveryPageAreMarksAndOthersAreNot() throws IOException {
        byte[] pdf = bornDigital(3, (doc, page, i) -> {
            if (i == 0) {
                add(page, "Highlight", null, 0);
                add(page, "Highlight", null, 0);
                add(page, "Text", "此项为我单位的工作", 0);
                add(page, "Highlight", "hidden", 2);
                add(page, "Link", "link", 0);
                add(page, "Widget", "field", 0);
                add(page, "Popup", "popup", 0);
                add(page, "Stamp", "electronic seal", 0);
                add(page, "FileAttachment", null, 0);
            } else if (i == 2) {
                add(page, "Underline", null, 0);
                add(page, "Squiggly", null, 0);
                add(page, "StrikeOut", null, 0);
                add(page, "Square", null, 0);
                add(page, "Ink", null, 0);
                add(page, "FreeText", "see item 3", 0);
            }
        });
        Marks m = marks(pdf);
        assertEquals(Map.of("highlight", 2, "underline", 3, "comment", 2, "drawn", 2), m.kinds(), m.summary());
        assertEquals(List.of(1, 3), m.pages());
        assertEquals("此项为我单位的工作", m.sample());
    }

    @Test
    void countingStopsAtTheCap() throws IOException {
        byte[] pdf = bornDigital(1, (doc, page, i) -> {
            COSArray annots = new COSArray();
            for (int k = 0; k < 1200; k++) annots.add(annotation("Highlight", null, 0));
            page.getCOSObject().setItem(COSName.ANNOTS, annots);
        });
        assertEquals(Marks.MAX, marks(pdf).highlights());
    }

    /** Junk in /Annots (PDFBox's renderer refuses such a page; the count passes over it). */
    @Test
    void brokenAnnotationEntriesArePassedOver() throws IOException {
        byte[] pdf = bornDigital(2, (doc, page, i) -> {
            if (i == 1) {
                page.getCOSObject().setItem(COSName.ANNOTS, COSInteger.get(3));
                return;
            }
            COSArray annots = new COSArray();
            annots.add(COSInteger.get(7));
            annots.add(new COSString("not a dictionary"));
            annots.add(new COSDictionary());
            annots.add(new COSObject(null));
            annots.add(annotation("Circle", null, 0));
            page.getCOSObject().setItem(COSName.ANNOTS, annots);
        });
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Marks m = Annotations.count(doc);
            assertEquals(Map.of("drawn", 1), m.kinds());
            assertEquals(List.of(1), m.pages());
        }
    }

    @Test
    void aScanWithAPenBoxIsMarked() throws IOException {
        Marks m = marks(scanned(boxed(Scans.redHeader(1100, Scans.Header.of(Scans.AUTHORITIES.get(0))).image())));
        assertEquals(Map.of("drawn", 1), m.kinds(), m.summary());
        assertEquals(List.of(1), m.pages());
    }

    @Test
    void aMarkOnTheLastPageOfAScanIsFound() throws IOException {
        byte[] pdf = scanned(Scans.redHeader(1101, Scans.Header.of(Scans.AUTHORITIES.get(1))).image(),
                boxed(Scans.sealPage(1102, true, Scans.RED, 0, 0)));
        Marks m = marks(pdf);
        assertEquals(Map.of("drawn", 1), m.kinds(), m.summary());
        assertEquals(List.of(2), m.pages());
    }

    @Test
    void aPlainScanCannotBeJudgedAndNeitherCanAGreyOne() throws IOException {
        BufferedImage header = Scans.redHeader(1103, Scans.Header.of(Scans.AUTHORITIES.get(2)).seal(true)).image();
        assertEquals(Marks.notJudgeable(Marks.NO_COLOUR), marks(scanned(header)));
        assertEquals(Marks.notJudgeable(Marks.GREYSCALE), marks(scanned(Scans.greyscale(boxed(header)))));
    }

    @Test
    void annotationsOnAScanAddToItsDrawnMarks() throws IOException {
        byte[] scan = scanned(boxed(Scans.plainTextPage(1104)));
        byte[] annotated;
        try (PDDocument doc = Loader.loadPDF(scan); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            add(doc.getPage(0), "Highlight", null, 0);
            doc.save(out);
            annotated = out.toByteArray();
        }
        assertEquals(Map.of("highlight", 1, "drawn", 1), marks(annotated).kinds());
    }

    @Test
    void aBornDigitalPageWithALogoIsNotAScan() throws IOException {
        BufferedImage logo = boxed(Scans.plainTextPage(1105)).getSubimage(100, 600, 400, 300);
        byte[] pdf = bornDigital(1, (doc, page, i) -> {
            PDImageXObject im = JPEGFactory.createFromImage(doc, logo, 0.9f);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                cs.drawImage(im, 400, 750, 120, 90);
            }
        });
        assertEquals(Marks.none(), marks(pdf));
    }

    @Test
    void aJpegScanIsJudgedFromItsPixels() throws IOException {
        BufferedImage page = boxed(Scans.redHeader(1106, Scans.Header.of(Scans.AUTHORITIES.get(3))).image());
        byte[] jpeg = Jpegs.encode(page, 0.85f);
        Marks m = DocInspector.jpeg(jpeg, page.getWidth(), page.getHeight(), false).marks();
        assertEquals(Map.of("drawn", 1), m.kinds(), m.summary());
        byte[] grey = Jpegs.encode(Scans.greyscale(page), 0.85f);
        assertTrue(!DocInspector.jpeg(grey, page.getWidth(), page.getHeight(), false).marks().judgeable());
    }

    @Test
    void aDocumentThatCannotBeReadCannotBeJudged() {
        DocFacts d = DocInspector.pdf("%PDF-1.4 broken".getBytes(), false);
        assertEquals("unparseable", d.problem());
        assertEquals(Marks.notJudgeable(Marks.UNREAD), d.marks());
    }
}
