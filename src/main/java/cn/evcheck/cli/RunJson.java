package cn.evcheck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run.json as plain values — objects as {@code Map<String, Object>} in their order, arrays as lists,
 * strings, numbers, booleans and null — read and written with Jackson's streaming parser and generator.
 * Not with its ObjectMapper: a re-check of an unchanged package reads and rewrites run.json and nothing
 * else in JSON, and the ObjectMapper's first tree cost 70 ms of class loading and set-up, a fifth of the
 * whole re-check. Written as the ObjectMapper's default pretty printer writes it.
 */
final class RunJson {
    private RunJson() {}

    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** The top-level object of {@code in}; null when the text is JSON but not an object. */
    static Map<String, Object> read(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) return null;
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) value(p);
            if (p.nextToken() != null) throw new IOException("run.json: more after the top-level object");
            return root;
        }
    }

    /** The value at the parser's current token (its last token read when it returns). */
    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));   // a repeated name: the last value, at the first one's place
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue();   // Integer, Long or BigInteger, as large as it is
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("run.json: unexpected " + p.currentToken());
        }
    }

    /** {@code root}, pretty-printed, with a final line break. */
    static byte[] write(Map<String, ?> root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            cn.evcheck.util.JsonValues.write(g, root);
        } catch (IOException e) {
            throw new IllegalStateException(e);   // into memory: only a value that is not a plain one
        }
        out.write('\n');
        return out.toByteArray();
    }
}
