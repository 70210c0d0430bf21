package cn.evcheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The output folder: real paths before the run, atomic report files, one run at a time. */
class OutputFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingFolderBehindALinkResolvesToWhereItWouldBeCreated() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("包/条目")).getParent().toRealPath();
        Files.createSymbolicLink(tmp.resolve("link"), pkg.resolve("条目"));
        Path real = OutputFolder.realPath(tmp.resolve("link/报告/今天"));
        assertEquals(pkg.resolve("条目/报告/今天"), real);
        assertTrue(OutputFolder.inside(real, pkg));
        // A relative link, and a link whose target does not exist yet.
        Files.createSymbolicLink(tmp.resolve("rel"), Path.of("包"));
        assertEquals(pkg.resolve("报告"), OutputFolder.realPath(tmp.resolve("rel/报告")));
        Files.createSymbolicLink(tmp.resolve("dangling"), pkg.resolve("新建/报告"));
        assertEquals(pkg.resolve("新建/报告/x"), OutputFolder.realPath(tmp.resolve("dangling/x")));
        assertFalse(Files.exists(pkg.resolve("新建")), "resolving creates nothing");
    }

    @Test
    void dotDotIsTakenOnTheRealPathNotTheSpelling() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("包/条目/深处")).getParent().getParent().toRealPath();
        Path elsewhere = Files.createDirectories(tmp.resolve("别处")).toRealPath();
        Files.createSymbolicLink(elsewhere.resolve("deep"), pkg.resolve("条目/深处"));
        // Spelled, 别处/deep/../报告 is 别处/报告; the system takes .. from 条目/深处, i.e. 条目/报告.
        Path spelled = elsewhere.resolve("deep/../报告");
        assertFalse(spelled.normalize().startsWith(pkg));
        assertEquals(pkg.resolve("条目/报告"), OutputFolder.realPath(spelled));
        // .. after a folder that does not exist yet is that folder's parent.
        assertEquals(pkg.resolve("条目/报告"), OutputFolder.realPath(elsewhere.resolve("新/../deep/../报告")));
        assertEquals(elsewhere.resolve("报告"), OutputFolder.realPath(elsewhere.resolve("新/../报告")));
    }

    @Test
    void aLinkLoopIsAnError() throws Exception {
        Files.createSymbolicLink(tmp.resolve("a"), tmp.resolve("b"));
        Files.createSymbolicLink(tmp.resolve("b"), tmp.resolve("a"));
        assertThrows(IOException.class, () -> OutputFolder.realPath(tmp.resolve("a/报告")));
    }

    @Test
    void aLinkPlantedUnderAReportNameIsReplacedNotWrittenThrough() throws Exception {
        Path evidence = tmp.resolve("包/证据.docx");
        Files.createDirectories(evidence.getParent());
        Files.writeString(evidence, "evidence");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createSymbolicLink(out.resolve("report.xlsx"), evidence);
        try (OutputFolder f = OutputFolder.open(out, tmp.resolve("包").toRealPath(), 0)) {
            f.write("report.xlsx", o -> o.write("report".getBytes(StandardCharsets.UTF_8)));
        }
        assertEquals("evidence", Files.readString(evidence));
        assertTrue(Files.isRegularFile(out.resolve("report.xlsx"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("report", Files.readString(out.resolve("report.xlsx")));
        assertEquals(List.of(".evcheck.lock", "report.xlsx"), names(out));
    }

    @Test
    void aFailedWriteLeavesThePreviousReportWhole() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputFolder f = OutputFolder.open(out, tmp.resolve("包"), 0)) {
            f.write("report.json", o -> o.write("{\"previous\": true}".getBytes(StandardCharsets.UTF_8)));
            // A render that dies half way (Ctrl-C, out of memory, a bug): half a report was written.
            IOException boom = assertThrows(IOException.class, () -> f.write("report.json", o -> {
                o.write("{\"trunc".getBytes(StandardCharsets.UTF_8));
                o.flush();
                throw new IOException("render failed");
            }));
            assertEquals("render failed", boom.getMessage());
            assertThrows(OutOfMemoryError.class, () -> f.write("report.html", o -> {
                o.write(new byte[100_000]);
                throw new OutOfMemoryError("test");
            }));
        }
        assertEquals("{\"previous\": true}", Files.readString(out.resolve("report.json")));
        assertEquals(List.of(".evcheck.lock", "report.json"), names(out), "no temporary file left, no half report.html");
    }

    @Test
    void aKilledRunsTemporaryFilesAreRemovedUnderTheLock() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(".evcheck-report.json-1234.tmp"), "{\"half");
        Files.writeString(out.resolve("笔记.txt"), "mine");
        try (OutputFolder f = OutputFolder.open(out, tmp.resolve("包"), 0)) {
            assertEquals(List.of(".evcheck.lock", "笔记.txt"), names(out));
        }
    }

    @Test
    void oneRunAtATimePerFolder() throws Exception {
        Path out = tmp.resolve("out");
        try (OutputFolder first = OutputFolder.open(out, tmp.resolve("包"), 0)) {
            OutputFolder.Locked e = assertThrows(OutputFolder.Locked.class, () -> OutputFolder.open(out, tmp.resolve("包"), 300));
            assertEquals(first.dir().resolve(OutputFolder.LOCK), e.lockFile);
        }
        // Released at the end of the first run's write phase: the next run gets it.
        try (OutputFolder second = OutputFolder.open(out, tmp.resolve("包"), 0)) {
            second.write("report.txt", o -> o.write('x'));
        }
        assertEquals("x", Files.readString(out.resolve("report.txt")));
    }

    @Test
    void aFolderThatIsInsideThePackageWhenCreatedIsRefused() throws Exception {
        Path pkg = Files.createDirectories(tmp.resolve("包")).toRealPath();
        // Checked before the run, then a link swapped in: checked again when the folder is opened.
        Files.createSymbolicLink(tmp.resolve("out"), pkg);
        assertThrows(OutputFolder.Inside.class, () -> OutputFolder.open(tmp.resolve("out/报告"), pkg, 0));
        assertFalse(Files.exists(pkg.resolve("报告")), "nothing created in the package");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
