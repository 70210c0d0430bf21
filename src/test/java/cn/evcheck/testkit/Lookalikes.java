package cn.evcheck.testkit;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.hssf.record.FilePassRecord;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Files built in the test that stand in for real public files which once fooled evcheck: a
 * workbook in Excel's Chinese date format, password-protected and XOR-obfuscated .xls files, a
 * JBIG2 scan in a PDF, and Word 97 files with a broken inside. Real public files themselves are
 * never committed (they are measured locally: see RealFilesTest and the fixtures README).
 */
public final class Lookalikes {
    private Lookalikes() {}

    /** Excel's own Chinese long date (中文小写数字 年月日), which POI's formatter rejects. */
    public static final String CHINESE_DATE_FORMAT = "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"";

    /**
     * A sound data table (指标, 数值, 统计日期) whose dates are shown in {@link #CHINESE_DATE_FORMAT},
     * as .xlsx ({@code xlsx} true) or .xls.
     */
    public static byte[] chineseDateWorkbook(boolean xlsx) {
        try (Workbook wb = xlsx ? new XSSFWorkbook() : new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(CHINESE_DATE_FORMAT));
            Sheet s = wb.createSheet("主要指标");
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("指标");
            h.createCell(1).setCellValue("数值");
            h.createCell(2).setCellValue("统计日期");
            Object[][] rows = {{"居民健康素养水平", 25.3}, {"千人口献血人次", 12.4}, {"群众对卫生状况满意率", 92.0}};
            for (int i = 0; i < rows.length; i++) {
                Row r = s.createRow(i + 1);
                r.createCell(0).setCellValue((String) rows[i][0]);
                r.createCell(1).setCellValue((Double) rows[i][1]);
                var c = r.createCell(2);
                c.setCellValue(LocalDate.of(2019, 12, 31 - i));
                c.setCellStyle(date);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A data table in an .xls protected with {@code password}: RC4 CryptoAPI (what Excel 2003 and
     * later write) or, {@code xor} true, Excel 95's XOR obfuscation. POI writes both (a FILEPASS
     * record of the chosen kind; HSSF keeps its mode when it encrypts on write).
     */
    public static byte[] encryptedXls(String password, boolean xor) {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row h = wb.createSheet("主要指标").createRow(0);
            h.createCell(0).setCellValue("指标");
            h.createCell(1).setCellValue("数值");
            Row r = wb.getSheetAt(0).createRow(1);
            r.createCell(0).setCellValue("千人口献血人次");
            r.createCell(1).setCellValue(12.4);
            // Read the (absent) property streams while no password is set: reading them later, to encrypt them, logs errors.
            wb.getDocumentSummaryInformation();
            if (xor) wb.getInternalWorkbook().getWorkbookRecordList().add(1, new FilePassRecord(EncryptionMode.xor));
            Biff8EncryptionKey.setCurrentUserPassword(password);
            try {
                wb.write(out);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code page} (drawn onto a 1-bit page) as a JBIG2 stream embedded the way PDF embeds it (no
     * file header, no end-of-page): a page information segment and one immediate lossless generic
     * region coded with MMR, whose data is exactly T.6 (CCITT Group 4) — written here by PDFBox's
     * G4 encoder.
     */
    public static byte[] jbig2(BufferedImage page) {
        BufferedImage bw = bilevel(page);
        int w = bw.getWidth();
        int h = bw.getHeight();
        byte[] g4;
        try (PDDocument scratch = new PDDocument()) {
            PDImageXObject ccitt = CCITTFactory.createFromImage(scratch, bw);
            try (InputStream in = ccitt.getCOSObject().createRawInputStream()) {
                g4 = in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // T.88 7.4.8 page information: width, height, x and y resolution (unknown), flags (eventually lossless), not striped.
        ByteBuffer pageInfo = ByteBuffer.allocate(19).putInt(w).putInt(h).putInt(0).putInt(0).put((byte) 1).putShort((short) 0);
        // T.88 7.4.1 region information (width, height, x, y, combination OR) + 7.4.6.2 generic region flags: MMR = 1.
        ByteBuffer region = ByteBuffer.allocate(18 + g4.length).putInt(w).putInt(h).putInt(0).putInt(0).put((byte) 0).put((byte) 1).put(g4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(segment(0, 48, pageInfo.array()));
        out.writeBytes(segment(1, 39, region.array()));
        return out.toByteArray();
    }

    /** T.88 7.2 segment header: number, type, no referred-to segments, page 1, data length; then the data. */
    private static byte[] segment(int number, int type, byte[] data) {
        return ByteBuffer.allocate(11 + data.length).putInt(number).put((byte) type).put((byte) 0).put((byte) 1)
                .putInt(data.length).put(data).array();
    }

    /** {@code page} thresholded to black and white, as a 1-bit image. */
    public static BufferedImage bilevel(BufferedImage page) {
        if (page.getType() == BufferedImage.TYPE_BYTE_BINARY) return page;
        BufferedImage bw = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = bw.createGraphics();
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return bw;
    }

    /** A one-page PDF whose page is a full-page image stream of {@code encoded} bytes under {@code filter}. */
    public static byte[] imagePdf(byte[] encoded, COSName filter, int width, int height) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(encoded), filter, width, height, 1, PDDeviceGray.INSTANCE);
            // A4 at the image's aspect ratio, as a scanner's PDF has it.
            PDRectangle box = new PDRectangle(595, 595f * height / width);
            PDPage page = new PDPage(box);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scanned page as a PDF whose page image is JBIG2 (/JBIG2Decode), the usual compression of black-and-white scans. */
    public static byte[] jbig2Pdf(BufferedImage page) {
        return imagePdf(jbig2(page), COSName.JBIG2_DECODE, page.getWidth(), page.getHeight());
    }

    /** The streams of an OLE2 file by path ("WordDocument", "ObjectPool/…"); directories become empty entries ending in '/'. */
    public static Map<String, byte[]> ole2Streams(byte[] ole2) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(ole2))) {
            collect(fs.getRoot(), "", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void collect(DirectoryEntry dir, String prefix, Map<String, byte[]> out) throws IOException {
        for (Entry e : dir) {
            if (e instanceof DirectoryEntry d) {
                out.put(prefix + d.getName() + "/", new byte[0]);
                collect(d, prefix + d.getName() + "/", out);
            } else if (e instanceof DocumentEntry doc) {
                try (DocumentInputStream in = new DocumentInputStream(doc)) {
                    out.put(prefix + doc.getName(), in.readAllBytes());
                }
            }
        }
    }

    /** An OLE2 file of these streams (paths as {@link #ole2Streams} gives them; a path ending in '/' is a directory). */
    public static byte[] ole2(Map<String, byte[]> streams) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Map.Entry<String, byte[]> s : streams.entrySet()) {
                String[] parts = s.getKey().split("/");
                DirectoryEntry dir = fs.getRoot();
                for (int i = 0; i < parts.length - 1; i++) dir = subdir(dir, parts[i]);
                String last = parts[parts.length - 1];
                if (s.getKey().endsWith("/")) subdir(dir, last);
                else dir.createDocument(last, new ByteArrayInputStream(s.getValue()));
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DirectoryEntry subdir(DirectoryEntry dir, String name) throws IOException {
        return dir.hasEntry(name) ? (DirectoryEntry) dir.getEntry(name) : dir.createDirectory(name);
    }

    /** {@code ole2} with its streams changed by {@code change} (which may add, drop or replace streams). */
    public static byte[] rebuildOle2(byte[] ole2, UnaryOperator<Map<String, byte[]>> change) {
        return ole2(change.apply(ole2Streams(ole2)));
    }
}
