package cn.evcheck.inspect;

import cn.evcheck.testkit.Hostile;
import cn.evcheck.testkit.Pdfs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 12: a 1 MB PDF whose content stream inflates to 1 GB was parsed for tens of seconds and
 * said nothing. Its content is now counted as it inflates, and refused at the limit.
 */
class PdfContentBombTest {
    @Test
    void aContentStreamThatInflatesBeyondTheLimitIsRefused() {
        byte[] bomb = Hostile.flateContentPdf(64);
        assertTrue(bomb.length < 1024 * 1024, "64 MiB of content in " + bomb.length + " bytes");
        DocFacts d = DocInspector.pdf(bomb, false);
        assertEquals("too_complex", d.problem(), d.detail());
        assertTrue(d.detail().contains("page 1"), d.detail());
        PdfFacts p = PdfInspector.pages(bomb, true);
        assertEquals("too_complex", p.problem(), p.detail());
    }

    @Test
    void ordinaryPagesPass() {
        assertNull(DocInspector.pdf(Hostile.flateContentPdf(1), false).problem());
        assertNull(DocInspector.pdf(Pdfs.bornDigitalNotice("赣卫〔2020〕44号", null), false).problem());
    }
}
