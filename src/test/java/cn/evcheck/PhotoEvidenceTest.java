package cn.evcheck;

import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PhotoFacts;
import cn.evcheck.inspect.Pixels;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Fonts;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.*;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.*;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 3: festivals, duplicates, date honesty, real-world JPEGs, quality, combined PDFs. */
class PhotoEvidenceTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: photos
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: P-1
                categories: [义诊, 献血]
                materials:
                  - {kind: photos, each: category, min: 1, per: month, caption: [time, organizer, theme]}
              - id: F-1
                years: [2019]
                materials:
                  - {kind: photos, min: 3, per: festival, festivals: [春节, 端午节, 中秋节]}
            """;

    JsonNode check(Pkg p, String asOf) throws Exception {
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", asOf, "--format", "json");
        assertTrue(r.code() <= 1, r.err());
        return new ObjectMapper().readTree(r.out());
    }

    static List<JsonNode> findings(JsonNode j, String code) {
        List<JsonNode> out = new ArrayList<>();
        j.get("findings").forEach(f -> {
            if (f.get("code").asText().equals(code)) out.add(f);
        });
        return out;
    }

    static BufferedImage scene(long seed, int dx) {
        BufferedImage img = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(200, 180, 150), 1200, 900, new Color(60, 90, 140)));
        g.fillRect(0, 0, 1200, 900);
        for (int i = 0; i < 8; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            int x = r.nextInt(1200);
            int y = r.nextInt(900);
            g.fillOval(x - 150 + dx * (i % 2 == 0 ? 1 : -1), y - 112, 240 + r.nextInt(240), 180 + r.nextInt(180));
        }
        g.dispose();
        return img;
    }

    static BufferedImage copy(BufferedImage src, int x, int y, int w, int h, int outW, int outH) {
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        out.createGraphics().drawImage(src, 0, 0, outW, outH, x, y, x + w, y + h, null);
        return out;
    }

    @Test
    void nearDuplicatesGroupAndDifferentPhotosOfTheSameEventDoNot() throws Exception {
        BufferedImage o = scene(1, 0);
        byte[] orig = Jpegs.encode(o, 0.9f);
        Pkg p = new Pkg(tmp.resolve("pkg"));
        String d = "P-1/图片/义诊/";
        String cap = "时间：2019年%d月5日 主办单位：青口中心卫生院 主题：义诊";
        p.file(d + "01 原图.jpg", withCaption(orig, String.format(cap, 1)));
        p.file(d + "02 缩小.jpg", withCaption(Jpegs.encode(copy(o, 0, 0, 1200, 900, 800, 600), 0.85f), String.format(cap, 2)));
        p.file(d + "03 重新压缩.jpg", withCaption(Jpegs.encode(o, 0.6f), String.format(cap, 3)));
        p.file(d + "04 裁剪.jpg", withCaption(Jpegs.encode(copy(o, 30, 22, 1140, 856, 1140, 856), 0.85f), String.format(cap, 4)));
        p.file("P-1/图片/献血/05 同一文件.jpg", withCaption(orig, "时间：2019年5月5日 主办单位：青口中心卫生院 主题：献血"));
        p.file(d + "06 同一活动另一张.jpg", withCaption(Jpegs.encode(scene(1, 150), 0.9f), String.format(cap, 6)));
        p.file(d + "07 另一活动.jpg", withCaption(Jpegs.encode(scene(2, 0), 0.9f), String.format(cap, 7)));
        JsonNode j = check(p, "2019-12-31");
        List<JsonNode> dups = findings(j, "photo.duplicate");
        // Every later use is a copy to replace, and each names the original it copies.
        List<String> copies = new ArrayList<>();
        for (JsonNode dup : dups) {
            JsonNode data = dup.get("data");
            copies.add(dup.get("file").asText().replaceAll(".*/", "") + (data.get("identical").asBoolean() ? " identical" : " near"));
            assertEquals("01 原图.jpg", data.get("original").get("file").asText().replaceAll(".*/", ""), dup.toString());
            assertTrue(dup.get("message").asText().startsWith("与 P-1/图片/义诊/01 原图.jpg（2019-01-05）"), dup.toString());
        }
        assertEquals(List.of("02 缩小.jpg near", "03 重新压缩.jpg near", "04 裁剪.jpg near", "05 同一文件.jpg near"),
                copies.stream().sorted().toList());
        List<String> files = new ArrayList<>();
        dups.get(0).get("data").get("files").forEach(f -> files.add(f.get("file").asText().replaceAll(".*/", "")
                + "@" + f.get("date").asText()));
        assertEquals(List.of("01 原图.jpg@2019-01-05", "02 缩小.jpg@2019-02-05", "03 重新压缩.jpg@2019-03-05", "04 裁剪.jpg@2019-04-05",
                "05 同一文件.jpg@2019-05-05"), files);
        Map<String, String> groups = new HashMap<>();
        j.get("photos").forEach(ph -> groups.put(ph.get("file").asText().replaceAll(".*/", ""), ph.get("duplicate_group").asText()));
        assertEquals("dup-1", groups.get("04 裁剪.jpg"));
        assertEquals("null", groups.get("07 另一活动.jpg"));
        assertEquals("null", groups.get("06 同一活动另一张.jpg"));
    }

    static byte[] withCaption(byte[] jpeg, String caption) {
        Jpegs.Exif e = new Jpegs.Exif();
        e.xpComment = caption;
        return Jpegs.withMetadata(jpeg, e, null, null);
    }

    @Test
    void festivalsCountInTheirWindowAndShortfallsAreGaps() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        // 2019 春节 is 02-05: window 01-29 … 02-12.
        p.file("F-1/图片/2019-01-29 迎春.jpg", Jpegs.image(640, 480, 1, 0.7f));
        p.file("F-1/图片/2019-02-05 拜年.jpg", Jpegs.image(640, 480, 2, 0.7f));
        p.file("F-1/图片/2019-02-12 送春联.jpg", Jpegs.image(640, 480, 3, 0.7f));
        p.file("F-1/图片/2019-02-13 太晚.jpg", Jpegs.image(640, 480, 4, 0.7f));
        // 2019 端午 is 06-07: only one photo.
        p.file("F-1/图片/2019-06-07 包粽子.jpg", Jpegs.image(640, 480, 5, 0.7f));
        JsonNode j = check(p, "2019-09-01");   // 中秋 09-13 not yet started
        List<JsonNode> gaps = findings(j, "coverage.gap");
        assertEquals(1, gaps.size(), gaps.toString());
        JsonNode gap = gaps.get(0);
        assertEquals("2019 端午节", gap.get("period").asText());
        assertEquals("端午节", gap.get("data").get("festival").asText());
        assertEquals(2019, gap.get("data").get("year").asInt());
        assertEquals(1, gap.get("data").get("have").asInt());
        assertEquals(3, gap.get("data").get("need").asInt());
        assertTrue(findings(j, "coverage.pending").isEmpty());
    }

    @Test
    void dateHonesty() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        String d = "P-1/图片/义诊/";
        p.file(d + "差一天.jpg", exif(640, "时间：2019年3月5日 主办单位：卫生院 主题：义诊", "2019:03:06 09:00:00"));
        p.file(d + "差一月.jpg", exif(640, "时间：2019年3月5日 主办单位：卫生院 主题：义诊", "2019:04:20 09:00:00"));
        p.file(d + "相机默认.jpg", exif(640, null, "2000:01:01 00:00:00"));
        p.file(d + "未来.jpg", exif(640, null, "2031:05:01 00:00:00"));
        p.file(d + "2018-12-20 期前.jpg", Jpegs.image(640, 480, 9, 0.7f));
        p.file(d + "只有拍摄日期.jpg", exif(640, null, "2019:05:09 10:00:00"));
        JsonNode j = check(p, "2019-12-31");
        List<JsonNode> conflicts = findings(j, "photo.date_conflict");
        assertEquals(1, conflicts.size());
        assertEquals("2019-03-05", conflicts.get(0).get("data").get("caption_date").asText());
        assertEquals("2019-04-20", conflicts.get(0).get("data").get("exif_date").asText());
        assertTrue(conflicts.get(0).get("file").asText().endsWith("差一月.jpg"));
        Set<String> undated = new TreeSet<>();
        findings(j, "photo.undated").forEach(f -> undated.add(f.get("file").asText().replaceAll(".*/", "")));
        assertEquals(Set.of("相机默认.jpg", "未来.jpg"), undated);
        List<JsonNode> out = findings(j, "photo.out_of_period");
        assertEquals(1, out.size());
        assertEquals("2018-12-20", out.get(0).get("data").get("date").asText());
        Map<String, String> src = new HashMap<>();
        j.get("photos").forEach(ph -> src.put(ph.get("file").asText().replaceAll(".*/", ""), ph.get("date_source").asText()));
        assertEquals("exif", src.get("只有拍摄日期.jpg"));
        assertEquals("caption", src.get("差一天.jpg"));
    }

    static byte[] exif(int w, String caption, String date) {
        Jpegs.Exif e = new Jpegs.Exif();
        e.xpComment = caption;
        e.dateTimeOriginal = date;
        return Jpegs.withMetadata(Jpegs.image(w, w * 3 / 4, w, 0.7f), e, null, null);
    }

    @Test
    void qualityPrivacyAndPlacement() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        String cap = "时间：2019年3月5日 主办单位：卫生院 主题：义诊";
        p.file("P-1/图片/义诊/小图.jpg", withCaption(Jpegs.image(600, 400, 1, 0.7f), cap));
        Jpegs.Exif gps = new Jpegs.Exif();
        gps.xpComment = cap;
        gps.gps = new double[]{34.8, 119.1};
        p.file("P-1/图片/义诊/定位.jpg", Jpegs.withMetadata(Jpegs.image(800, 600, 2, 0.7f), gps, null, null));
        p.file("P-1/图片/其他活动/合影.jpg", withCaption(Jpegs.image(800, 600, 3, 0.7f), cap));
        p.file("P-1/图片/义诊/文件名说明.jpg", withCaption(Jpegs.image(800, 600, 4, 0.7f), "文件名说明"));
        JsonNode j = check(p, "2019-12-31");
        assertEquals(List.of("小图.jpg"), names(findings(j, "photo.low_resolution")));
        assertEquals("info", findings(j, "photo.gps").get(0).get("severity").asText());
        assertEquals(List.of("定位.jpg"), names(findings(j, "photo.gps")));
        assertEquals(List.of("合影.jpg"), names(findings(j, "photo.category_unknown")));
        assertEquals("其他活动", findings(j, "photo.category_unknown").get(0).get("data").get("folder").asText());
        // A caption that only repeats the file name is no caption (the name itself then stands in).
        JsonNode named = null;
        for (JsonNode ph : j.get("photos")) if (ph.get("file").asText().endsWith("文件名说明.jpg")) named = ph;
        assertEquals("文件名", named.get("caption_sources").get(0).asText());
    }

    static List<String> names(List<JsonNode> fs) {
        return fs.stream().map(f -> f.get("file").asText().replaceAll(".*/", "")).sorted().toList();
    }

    @Test
    void decompressionBombIsRefusedFromTheHeader() throws Exception {
        byte[] jpg = Jpegs.image(640, 480, 1, 0.7f);
        byte[] bomb = jpg.clone();
        for (int i = 2; i + 9 < bomb.length; i++) {
            if ((bomb[i] & 0xFF) == 0xFF && (bomb[i + 1] & 0xFF) == 0xC0) {   // SOF0: height, width
                bomb[i + 5] = (byte) (20000 >> 8);
                bomb[i + 6] = (byte) (20000 & 0xFF);
                bomb[i + 7] = (byte) (20000 >> 8);
                bomb[i + 8] = (byte) (20000 & 0xFF);
                break;
            }
        }
        PhotoFacts pf = JpegInspector.inspect(bomb, true, true);
        assertTrue(pf.tooComplex());
        assertNull(pf.phash());
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("P-1/图片/义诊/炸弹.jpg", bomb);
        JsonNode j = check(p, "2019-12-31");
        List<JsonNode> all = new ArrayList<>();
        j.get("findings").forEach(f -> {
            if (f.get("file").asText().endsWith("炸弹.jpg")) all.add(f);
        });
        assertEquals(1, all.size(), all.toString());
        assertEquals("file.too_complex", all.get(0).get("code").asText());
    }

    @Test
    void progressiveCmykAndTrailingGarbageDecode() throws Exception {
        BufferedImage red = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = red.createGraphics();
        g.setColor(new Color(230, 20, 20));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        byte[] progressive = Jpegs.encode(red, 0.75f, true);
        PhotoFacts pf = JpegInspector.inspect(progressive, true, true);
        assertNull(pf.problem());
        assertNotNull(pf.phash());

        byte[] cmyk = Jpegs.cmykRed(320, 240);
        BufferedImage decoded = Pixels.decodeSmall(cmyk, 320, 240, 64);
        int rgb = decoded.getRGB(decoded.getWidth() / 2, decoded.getHeight() / 2);
        int r = (rgb >> 16) & 0xFF;
        int gg = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        assertTrue(r > 180 && gg < 90 && b < 90, "CMYK red decoded as " + r + "," + gg + "," + b);

        byte[] garbage = Arrays.copyOf(Jpegs.image(640, 480, 5, 0.7f), 0);
        byte[] base = Jpegs.image(640, 480, 5, 0.7f);
        garbage = Arrays.copyOf(base, base.length + 4096);
        new Random(1).nextBytes(Arrays.copyOfRange(garbage, base.length, garbage.length));
        PhotoFacts withTail = JpegInspector.inspect(garbage, true, true);
        assertNull(withTail.problem());
        assertNotNull(withTail.phash());
    }

    @Test
    void combinedPdfCountsEachPageWithAnImage() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(doc, Fonts.cjkFile().toFile());
            String[] captions = {"时间：2019年3月5日 主办单位：青口中心卫生院 主题：学雷锋义诊", null, "只有文字的一页"};
            for (int i = 0; i < 3; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    if (i < 2) {
                        var img = JPEGFactory.createFromByteArray(doc, Jpegs.image(800, 600, 10 + i, 0.7f));
                        cs.drawImage(img, 50, 250, 400, 300);
                    }
                    if (captions[i] != null) {
                        cs.beginText();
                        cs.newLineAtOffset(50, 200);
                        cs.setFont(font, 12);
                        cs.showText(captions[i]);
                        cs.endText();
                    }
                }
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        p.file("P-1/图片/义诊/三月义诊合集.pdf", pdf);
        JsonNode j = check(p, "2019-12-31");
        List<JsonNode> photos = new ArrayList<>();
        j.get("photos").forEach(photos::add);
        assertEquals(2, photos.size(), photos.toString());
        assertEquals(1, photos.get(0).get("page").asInt());
        assertEquals("2019-03-05", photos.get(0).get("date").asText());
        assertEquals("pdf_text", photos.get(0).get("date_source").asText());
        assertTrue(photos.get(0).get("counted").asBoolean());
        List<JsonNode> missing = findings(j, "photo.caption_missing");
        assertEquals(1, missing.size());
        assertEquals(2, missing.get(0).get("data").get("page").asInt());
        List<JsonNode> noImage = findings(j, "photo.page_without_image");
        assertTrue(findings(j, "photo.format").isEmpty());
        assertEquals(1, noImage.size());
        assertEquals(3, noImage.get(0).get("data").get("page").asInt());
        List<String> gaps = new ArrayList<>();
        for (JsonNode gap : findings(j, "coverage.gap")) {
            if (gap.get("data").get("category").asText().equals("义诊")) gaps.add(gap.get("period").asText());
        }
        assertEquals(11, gaps.size());
        assertFalse(gaps.contains("2019-03"), "March is covered by page 1");
        assertTrue(findings(j, "photo.too_large").isEmpty());
    }
}
