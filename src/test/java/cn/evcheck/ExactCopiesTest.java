package cn.evcheck;

import cn.evcheck.inspect.Fingerprint;
import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13: photos read header first are told identical by a hash of every byte, computed only for
 * those whose size and head-and-tail fingerprint collide — never by the fingerprint alone.
 */
class ExactCopiesTest {
    @TempDir
    Path tmp;

    @Test
    void anExactCopyIsIdenticalAndAFileWithTheSameEndsIsOnlyNear() throws Exception {
        BufferedImage img = Jpegs.picture(1600, 1200, 11);
        Jpegs.Exif e = new Jpegs.Exif();
        e.xpComment = "时间：2019年1月5日 主办单位：青口中心卫生院 主题：义诊";
        e.thumbnail = Jpegs.thumbnail(img, 160, 120);
        byte[] orig = Jpegs.withMetadata(Jpegs.encode(img, 0.92f), e, null, null);
        assertTrue(orig.length > 4 * Fingerprint.HEAD_SPAN);
        byte[] twin = orig.clone();
        int mid = twin.length / 2;
        twin[mid] = (byte) (twin[mid] == 0x11 ? 0x12 : 0x11);
        assertEquals(Fingerprint.of(orig), Fingerprint.of(twin));
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("P-1/图片/义诊/01 原图.jpg", orig);
        p.file("P-1/图片/献血/02 同一文件.jpg", orig);
        p.file("P-1/图片/义诊/03 中间一字节不同.jpg", twin);
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, PhotoEvidenceTest.RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json");
        assertTrue(r.code() <= 1, r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        List<String> copies = new ArrayList<>();
        for (JsonNode dup : PhotoEvidenceTest.findings(j, "photo.duplicate")) {
            copies.add(dup.get("file").asText().replaceAll(".*/", "") + (dup.get("data").get("identical").asBoolean() ? " identical" : " near"));
        }
        assertEquals(List.of("02 同一文件.jpg identical", "03 中间一字节不同.jpg near"), copies.stream().sorted().toList());
    }
}
