package cn.evcheck.draft;

import java.util.List;

/**
 * A table as read from a document: rows of cell texts ({@code null} for the continuation of a
 * vertically merged cell, as Word and Excel mark it), and the document's words just before the
 * table (its heading), which tell a 网上申报 table from a 实地考察 one. Immutable.
 */
public record Grid(List<String[]> rows, String context) {
    public Grid {
        rows = List.copyOf(rows);
        context = context == null ? "" : context;
    }
}
