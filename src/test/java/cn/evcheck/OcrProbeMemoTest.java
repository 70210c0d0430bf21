package cn.evcheck;

import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whether Tesseract has chi_sim is asked once and kept in the cache's folder: a second run with the
 * same program and models does not start Tesseract (which loads some 40 libraries to answer); a model
 * added to its folder, or another program first on the PATH, and it is asked again. Run as a clerk runs
 * evcheck, in a process of its own, with a stand-in tesseract first on the PATH that notes each call.
 */
class OcrProbeMemoTest {
    @TempDir
    Path tmp;

    private int run(Path bin, Path pkg, Path rules) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Dsun.jnu.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "cn.evcheck.cli.Main",
                "check", pkg.toString(), "--rules", rules.toString(), "--as-of", "2019-12-31", "--cache", tmp.resolve("cache").toString(),
                "--output", tmp.resolve("out").toString(), "--fail-on", "never", "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        pb.environment().remove("EVCHECK_OCR");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));
        Path calls = tmp.resolve("calls.txt");
        return Files.exists(calls) ? (int) Files.readAllLines(calls).stream().filter(l -> l.contains("--list-langs")).count() : 0;
    }

    private Path standIn(String name, Path models) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve(name));
        Path t = bin.resolve("tesseract");
        Files.writeString(t, "#!/bin/sh\necho \"$@\" >> '" + tmp.resolve("calls.txt") + "'\n"
                + "echo 'List of available languages in \"" + models + "/\" (2):'\necho chi_sim\necho eng\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void tesseractIsAskedOnceWhileItsProgramAndModelsAreTheSame() throws Exception {
        assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "SKIPPED: needs a POSIX shell");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("chi_sim.traineddata"), "model");
        Files.setLastModifiedTime(models, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        Path bin = standIn("bin", models);
        Pkg p = new Pkg(tmp.resolve("pkg"));
        p.file("R-1/\u8bf4\u660e\u62a5\u544a/report.docx", Docs.docx("text"));   // 说明报告
        Path rules = tmp.resolve("rules.yaml");
        Files.writeString(rules, """
                evcheck: 1
                id: probe
                period: {from: 2019-01-01, to: 2019-12-31}
                items:
                  - {id: R-1, materials: [{kind: report, words: 3}]}
                """);

        assertEquals(1, run(bin, p.root(), rules), "the first run asks");
        assertTrue(Files.readString(tmp.resolve("cache/ocr-probe.txt")).contains("chi_sim"));
        assertEquals(1, run(bin, p.root(), rules), "the second takes the kept answer");

        Files.writeString(models.resolve("eng.traineddata"), "model");   // a model added: the folder's time changes
        assertEquals(2, run(bin, p.root(), rules), "asked again");
        assertEquals(2, run(bin, p.root(), rules));

        Path other = standIn("other-bin", models);   // another program first on the PATH
        Files.writeString(other.resolve("tesseract"), Files.readString(other.resolve("tesseract")) + "# another build\n");
        assertEquals(3, run(other, p.root(), rules), "asked again");

        Files.writeString(tmp.resolve("cache/ocr-probe.txt"), "evcheck ocr probe 1\nnot what it was\n");   // damaged
        assertEquals(4, run(other, p.root(), rules), "a memo that does not read is not used");
    }
}
