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

/** Parses YAML text into a located {@link YNode} tree. Rejects duplicate keys. */
final class YamlTree {
    private YamlTree() {}

    static YNode parse(String yaml, String source) throws RuleException {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser p = factory.createParser(yaml)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new RuleException(source, new YNode.Loc(1, 1), "规则文件为空", "the rule file is empty");
            }
            YNode node = read(p, source);
            return node;
        } catch (RuleException e) {
            throw e;
        } catch (IOException e) {
            JsonLocation l = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getLocation() : null;
            YNode.Loc loc = l == null ? new YNode.Loc(1, 1) : new YNode.Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
            // The parser's own words, without the text it quotes from the file (never echo content).
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")
                    .replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
            if (msg.length() > 120) msg = msg.substring(0, 120) + "…";
            throw new RuleException(source, loc, "YAML 语法错误：" + msg, "YAML syntax error: " + msg);
        }
    }

    private static YNode.Loc loc(JsonParser p) {
        JsonLocation l = p.currentTokenLocation();
        return new YNode.Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static YNode read(JsonParser p, String source) throws IOException, RuleException {
        JsonToken t = p.currentToken();
        YNode.Loc here = loc(p);
        switch (t) {
            case START_OBJECT -> {
                Map<String, YNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    YNode.Loc keyLoc = loc(p);
                    if (entries.containsKey(key)) {
                        throw new RuleException(source, keyLoc, "键“" + key + "”重复", "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    entries.put(key, new YNode.Entry(key, keyLoc, read(p, source)));
                }
                return new YNode.YMap(here, entries);
            }
            case START_ARRAY -> {
                List<YNode> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values.add(read(p, source));
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
