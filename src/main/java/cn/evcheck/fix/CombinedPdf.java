package cn.evcheck.fix;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code --combine-pdf}: the photos of one folder as one PDF ("也可统一制作成PDF上传"), one photo per
 * A4 page, its caption printed below it in an embedded CJK font. Each page's image is the photo's
 * own JPEG (already within the size limit), embedded as it is, not re-encoded. Deterministic: the
 * same photos, captions and font give the same bytes (fixed document id, no dates).
 */
final class CombinedPdf {
    private CombinedPdf() {}

    /** A photo on a page: its JPEG and caption (may be empty). */
    record PagePhoto(String rel, byte[] jpeg, String caption) {}

    /** Where CJK fonts are looked for when no --font is given (overridable for tests: evcheck.fontDirs). */
    static List<Path> fontDirs() {
        String prop = System.getProperty("evcheck.fontDirs");
        List<Path> dirs = new ArrayList<>();
        if (prop != null) {
            for (String s : prop.split(java.io.File.pathSeparator)) if (!s.isBlank()) dirs.add(Path.of(s));
            return dirs;
        }
        String win = System.getenv("WINDIR");
        if (win != null) dirs.add(Path.of(win, "Fonts"));
        dirs.add(Path.of("/usr/share/fonts"));
        dirs.add(Path.of("/usr/local/share/fonts"));
        dirs.add(Path.of(System.getProperty("user.home"), ".local", "share", "fonts"));
        dirs.add(Path.of("/System/Library/Fonts"));
        dirs.add(Path.of("/Library/Fonts"));
        return dirs;
    }

    /** File names of TrueType CJK fonts, most wanted first (CFF-based OpenType such as Noto CJK cannot be embedded by PDFBox). */
    static final List<String> WANTED = List.of("simsun.ttc", "simsun.ttf", "msyh.ttc", "msyh.ttf", "simhei.ttf", "simkai.ttf",
            "wqy-microhei.ttc", "wqy-zenhei.ttc", "ukai.ttc", "uming.ttc", "droidsansfallbackfull.ttf", "droidsansfallback.ttf",
            "notosanscjk-regular.ttc", "notosanssc-regular.ttf", "lxgwwenkai-regular.ttf");

    /** The first wanted font found in {@link #fontDirs}, or null. */
    static Path findFont() {
        for (String want : WANTED) {
            for (Path dir : fontDirs()) {
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> s = Files.walk(dir, 4)) {
                    Path hit = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(want)).sorted().findFirst().orElse(null);
                    if (hit != null && usable(hit)) return hit;
                } catch (IOException | RuntimeException e) {
                    // An unreadable folder: look on.
                }
            }
        }
        return null;
    }

    /** Whether PDFBox can embed the font and it has the glyphs of a typical caption. */
    static boolean usable(Path font) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font f = load(doc, font);
            f.encode("时间主办单位主题");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static PDType0Font load(PDDocument doc, Path font) throws IOException {
        if (font.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(font.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(t -> {
                if (first[0] == null) first[0] = t;
            });
            if (first[0] == null) throw new IOException("empty font collection");
            return PDType0Font.load(doc, first[0], true);
        }
        return PDType0Font.load(doc, font.toFile());
    }

    /** One PDF of the photos, in the order given. */
    static byte[] build(List<PagePhoto> photos, Path font) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.setDocumentId(1L);
            PDType0Font f = load(doc, font);
            float margin = 40;
            float fontSize = 12;
            float leading = 17;
            for (PagePhoto p : photos) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject img = JPEGFactory.createFromByteArray(doc, p.jpeg());
                float width = page.getMediaBox().getWidth() - 2 * margin;
                List<String> lines = wrap(f, clean(f, p.caption()), fontSize, width);
                float captionHeight = lines.size() * leading + 10;
                float maxH = page.getMediaBox().getHeight() - 2 * margin - captionHeight;
                float scale = Math.min(width / img.getWidth(), maxH / img.getHeight());
                float w = img.getWidth() * scale;
                float h = img.getHeight() * scale;
                float top = page.getMediaBox().getHeight() - margin;
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(img, margin + (width - w) / 2, top - h, w, h);
                    float y = top - h - 10 - fontSize;
                    for (String line : lines) {
                        cs.beginText();
                        cs.setFont(f, fontSize);
                        cs.newLineAtOffset(margin, y);
                        cs.showText(line);
                        cs.endText();
                        y -= leading;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The caption without characters the font cannot draw (and without line breaks). */
    private static String clean(PDType0Font f, String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        s.replaceAll("\\s+", " ").strip().codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                f.encode(c);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append(' ');
            }
        });
        return b.toString().strip();
    }

    /** The caption in lines no wider than {@code width} (broken at any character: Chinese has no spaces). */
    private static List<String> wrap(PDType0Font f, String s, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (f.getStringWidth(cur + c) / 1000 * size > width && cur.length() > 0) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(c);
            i += Character.charCount(cp);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        return lines;
    }
}
