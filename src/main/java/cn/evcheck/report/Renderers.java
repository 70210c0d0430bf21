package cn.evcheck.report;

import cn.evcheck.model.Report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Every output format, in the fixed order the CLI lists them: text, json, html, xlsx, md, sarif,
 * junit. The CLI validates {@code --format}, describes the formats in {@code --help} and writes
 * reports only through this registry.
 */
public final class Renderers {
    private Renderers() {}

    /** The only file with a byte-order mark: report.txt is what a clerk double-clicks, and Notepad before
     *  Windows 10 (1903) reads UTF-8 without one as GBK. Markdown, JSON, HTML and XML go to tools and Git
     *  servers, which take UTF-8 as it is and may show a BOM as a stray character. */
    public static final Renderer TEXT = new Entry("text", "report.txt", true, false, true,
            (r, o) -> TextRenderer.render(r, o.english(), o.grouping()).getBytes(StandardCharsets.UTF_8));
    public static final Renderer JSON = new Entry("json", "report.json", true, false, false, (r, o) -> JsonRenderer.bytes(r, o.english()));
    public static final Renderer HTML = text("html", "report.html", true,
            (r, o) -> HtmlRenderer.render(r, o.english(), o.grouping(), o.thumbnails()));
    public static final Renderer XLSX = new Entry("xlsx", "report.xlsx", false, false, false,
            (r, o) -> XlsxRenderer.render(r, o.english(), o.grouping()));
    public static final Renderer MD = text("md", "report.md", false, (r, o) -> MarkdownRenderer.render(r, o.english(), o.grouping()));
    public static final Renderer SARIF = text("sarif", "report.sarif", false, (r, o) -> SarifRenderer.render(r, o.english()));
    public static final Renderer JUNIT = text("junit", "report.junit.xml", false, (r, o) -> JunitRenderer.render(r, o.english()));

    private static final List<Renderer> ALL = List.of(TEXT, JSON, HTML, XLSX, MD, SARIF, JUNIT);

    /** Every renderer, in the fixed order. */
    public static List<Renderer> all() {
        return ALL;
    }

    /** The renderer of a {@code --format} name (case and surrounding blanks ignored), or null. */
    public static Renderer byName(String name) {
        if (name == null) return null;
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (Renderer r : ALL) if (r.name().equals(n)) return r;
        return null;
    }

    /** The {@code --format} names, in order. */
    public static List<String> names() {
        return ALL.stream().map(Renderer::name).toList();
    }

    private static Renderer text(String name, String file, boolean thumbnails, BiFunction<Report, Renderer.Options, String> body) {
        return new Entry(name, file, true, thumbnails, false, (r, o) -> body.apply(r, o).getBytes(StandardCharsets.UTF_8));
    }

    private record Entry(String name, String fileName, boolean toStdout, boolean usesThumbnails, boolean byteOrderMark,
                         BiFunction<Report, Renderer.Options, byte[]> body) implements Renderer {
        @Override
        public byte[] render(Report report, Renderer.Options options) {
            return body.apply(report, options);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The report's one-line summary (items by status, findings by severity), as the reports state it. */
    public static String summary(cn.evcheck.model.Report r, boolean en) {
        return Sections.summary(r, en);
    }
}
