package cn.evcheck.check;

import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.DocNumbers;
import cn.evcheck.inspect.Marks;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.rules.Model.Item;
import cn.evcheck.rules.Model.Kind;

import java.util.List;

/**
 * One formal document, evaluation or scanned data table as an assessor judges it (PRODUCT.md §4):
 * a PDF or a Word-family file, or a run of page images that starts with its red-header page.
 * Where its red-header page, its seal page and its 文号 were seen, and how the 文号 was read — a
 * text layer or Word text (its spelling can be judged), else OCR, a line of the caption sheet next
 * to the scan, or the file name (these only prove presence).
 *
 * @param files        the document's files in page order (one for a PDF or Word file)
 * @param redHeader    the page showing the red header (红头页), or null
 * @param seal         the page showing a round red seal (盖章页), or null
 * @param number       the 文号, or null
 * @param numberSource text, ocr, sidecar or filename
 * @param scan         a page image without a text layer was looked at (OCR matters for it)
 * @param ocr          for such a scan, UNAVAILABLE or DISABLED where OCR could not read it here
 * @param greyscale    its scanned pages show no colour at all (none of them does): a red header or
 *                     seal could not be seen
 * @param word         a Word-family file (it can carry a red title, not a stamped seal)
 * @param substitute   a Word-family 情况说明 filed in place of a classified document (seed 000)
 * @param marks        the marks (标注) on its files: marked where any file is, else what its first file says
 */
public record Document(Item item, Kind kind, List<Placed> files, Page redHeader, Page seal, DocNumbers.Found number,
                       String numberSource, boolean scan, DocFacts.OcrState ocr, boolean greyscale, boolean word,
                       boolean substitute, Marks marks) {
    public Document {
        files = List.copyOf(files);
    }

    /** A page of a document: a file, and the page in it (1 for an image or a Word file). */
    public record Page(Placed file, int page) {
        /** "通知-1.jpg", or "评价.pdf 第3页" for a page after the first of a PDF. */
        public String label() {
            return page <= 1 ? file.rel() : file.rel() + " 第" + page + "页";
        }

        public String labelEn() {
            return page <= 1 ? file.rel() : file.rel() + " page " + page;
        }
    }

    /** The document's first file: where its findings sit. */
    public Placed first() {
        return files.get(0);
    }

    public String rel() {
        return first().rel();
    }

    public boolean hasRedHeader() {
        return redHeader != null;
    }

    public boolean hasSeal() {
        return seal != null;
    }

    /** Whether the document proves its material: the signs its proof asks for, a 文号 where required. */
    public boolean proves(cn.evcheck.rules.Model.Material m) {
        if (substitute) return true;
        return m.proof().met(hasRedHeader(), hasSeal()) && (!m.number() || number != null);
    }

    /** The pages a document shows, in order: one per image, a PDF's page count, 1 for a Word file. */
    public int pages() {
        int n = 0;
        for (Placed p : files) n += p.doc() != null ? Math.max(1, p.doc().pages()) : 1;
        return n;
    }

    /** What one document file shows on its own. */
    static Document of(Placed p, Sidecars sidecars) {
        return group(List.of(p), sidecars);
    }

    /**
     * A document made of page files in order: the red header on the first page that shows one
     * (page 1 of a PDF), the seal on the last page that shows one, the 文号 read near the red header.
     */
    static Document group(List<Placed> files, Sidecars sidecars) {
        Placed head = files.get(0);
        Page header = null;
        Page seal = null;
        boolean scan = false;
        boolean colour = false;   // a scanned page with any colour: the scanner was in colour mode
        boolean greyPage = false;
        boolean word = false;
        DocFacts.OcrState ocr = DocFacts.OcrState.NOT_NEEDED;
        Marks marks = null;
        for (Placed p : files) {
            TextFacts t = p.text();
            DocFacts d = p.doc();
            Marks m = t != null ? t.marks() : d != null ? d.marks() : Marks.notJudgeable(Marks.NOT_READ);
            marks = marks == null ? m : marks.plus(m);
            if (header == null && ((d != null && d.redHeader()) || (t != null && t.redTitle()))) {
                header = new Page(p, 1);
                head = p;
            }
            if (d != null && d.last() != null && d.last().seal() && d.pages() > 1) seal = new Page(p, d.pages());
            else if (d != null && d.first() != null && d.first().seal()) seal = new Page(p, 1);
            else if (t != null && t.sealImage()) seal = new Page(p, 1);
            if (t != null && d == null) word = true;
            if (d != null && d.text().isEmpty()) {
                scan = true;
                if (d.first() != null && d.first().greyscale()) greyPage = true;
                else colour = true;
                if (ocr == DocFacts.OcrState.NOT_NEEDED || d.ocrState() != DocFacts.OcrState.RAN) ocr = d.ocrState();
            }
        }
        Read n = number(head, sidecars);
        if (n == null) {
            for (Placed p : files) {
                if (p == head) continue;
                n = number(p, sidecars);
                if (n != null) break;
            }
        }
        boolean substitute = word && files.size() == 1 && head.role() == Kind.FORMAL_DOC && isSituationNote(files.get(0));
        return new Document(head.item(), head.role(), files, header, seal, n == null ? null : n.found, n == null ? null : n.source,
                scan, scan ? ocr : DocFacts.OcrState.NOT_NEEDED, greyPage && !colour, word, substitute, marks);
    }

    private record Read(DocNumbers.Found found, String source) {}

    /** The 文号 of one page file: its text layer or Word text, else OCR, the caption sheet, the file name. */
    private static Read number(Placed p, Sidecars sidecars) {
        TextFacts t = p.text();
        DocFacts d = p.doc();
        String text = t != null ? t.head() : d != null ? d.text() : "";
        String head = text.lines().limit(40).reduce("", (a, b) -> a + "\n" + b);
        DocNumbers.Found n = DocNumbers.find(head);
        if (n != null) return new Read(n, "text");
        DocNumbers.Found ocr = d != null && !d.ocr().isEmpty() ? DocNumbers.find(d.ocr()) : null;
        Read typed = (n = DocNumbers.find(sidecars.captionFor(p.f()))) != null ? new Read(n, "sidecar")
                : (n = DocNumbers.find(p.f().stem())) != null ? new Read(n, "filename") : null;
        if (ocr == null) return typed;
        // OCR misreads the issuing office's characters and the brackets (赣卫发〔2018〕12号 read as
        // 庄卫发【2018]12号); where it reads the same year and sequence as a standard number the clerk
        // typed, the typed spelling is the document's number and the OCR reading only confirms it.
        if (!ocr.standard() && typed != null && typed.found.standard() && sameYearAndSequence(ocr, typed.found)) return typed;
        return new Read(ocr, "ocr");
    }

    /** Both numbers' standard spellings end in the same 〔year〕sequence号. */
    static boolean sameYearAndSequence(DocNumbers.Found a, DocNumbers.Found b) {
        String x = a.suggestion(), y = b.suggestion();
        return x.substring(x.lastIndexOf('〔')).equals(y.substring(y.lastIndexOf('〔')));
    }

    /**
     * A Word-family file named or titled 情况说明: seed 000 lets a WORD/WPS/永中 情况说明 of the work
     * stand in for a classified document that must not be uploaded.
     */
    static boolean isSituationNote(Placed p) {
        TextFacts t = p.text();
        if (t == null || t.status() != TextFacts.Status.OK) return false;
        return p.f().stem().contains("情况说明") || t.firstLines(3).contains("情况说明");
    }
}
