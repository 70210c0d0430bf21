package cn.evcheck;

import cn.evcheck.testkit.Cli;
import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 12: what an office suite leaves on a shared drive is not evidence, and a package the user
 * may not read is a check that could not be done.
 */
class SharedDriveLitterTest {
    @TempDir
    Path tmp;

    static final String RULES = """
            evcheck: 1
            id: litter
            period: {from: 2019-01-01, to: 2019-12-31}
            items:
              - {id: R-1, materials: [{kind: report}]}
            """;

    @Test
    void officeLockAndTemporaryFilesAreNotReported() throws Exception {
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/说明报告/情况说明.docx", Docs.docx("关于志愿服务的情况说明"));
        p.file("R-1/说明报告/.~lock.情况说明.docx#", "小王,localhost,06.12.2019 10:02,file:///home/xw".getBytes());
        p.file("R-1/说明报告/~WRL0001.tmp", new byte[]{1, 2, 3});
        p.file("R-1/说明报告/~WRD0000.tmp", new byte[]{1, 2, 3});
        p.file("R-1/说明报告/~$情况说明.docx", new byte[]{1, 2, 3});
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Cli.Run r = Cli.run("check", p.root().toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--format", "json");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (JsonNode f : j.get("findings")) {
            assertFalse(f.path("file").asText().contains("~"), "no finding on office litter: " + f);
        }
    }

    @Test
    void aPackageTheUserMayNotReadCannotBeChecked() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every folder: nothing to test here");
        Path pkg = Files.createDirectories(tmp.resolve("locked"));
        Files.createDirectories(pkg.resolve("R-1"));
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, RULES);
        Files.setPosixFilePermissions(pkg, PosixFilePermissions.fromString("-wx------"));
        try {
            Cli.Run r = Cli.run("check", pkg.toString(), "--rules", rules.toString());
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("没有读取权限"), r.err());
        } finally {
            Files.setPosixFilePermissions(pkg, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
