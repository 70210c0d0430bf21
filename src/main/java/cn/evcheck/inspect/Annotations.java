package cn.evcheck.inspect;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A PDF's markup annotations as {@link Marks}, read from the page dictionaries of the document
 * already loaded (no second parse, no appearance streams): Highlight → highlights; Underline,
 * Squiggly, StrikeOut → underlines; Text (sticky notes), FreeText, Caret → comments; Ink, Square,
 * Circle, Line, Polygon, PolyLine → drawn. Links, form fields, pop-ups, stamps (electronic seals
 * are often stamps), file attachments and hidden annotations are not marks. At most
 * {@link #MAX_ENTRIES} annotation entries are looked at; a broken entry or page is passed over.
 */
final class Annotations {
    private Annotations() {}

    /** Annotation entries looked at, over all pages, at most. */
    static final int MAX_ENTRIES = 20_000;
    private static final int HIDDEN = 1 << 1;

    static Marks count(PDDocument doc) {
        Marks.Counter c = new Marks.Counter();
        int seen = 0;
        int number = 0;
        try {
            for (PDPage page : doc.getPages()) {
                number++;
                COSArray annots;
                try {
                    annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
                } catch (RuntimeException e) {
                    continue;
                }
                if (annots == null) continue;
                for (int i = 0; i < annots.size() && seen < MAX_ENTRIES; i++, seen++) {
                    try {
                        COSBase b = annots.getObject(i);
                        if (b instanceof COSDictionary d) one(d, number, c);
                    } catch (RuntimeException e) {
                        // a broken entry: not a mark
                    }
                }
                if (seen >= MAX_ENTRIES) break;
            }
        } catch (RuntimeException e) {
            // a broken page tree: what was counted stands
        }
        return c.marks();
    }

    private static void one(COSDictionary d, int page, Marks.Counter c) {
        if ((d.getInt(COSName.F, 0) & HIDDEN) != 0) return;
        String subtype = d.getNameAsString(COSName.SUBTYPE);
        if (subtype == null) return;
        int kind = switch (subtype) {
            case "Highlight" -> Marks.Counter.HIGHLIGHT;
            case "Underline", "Squiggly", "StrikeOut" -> Marks.Counter.UNDERLINE;
            case "Text", "FreeText", "Caret" -> Marks.Counter.COMMENT;
            case "Ink", "Square", "Circle", "Line", "Polygon", "PolyLine" -> Marks.Counter.DRAWN;
            default -> -1;
        };
        if (kind < 0) return;
        c.add(kind, page);
        String note = d.getString(COSName.CONTENTS);
        if (note != null && !note.isBlank()) c.sampleIfNone(note.strip());
    }
}
