package cn.evcheck.draft;

import cn.evcheck.inspect.WordTables;
import cn.evcheck.util.Text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A responsibility list file → its tables and text: Word and WPS documents (.docx .doc .wps) and
 * spreadsheets (.xlsx .xls .et .csv) through {@code inspect}'s readers, a document saved as text
 * (.txt, UTF-8 or GBK) through {@link TextGrids}. The one class of this package that reads files.
 */
public final class DraftFiles {
    private DraftFiles() {}

    public static final List<String> EXTENSIONS = List.of("docx", "doc", "wps", "xlsx", "xls", "et", "csv", "txt");
    public static final long MAX_TEXT_BYTES = 16L * 1024 * 1024;

    /** The file's extension is not one the importer reads. */
    public static final class Unsupported extends IOException {
        public Unsupported(String ext) {
            super(ext);
        }
    }

    /** An empty file. */
    public static final class Empty extends IOException {
        public Empty() {
            super("empty");
        }
    }

    public record Read(List<Grid> grids, String text) {}

    public static String ext(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Reads; {@link WordTables.Encrypted} for a password, another IOException when unreadable. */
    public static Read read(Path file) throws IOException {
        String ext = ext(file);
        if (!EXTENSIONS.contains(ext)) throw new Unsupported(ext);
        if (Files.size(file) == 0) throw new Empty();
        return switch (ext) {
            case "txt" -> {
                if (Files.size(file) > MAX_TEXT_BYTES) throw new IOException("larger than " + MAX_TEXT_BYTES + " bytes");
                String text = Text.utf8OrGb18030(Files.readAllBytes(file));
                yield new Read(TextGrids.read(text), text);
            }
            case "docx", "doc", "wps" -> grids(WordTables.read(file));
            default -> grids(WordTables.sheet(file));
        };
    }

    private static Read grids(WordTables.Doc doc) {
        List<Grid> grids = new ArrayList<>();
        for (WordTables.Table t : doc.tables()) grids.add(new Grid(t.rows(), t.before()));
        return new Read(grids, doc.text());
    }
}
