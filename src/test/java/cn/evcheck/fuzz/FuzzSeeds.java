package cn.evcheck.fuzz;

import cn.evcheck.inspect.DocNumbers;
import cn.evcheck.inspect.DocxReader;
import cn.evcheck.inspect.FuzzHooks;
import cn.evcheck.inspect.JpegInspector;
import cn.evcheck.inspect.PdfInspector;
import cn.evcheck.inspect.SecrecyMarks;
import cn.evcheck.inspect.TextFacts;
import cn.evcheck.inspect.Word97Reader;
import cn.evcheck.rules.PackageConfig;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Hostile;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Lookalikes;
import cn.evcheck.testkit.Pkg;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed corpus of {@link ParserFuzzTest}: small files made here (testkit, POI, PDFBox, or by hand),
 * never downloaded ones. {@link #write()} regenerates them (run with {@code -Devcheck.writeFuzzSeeds=true
 * -Dtest=FuzzSeeds}); crashers the fuzzer found are kept beside them as they are, under Jazzer's names
 * ({@code crash-<sha1>}), and are not touched by the generator. Files made by POI carry a creation
 * time, so regenerating changes their bytes, not their kind.
 */
class FuzzSeeds {
    static final Path INPUTS = Path.of("src/test/resources/cn/evcheck/fuzz/ParserFuzzTestInputs");

    /** Every fuzz target has seeds: a target without any would run on nothing but the empty input. */
    @Test
    void everyTargetHasCommittedSeeds() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Method m : ParserFuzzTest.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(FuzzTest.class)) continue;
            Path d = INPUTS.resolve(m.getName());
            long n;
            try (Stream<Path> s = Files.isDirectory(d) ? Files.list(d) : Stream.empty()) {
                n = s.filter(Files::isRegularFile).count();
            }
            if (n == 0) missing.add(m.getName());
        }
        assertTrue(missing.isEmpty(), "fuzz targets without seeds under " + INPUTS + ": " + missing);
    }

    /** The seeds are sound files of their kind, so fuzzing starts from inputs that reach deep into each parser. */
    @Test
    void theSeedsAreSoundFiles() throws Exception {
        for (Path p : files("jpeg")) assertNull(JpegInspector.inspect(Files.readAllBytes(p), true, true).problem(), p::toString);
        for (Path p : files("pdfPages")) assertNull(PdfInspector.pages(Files.readAllBytes(p), false).problem(), p::toString);
        for (Path p : files("docx")) assertEquals(TextFacts.Status.OK, DocxReader.read(Files.readAllBytes(p)).status(), p::toString);
        for (Path p : files("word97")) assertEquals(TextFacts.Status.OK, Word97Reader.read(Files.readAllBytes(p), "doc").status(), p::toString);
        for (Path p : files("uof")) assertEquals(TextFacts.Status.OK, FuzzHooks.uofXml(Files.readAllBytes(p)).status(), p::toString);
        for (Path p : files("csv")) assertFalse(FuzzHooks.csv(Files.readAllBytes(p)).isEmpty(), p::toString);
        for (Path p : files("rules")) assertFalse(RuleLoader.load(Files.readAllBytes(p), p.toString(), p.toString()).items().isEmpty(), p::toString);
        assertEquals("shifeng-2017", PackageConfig.load(INPUTS.resolve("packageConfig")).rules());
        assertNotNull(DocNumbers.find(Files.readString(INPUTS.resolve("docNumber/standard.txt"))));
        assertNotNull(SecrecyMarks.find(Files.readString(INPUTS.resolve("secrecyMarks/top.txt")), 6));
    }

    /** The generated seeds of a target (crashers left aside). */
    private static List<Path> files(String target) throws IOException {
        try (Stream<Path> s = Files.list(INPUTS.resolve(target))) {
            List<Path> l = s.filter(p -> !p.getFileName().toString().startsWith("crash-")
                    && !p.getFileName().toString().startsWith("timeout-")).sorted().toList();
            assertFalse(l.isEmpty(), target);
            return l;
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "evcheck.writeFuzzSeeds", matches = "true")
    void write() throws IOException {
        for (Map.Entry<String, Map<String, byte[]>> target : seeds().entrySet()) {
            Path d = INPUTS.resolve(target.getKey());
            Files.createDirectories(d);
            for (Map.Entry<String, byte[]> seed : target.getValue().entrySet()) {
                Files.write(d.resolve(seed.getKey()), seed.getValue());
            }
        }
    }

    static Map<String, Map<String, byte[]>> seeds() throws IOException {
        Map<String, Map<String, byte[]>> all = new LinkedHashMap<>();
        byte[] photo = photo();
        byte[] progressive = Jpegs.encode(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Jpegs.image(24, 16, 7, 0.6f))), 0.6f, true);
        byte[] pdf = pdf();
        byte[] docx = Docs.docx("关于开展2019年关爱空巢老人志愿服务活动的通知", "区文明办〔2019〕5号", "各街道：", "现将有关事项通知如下。",
                "某某区文明办", "2019年5月6日");
        byte[] doc = Files.readAllBytes(Path.of("src/test/resources/fixtures/report-2019.doc"));
        byte[] uof = uof().getBytes(StandardCharsets.UTF_8);
        byte[] xlsx = Hostile.captionXlsx(3);
        byte[] xls = Lookalikes.chineseDateWorkbook(false);
        byte[] dataXlsx = Lookalikes.chineseDateWorkbook(true);

        all.put("sniff", seeds("photo.jpg", photo, "minimal.pdf", Pkg.minimalPdf(), "notice.docx", docx,
                "captions.xlsx", xlsx, "notice.ofd", Docs.ofd("关于开展志愿服务活动的通知"),
                "report.doc", doc, "report.uof", uof, "page.png", Jpegs.png(4, 4),
                "page.html", "<!DOCTYPE html><html><body>通知</body></html>".getBytes(StandardCharsets.UTF_8),
                "notes.txt", "说明报告\n志愿服务情况".getBytes(StandardCharsets.UTF_8),
                "letter.rtf", "{\\rtf1\\ansi hello}".getBytes(StandardCharsets.ISO_8859_1)));
        all.put("jpeg", seeds("exif-xmp-iptc.jpg", photo, "progressive.jpg", progressive,
                "plain.jpg", Jpegs.image(16, 16, 3, 0.5f)));
        all.put("pdfPages", seeds("photo-and-text.pdf", pdf, "minimal.pdf", Pkg.minimalPdf()));
        all.put("pdfDocument", seeds("photo-and-text.pdf", pdf, "minimal.pdf", Pkg.minimalPdf()));
        all.put("docx", seeds("notice.docx", docx,
                "report.docx", Files.readAllBytes(Path.of("src/test/resources/fixtures/uof-report-source.docx"))));
        all.put("word97", seeds("report-2019.doc", doc));
        all.put("uof", seeds("report.uof", uof));
        String captions = String.join("\n", Files.readAllLines(Path.of("src/test/resources/captions/corpus.tsv")).stream()
                .filter(l -> !l.startsWith("#")).limit(3).map(l -> l.split("\t")[0].replace("\\n", "\n")).toList());
        all.put("wordCount", seeds("report.txt", utf8("2019年关爱空巢老人志愿服务情况说明\n共有3,500名志愿者参与（占比12.5%）。GDP增长6.1%，"
                + "e-mail: office@example.cn 😀 ＡＢＣ\u200B\u3000全角空格")));
        all.put("caption", seeds("captions.txt", utf8(captions),
                "one-line.txt", utf8("2019年5月1日，区文明办在和平村文化广场开展“文明交通”志愿服务活动，由区委宣传部主办")));
        all.put("docNumber", seeds("standard.txt", utf8("中共某某区委宣传部\n某宣发〔2019〕5号\n关于……的通知"),
                "variants.txt", utf8("区文明办[2019]第05号 区卫计【二〇一九年】12号 株石创字（19） 3 号")));
        all.put("secrecyMarks", seeds("top.txt", utf8("机密★1年\n特急\n某某区文明办文件\n某文明〔2019〕5号"),
                "ocr.txt", utf8("内部资料 注意保存\n秘 密\n关于开展志愿服务活动的通知")));
        all.put("csv", seeds("utf8.csv", Hostile.captionCsv(3),
                "gb18030.csv", "文件名,图片说明\r\nIMG_1.jpg,\"时间：2019年5月1日\r\n地点：和平村\"\r\n".getBytes(Charset.forName("GB18030")),
                "utf16le-bom.csv", bom(new byte[]{(byte) 0xFF, (byte) 0xFE}, "file,caption\nphoto.jpg,\"a \"\"quoted\"\" caption\"\n", StandardCharsets.UTF_16LE),
                "data.csv", utf8("\uFEFF指标,实际值,上年值\n注册志愿者比例,12.5%,10\n")));
        all.put("sheet", seeds("captions.xlsx", xlsx, "data.xlsx", dataXlsx, "data.xls", xls,
                "captions.csv", Hostile.captionCsv(2)));
        all.put("rules", seeds("shifeng-2017-head.yaml", utf8(ruleHead()),
                "minimal.yaml", utf8("evcheck: 1\nid: t\nperiod: {from: 2019-01-01, to: 2019-12-31}\ndefaults:\n  report: {words: 800, tolerance: {below: 0.2, above: 0.5}}\nitems:\n"
                        + "  - id: A-1\n    materials:\n      - {kind: photos, per: festival, festivals: [春节, 端午节], years: [2019], min: 2, caption: [time, venue]}\n"
                        + "      - {kind: report, each: year, years: [2019]}\n      - {kind: data_table, target: {metric: 注册志愿者比例, op: '>=', value: 10}}\n")));
        all.put("packageConfig", seeds("evcheck.yaml", utf8("\uFEFFrules: shifeng-2017\nas_of: 2017-12-01\nunit: 区卫计局\n")));
        return all;
    }

    private static Map<String, byte[]> seeds(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        return m;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bom(byte[] bom, String s, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(s.getBytes(cs));
        return out.toByteArray();
    }

    /** A 32×24 photo with every caption-bearing field evcheck reads, a date and a GPS position. */
    static byte[] photo() {
        Jpegs.Exif exif = new Jpegs.Exif().description("文明交通志愿服务", Charset.forName("GB18030")).date("2019:05:01 09:30:00");
        exif.xpTitle = "关爱空巢老人";
        exif.xpComment = "地点：和平村";
        exif.userComment = "时间：2019年5月1日";
        exif.gps = new double[]{27.85, 113.13};
        return Jpegs.withMetadata(Jpegs.image(32, 24, 11, 0.5f), exif, "主题：文明交通", "单位：区文明办");
    }

    /** One page with a text layer (a standard font, not embedded) and a small JPEG image; one empty page. */
    static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(300, 400));
            doc.addPage(page);
            PDImageXObject img = JPEGFactory.createFromByteArray(doc, Jpegs.image(32, 24, 5, 0.5f));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(20, 360);
                cs.showText("Notice No. 5 (2019): volunteer service, 2019-05-01");
                cs.endText();
                cs.drawImage(img, 20, 200, 128, 96);
            }
            doc.addPage(new PDPage(new PDRectangle(300, 400)));
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A UOF 1.0 text document as LibreOffice writes it (one XML file), with a highlight and a comment. */
    static String uof() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" xmlns:字=\"http://schemas.uof.org/cn/2003/uof-wordproc\""
                + " uof:language=\"cn\" uof:version=\"1.0\" uof:mimetype=\"vnd.uof.text\">"
                + "<uof:元数据><uof:应用程序>LibreOffice</uof:应用程序></uof:元数据>"
                + "<uof:文字处理><字:主体>"
                + "<字:段落><字:句><字:文本串>2019年关爱空巢老人志愿服务情况说明</字:文本串></字:句></字:段落>"
                + "<字:段落><字:句><字:句属性><字:突出显示 字:颜色=\"#ffff00\"/></字:句属性><字:文本串>共有3,500名志愿者参与。</字:文本串></字:句></字:段落>"
                + "<字:段落><字:句><字:文本串>某某区文明办</字:文本串></字:句></字:段落>"
                + "<字:段落><字:句><字:文本串>2019年12月20日</字:文本串></字:句></字:段落>"
                + "</字:主体></uof:文字处理></uof:UOF>\n";
    }

    /** The shipped shifeng-2017 rule set without its comments, cut after its third item. */
    static String ruleHead() throws IOException {
        StringBuilder sb = new StringBuilder();
        int items = 0;
        for (String l : Files.readAllLines(Path.of("rules/shifeng-2017.yaml"))) {
            if (l.strip().startsWith("#")) continue;
            if (l.startsWith("  - id:") && ++items > 3) break;
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
