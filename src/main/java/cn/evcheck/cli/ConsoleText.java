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
}
