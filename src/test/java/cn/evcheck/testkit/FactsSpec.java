package cn.evcheck.testkit;

import cn.evcheck.inspect.*;
import cn.evcheck.scan.FileEntry;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the facts inspection would produce for a file from a few lines of YAML, so check
 * tests state exactly what a check sees: {@code photo}, {@code text}, {@code pdf}, {@code doc},
 * {@code sheet}, {@code read_error} and {@code refused}. Absent keys take the values of a sound,
 * ordinary file. {@code text} and {@code doc} take {@code marks:} (see {@link #marks}); by default a
 * Word-family file and a PDF with a text layer have none, a scan's cannot be judged. A scan without
 * a text layer and without {@code ocr} text is one OCR could not read.
 */
public final class FactsSpec {
    private FactsSpec() {}

    public static Facts facts(FileEntry f, JsonNode spec) {
        if (spec.has("read_error")) return Facts.readError(f, spec.get("read_error").asText());
        if (spec.has("refused")) return Facts.refused(f, spec.get("refused").asText());
        return new Facts(f, null, photo(spec.get("photo")), text(spec.get("text")), pdf(spec.get("pdf")),
                doc(spec.get("doc")), sheet(spec.get("sheet")), null, null);
    }

    private static PhotoFacts photo(JsonNode n) {
        if (n == null) return null;
        List<PhotoFacts.Caption> captions = new ArrayList<>();
        if (n.has("caption")) captions.add(new PhotoFacts.Caption("XPComment", n.get("caption").asText()));
        if (n.has("captions")) {
            n.get("captions").fields().forEachRemaining(e -> captions.add(new PhotoFacts.Caption(e.getKey(), e.getValue().asText())));
        }
        LocalDateTime exif = n.has("exif") ? LocalDate.parse(n.get("exif").asText()).atTime(10, 0) : null;
        Long phash = n.has("phash") ? Long.parseUnsignedLong(n.get("phash").asText(), 16) : null;
        return new PhotoFacts(n.path("width").asInt(1600), n.path("height").asInt(1200), str(n, "problem", null),
                n.path("bomb").asBoolean(false), captions, exif, n.path("gps").asBoolean(false), str(n, "sha", null), phash);
    }

    private static TextFacts text(JsonNode n) {
        if (n == null) return null;
        TextFacts.Status status = TextFacts.Status.valueOf(str(n, "status", "OK"));
        String format = str(n, "format", "docx");
        if (status != TextFacts.Status.OK) return TextFacts.failed(status, format, str(n, "detail", ""));
        String body = str(n, "body", "");
        if (n.has("words")) {
            int more = n.get("words").asInt() - WordCounter.count(body).words();
            if (more > 0) body = body + (body.isEmpty() ? "" : "\n") + "字".repeat(more);
        }
        return TextFacts.of(format, body, WordCounter.count("注".repeat(n.path("notes").asInt(0))),
                WordCounter.count("框".repeat(n.path("boxes").asInt(0))), "", n.path("red_title").asBoolean(false), false,
                n.path("revisions").asInt(0), n.path("comments").asInt(0), n.path("seal_image").asBoolean(false),
                marks(n.get("marks"), Marks.none())).withStories(stories(n.get("stories")))
                .withSubdocsExcluded(n.path("subdocs_excluded").asBoolean(false));
    }

    /** stories: {页眉页脚: "…", 文本框: "…", 脚注尾注: "…"} — the document's other stories' text. */
    private static TextFacts.Story[] stories(JsonNode n) {
        if (n == null) return new TextFacts.Story[0];
        List<TextFacts.Story> out = new ArrayList<>();
        n.fields().forEachRemaining(e -> out.add(TextFacts.Story.of(e.getKey(), e.getValue().asText())));
        return out.toArray(new TextFacts.Story[0]);
    }

    /**
     * {@code marks:} as a word — {@code none} (read, no marks) or why marks cannot be judged
     * ({@code no_colour}, {@code greyscale}, {@code not_paper}, {@code unread}, {@code not_read}) — or as
     * counts: {@code {highlights: 2, shading: 0, underlines: 0, comments: 1, drawn: 0, pages: [1], sample: …}}.
     */
    static Marks marks(JsonNode n, Marks dflt) {
        if (n == null || n.isNull()) return dflt;
        if (n.isTextual()) return n.asText().equals("none") ? Marks.none() : Marks.notJudgeable(n.asText());
        List<Integer> pages = new ArrayList<>();
        for (JsonNode p : n.path("pages")) pages.add(p.asInt());
        return Marks.of(n.path("highlights").asInt(0), n.path("shading").asInt(0), n.path("underlines").asInt(0),
                n.path("comments").asInt(0), n.path("drawn").asInt(0), pages, str(n, "sample", ""));
    }

    private static PdfFacts pdf(JsonNode n) {
        if (n == null) return null;
        if (n.has("problem")) return PdfFacts.failed(n.get("problem").asText(), str(n, "detail", ""));
        List<PdfFacts.Page> pages = new ArrayList<>();
        int i = 0;
        for (JsonNode p : n.path("pages")) {
            Long phash = p.has("phash") ? Long.parseUnsignedLong(p.get("phash").asText(), 16) : null;
            pages.add(new PdfFacts.Page(++i, p.path("images").asInt(1), 1600, 1200, str(p, "text", ""), phash));
        }
        return new PdfFacts(null, "", pages.size(), pages);
    }

    private static DocFacts doc(JsonNode n) {
        if (n == null) return null;
        if (n.has("problem")) return DocFacts.failed(n.get("problem").asText(), str(n, "detail", ""));
        // red_header / seal: page 1; last_seal: a seal on the last page only; paper: false for a photo
        // of anything but a page; greyscale: a page scanned without colour.
        boolean paper = n.path("paper").asBoolean(true);
        double colour = n.path("greyscale").asBoolean(false) ? 0 : 0.02;
        boolean header = n.path("red_header").asBoolean(false);
        boolean seal = n.path("seal").asBoolean(false);
        ScanDetector.Result first = new ScanDetector.Result(header, header, 0, 10, seal, seal ? 1 : 0, paper, 600, 848, colour, colour == 0);
        boolean lastSeal = n.path("last_seal").asBoolean(false);
        ScanDetector.Result last = !lastSeal ? first
                : new ScanDetector.Result(false, false, 0, -1, true, 1, paper, 600, 848, colour, colour == 0);
        String text = str(n, "text", "");
        DocFacts.OcrState ocr = n.has("ocr_state") ? DocFacts.OcrState.valueOf(n.get("ocr_state").asText())
                : !text.isEmpty() ? DocFacts.OcrState.NOT_NEEDED : n.has("ocr") ? DocFacts.OcrState.RAN : DocFacts.OcrState.UNAVAILABLE;
        // An ordinary scan shows nothing coloured but its red parts; a born-digital PDF without annotations has no marks.
        Marks marks = marks(n.get("marks"), text.isEmpty() ? Marks.notJudgeable(Marks.NO_COLOUR) : Marks.none());
        // tops: the top of each page as read (a text layer's first lines, or OCR of a scan's top band).
        List<String> tops = new ArrayList<>();
        n.path("tops").forEach(t -> tops.add(t.asText()));
        return new DocFacts(null, "", n.path("pages").asInt(Math.max(tops.size(), lastSeal ? 2 : 1)), text, first, last,
                str(n, "ocr", ""), ocr, 1600, 2262, 0, marks, tops);
    }

    private static SheetFacts sheet(JsonNode n) {
        if (n == null) return null;
        if (n.has("problem")) return SheetFacts.failed(n.get("problem").asText(), str(n, "detail", ""));
        List<SheetFacts.Row> rows = new ArrayList<>();
        int r = 1;
        for (JsonNode row : n.path("rows")) {
            String raw = str(row, "value", "");
            rows.add(new SheetFacts.Row(++r, row.get("metric").asText(), raw, number(raw),
                    row.has("previous") ? row.get("previous").asDouble() : null));
        }
        return new SheetFacts(null, "", rows);
    }

    private static Double number(String raw) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[-+]?\\d+(?:\\.\\d+)?").matcher(raw);
        return m.find() ? Double.parseDouble(m.group()) : null;
    }

    private static String str(JsonNode n, String key, String dflt) {
        return n.has(key) && !n.get(key).isNull() ? n.get(key).asText() : dflt;
    }
}
