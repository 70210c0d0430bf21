package cn.evcheck.testkit;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real .docx (and .xlsx, .pptx, OFD) files built for tests and samples. */
public final class Docs {
    private Docs() {}

    public static byte[] docx(String... paragraphs) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String p : paragraphs) {
                XWPFParagraph para = doc.createParagraph();
                para.createRun().setText(p);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook with one sheet whose first row holds {@code cells}. */
    public static byte[] xlsx(String... cells) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.createSheet("Sheet1").createRow(0);
            for (int i = 0; i < cells.length; i++) row.createCell(i).setCellValue(cells[i]);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A presentation with one empty slide. */
    public static byte[] pptx() {
        try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide();
            show.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A one-page OFD (GB/T 33190-2016 §7: the package root holds {@code OFD.xml}, whose
     * {@code DocRoot} names {@code Doc_0/Document.xml}; the page's content lies below it), showing {@code text}.
     */
    public static byte[] ofd(String text) {
        return ofd(text, false);
    }

    /**
     * An OFD package; with {@code rootLast} its OFD.xml is the archive's last entry, after the
     * document and a resource part, as some converters (Suwell's pdf2ofd) write it.
     */
    public static byte[] ofd(String text, boolean rootLast) {
        String ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(bos)) {
            if (rootLast) put(z, "Doc_0/PublicRes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res " + ns + " BaseLoc=\"Res\"/>");
            if (!rootLast) put(z, "OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + ns + " DocType=\"OFD\" Version=\"1.0\">"
                    + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>evcheck-test</ofd:DocID></ofd:DocInfo>"
                    + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
            put(z, "Doc_0/Document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document " + ns + ">"
                    + "<ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"
                    + "</ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                    + "</ofd:Document>");
            put(z, "Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page " + ns + "><ofd:Content>"
                    + "<ofd:Layer ID=\"2\"><ofd:TextObject ID=\"3\" Boundary=\"20 20 170 10\" Font=\"1\" Size=\"5\">"
                    + "<ofd:TextCode X=\"0\" Y=\"5\">" + text + "</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>");
            if (rootLast) put(z, "OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + ns + " DocType=\"OFD\" Version=\"1.0\">"
                    + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>evcheck-test</ofd:DocID></ofd:DocInfo>"
                    + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
            z.finish();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream z, String name, String xml) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(xml.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** Chinese prose of exactly {@code han} Han characters (plus one full stop per 20), for word counts. */
    public static String prose(int words) {
        String base = "医院组织志愿者深入社区开展健康义诊活动为群众测量血压宣传卫生知识";
        StringBuilder sb = new StringBuilder();
        int n = 0;
        while (n < words) {
            if (n % 20 == 19) sb.append('。');
            else sb.append(base.charAt(n % base.length()));
            n++;
        }
        return sb.toString();
    }
}
