package cn.evcheck.inspect;

import cn.evcheck.testkit.Docs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12: an entry nobody reads still has to be inflated to reach the next one. A .docx with
 * 8 GB of zeros in such a part cost 12 s and said nothing; it is now refused at the per-entry cap.
 */
class ZipSkipTest {
    /** {@code docx} with one more entry of {@code mb} MiB of zeros under {@code name}, placed first. */
    static byte[] withZeros(byte[] docx, String name, int mb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            z.putNextEntry(new ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < mb; i++) z.write(zeros);
            z.closeEntry();
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aBombInAPartNobodyReadsIsRefused() throws Exception {
        byte[] bomb = withZeros(Docs.docx("关于志愿服务的情况说明", "我院组织志愿者开展义诊。"), "customXml/item1.xml", 300);
        assertTrue(bomb.length < 2 * 1024 * 1024, "300 MB of zeros deflate to under 2 MB: " + bomb.length);
        TextFacts t = DocxReader.read(bomb);
        assertEquals(TextFacts.Status.TOO_COMPLEX, t.status(), t.detail());
        assertTrue(t.detail().contains("unread entry"), t.detail());
    }

    @Test
    void ordinaryUnreadPartsArePassedOver() throws Exception {
        byte[] docx = withZeros(Docs.docx("关于志愿服务的情况说明", "我院组织志愿者开展义诊。"), "customXml/item1.xml", 1);
        TextFacts t = DocxReader.read(docx);
        assertEquals(TextFacts.Status.OK, t.status(), t.detail());
        assertTrue(t.head().contains("情况说明"));
    }
}
