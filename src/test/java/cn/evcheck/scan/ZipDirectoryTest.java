package cn.evcheck.scan;

import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Pkg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** What a ZIP is, from its central directory alone: OFD, Word/Excel/PowerPoint 2007+, or just a ZIP. */
class ZipDirectoryTest {

    @TempDir
    Path tmp;

    private FileType classify(byte[] bytes) throws IOException {
        Path p = Files.createTempFile(tmp, "z", ".bin");
        Files.write(p, bytes);
        try (var ch = Files.newByteChannel(p)) {
            return ZipDirectory.classify(ch);
        }
    }

    @Test
    void ofdPackagesAreOfdWhereverTheirRootEntryStands() throws IOException {
        // OFD.xml first (as ofdrw writes it) or last (as Suwell's pdf2ofd does); both were checked on
        // real files locally (see fixtures/README.md), which are not committed.
        assertEquals(FileType.OFD, classify(Docs.ofd("通知")));
        assertEquals(FileType.OFD, classify(Docs.ofd("通知", true)));
    }

    @Test
    void officeOpenXmlPackagesAreToldApart() throws IOException {
        assertEquals(FileType.DOCX, classify(Docs.docx("情况说明")));
        assertEquals(FileType.XLSX, classify(Docs.xlsx("指标", "数值")));
        assertEquals(FileType.PPTX, classify(Docs.pptx()));
    }

    @Test
    void otherArchivesStayZip() throws IOException {
        assertEquals(FileType.ZIP, classify(zip("readme.txt", "a/b.xml")));
        // Word parts without [Content_Types].xml open in nothing: a ZIP, not a document.
        assertEquals(FileType.ZIP, classify(zip("word/document.xml")));
        // OFD.xml below the root is not an OFD.
        assertEquals(FileType.ZIP, classify(zip("x/OFD.xml", "Doc_0/Document.xml")));
        assertEquals(FileType.ZIP, classify(new byte[]{'P', 'K', 3, 4}));
        assertEquals(FileType.ZIP, classify(new byte[0]));
    }

    @Test
    void onlyTheDirectoryIsRead() throws IOException {
        // Every entry's compressed data overwritten with garbage: nothing is inflated, so the verdict stands.
        byte[] docx = Docs.docx("情况说明");
        int cd = centralDirectoryOffset(docx);
        byte[] garbled = docx.clone();
        for (int i = 4; i < cd; i++) garbled[i] = (byte) (i * 31);
        assertEquals(FileType.DOCX, classify(garbled));
        // A zip bomb is classified without being opened.
        assertEquals(FileType.DOCX, classify(Pkg.zipBomb(64)));
    }

    @Test
    void bytesBeforeOrAfterTheArchiveAreTolerated() throws IOException {
        byte[] ofd = Docs.ofd("通知");
        byte[] stub = new byte[5000];
        Arrays.fill(stub, (byte) 0x90);
        assertEquals(FileType.OFD, classify(concat(stub, ofd)), "a stub in front shifts every offset");
        assertEquals(FileType.OFD, classify(concat(ofd, new byte[3000])), "padding after the end record");
    }

    @Test
    void damagedAndHostileDirectoriesGiveZipAndNeverThrow() throws IOException {
        byte[] docx = Docs.docx("情况说明");
        assertEquals(FileType.ZIP, classify(Arrays.copyOf(docx, docx.length - 30)), "end record cut off");
        assertEquals(FileType.ZIP, classify(Arrays.copyOf(docx, docx.length / 2)), "second half missing");
        int eocd = docx.length - 22;
        byte[] outside = docx.clone();
        ByteBuffer.wrap(outside).order(ByteOrder.LITTLE_ENDIAN).putInt(eocd + 16, 0x7FFFFFF0);
        assertEquals(FileType.ZIP, classify(outside), "directory offset beyond the file");
        byte[] huge = docx.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(eocd + 12, 0xFFFFFFF0);
        assertEquals(FileType.ZIP, classify(huge), "directory larger than the file");
        byte[] longName = docx.clone();
        ByteBuffer.wrap(longName).order(ByteOrder.LITTLE_ENDIAN).putShort(centralDirectoryOffset(docx) + 28, (short) 0xFFFF);
        assertEquals(FileType.ZIP, classify(longName), "an entry name running past the directory");
        // A tail full of end-record signatures: a few are tried, then it is a ZIP.
        byte[] sigs = new byte[70_000];
        for (int i = 0; i + 4 <= sigs.length; i += 4) {
            sigs[i] = 'P';
            sigs[i + 1] = 'K';
            sigs[i + 2] = 5;
            sigs[i + 3] = 6;
        }
        assertEquals(FileType.ZIP, classify(concat(new byte[]{'P', 'K', 3, 4}, sigs)));
    }

    @Test
    void zip64ArchivesAndOversizedDirectoriesAreReadUpToTheCap() throws IOException {
        // More than 65,535 entries makes ZipOutputStream write ZIP64 end records; the directory
        // (about 4 MB) is read only up to its cap, enough to see OFD.xml at its start.
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.setLevel(0);
            z.putNextEntry(new ZipEntry("OFD.xml"));
            z.write("<ofd:OFD/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 70_000; i++) {
                z.putNextEntry(new ZipEntry("Doc_0/Pages/Page_" + i + "/Content.xml"));
            }
        }
        byte[] big = bos.toByteArray();
        assertTrue(big.length - centralDirectoryOffsetZip64(big) > ZipDirectory.MAX_DIRECTORY);
        assertEquals(FileType.OFD, classify(big));
        // Where the classic end record defers to the ZIP64 one for the directory's size and offset.
        ByteBuffer.wrap(big).order(ByteOrder.LITTLE_ENDIAN).putInt(big.length - 22 + 12, -1).putInt(big.length - 22 + 16, -1);
        assertEquals(FileType.OFD, classify(big));
        byte[] lost = big.clone();
        ByteBuffer.wrap(lost).order(ByteOrder.LITTLE_ENDIAN).putLong(lost.length - 22 - 20 + 8, lost.length);
        assertEquals(FileType.ZIP, classify(lost), "a ZIP64 locator pointing past the end");
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write("<x/>".getBytes(StandardCharsets.UTF_8));
            }
        }
        return bos.toByteArray();
    }

    /** The directory offset of an archive without ZIP64 records and without a comment. */
    private static int centralDirectoryOffset(byte[] zip) {
        return ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(zip.length - 22 + 16);
    }

    private static long centralDirectoryOffsetZip64(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        long record = b.getLong(zip.length - 22 - 20 + 8);
        return b.getLong((int) record + 48);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
