package cn.evcheck.check;

import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.DocNumbers;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.inspect.TextFacts;

/**
 * What one formal document, evaluation or data-table file shows: a red-header page (scan or
 * Word red title), a seal, and a 文号 with where it was read — a text layer or Word text (its
 * spelling can be judged), else OCR, a line of the caption sheet next to the scan, or the file
 * name (these only prove presence).
 *
 * @param numberSource text, ocr, sidecar or filename
 * @param scan         a page image without a text layer was looked at (OCR matters for it)
 * @param ocr          for such a scan, UNAVAILABLE or DISABLED where OCR could not read it here
 */
public record Document(Placed file, boolean redHeader, boolean seal, DocNumbers.Found number, String numberSource,
                       boolean scan, DocFacts.OcrState ocr) {
    public String rel() {
        return file.rel();
    }

    static Document of(Placed p, Sidecars sidecars) {
        TextFacts t = p.text();
        DocFacts d = p.doc();
        boolean header = (d != null && d.redHeader()) || (t != null && t.redTitle());
        boolean seal = d != null && d.seal();
        String text = t != null ? t.head() : d != null ? d.text() : "";
        String head = text.lines().limit(40).reduce("", (a, b) -> a + "\n" + b);
        DocNumbers.Found n = DocNumbers.find(head);
        String source = "text";
        if (n == null && d != null && !d.ocr().isEmpty()) {
            n = DocNumbers.find(d.ocr());
            source = "ocr";
        }
        if (n == null) {
            n = DocNumbers.find(sidecars.captionFor(p.f()));
            source = "sidecar";
        }
        if (n == null) {
            n = DocNumbers.find(p.f().stem());
            source = "filename";
        }
        boolean scan = d != null && d.text().isEmpty();
        return new Document(p, header, seal, n, source, scan, scan ? d.ocrState() : DocFacts.OcrState.NOT_NEEDED);
    }
}
