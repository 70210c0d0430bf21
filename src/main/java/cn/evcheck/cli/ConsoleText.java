package cn.evcheck.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Text for the terminal in the terminal's encoding (issue 15 part 2): a Chinese Windows console is code
 * page 936 (GBK), where UTF-8 comes out garbled and ✗ ✓ do not exist at all. Symbols the encoding
 * cannot show become ASCII look-alikes; anything else it cannot show becomes '?'. Files are always
 * UTF-8; so is output to a pipe or a file (a CI log) unless the JVM was told otherwise.
 */
final class ConsoleText {
    private ConsoleText() {}

    /** Look-alikes for the report's symbols, where the console cannot show them. */
    static final Map<Character, String> FALLBACK = Map.of('✗', "x", '✓', "v", '·', "-", '—', "-", '…', "...", '★', "*",
            '×', "x", '≥', ">=", '≤', "<=");

    /**
     * The charset for standard output: what the JVM was told ({@code stdout.encoding}, or Windows' own
     * {@code sun.stdout.encoding} for a console), else the console's when there is one, else UTF-8; never one
     * that cannot write Chinese.
     */
    static Charset choose(String stdoutEncoding, String sunStdoutEncoding, Charset consoleCharset) {
        for (String name : new String[]{stdoutEncoding, sunStdoutEncoding}) {
            if (name == null || name.isBlank()) continue;
            try {
                return chinese(Charset.forName(name.strip()));
            } catch (RuntimeException e) {
                // an unknown name: try the next source
            }
        }
        return consoleCharset != null ? chinese(consoleCharset) : StandardCharsets.UTF_8;
    }

    /**
     * A charset that cannot write Chinese at all (US-ASCII of a POSIX locale, as cron and containers
     * start programs) is a misconfiguration, not the terminal: UTF-8 then, as before.
     */
    private static Charset chinese(Charset cs) {
        return cs.canEncode() && cs.newEncoder().canEncode('中') ? cs : StandardCharsets.UTF_8;
    }

    static Charset forStdout() {
        java.io.Console c = System.console();
        return choose(System.getProperty("stdout.encoding"), System.getProperty("sun.stdout.encoding"), c == null ? null : c.charset());
    }

    /** A writer to {@code out} in {@code cs}, with look-alikes for what {@code cs} cannot encode. */
    static PrintWriter writer(OutputStream out, Charset cs) {
        Writer w = new OutputStreamWriter(out, cs);
        if (cs.equals(StandardCharsets.UTF_8) || cs.name().startsWith("UTF-")) return new PrintWriter(w, true);
        CharsetEncoder enc = cs.newEncoder();
        return new PrintWriter(new FilterWriter(w) {
            @Override
            public void write(int c) throws IOException {
                write(new char[]{(char) c}, 0, 1);
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                StringBuilder sb = new StringBuilder(len);
                for (int i = off; i < off + len; i++) {
                    char ch = buf[i];
                    if (Character.isSurrogate(ch) || enc.canEncode(ch)) sb.append(ch);
                    else sb.append(FALLBACK.getOrDefault(ch, "?"));
                }
                out.write(sb.toString());
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                write(s.toCharArray(), off, len);
            }
        }, true);
    }

    /**
     * Whether the text report on standard output is coloured: {@code --color always|never}, else (auto) only
     * on a terminal, without {@code NO_COLOR} (https://no-color.org), not {@code TERM=dumb}, and on Windows
     * only where the terminal reads ANSI colours (Windows Terminal, ConEmu, ANSICON), not the classic console.
     */
    static boolean colour(String option, java.util.Map<String, String> env, boolean terminal, String os) {
        if ("always".equalsIgnoreCase(option)) return true;
        if ("never".equalsIgnoreCase(option)) return false;
        if (!terminal) return false;
        String no = env.get("NO_COLOR");
        if (no != null && !no.isEmpty()) return false;
        if ("dumb".equals(env.get("TERM"))) return false;
        if (os.toLowerCase(java.util.Locale.ROOT).contains("win")) {
            return env.containsKey("WT_SESSION") || "ON".equalsIgnoreCase(env.get("ConEmuANSI")) || env.containsKey("ANSICON");
        }
        return true;
    }

    private static final java.util.regex.Pattern MARKED = java.util.regex.Pattern.compile("(?m)^( +)([\u2717!\u00b7]) ");
    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(
            "(?m)^\\[(\u672a\u5b8c\u6210|\u7f3a\u5931|\u5b8c\u6210|incomplete|missing|complete)\\]");

    /** The text report with its marks coloured: ✗ and missing red, ! and incomplete yellow, · dim, complete green. */
    static String coloured(String report) {
        String s = MARKED.matcher(report).replaceAll(m -> m.group(1) + switch (m.group(2)) {
            case "\u2717" -> "\u001b[31m\u2717\u001b[0m";
            case "!" -> "\u001b[33m!\u001b[0m";
            default -> "\u001b[2m\u00b7\u001b[0m";
        } + " ");
        return STATUS.matcher(s).replaceAll(m -> {
            String st = m.group(1);
            String c = st.equals("\u5b8c\u6210") || st.equals("complete") ? "32" : st.equals("\u7f3a\u5931") || st.equals("missing") ? "31" : "33";
            return "\u001b[" + c + "m[" + st + "]\u001b[0m";
        });
    }
}
