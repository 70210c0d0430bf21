package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import org.apache.poi.ss.usermodel.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.*;

/**
 * Caption sidecars ({@code 图片说明.csv}/{@code .xlsx}, columns 文件名 and 图片说明). A sidecar
 * applies to photos in its own folder and below, matched by file name, or by path relative to
 * the sidecar's folder where names repeat. The nearest sidecar wins.
 */
public final class Sidecars {
    /** folder rel path ("" for root) → key (file name or relative path) → caption */
    private final Map<String, Map<String, String>> byFolder = new TreeMap<>();
    private final List<String[]> problems = new ArrayList<>();

    public static Sidecars load(List<FileEntry> sidecars) {
        Sidecars s = new Sidecars();
        for (FileEntry f : sidecars) {
            try {
                List<String[]> rows = f.ext().equals("csv") ? csv(f) : xlsx(f);
                Map<String, String> map = new HashMap<>();
                int nameCol = -1;
                int capCol = -1;
                for (String[] row : rows) {
                    if (nameCol < 0) {
                        for (int i = 0; i < row.length; i++) {
                            String h = row[i].strip();
                            if (h.equals("文件名") || h.equals("文件名称") || h.equals("图片名称") || h.equalsIgnoreCase("file")) nameCol = i;
                            if (h.equals("图片说明") || h.equals("说明") || h.equals("照片说明") || h.equalsIgnoreCase("caption")) capCol = i;
                        }
                        if (nameCol < 0 || capCol < 0) {
                            nameCol = -1;
                            capCol = -1;
                        }
                        continue;
                    }
                    if (row.length > Math.max(nameCol, capCol) && !row[nameCol].isBlank() && !row[capCol].isBlank()) {
                        map.put(row[nameCol].strip().replace('\\', '/'), row[capCol].strip());
                    }
                }
                if (nameCol < 0) {
                    s.problems.add(new String[]{f.rel(), "no_header"});
                }
                String folder = f.rel().contains("/") ? f.rel().substring(0, f.rel().lastIndexOf('/')) : "";
                s.byFolder.computeIfAbsent(folder, k -> new HashMap<>()).putAll(map);
            } catch (IOException | RuntimeException e) {
                s.problems.add(new String[]{f.rel(), Errors.oneLine(e)});
            }
        }
        return s;
    }

    /** Sidecars that could not be read or lack the 文件名/图片说明 header: {rel, reason}. */
    public List<String[]> problems() {
        return problems;
    }

    /** The sidecar caption for a photo, or null. */
    public String captionFor(FileEntry photo) {
        String rel = photo.rel();
        String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
        while (true) {
            Map<String, String> m = byFolder.get(folder);
            if (m != null) {
                String relToSidecar = folder.isEmpty() ? rel : rel.substring(folder.length() + 1);
                String c = m.get(relToSidecar);
                if (c == null) c = m.get(photo.name());
                if (c == null) c = m.get(photo.stem());
                if (c != null) return c;
            }
            if (folder.isEmpty()) return null;
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
    }

    private static List<String[]> csv(FileEntry f) throws IOException {
        byte[] b = Files.readAllBytes(f.path());
        String text = TextDecoding.utf8OrGb18030(b);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        List<String[]> rows = new ArrayList<>();
        for (String line : splitCsvRecords(text)) rows.add(parseCsvLine(line));
        return rows;
    }

    private static List<String> splitCsvRecords(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if ((c == '\n' || c == '\r') && !quoted) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    static String[] parseCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        cells.add(cur.toString());
        return cells.toArray(new String[0]);
    }

    private static List<String[]> xlsx(FileEntry f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        try (InputStream in = Files.newInputStream(f.path()); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (Row r : sheet) {
                int last = Math.max(0, r.getLastCellNum());
                String[] cells = new String[last];
                for (int i = 0; i < last; i++) {
                    Cell c = r.getCell(i);
                    cells[i] = c == null ? "" : fmt.formatCellValue(c);
                }
                rows.add(cells);
                if (rows.size() > 100_000) break;
            }
        }
        return rows;
    }

    static Charset gb() {
        return Charset.forName("GB18030");
    }
}
