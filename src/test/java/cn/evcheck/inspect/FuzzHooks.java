package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Test-only doors to the package-private parser entry points, for the fuzz targets in
 * {@code cn.evcheck.fuzz} ({@code ParserFuzzTest}). Production visibility stays as it is.
 */
public final class FuzzHooks {
    private FuzzHooks() {}

    /** {@link UofReader#readXml(java.io.InputStream)}: a UOF 1.0 document as one XML file. */
    public static TextFacts uofXml(byte[] xml) {
        return UofReader.readXml(new ByteArrayInputStream(xml));
    }

    /** {@link CsvTable#read(Source)}: the rows of a CSV file, or an IOException. */
    public static List<String[]> csv(byte[] bytes) throws IOException {
        return CsvTable.read(Source.of(bytes));
    }

    /** {@link SheetReader}: a table file read as a caption sidecar (图片说明.csv/.xlsx) or as a data sheet. */
    public static Facts sheet(FileEntry f, boolean captions) {
        return new SheetReader().read(f, captions ? Inspector.Needs.CAPTIONS : new Inspector.Needs(false, false, false, true));
    }
}
