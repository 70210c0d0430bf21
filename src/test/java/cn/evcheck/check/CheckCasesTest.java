package cn.evcheck.check;

import cn.evcheck.inspect.Facts;
import cn.evcheck.inspect.Inspector;
import cn.evcheck.inspect.Sidecars;
import cn.evcheck.model.Code;
import cn.evcheck.model.Finding;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleLoader;
import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import cn.evcheck.scan.Inventory;
import cn.evcheck.scan.PackageScanner;
import cn.evcheck.testkit.FactsSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Data-driven check tests: {@code src/test/resources/checks/<CheckClass>.yaml} holds cases of a
 * rule snippet, the files of a package (placed by the real scanner) with the facts inspection
 * would have produced, and the findings the check must report — its codes only, compared as a
 * set, and optionally its messages in report order. Also keeps the registry honest: every check
 * has cases, and every registered code is expected by some case.
 */
class CheckCasesTest {
    /** Each case's package is made in here, removed with it when the class is done. */
    @TempDir
    static Path cases;

    static final Path CASES = Path.of("src", "test", "resources", "checks");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static final String DEFAULT_RULES = """
            evcheck: 1
            id: cases
            title: 用例
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - id: A-1
                indicator: 志愿服务
                categories: [义诊, 宣传]
                materials:
                  - {kind: photos, each: category, min: 1, per: month, caption: [time, organizer, theme]}
              - id: B-1
                indicator: 说明报告
                materials:
                  - {kind: report, words: 300}
              - {id: C-1, indicator: 正式发文, materials: [{kind: formal_doc}]}
              - {id: D-1, indicator: 部门评价, materials: [{kind: dept_eval}]}
              - {id: E-1, indicator: 数据表格, materials: [{kind: data_table}]}
            """;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : caseFiles()) {
            String name = stem(file);
            JsonNode doc = read(file);
            Check check = check(name);
            for (JsonNode c : doc.get("cases")) {
                tests.add(DynamicTest.dynamicTest(name + ": " + c.get("name").asText(), () -> run(check, doc, c)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCheckHasCasesAndEveryCodeIsExpectedSomewhere() throws IOException {
        Set<String> files = new TreeSet<>();
        Set<String> expected = new TreeSet<>();
        for (Path file : caseFiles()) {
            files.add(stem(file));
            check(stem(file));   // names a registered check
            for (JsonNode c : read(file).get("cases")) {
                for (JsonNode e : c.path("expect")) expected.add(e.asText().split("[|:]")[0]);
            }
        }
        Set<String> checks = new TreeSet<>();
        for (Check c : Checks.all()) checks.add(c.getClass().getSimpleName());
        assertEquals(checks, files, "every check has a case file under " + CASES);
        Set<String> codes = new TreeSet<>();
        for (Code c : Checks.codes()) codes.add(c.id());
        assertEquals(codes, expected, "registered codes vs codes some case expects");
    }

    private static String text(JsonNode n, String key) {
        return n.has(key) ? n.get(key).asText() : null;
    }

    private static void run(Check check, JsonNode doc, JsonNode c) throws Exception {
        String rulesText = c.has("rules") ? c.get("rules").asText() : doc.has("rules") ? doc.get("rules").asText() : DEFAULT_RULES;
        RuleSet rules = RuleLoader.load(rulesText.getBytes(StandardCharsets.UTF_8), "case", "case");
        Path root = Files.createTempDirectory(cases, "case-");
        JsonNode files = c.path("files");
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            write(root.resolve(e.getKey()), e.getValue());
        }
        Inventory inv = new PackageScanner(rules).scan(root);
        Map<String, Facts> facts = new HashMap<>();
        List<FileEntry> all = new ArrayList<>(inv.files());
        all.addAll(inv.sidecars());
        for (FileEntry f : inv.sidecars()) {   // caption sheets are read for real, as inspection reads them
            facts.put(f.rel(), Inspector.inspect(f, Inspector.Needs.CAPTIONS));
        }
        for (FileEntry f : inv.files()) {
            JsonNode spec = files.has(f.rel()) ? files.get(f.rel()) : JsonNodeFactory.instance.objectNode();
            facts.put(f.rel(), FactsSpec.facts(f, defaults(f, spec)));
        }
        LocalDate asOf = LocalDate.parse(c.path("as_of").asText("2019-12-31"));
        // config_problem / config_problem_en: why the unit's own evcheck.yaml could not be used (--by-unit).
        cn.evcheck.util.Messages.Localized configProblem = c.has("config_problem")
                ? new cn.evcheck.util.Messages.Localized(c.get("config_problem").asText(), c.path("config_problem_en").asText())
                : null;
        // unit_claim: {folder, declared, same_name: [...]}: the unit's folder on a drive of units (--by-unit).
        UnitClaim claim = null;
        if (c.has("unit_claim")) {
            JsonNode u = c.get("unit_claim");
            List<String> same = new ArrayList<>();
            u.path("same_name").forEach(x -> same.add(x.asText()));
            claim = new UnitClaim(u.path("folder").asText(), u.has("declared") ? u.get("declared").asText() : null, same);
        }
        UnitResult r = Engine.check(c.path("unit").asText(""), inv, facts, Sidecars.index(inv.sidecars(), facts), rules, asOf,
                configProblem, claim);
        // waivers: [{code, unit, item, file, period, reason, approved_by, expires}] judged on the run's findings, with today.
        if (c.has("waivers")) {
            List<cn.evcheck.rules.Waiver> ws = new ArrayList<>();
            int line = 0;
            for (JsonNode w : c.get("waivers")) {
                ws.add(new cn.evcheck.rules.Waiver(w.path("code").asText(), text(w, "unit"), text(w, "item"), text(w, "file"),
                        text(w, "period"), w.path("reason").asText(), w.path("approved_by").asText(),
                        LocalDate.parse(w.path("expires").asText()), "evcheck.yaml:" + (++line)));
            }
            r = cn.evcheck.check.file.Waivers.apply(List.of(r), ws, LocalDate.parse(c.path("today").asText("2020-01-01"))).get(0);
        }
        List<Finding> mine = r.findings().stream().filter(f -> check.codes().stream().anyMatch(x -> x.id().equals(f.code()))).toList();
        Set<String> want = new TreeSet<>();
        c.path("expect").forEach(e -> want.add(e.asText()));
        Set<String> got = new TreeSet<>();
        for (Finding f : mine) got.add(key(f));
        assertEquals(want, got, () -> "findings of " + check.getClass().getSimpleName() + ":\n" + mine);
        if (c.has("messages")) {
            List<String> zh = new ArrayList<>();
            c.get("messages").forEach(m -> zh.add(m.asText()));
            assertEquals(zh, mine.stream().map(Finding::zh).toList());
        }
        if (c.has("en")) {
            List<String> en = new ArrayList<>();
            c.get("en").forEach(m -> en.add(m.asText()));
            assertEquals(en, mine.stream().map(Finding::en).toList());
        }
        if (c.has("coverage")) {
            List<String> cells = new ArrayList<>();
            for (var ir : r.items()) {
                for (var g : ir.coverage()) {
                    for (var row : g.rows()) {
                        for (var cell : row.cells()) {
                            cells.add(ir.item().id() + " " + (row.category().isEmpty() ? "" : row.category() + " ") + cell.period() + " "
                                    + cell.have() + "/" + cell.need() + " " + cell.state());
                        }
                    }
                }
            }
            List<String> want2 = new ArrayList<>();
            c.get("coverage").forEach(m -> want2.add(m.asText()));
            assertEquals(want2, cells);
        }
        // documents: ["file number (source)"]: each document's 文号 and where it was read.
        if (c.has("documents")) {
            List<String> docs = new ArrayList<>();
            r.documents().forEach(d -> docs.add(d.file() + " " + d.number() + " (" + d.numberSource() + ")"));
            List<String> want3 = new ArrayList<>();
            c.get("documents").forEach(m -> want3.add(m.asText()));
            assertEquals(want3, docs);
        }
        if (c.has("data")) {
            JsonNode data = new ObjectMapper().valueToTree(mine.stream().map(Finding::data).toList());
            assertEquals(c.get("data").toString(), data.toString());
        }
    }

    /** "code|file" or "code|item[|period][|category]"; ":warning" after the code where the severity is not the code's own. */
    static String key(Finding f) {
        Code code = Checks.code(f.code());
        String sev = f.severity() == code.severity() ? "" : ":" + f.severity().key();
        String where = f.file() != null ? f.file()
                : f.item() + (f.period() == null ? "" : "|" + f.period()) + (f.data().containsKey("category") ? "|" + f.data().get("category") : "");
        return f.code() + sev + "|" + where;
    }

    /** A JPEG is a sound photo and a Word file a readable document unless the case says otherwise. */
    private static JsonNode defaults(FileEntry f, JsonNode spec) {
        if (spec.has("facts") && !spec.get("facts").asBoolean()) return JsonNodeFactory.instance.objectNode();
        var out = spec.deepCopy();
        if (out.isObject() && f.type() == FileType.JPEG && !spec.has("photo")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) out).putObject("photo");
        }
        if (out.isObject() && Set.of("doc", "docx", "wps").contains(f.ext()) && !spec.has("text") && f.type() != FileType.EMPTY) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) out).putObject("text");
        }
        return out;
    }

    /**
     * The file's first bytes say what its extension (or {@code type}) says — a docx, xlsx or ofd
     * also has the central directory that tells them apart; {@code size} pads it, sparse.
     */
    private static void write(Path p, JsonNode spec) throws IOException {
        Files.createDirectories(p.getParent());
        if (spec.has("content")) {
            Files.writeString(p, spec.get("content").asText(), StandardCharsets.UTF_8);
            return;
        }
        String ext0 = p.getFileName().toString().replaceAll(".*\\.", "").toLowerCase(Locale.ROOT);
        long size = spec.path("size").asLong(Set.of("txt", "csv").contains(spec.path("type").asText(ext0)) ? 1 : 1000);
        if (size == 0) {
            Files.write(p, new byte[0]);
            return;
        }
        String name = p.getFileName().toString();
        String type = spec.path("type").asText(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        byte[] magic = switch (type) {
            case "jpg", "jpeg", "jpe" -> new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
            case "png" -> new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
            case "pdf" -> "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            case "docx" -> zip("[Content_Types].xml", "word/document.xml");
            case "xlsx" -> zip("[Content_Types].xml", "xl/workbook.xml");
            case "pptx" -> zip("[Content_Types].xml", "ppt/presentation.xml");
            case "ofd" -> zip("OFD.xml", "Doc_0/Document.xml");
            case "zip", "uot" -> new byte[]{'P', 'K', 3, 4};
            // UOF 1.0 as one XML file, the way LibreOffice's "UOF text" filter writes .uot
            case "uof" -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" uof:version=\"1.0\">"
                    .getBytes(StandardCharsets.UTF_8);
            case "doc", "wps", "xls", "et" -> new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
            case "txt", "csv" -> "文本\n".getBytes(StandardCharsets.UTF_8);
            default -> new byte[]{0, 1, 2, 3, (byte) 0xFE, (byte) 0x99};
        };
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.write(magic);
            raf.setLength(Math.max(size, magic.length));
        }
    }

    /** An archive of empty entries: its directory tells what it is (scan.ZipDirectory), its content nothing. */
    private static byte[] zip(String... names) throws IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bos)) {
            for (String n : names) z.putNextEntry(new java.util.zip.ZipEntry(n));
        }
        return bos.toByteArray();
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> caseFiles() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }

    private static Check check(String simpleName) {
        return Checks.all().stream().filter(c -> c.getClass().getSimpleName().equals(simpleName)).findFirst()
                .orElseThrow(() -> new AssertionError("no check class " + simpleName));
    }
}
