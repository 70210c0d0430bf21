package cn.evcheck.draft;

import cn.evcheck.rules.Model.RuleSet;
import cn.evcheck.rules.RuleException;
import cn.evcheck.rules.RuleLoader;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The import without the file: tables and the document's text in, the draft, its YAML and the rule
 * set that YAML loads as out. The YAML is loaded with {@link RuleLoader} — the code {@code rules lint}
 * runs — so a draft that would not lint is never handed out. Pure.
 */
public final class Importer {
    private Importer() {}

    public record Result(Draft.RuleSet draft, String yaml, RuleSet loaded, int tables, int tablesUsed, int rowsSkipped) {
        public int items() {
            return draft.items.size();
        }

        public int materials() {
            return draft.materials();
        }
    }

    /** Thrown when no requirement or indicator table is found. */
    public static final class NoTable extends Exception {
        public final int tables;

        public NoTable(int tables) {
            super("no requirement table among " + tables + " tables");
            this.tables = tables;
        }
    }

    public static Result run(String id, List<Grid> grids, String documentText, String fileName) throws NoTable, RuleException {
        DraftBuilder.Result b = DraftBuilder.build(id, grids, documentText, fileName);
        if (b.draft().items.isEmpty()) throw new NoTable(grids.size());
        String yaml = YamlOut.write(b.draft(), fileName);
        RuleSet loaded = RuleLoader.load(yaml.getBytes(StandardCharsets.UTF_8), fileName, "import:" + id);
        return new Result(b.draft(), yaml, loaded, b.tables(), b.tablesUsed(), b.rowsSkipped());
    }

    /** A .txt document: its tables as Word saves them as text. */
    public static Result text(String id, String text, String fileName) throws NoTable, RuleException {
        return run(id, TextGrids.read(text), text, fileName);
    }
}
