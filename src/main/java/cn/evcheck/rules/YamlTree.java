package cn.evcheck.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML text into a located {@link YNode} tree, each value with its key path. A duplicate key is
 * a problem (the first value is kept); a syntax error ends the parse, said plainly by {@link YamlSyntax}.
 */
final class YamlTree {
    private YamlTree() {}

    /** The tree; duplicate keys are added to {@code problems}. */
    static YNode parse(String yaml, String source, List<RuleException> problems) throws RuleException {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser p = factory.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new RuleException(source, new YNode.Loc(1, 1), "文件为空", "the file is empty");
            }
            return read(p, source, "", problems);
        } catch (RuleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw YamlSyntax.explain(yaml, source, e);
        }
    }

    private static YNode.Loc loc(JsonParser p, String path) {
        JsonLocation l = p.currentTokenLocation();
        return new YNode.Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()), path);
    }

    /** A key as a path shows it: a word as it is, anything else (long, or with signs) not echoed. */
    static String pathKey(String key) {
        String shown = YamlBinder.shown(key);
        return shown.isEmpty() || shown.indexOf(' ') >= 0 ? "…" : shown;
    }

    private static YNode read(JsonParser p, String source, String path, List<RuleException> problems) throws IOException, RuleException {
        JsonToken t = p.currentToken();
        YNode.Loc here = loc(p, path);
        switch (t) {
            case START_OBJECT -> {
                Map<String, YNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String keyPath = path.isEmpty() ? pathKey(key) : path + "." + pathKey(key);
                    YNode.Loc keyLoc = loc(p, keyPath);
                    p.nextToken();
                    YNode value = read(p, source, keyPath, problems);
                    YNode.Entry first = entries.get(key);
                    if (first != null) {
                        int line = first.keyLoc().line();
                        problems.add(new RuleException(source, keyLoc.at(path),
                                "键“" + YamlBinder.shown(key) + "”重复（第一次在第 " + line + " 行）；同一层的键只能写一次",
                                "duplicate key '" + YamlBinder.shown(key) + "' (first at line " + line + "); a key is written once per mapping"));
                        continue;
                    }
                    entries.put(key, new YNode.Entry(key, keyLoc, value));
                }
                return new YNode.YMap(here, entries);
            }
            case START_ARRAY -> {
                List<YNode> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values.add(read(p, source, path + "[" + (values.size() + 1) + "]", problems));
                }
                return new YNode.YList(here, values);
            }
            case VALUE_STRING -> {
                return new YNode.YScalar(here, p.getText(), YNode.YScalar.Kind.STRING);
            }
            case VALUE_NUMBER_INT -> {
                return new YNode.YScalar(here, p.getText(), YNode.YScalar.Kind.INT);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YNode.YScalar(here, p.getText(), YNode.YScalar.Kind.FLOAT);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YNode.YScalar(here, p.getText(), YNode.YScalar.Kind.BOOLEAN);
            }
            case VALUE_NULL -> {
                return new YNode.YScalar(here, null, YNode.YScalar.Kind.NULL);
            }
            default -> throw new RuleException(source, here, "无法识别的 YAML 内容", "unsupported YAML content");
        }
    }
}
