package cn.evcheck.scan;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FormatsTest {
    @Test
    void eachExtensionPromisesItsType() {
        Map<String, FileType> promised = Map.ofEntries(Map.entry("jpg", FileType.JPEG), Map.entry("JPEG", FileType.JPEG),
                Map.entry("jfif", FileType.JPEG), Map.entry("png", FileType.PNG), Map.entry("heif", FileType.HEIC),
                Map.entry("tif", FileType.TIFF), Map.entry("pdf", FileType.PDF), Map.entry("docx", FileType.DOCX),
                Map.entry("uot", FileType.UOF), Map.entry("xlsx", FileType.XLSX), Map.entry("zip", FileType.ZIP),
                Map.entry("pptx", FileType.PPTX), Map.entry("ofd", FileType.OFD),
                Map.entry("doc", FileType.OLE2), Map.entry("wps", FileType.OLE2), Map.entry("xls", FileType.OLE2),
                Map.entry("et", FileType.OLE2), Map.entry("ppt", FileType.OLE2), Map.entry("uof", FileType.UOF));
        promised.forEach((ext, type) -> assertEquals(type, Formats.expectedType(ext), ext));
        for (String none : new String[]{"csv", "dotx", "dotm", "txt", "eio", "", "exe"}) assertNull(Formats.expectedType(none), none);
    }

    @Test
    void families() {
        for (String w : new String[]{"doc", "docx", "wps", "uof", "uot", "dot", "dotx", "dotm", "wpt"}) assertTrue(Formats.isWordFamily(w), w);
        for (String t : new String[]{"dot", "DOTX", "dotm", "wpt"}) assertTrue(Formats.isTemplate(t), t);
        for (String d : new String[]{"doc", "docx", "wps", "uof", "uot", "pdf", null}) assertFalse(Formats.isTemplate(d), d);
        for (String s : new String[]{"xlsx", "xls", "et", "csv"}) assertTrue(Formats.isSheet(s), s);
        assertTrue(Formats.isPhoto("jpe"));
        assertFalse(Formats.isPhoto("png"));
        assertFalse(Formats.isWordFamily("pdf"));
        assertFalse(Formats.isSheet("docx"));
        assertTrue(Formats.isCaptionSheet("csv") && Formats.isCaptionSheet("xlsx"));
        assertFalse(Formats.isCaptionSheet("xls"));
        assertTrue(Roles.isCaptionSidecar("图片说明.xlsx"));
        assertTrue(Roles.isCaptionSidecar("照片说明.csv"));
        assertFalse(Roles.isCaptionSidecar("图片说明.xls"));
        assertFalse(Roles.isCaptionSidecar("图片说明.CSV"));
        assertFalse(Roles.isCaptionSidecar("图片说明"));
    }
}
