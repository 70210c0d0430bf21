package cn.evcheck.report;

import cn.evcheck.model.*;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.*;

import static cn.evcheck.report.ReportRuns.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * report.sarif against the published SARIF 2.1.0 JSON schema (OASIS errata01, shipped in
 * src/test/resources), with format assertions on, plus what the schema cannot say: one result
 * per finding, codes as rule ids, paths relative to the package.
 */
class SarifSchemaTest {
    static JsonSchema schema;
    static final ObjectMapper M = new ObjectMapper();

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
            JsonNode node = M.readTree(in);
            assertEquals("http://json-schema.org/draft-04/schema#", node.get("$schema").asText());
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(node, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    static Set<ValidationMessage> validate(JsonNode sarif) {
        return schema.validate(sarif);
    }

    @Test
    void theDemoReportIsValidSarif() throws Exception {
        Path out = run(demoArgs("--format", "sarif"));
        JsonNode s = M.readTree(read(out.resolve("report.sarif")));
        assertEquals(Set.of(), validate(s));
        Report r = demoReport();
        JsonNode run = s.get("runs").get(0);
        assertEquals("evcheck", run.get("tool").get("driver").get("name").asText());
        assertEquals(r.allFindings().size(), run.get("results").size());
        Set<String> ruleIds = new HashSet<>();
        run.get("tool").get("driver").get("rules").forEach(x -> ruleIds.add(x.get("id").asText()));
        assertTrue(ruleIds.containsAll(cn.evcheck.check.Checks.codes().stream().map(Code::id).toList()));
        List<Finding> fs = r.allFindings();
        for (int i = 0; i < fs.size(); i++) {
            JsonNode res = run.get("results").get(i);
            Finding f = fs.get(i);
            assertEquals(f.code(), res.get("ruleId").asText());
            assertEquals(f.code(), run.get("tool").get("driver").get("rules").get(res.get("ruleIndex").asInt()).get("id").asText());
            assertEquals(SarifRenderer.level(f.severity()), res.get("level").asText());
            assertEquals(f.message(false), res.get("message").get("text").asText());
            if (f.file() != null) {
                JsonNode al = res.get("locations").get(0).get("physicalLocation").get("artifactLocation");
                assertEquals("PACKAGE", al.get("uriBaseId").asText());
                assertEquals(f.file(), URLDecoder.decode(al.get("uri").asText().replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theMultiUnitReportIsValidSarifWithUnitFolders() throws Exception {
        Path out = run(multiArgs("--format", "sarif", "--lang", "en"));
        JsonNode s = M.readTree(read(out.resolve("report.sarif")));
        assertEquals(Set.of(), validate(s));
        List<String> uris = new ArrayList<>();
        for (JsonNode res : s.get("runs").get(0).get("results")) {
            JsonNode l = res.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri");
            if (!l.isMissingNode()) uris.add(URLDecoder.decode(l.asText(), StandardCharsets.UTF_8));
        }
        assertTrue(uris.contains("青口中心卫生院/A-1 义诊与健康讲座/图片/健康讲座/2019-03-21 讲座 <现场> & \"合影\".jpg"), uris.toString());
        assertTrue(uris.contains("赣马镇卫生院/A-2/说明报告/志愿服务.docx"), uris.toString());
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws Exception {
        Path out = run(demoArgs("--format", "sarif"));
        JsonNode good = M.readTree(read(out.resolve("report.sarif")));
        ObjectNode badLevel = good.deepCopy();
        ((ObjectNode) badLevel.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        assertFalse(validate(badLevel).isEmpty());
        ObjectNode rawPath = good.deepCopy();
        for (JsonNode res : rawPath.get("runs").get(0).get("results")) {
            JsonNode al = res.path("locations").path(0).path("physicalLocation").path("artifactLocation");
            if (al instanceof ObjectNode o) o.put("uri", "新建 文件夹/扫描 0001.jpg");   // not a URI reference: spaces
        }
        assertFalse(validate(rawPath).isEmpty(), "format assertions must be on");
    }

    @Test
    void uriEncodingKeepsSlashesAndEncodesEverythingElse() {
        assertEquals("%E6%96%B0%E5%BB%BA%20a/b-c_d.e~f%25%23%3F.jpg", SarifRenderer.uri("新建 a/b-c_d.e~f%#?.jpg"));
    }
}
