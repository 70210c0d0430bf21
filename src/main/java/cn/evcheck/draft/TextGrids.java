package cn.evcheck.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables in plain text as Word and WPS save a document "as text" and as the seeds hold them:
 * <ul>
 * <li>cell per line: each cell starts on a line beginning with one tab, its further lines follow
 *     without one; a row has as many cells as the header; the table ends at a line without a tab
 *     after a blank line at a row's end, or after two blank lines;</li>
 * <li>tab-separated: one row per line, cells between tabs (two tabs or more on the line), the
 *     table ending at the first line that is not one.</li>
 * </ul>
 * Pure.
 */
public final class TextGrids {
    private TextGrids() {}

    public static List<Grid> read(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").replace('\u00A0', ' ').split("\n", -1);
        List<Grid> out = new ArrayList<>();
        List<String> context = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (tabs(line) >= 2) {
                List<String[]> rows = new ArrayList<>();
                while (i < lines.length && tabs(lines[i]) >= 2) {
                    rows.add(lines[i].split("\t", -1));
                    i++;
                }
                out.add(new Grid(rows, String.join("\n", context)));
                context.clear();
                continue;
            }
            if (line.startsWith("\t")) {
                i = cellTable(lines, i, out, String.join("\n", context));
                context.clear();
                continue;
            }
            if (!line.isBlank()) {
                context.add(line.strip());
                if (context.size() > 12) context.remove(0);
            }
            i++;
        }
        return out;
    }

    private static int tabs(String line) {
        return (int) line.chars().filter(c -> c == '\t').count();
    }

    /** A cell-per-line table from line {@code i}; returns the first line after it. */
    private static int cellTable(String[] lines, int i, List<Grid> out, String context) {
        List<StringBuilder> cells = new ArrayList<>();
        int blanks = 0;
        int width = -1;
        int end = i;
        for (; end < lines.length; end++) {
            String line = lines[end];
            if (tabs(line) >= 2) break;
            if (line.startsWith("\t")) {
                if (width < 0 && !cells.isEmpty() && headerEnds(cells, line.substring(1))) width = cells.size();
                cells.add(new StringBuilder(line.substring(1)));
                blanks = 0;
                continue;
            }
            if (line.isBlank()) {
                blanks++;
                continue;
            }
            boolean atRowEnd = width > 0 && cells.size() % width == 0;
            if (blanks >= 2 || (blanks >= 1 && atRowEnd) || cells.isEmpty()) break;
            StringBuilder last = cells.get(cells.size() - 1);
            for (int b = 0; b < blanks; b++) last.append('\n');
            last.append('\n').append(line);
            blanks = 0;
        }
        if (width < 0) width = cells.size();
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c + width <= cells.size(); c += width) {
            String[] row = new String[width];
            for (int k = 0; k < width; k++) row[k] = cells.get(c + k).toString().strip();
            rows.add(row);
        }
        int rest = cells.size() % Math.max(width, 1);
        if (rest > 0) {
            String[] row = new String[width];
            for (int k = 0; k < width; k++) row[k] = k < rest ? cells.get(cells.size() - rest + k).toString().strip() : "";
            rows.add(row);
        }
        out.add(new Grid(rows, context));
        return end;
    }

    /**
     * Whether the header row ends before this cell: the cells so far hold column names (blank ones
     * only before the first), and this one is none.
     */
    private static boolean headerEnds(List<StringBuilder> cells, String next) {
        int names = 0;
        for (StringBuilder c : cells) {
            String t = c.toString();
            if (Columns.role(t) != null) names++;
            else if (!t.isBlank() || names > 0) return false;
        }
        return names >= 2 && Columns.role(next) == null;
    }
}
