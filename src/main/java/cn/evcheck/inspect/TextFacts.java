package cn.evcheck.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The text of a report-like document and what an assessor would notice in it. The whole body is
 * read once and not kept: what the checks use of it (counts, personal data, the 落款, the
 * opening and closing lines) is taken while it is read.
 *
 * @param status      OK, or why there is no text (ENCRYPTED, UNPARSEABLE, TOO_COMPLEX, WORKS)
 * @param format      the real format read: docx, doc, wps, uof, uot …
 * @param head        the start of the body (paragraphs separated by '\n'), through its first
 *                    {@link #HEAD_LINES} non-blank lines, at most {@link #HEAD_CHARS} characters;
 *                    empty unless OK
 * @param tail        the body's last non-blank lines (stripped, at most {@link #TAIL_LINES}, each cut to
 *                    its last {@link #TAIL_CHARS} characters)
 * @param counts      counts of the body and its tables
 * @param notes       counts of footnotes and endnotes
 * @param boxes       counts of text boxes
 * @param detail      a short technical reason when not OK
 * @param application the producing application from the file's properties, or ""
 * @param redTitle    the first paragraphs hold large red text (a born-digital 红头)
 * @param redRule     the first paragraphs hold a red border or line (the 红头's separation line)
 * @param revisions   tracked insertions, deletions and moves left in the file
 * @param comments    comments left in the file
 * @param sealImage   an embedded picture that looks like a red seal
 * @param pii         masked ID-card and mobile numbers in the whole body, in order ({@link ReportText#pii})
 * @param signature   the 落款 (unit line and date) the body ends with, or null ({@link ReportText#signature})
 * @param marks       highlights, shading, coloured underlines and comments in the body ({@link Marks}); NOT_JUDGEABLE
 *                    unless OK
 * @param stories     the other stories a reader sees — headers and footers, text boxes, footnotes and
 *                    endnotes, comments — each with its head and its personal data; empty where the format's
 *                    reader does not read them
 * @param subdocsExcluded the document says its word count leaves out text boxes, footnotes and endnotes
 *                    ({@code w:doNotIncludeSubdocsInStats} in a .docx: the user unticked "包括文本框、脚注和尾注"
 *                    in Word's 字数统计 dialog); false by default, as Word's dialog is
 */
public record TextFacts(Status status, String format, String head, List<String> tail, WordCounter.Counts counts,
                        WordCounter.Counts notes, WordCounter.Counts boxes, String detail, String application,
                        boolean redTitle, boolean redRule, int revisions, int comments, boolean sealImage,
                        List<String> pii, String signature, Marks marks, List<Story> stories,
                        boolean subdocsExcluded) {
    public enum Status { OK, ENCRYPTED, UNPARSEABLE, TOO_COMPLEX, WORKS }

    /**
     * A story of a document other than its body, as the checks need it.
     *
     * @param where "页眉页脚" (headers and footers), "文本框" (text boxes and shapes), "脚注尾注" or "批注"
     * @param head  its first {@link #HEAD_LINES} non-blank lines (at most {@link #HEAD_CHARS} characters)
     * @param pii   masked ID-card and mobile numbers in the whole story ({@link ReportText#pii})
     */
    public record Story(String where, String head, List<String> pii) {
        public Story {
            pii = List.copyOf(pii);
        }

        /** A story read from its whole text; null when it has none. */
        public static Story of(String where, CharSequence text) {
            if (text == null || text.toString().isBlank()) return null;
            return new Story(where, TextFacts.head(text), ReportText.pii(text));
        }
    }

    public static final String MARGINS = "页眉页脚";
    public static final String BOXES = "文本框";
    public static final String NOTES = "脚注尾注";
    public static final String COMMENTS = "批注";

    /** Non-blank lines kept from the start: the checks read titles, 文号 and secrecy marks there. */
    public static final int HEAD_LINES = 40;
    /** Characters kept from the start at most, whatever the lines. */
    public static final int HEAD_CHARS = 20_000;
    /** Non-blank lines kept from the end, for a 落款. */
    public static final int TAIL_LINES = 5;
    /** Characters kept of each of those lines at most (their ends). */
    public static final int TAIL_CHARS = 1_000;

    public TextFacts {
        tail = List.copyOf(tail);
        pii = List.copyOf(pii);
        if (marks == null) throw new IllegalArgumentException("marks");
        stories = stories == null ? List.of() : List.copyOf(stories);
    }

    public TextFacts(Status status, String format, String head, List<String> tail, WordCounter.Counts counts,
                     WordCounter.Counts notes, WordCounter.Counts boxes, String detail, String application,
                     boolean redTitle, boolean redRule, int revisions, int comments, boolean sealImage,
                     List<String> pii, String signature, Marks marks) {
        this(status, format, head, tail, counts, notes, boxes, detail, application, redTitle, redRule, revisions, comments,
                sealImage, pii, signature, marks, List.of(), false);
    }

    /** These facts with the document's other stories (the stories that have text). */
    public TextFacts withStories(Story... more) {
        List<Story> all = new java.util.ArrayList<>(stories);
        for (Story st : more) if (st != null) all.add(st);
        return new TextFacts(status, format, head, tail, counts, notes, boxes, detail, application, redTitle, redRule,
                revisions, comments, sealImage, pii, signature, marks, all, subdocsExcluded);
    }

    /** These facts for a document whose word count leaves out text boxes and notes, or not. */
    public TextFacts withSubdocsExcluded(boolean excluded) {
        return new TextFacts(status, format, head, tail, counts, notes, boxes, detail, application, redTitle, redRule,
                revisions, comments, sealImage, pii, signature, marks, stories, excluded);
    }

    /**
     * 字数 as Word's 字数统计 dialog shows it for this document: the body with its text boxes,
     * footnotes and endnotes (the dialog's default), or the body alone where the document records
     * that the user unticked that box. Headers, footers and comments never count.
     */
    public WordCounter.Counts words() {
        return subdocsExcluded ? counts : counts.plus(notes).plus(boxes);
    }

    /** Without marks (not looked at: NOT_JUDGEABLE, {@link Marks#NOT_READ}). */
    public TextFacts(Status status, String format, String head, List<String> tail, WordCounter.Counts counts,
                     WordCounter.Counts notes, WordCounter.Counts boxes, String detail, String application,
                     boolean redTitle, boolean redRule, int revisions, int comments, boolean sealImage,
                     List<String> pii, String signature) {
        this(status, format, head, tail, counts, notes, boxes, detail, application, redTitle, redRule, revisions, comments,
                sealImage, pii, signature, Marks.notJudgeable(Marks.NOT_READ));
    }

    public static TextFacts failed(Status status, String format, String detail) {
        return new TextFacts(status, format, "", List.of(), WordCounter.Counts.ZERO, WordCounter.Counts.ZERO,
                WordCounter.Counts.ZERO, detail, "", false, false, 0, 0, false, List.of(), null, Marks.notJudgeable(Marks.UNREAD));
    }

    /** Plain body text and nothing else known (marks not looked at). */
    public static TextFacts ok(String format, CharSequence body) {
        return of(format, body, WordCounter.Counts.ZERO, WordCounter.Counts.ZERO, "", false, false, 0, 0, false);
    }

    /** A readable document whose marks were not looked at (NOT_JUDGEABLE, {@link Marks#NOT_READ}). */
    public static TextFacts of(String format, CharSequence body, WordCounter.Counts notes, WordCounter.Counts boxes,
                               String application, boolean redTitle, boolean redRule, int revisions, int comments,
                               boolean sealImage) {
        return of(format, body, notes, boxes, application, redTitle, redRule, revisions, comments, sealImage,
                Marks.notJudgeable(Marks.NOT_READ));
    }

    /** A readable document: everything the checks need is taken from {@code body} now. */
    public static TextFacts of(String format, CharSequence body, WordCounter.Counts notes, WordCounter.Counts boxes,
                               String application, boolean redTitle, boolean redRule, int revisions, int comments,
                               boolean sealImage, Marks marks) {
        List<String> tail = tail(body, TAIL_LINES);
        return new TextFacts(Status.OK, format, head(body), tail, WordCounter.count(body), notes, boxes, "", application,
                redTitle, redRule, revisions, comments, sealImage, ReportText.pii(body),
                ReportText.signature(tail), marks);
    }

    /** The first non-blank lines (stripped), for titles and secrecy marks; n at most {@link #HEAD_LINES}. */
    public String firstLines(int n) {
        return head.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(n)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The last non-blank lines (stripped), for a 落款; n at most {@link #TAIL_LINES}. */
    public List<String> lastLines(int n) {
        return tail.subList(Math.max(0, tail.size() - n), tail.size());
    }

    /** The body up to the end of its HEAD_LINES-th non-blank line (so also its first HEAD_LINES lines). */
    static String head(CharSequence body) {
        int nonBlank = 0;
        int i = 0;
        int n = body.length();
        while (i < n && nonBlank < HEAD_LINES && i < HEAD_CHARS) {
            int end = i;
            boolean blank = true;
            while (end < n && body.charAt(end) != '\n' && body.charAt(end) != '\r') {
                if (!Character.isWhitespace(body.charAt(end))) blank = false;
                end++;
            }
            if (!blank) nonBlank++;
            i = end;
            if (nonBlank < HEAD_LINES && i < n) {
                i += body.charAt(i) == '\r' && i + 1 < n && body.charAt(i + 1) == '\n' ? 2 : 1;
            }
        }
        return body.subSequence(0, Math.min(i, Math.min(n, HEAD_CHARS))).toString();
    }

    /** The last {@code n} non-blank lines, stripped, in reading order. */
    static List<String> tail(CharSequence body, int n) {
        List<String> out = new ArrayList<>();
        int end = body.length();
        while (end > 0 && out.size() < n) {
            int start = end;
            while (start > 0 && body.charAt(start - 1) != '\n' && body.charAt(start - 1) != '\r') start--;
            // A kept line is at most TAIL_CHARS long (its end): a 落款 line is short.
            String line = body.subSequence(Math.max(start, end - TAIL_CHARS), end).toString().strip();
            if (!line.isEmpty()) out.add(line);
            end = start - 1;
            if (end > 0 && body.charAt(end) == '\n' && body.charAt(end - 1) == '\r') end--;
        }
        Collections.reverse(out);
        return out;
    }
}
