package cn.evcheck.inspect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A caption sidecar (图片说明.csv / .xlsx) as read: the captions of its 图片说明 column keyed by its
 * 文件名 column (a file name, a stem, or a path relative to the sheet's folder, '/'-separated),
 * later rows winning.
 *
 * @param problem null, "no_header" (no 文件名/图片说明 header row) or "unreadable" (see detail)
 */
public record CaptionSheet(String problem, String detail, Map<String, String> captions) {
    public CaptionSheet {
        captions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(captions));
    }

    public static CaptionSheet failed(String problem, String detail) {
        return new CaptionSheet(problem, detail, Map.of());
    }

    /** Interprets a table's rows: the first row naming both columns is the header. */
    public static CaptionSheet of(List<String[]> rows) {
        Map<String, String> map = new LinkedHashMap<>();
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
        if (nameCol < 0) return new CaptionSheet("no_header", "no 文件名/图片说明 header row", Map.of());
        return new CaptionSheet(null, "", map);
    }
}
