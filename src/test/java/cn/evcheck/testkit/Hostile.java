package cn.evcheck.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile and huge files, generated in the test (nothing big is committed). */
public final class Hostile {
    private Hostile() {}

    /** A PDF with its cross-reference table, objects numbered from 1, and extra trailer entries. */
    public static byte[] pdf(List<String> objects, String trailerExtra) {
        StringBuilder sb = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(sb.length());
            sb.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = sb.length();
        sb.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) sb.append(String.format("%010d 00000 n \n", o));
        sb.append("trailer\n<</Size ").append(objects.size() + 1).append("/Root 1 0 R").append(trailerExtra)
                .append(">>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * A one-page PDF whose content stream is {@code mb} MiB of drawing operators, Flate-compressed to
     * a few hundred KB: a decompression bomb of the kind a PDF parser meets while reading text.
     */
    public static byte[] flateContentPdf(int mb) {
        ByteArrayOutputStream comp = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(comp, new java.util.zip.Deflater(9))) {
            byte[] line = "0 0 m\n".getBytes(StandardCharsets.US_ASCII);
            byte[] buf = new byte[1 << 20];
            for (int i = 0; i < buf.length; i++) buf[i] = line[i % line.length];
            for (int i = 0; i < mb; i++) d.write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String data = new String(comp.toByteArray(), StandardCharsets.ISO_8859_1);
        return pdf(List.of("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
                "<</Length " + data.length() + "/Filter/FlateDecode>>\nstream\n" + data + "\nendstream"), "");
    }

    /**
     * A one-page PDF encrypted for certificate holders: its /Encrypt dictionary names the
     * /Adobe.PubSec filter, for which PDFBox needs BouncyCastle.
     */
    public static byte[] publicKeyEncryptedPdf() {
        return pdf(List.of("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                        "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
                        "<</Filter/Adobe.PubSec/SubFilter/adbe.pkcs7.s4/V 1/R 2/Length 40/Recipients[<308201>]>>"),
                "/Encrypt 4 0 R/ID[<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>]");
    }

    /** A one-page PDF whose page dictionary holds an array nested {@code depth} deep. */
    public static byte[] deeplyNestedPdf(int depth) {
        String deep = "[".repeat(depth) + "]".repeat(depth);
        return pdf(List.of("<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Deep " + deep + ">>"), "");
    }

    /** A caption sheet (文件名, 图片说明) of {@code rows} rows after the header, as CSV. */
    public static byte[] captionCsv(int rows) {
        StringBuilder sb = new StringBuilder("文件名,图片说明\n");
        for (int i = 0; i < rows; i++) {
            sb.append("photo").append(i).append(".jpg,\"时间：2019年5月1日 主题：第").append(i).append("次活动\"\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same as an .xlsx: the parts a spreadsheet application writes, the worksheet with inline
     * strings (as POI's streaming writer writes them), zipped here because it is faster.
     */
    public static byte[] captionXlsx(int rows) {
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(bos)) {
            entry(z, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"图片说明\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(z, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            row(sb, 1, "文件名", "图片说明");
            for (int i = 0; i < rows; i++) {
                row(sb, i + 2, "photo" + i + ".jpg", "时间：2019年5月1日 主题：第" + i + "次活动");
                if (sb.length() > 1 << 20) {
                    z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                    sb.setLength(0);
                }
            }
            sb.append("</sheetData></worksheet>");
            z.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.finish();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ZipOutputStream z, String name, String xml) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(xml.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static void row(StringBuilder sb, int r, String a, String b) {
        sb.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\" t=\"inlineStr\"><is><t>").append(a)
                .append("</t></is></c><c r=\"B").append(r).append("\" t=\"inlineStr\"><is><t>").append(b).append("</t></is></c></row>");
    }

    /**
     * A .docx of {@code chars} random Han characters (U+4E00…U+9FA5) in paragraphs of 500, which
     * deflate barely (so the inflate-ratio cap does not refuse it), written straight to disk.
     */
    public static void bigDocx(Path file, int chars, long seed) {
        Random rnd = new Random(seed);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    + "wordprocessingml/2006/main\"><w:body>").getBytes(StandardCharsets.UTF_8));
            StringBuilder para = new StringBuilder();
            for (int done = 0; done < chars; ) {
                int n = Math.min(500, chars - done);
                para.setLength(0);
                para.append("<w:p><w:r><w:t>");
                for (int i = 0; i < n; i++) para.append((char) (0x4E00 + rnd.nextInt(0x9FA5 - 0x4E00 + 1)));
                para.append("</w:t></w:r></w:p>");
                z.write(para.toString().getBytes(StandardCharsets.UTF_8));
                done += n;
            }
            z.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
