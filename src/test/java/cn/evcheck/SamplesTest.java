package cn.evcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The demo package the README shows: its report must stay what the README says. */
class SamplesTest {
    static final Path SAMPLE = Path.of("samples", "青口中心卫生院");

    @Test
    void theDemoPackageReportsExactlyTheseGaps() throws Exception {
        var before = cn.evcheck.testkit.Pkg.fingerprint(SAMPLE);
        cn.evcheck.testkit.Cli.Run r = cn.evcheck.testkit.Cli.run("check", SAMPLE.toString(), "--format", "json");
        assertEquals(1, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("ganyu-demo", j.get("rules").get("id").asText());
        assertEquals("2018-06-30", j.get("as_of").asText());
        String v = "III-15-2-1 关爱空巢老人等志愿服务/";
        assertEquals(new TreeSet<>(List.of(
                "coverage.gap|III-11-1-2|2018 元宵节",
                "coverage.gap|III-11-1-2|2018 清明节",
                "coverage.gap|III-11-1-2|2018 端午节",
                "coverage.gap|III-15-2-1|2018-02|留守儿童",
                "coverage.gap|III-15-2-1|2018-04|留守儿童",
                "coverage.gap|III-15-2-1|2018-05|留守儿童",
                "coverage.gap|III-15-2-1|2018-06|留守儿童",
                "photo.caption_missing|III-15-2-1|" + v + "图片/关爱空巢老人/IMG_0001.jpg",
                "photo.duplicate|III-15-2-1|" + v + "图片/关爱空巢老人/2018-05-20 青口中心卫生院志愿者上门送医送药.jpg",
                "photo.caption_field_missing|III-15-2-1|" + v + "图片/关爱空巢老人/2018-05-20 青口中心卫生院志愿者上门送医送药.jpg|beneficiary",
                "photo.date_conflict|III-15-2-1|" + v + "图片/留守儿童/健康体检.jpg",
                "photo.gps|III-65-2-2|III-65-2-2 自救互救培训/图片/2018-05-16 急救知识进社区.jpg",
                "file.type_mismatch|III-15-2-1|" + v + "图片/留守儿童/学雷锋.jpg",
                "report.too_short|III-15-2-1|" + v + "说明报告/留守儿童.docx",
                "coverage.gap|III-65-2-2|2018-03..2018-04",
                "file.unassigned||新建文件夹/扫描0001.jpg")), cn.evcheck.testkit.Cli.keys(j));
        TreeMap<String, String> status = new TreeMap<>();
        for (JsonNode it : j.get("items")) status.put(it.get("id").asText(), it.get("status").asText());
        assertEquals("{III-11-1-2=incomplete, III-15-2-1=incomplete, III-31-1-2=complete, III-60-1-1=complete, III-65-2-2=incomplete}",
                status.toString());

        // Captions were found in every place the README promises.
        Set<String> sources = new TreeSet<>();
        for (JsonNode p : j.get("photos")) p.get("caption_sources").forEach(s -> sources.add(s.asText()));
        assertTrue(sources.containsAll(Set.of("图片说明表", "XPComment", "XPTitle", "EXIF ImageDescription",
                "IPTC Caption-Abstract", "XMP dc:description", "文件名")), sources.toString());
        assertEquals(before, cn.evcheck.testkit.Pkg.fingerprint(SAMPLE));
    }
}
