package cn.evcheck.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so every rule error can say
 * {@code file:line:column}. Jackson's tree model drops locations; this small tree keeps them.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    /**
     * 1-based line and column of the value's first character, and its key path in the file
     * ({@code items[3].materials[1].min}, list entries counted from 1; empty for the whole file and for a
     * place that is no value, such as a syntax error's).
     */
    record Loc(int line, int column, String path) {
        public Loc {
            path = path == null ? "" : path;
        }

        public Loc(int line, int column) {
            this(line, column, "");
        }

        /** The same place, named by another path. */
        public Loc at(String otherPath) {
            return new Loc(line, column, otherPath);
        }

        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    Loc loc();

    /** A mapping; keys keep their own locations and their order. */
    record YMap(Loc loc, Map<String, Entry> entries) implements YNode {
        public YMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    record Entry(String key, Loc keyLoc, YNode value) {}

    record YList(Loc loc, List<YNode> values) implements YNode {
        public YList {
            values = List.copyOf(values);
        }
    }

    /** A scalar; {@code text} is null for YAML null. */
    record YScalar(Loc loc, String text, Kind kind) implements YNode {
        public enum Kind { STRING, INT, FLOAT, BOOLEAN, NULL }
    }

    default String describe() {
        if (this instanceof YMap) return "mapping";
        if (this instanceof YList) return "list";
        YScalar s = (YScalar) this;
        return switch (s.kind()) {
            case STRING -> "text";
            case INT -> "integer";
            case FLOAT -> "number";
            case BOOLEAN -> "true/false";
            case NULL -> "empty value";
        };
    }
}
