package cn.evcheck.inspect;

/**
 * The text of a report-like document and what an assessor would notice in it.
 *
 * @param status      OK, or why there is no text (ENCRYPTED, UNPARSEABLE, TOO_COMPLEX, WORKS)
 * @param format      the real format read: docx, doc, wps, uof, uot …
 * @param body        body text including tables (paragraphs separated by '\n'); empty unless OK
 * @param counts      counts of the body — Word's 字数 as the dialog shows it by default
 * @param notes       counts of footnotes and endnotes (Word counts them only on request)
 * @param boxes       counts of text boxes (likewise)
 * @param detail      a short technical reason when not OK
 * @param application the producing application from the file's properties, or ""
 * @param redTitle    the first paragraphs hold large red text (a born-digital 红头)
 * @param redRule     the first paragraphs hold a red border or line (the 红头's separation line)
 * @param revisions   tracked insertions, deletions and moves left in the file
 * @param comments    comments left in the file
 * @param sealImage   an embedded picture that looks like a red seal
 */
public record TextFacts(Status status, String format, String body, WordCounter.Counts counts, WordCounter.Counts notes,
                        WordCounter.Counts boxes, String detail, String application, boolean redTitle, boolean redRule,
                        int revisions, int comments, boolean sealImage) {
    public enum Status { OK, ENCRYPTED, UNPARSEABLE, TOO_COMPLEX, WORKS }

    public static TextFacts failed(Status status, String format, String detail) {
        return new TextFacts(status, format, "", WordCounter.Counts.ZERO, WordCounter.Counts.ZERO, WordCounter.Counts.ZERO,
                detail, "", false, false, 0, 0, false);
    }

    /** Plain body text and nothing else known. */
    public static TextFacts ok(String format, String body) {
        return new TextFacts(Status.OK, format, body, WordCounter.count(body), WordCounter.Counts.ZERO, WordCounter.Counts.ZERO,
                "", "", false, false, 0, 0, false);
    }

    /** The first non-blank lines, for titles and secrecy marks. */
    public String firstLines(int n) {
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(n)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /** The last non-blank lines, for a 落款. */
    public java.util.List<String> lastLines(int n) {
        java.util.List<String> all = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
