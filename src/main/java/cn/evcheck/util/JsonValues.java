package cn.evcheck.util;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Plain values — maps with string keys, collections, strings, numbers, booleans, null — written with
 * Jackson's generator calls, as its databind writes them: the same bytes, without a serializer looked
 * up for every value (report.json of 10,000 photos is 10 MB) and without databind at all where none is
 * needed (run.json). Anything else goes to the generator's codec, when it has one.
 */
public final class JsonValues {
    private JsonValues() {}

    public static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Map<?, ?> m && stringKeys(m)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) write(g, o);
            g.writeEndArray();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else {
            g.writeObject(v);
        }
    }

    /** Whether every key is a string (a loop: a stream per map was a tenth of writing 10,000 photos' report). */
    private static boolean stringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) return false;
        }
        return true;
    }
}
