package cn.evcheck.inspect;

/**
 * The text of a report-like document and its counts.
 *
 * @param status      OK, or why there is no text (ENCRYPTED, UNPARSEABLE, TOO_COMPLEX, WORKS)
 * @param format      the real format read: docx, doc, wps, uof, uot …
 * @param body        body text (paragraphs separated by '\n'); empty unless OK
 * @param counts      counts of the body
 * @param detail      a short technical reason when not OK
 * @param application the producing application from the file's properties, or ""
 */
public record TextFacts(Status status, String format, String body, WordCounter.Counts counts, String detail,
                        String application) {
    public enum Status { OK, ENCRYPTED, UNPARSEABLE, TOO_COMPLEX, WORKS }

    public static TextFacts failed(Status status, String format, String detail) {
        return new TextFacts(status, format, "", WordCounter.Counts.ZERO, detail, "");
    }

    /** The first non-blank lines, for titles and secrecy marks. */
    public String firstLines(int n) {
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(n)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
