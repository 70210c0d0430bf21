package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of tables — data sheets and caption sidecars alike — returning the first sheet
 * as rows of the strings its cells show: numbers formatted as the sheet formats them, a formula's
 * cached value (never its text), "" for an empty cell.
 * <ul>
 * <li>.xlsx: streamed ({@link XlsxTable}): the worksheet's XML through SAX, so memory follows the
 *     rows kept, not the file;</li>
 * <li>.xls and Kingsoft .et (OLE2 BIFF8): POI HSSF;</li>
 * <li>.csv ({@link CsvTable}): RFC 4180 — quoted fields may hold commas, doubled quotes and line
 *     breaks; UTF-8 (BOM dropped) unless the bytes are not UTF-8, then GB18030; UTF-16 with a BOM.</li>
 * </ul>
 * The format is told by content (a .csv holding a zip is read as the workbook it is). Stated
 * limits: files up to {@link #MAX_BYTES}; more than {@link #MAX_ROWS} rows or {@link #MAX_CHARS}
 * characters of cells refuse the table ({@link TooComplex}, deterministically, before it is held
 * in memory); columns beyond {@link #MAX_COLUMNS} are ignored and cells cut at
 * {@link #MAX_CELL_CHARS} characters. Thread-safe.
 */
public final class Tables {
    private Tables() {}

    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_ROWS = 100_000;
    public static final int MAX_COLUMNS = 256;
    /** Excel's own limit for one cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    public static final long MAX_CHARS = 16_000_000;

    /** The rows of a table file; {@link TooComplex} when over a limit, another IOException when unreadable. */
    public static List<String[]> read(FileEntry f) throws IOException {
        if (f.size() > MAX_BYTES) throw new TooComplex("larger than " + MAX_BYTES + " bytes");
        if (f.type() == FileType.XLSX || f.type() == FileType.ZIP) {
            // The zip file system opens the path itself: checked before and after it has.
            f.verify();
            List<String[]> rows = XlsxTable.read(f.path());
            f.verify();
            return rows;
        }
        if (f.type() == FileType.OLE2) {
            try (SeekableByteChannel ch = f.channel()) {
                return hssf(ch);
            }
        }
        return read(Source.of(f), f.path(), f.type(), f.ext());
    }

    /** A table file outside any package (tests). */
    static List<String[]> read(Path path, FileType type, String ext) throws IOException {
        if (type == FileType.XLSX || type == FileType.ZIP) return XlsxTable.read(path);
        if (type == FileType.OLE2) {
            try (SeekableByteChannel ch = Files.newByteChannel(path)) {
                return hssf(ch);
            }
        }
        return read(Source.of(path), path, type, ext);
    }

    private static List<String[]> read(Source source, Path path, FileType type, String ext) throws IOException {
        if (ext.equals("csv")) return CsvTable.read(source);
        throw new IOException("not a spreadsheet (" + type.name().toLowerCase(Locale.ROOT) + ")");
    }

    /** Rows as they are kept: the limits applied as each row arrives. Not thread-safe. */
    static final class Rows {
        final List<String[]> list = new ArrayList<>();
        private long chars;

        void add(List<String> cells) throws TooComplex {
            if (list.size() >= MAX_ROWS) throw new TooComplex("more than " + MAX_ROWS + " rows");
            String[] row = new String[Math.min(cells.size(), MAX_COLUMNS)];
            for (int i = 0; i < row.length; i++) {
                String c = cells.get(i) == null ? "" : cells.get(i);
                row[i] = c.length() > MAX_CELL_CHARS ? c.substring(0, MAX_CELL_CHARS) : c;
                chars += row[i].length();
            }
            if (chars > MAX_CHARS) throw new TooComplex("more than " + MAX_CHARS + " characters in cells");
            list.add(row);
        }
    }

    /** .xls and .et: BIFF8 in OLE2. An .xls holds at most 65,536 rows, so HSSF's model is bounded. */
    private static List<String[]> hssf(SeekableByteChannel ch) throws IOException {
        try (POIFSFileSystem fs = ch instanceof FileChannel fc ? new POIFSFileSystem(fc, true)
                : new POIFSFileSystem(Channels.newInputStream(ch))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) throw new Encrypted();
            try (HSSFWorkbook wb = new HSSFWorkbook(root, true)) {
                DataFormatter fmt = formatter();
                Rows rows = new Rows();
                Sheet sheet = wb.getSheetAt(0);
                List<String> cells = new ArrayList<>();
                for (Row r : sheet) {
                    cells.clear();
                    int last = Math.max(0, Math.min(r.getLastCellNum(), MAX_COLUMNS));
                    for (int i = 0; i < last; i++) {
                        Cell c = r.getCell(i);
                        cells.add(c == null ? "" : shown(fmt, c));
                    }
                    rows.add(cells);
                }
                return rows.list;
            }
        }
    }

    /**
     * A cell as Excel shows it; where POI cannot apply the cell's number format (it rejects some
     * of Excel's own Chinese date formats, such as [DBNum1][$-804]yyyy"年"m"月"d"日"), the plain value.
     */
    private static String shown(DataFormatter fmt, Cell c) {
        try {
            return fmt.formatCellValue(c);
        } catch (RuntimeException e) {
            return c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC ? String.valueOf(c.getNumericCellValue()) : c.toString();
        }
    }

    /** A password-protected workbook: Excel and WPS store it as an encrypted OLE2 file, whatever its extension. */
    static final class Encrypted extends IOException {
        Encrypted() {
            super("encrypted");
        }
    }

    /** Cells as Excel shows them, formulas by their cached results. */
    static DataFormatter formatter() {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        fmt.setUseCachedValuesForFormulaCells(true);
        return fmt;
    }
}
