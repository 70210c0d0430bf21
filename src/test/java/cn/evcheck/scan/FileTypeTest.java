package cn.evcheck.scan;

import cn.evcheck.testkit.Docs;
import cn.evcheck.testkit.Jpegs;
import cn.evcheck.testkit.Pkg;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class FileTypeTest {
    static FileType sniff(byte[] b) {
        return FileType.sniff(b, b.length);
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[Math.max(v.length, 16)];
        for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
        return b;
    }

    @Test
    void signatures() {
        assertEquals(FileType.JPEG, sniff(Jpegs.image(16, 16, 1, 0.8f)));
        assertEquals(FileType.PNG, sniff(Jpegs.png(4, 4)));
        assertEquals(FileType.ZIP, sniff(Docs.docx("x")));
        assertEquals(FileType.PDF, sniff(Pkg.minimalPdf()));
        assertEquals(FileType.OLE2, sniff(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)));
        assertEquals(FileType.GIF, sniff("GIF89a......".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FileType.WEBP, sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FileType.HEIC, sniff("\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FileType.TIFF, sniff(bytes('I', 'I', 42, 0)));
        assertEquals(FileType.BMP, sniff("BM..............".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(FileType.XML, sniff("<?xml version=\"1.0\"?><uof:UOF/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileType.UOF, sniff(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uof:UOF xmlns:uof=\"http://schemas.uof.org/cn/2003/uof\" "
                + "uof:version=\"1.0\"/>").getBytes(StandardCharsets.UTF_8)), "UOF 1.0 by its namespace, not generic XML");
        assertEquals(FileType.RTF, sniff("{\\rtf1\\ansi hello}".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(FileType.TEXT, sniff("时间,说明\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(FileType.EMPTY, FileType.sniff(new byte[0], 0));
        assertEquals(FileType.UNKNOWN, sniff(bytes(0, 1, 2, 3, 0, 5, 6, 7)));
    }

    @Test
    void zipBasedTypesSatisfyTheirOwnExtensionAndAnUnrevealingZipSatisfiesAny() {
        assertTrue(FileType.DOCX.satisfies(FileType.DOCX));
        assertFalse(FileType.XLSX.satisfies(FileType.DOCX), "an .xlsx named .docx");
        assertFalse(FileType.DOCX.satisfies(FileType.OLE2), "a .docx named .wps");
        assertFalse(FileType.OFD.satisfies(FileType.PDF), "an OFD named .pdf");
        assertTrue(FileType.ZIP.satisfies(FileType.DOCX), "a damaged .docx is its reader's to report");
        assertFalse(FileType.ZIP.satisfies(FileType.OLE2));
        assertTrue(FileType.OFD.satisfies(FileType.ZIP), "a .zip may hold anything zipped");
        assertFalse(FileType.PNG.satisfies(FileType.JPEG));
        assertTrue(FileType.UOF.satisfies(FileType.UOF), "UOF 1.0 XML named .uof/.uot");
        assertTrue(FileType.ZIP.satisfies(FileType.UOF), "UOF 2.0 zip named .uot");
        assertTrue(FileType.XML.satisfies(FileType.UOF), "XML left to the UOF reader");
        assertFalse(FileType.PDF.satisfies(FileType.UOF));
        assertFalse(FileType.XLSX.satisfies(FileType.UOF));
        assertFalse(FileType.UOF.satisfies(FileType.XML));
        for (FileType t : FileType.values()) assertEquals(t.ext != null, t.isZip() && t != FileType.ZIP, t.name());
    }

    @Test
    void pdfHeaderMayFollowJunk() {
        byte[] junk = ("garbage\n" + new String(Pkg.minimalPdf(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        junk[0] = 0;
        assertEquals(FileType.PDF, sniff(junk));
    }

    @Test
    void aLibreOfficeUotIsUofByContent() throws Exception {
        try (java.io.InputStream in = getClass().getResourceAsStream("/fixtures/uof-report.uot")) {
            byte[] head = in.readNBytes(1024);
            assertEquals(FileType.UOF, sniff(head));
        }
    }
}
