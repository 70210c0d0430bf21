package cn.evcheck.draft;

import cn.evcheck.report.Tools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hand-made list as a Word 97 .doc — the format most offices still send — written by LibreOffice
 * from the .docx built with POI, so its merged cells are Word 97's own (HWPF's vertical merge flags).
 * Skipped where LibreOffice (with Writer) is not installed.
 */
class WordDocImportTest {
    @Test
    void aWord97TableWithVerticallyMergedCells(@TempDir Path dir) throws Exception {
        Path soffice = Tools.find("soffice", "libreoffice");
        assumeTrue(soffice != null, "SKIPPED: LibreOffice (soffice) not found on PATH; the .doc table reader is not exercised");
        Path docx = ImportTest.docx(dir);
        Path profile = cn.evcheck.testkit.Scratch.dir("lo-profile-");
        Tools.Result r = Tools.exec(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                "--convert-to", "doc:MS Word 97", "--outdir", dir.resolve("out").toString(), docx.toString()), 180);
        Path doc = dir.resolve("out").resolve("list.doc");
        assumeTrue(Files.isRegularFile(doc), "SKIPPED: this LibreOffice cannot write .doc (no Writer component): " + r.err().strip());
        ImportTest.handmadeList(doc);
    }
}
