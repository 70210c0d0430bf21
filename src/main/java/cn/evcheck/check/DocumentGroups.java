package cn.evcheck.check;

import cn.evcheck.inspect.DocFacts;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.scan.FileType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Groups the files of one document role of an item into documents (PRODUCT.md §4): a PDF or a
 * Word-family file is one document; page images, in name order within their folder, form runs —
 * a page showing a red header starts a document, and the pages after it belong to it while they
 * continue its series: the same name once page numbers and page words are taken off
 * ({@code 通知-1.jpg, 通知-2.jpg}; {@code 扫描0001…0003.jpg}; {@code 评价-红头页.jpg, 评价-盖章页.jpg}), a
 * name that is only a page word or number ({@code 盖章页.jpg}, {@code 0002.jpg}), or the same caption in
 * the caption sheet once its page words are taken off. An image that is not a page at all (an
 * activity photo, a screenshot of anything but paper) belongs to no document. Pure.
 */
final class DocumentGroups {
    private DocumentGroups() {}

    /** Documents, and the images that are no document page. */
    record Grouped(List<Document> documents, List<Placed> strays) {}

    /** Words that name a page of a document: "第2页", "红头页", "盖章页", "p3", "page 2", "续页" … */
    private static final Pattern PAGE_WORD = Pattern.compile(
            "第?[0-9０-９一二三四五六七八九十]+页|页[0-9]+|(?<![A-Za-z])[pP](?:age)?\\s?[0-9]+|红头页?|盖章页?|首页|尾页|末页|封面|正文|续页?|签章页?|落款页?");
    /** A page number at the end of a name: "-2", "_0003", "（2）". */
    private static final Pattern TAIL_NUMBER = Pattern.compile("[\\s\\-_.·、,，(（\\[【]*[0-9０-９]+[)）\\]】]?$");
    /** A page number at the start of a name: "1 ", "02_". */
    private static final Pattern LEAD_NUMBER = Pattern.compile("^[0-9０-９]+[\\s\\-_.·、]+");
    private static final Pattern EDGES = Pattern.compile("^[\\s\\-_.·、,，()（）\\[\\]【】]+|[\\s\\-_.·、,，()（）\\[\\]【】]+$");

    static Grouped group(List<Placed> files, Sidecars sidecars) {
        List<Document> docs = new ArrayList<>();
        List<Placed> strays = new ArrayList<>();
        List<Placed> run = new ArrayList<>();
        String runKey = null;
        String runCaption = null;
        String runFolder = null;
        for (Placed p : files) {
            if (!isImagePage(p)) {
                flush(run, docs, sidecars);
                docs.add(Document.of(p, sidecars));
                continue;
            }
            DocFacts d = p.doc();
            if (!d.first().paperLike() && !d.redHeader() && !d.seal()) {
                strays.add(p);
                continue;
            }
            String folder = folder(p.rel());
            String key = series(p.f().stem());
            String caption = caption(sidecars.captionFor(p.f()));
            boolean same = !run.isEmpty() && folder.equals(runFolder)
                    && (caption != null && runCaption != null ? caption.equals(runCaption) : key.isEmpty() || key.equals(runKey));
            // A red-header page starts a document — unless the pages before it, named as parts of one
            // document (盖章页.jpg sorts before 红头页.jpg), have no red-header page yet.
            boolean continues = same && (!d.redHeader()
                    || (run.stream().noneMatch(r -> r.doc().redHeader()) && isPartName(p) && run.stream().allMatch(DocumentGroups::isPartName)));
            if (continues && d.redHeader()) {
                run.add(0, p);   // the red-header page is page 1
                continue;
            }
            if (!continues) {
                flush(run, docs, sidecars);
                runKey = key;
                runCaption = caption;
                runFolder = folder;
            }
            run.add(p);
        }
        flush(run, docs, sidecars);
        return new Grouped(docs, strays);
    }

    private static void flush(List<Placed> run, List<Document> docs, Sidecars sidecars) {
        if (run.isEmpty()) return;
        docs.add(Document.group(run, sidecars));
        run.clear();
    }

    private static final Pattern PART = Pattern.compile("红头|盖章|签章|首页|尾页|末页|封面|正文|落款|续页");

    /** A page whose name says which part of a document it is (红头页, 盖章页 …). */
    private static boolean isPartName(Placed p) {
        return PART.matcher(p.f().stem()).find();
    }

    /** A single page image (a JPEG) that was analysed; PDFs and Word files are documents of their own. */
    private static boolean isImagePage(Placed p) {
        return p.f().type() == FileType.JPEG && p.doc() != null && p.doc().problem() == null && p.doc().first() != null;
    }

    /**
     * The series a page's name puts it in: the name without its page marker — its page words
     * (红头页, 第2页, p3) where it has any, else one trailing number — and without a leading page
     * number; lower-cased, "" when nothing else is left. In "通知_2-p1" the "_2" names the
     * document and stays.
     */
    static String series(String stem) {
        String s = stem.strip();
        String words = PAGE_WORD.matcher(s).replaceAll(" ");
        s = words.equals(s) ? TAIL_NUMBER.matcher(s).replaceFirst("") : words;
        s = LEAD_NUMBER.matcher(s).replaceFirst("");
        return EDGES.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A caption-sheet line with its page words taken off, or null without one. */
    private static String caption(String c) {
        if (c == null || c.isBlank()) return null;
        String s = series(c.strip());
        return s.isEmpty() ? null : s;
    }

    private static String folder(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }
}
