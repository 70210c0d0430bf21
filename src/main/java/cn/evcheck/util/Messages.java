package cn.evcheck.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message bundles ({@code messages_zh.properties}, {@code messages_en.properties}, UTF-8)
 * and a small formatter: {@code {name}} placeholders are replaced by the named argument,
 * rendered for the language — numbers as plain digits (never grouped, unlike MessageFormat),
 * a {@link Localized} value in its language, a {@link Ref} as the message it names, a list
 * joined with the language's {@code sep.list}. A placeholder without an argument is left as
 * written (a test keeps the bundles and the callers in step). Immutable and thread-safe.
 */
public final class Messages {
    private Messages() {}

    /** The report languages. */
    public enum Lang { ZH, EN }

    /** A value that reads differently per language. */
    public record Localized(String zh, String en) {
        public String in(Lang lang) {
            return lang == Lang.EN ? en : zh;
        }
    }

    /** A reference to another message, rendered in the same language with its own arguments. */
    public record Ref(String key, Map<String, Object> args) {
        public Ref {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    public static Ref ref(String key, Object... kv) {
        return new Ref(key, map(kv));
    }

    private static final Map<String, String> ZH = load("zh");
    private static final Map<String, String> EN = load("en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)\\}");

    private static Map<String, String> load(String lang) {
        String name = "/cn/evcheck/messages_" + lang + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of a language's bundle, sorted. */
    public static Set<String> keys(Lang lang) {
        return (lang == Lang.EN ? EN : ZH).keySet();
    }

    public static boolean has(String key) {
        return ZH.containsKey(key);
    }

    /** The raw template of a key, or null. */
    public static String template(Lang lang, String key) {
        return (lang == Lang.EN ? EN : ZH).get(key);
    }

    /** The message of {@code key} with its arguments; the key itself when the bundle lacks it. */
    public static String format(Lang lang, String key, Map<String, ?> args) {
        String t = template(lang, key);
        if (t == null) return key;
        String[] parts = PARTS.computeIfAbsent(t, Messages::parts);
        StringBuilder sb = new StringBuilder(t.length() + 32);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                sb.append(parts[i]);
            } else {
                String name = parts[i];
                sb.append(args.containsKey(name) ? render(lang, args.get(name)) : "{" + name + "}");
            }
        }
        return sb.toString();
    }

    /** Each template split at its placeholders, once: text, name, text, name … text (a report of 10,000 findings formats 20,000 messages). */
    private static final Map<String, String[]> PARTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String[] parts(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            out.add(template.substring(at, m.start()));
            out.add(m.group(1));
            at = m.end();
        }
        out.add(template.substring(at));
        return out.toArray(new String[0]);
    }

    public static String format(Lang lang, String key, Object... kv) {
        return format(lang, key, map(kv));
    }

    /** How one argument reads in a language. */
    public static String render(Lang lang, Object v) {
        if (v == null) return "";
        if (v instanceof Localized l) return l.in(lang);
        if (v instanceof Ref r) return format(lang, r.key(), r.args());
        if (v instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(format(lang, "sep.list"));
            for (Object o : c) j.add(render(lang, o));
            return j.toString();
        }
        return String.valueOf(v);
    }

    /** The names of the placeholders of a template, in order. */
    public static List<String> placeholders(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Map<String, Object> map(Object... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("key/value pairs expected");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
