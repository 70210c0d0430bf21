package cn.evcheck.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML syntax error said plainly, in Chinese and English, where it is: what SnakeYAML reports as
 * "while scanning a quoted scalar … found unexpected end of stream" is an unclosed quote at the quote that
 * opens it. The usual mistakes of a rule author are named: a tab for indentation, a full-width colon
 * {@code ：} or no space after a colon, a value with {@code ": "} in it, indentation that does not line up,
 * an unclosed or mismatched bracket, a backslash in double quotes (a Windows path). Anything else is the
 * parser's own problem text. Nothing of the file's content is quoted (it may not be a rule file at all).
 */
final class YamlSyntax {
    private YamlSyntax() {}

    private static final String ZH = "YAML 语法错误：";
    private static final String EN = "YAML syntax error: ";
    /** A key written with a full-width colon: {@code id：x}, {@code - kind：report}. */
    private static final Pattern WIDE_COLON_KEY = Pattern.compile("^\\s*(?:-\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s*(：)");
    /** A key with no space after its colon: {@code evcheck:1}, {@code - kind:report}. */
    private static final Pattern TIGHT_COLON_KEY = Pattern.compile("^\\s*(?:-\\s+)?[A-Za-z_][A-Za-z0-9_]*(:)[^\\s:/\\\\]");
    private static final Pattern EXPECTED_BUT = Pattern.compile("expected ',' or '([\\]}])', but got (.*)");

    static RuleException explain(String text, String source, Exception e) {
        String[] lines = text.split("\r\n|[\r\n\u0085\u2028\u2029]", -1);
        MarkedYAMLException m = marked(e);
        if (m == null) return generic(source, jacksonLoc(e), e.getMessage());
        String problem = m.getProblem() == null ? "" : m.getProblem();
        String context = m.getContext() == null ? "" : m.getContext();
        Mark pm = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        Mark cm = m.getContextMark();
        YNode.Loc at = pm == null ? jacksonLoc(e) : loc(pm);
        YNode.Loc ctx = cm == null ? at : loc(cm);

        if (problem.contains("TAB") || problem.contains("\t")) {
            return err(source, at, "这里用了制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格",
                    "a tab is used here; YAML indents with spaces only, replace the tab with spaces");
        }
        // A full-width colon after a key is a plain word to YAML: the error shows up on this line or a later one.
        YNode.Loc wide = find(lines, WIDE_COLON_KEY, Math.min(ctx.line(), at.line()) - 3, at.line());
        if (wide != null && !context.contains("quoted scalar")) {
            return err(source, wide, "键后用了全角冒号“：”；应写半角冒号加空格“: ”",
                    "a full-width colon '：' after a key; write a half-width colon and a space ': '");
        }
        if (context.contains("quoted scalar")) {
            String quote = charAt(lines, ctx).equals("'") ? "'" : "\"";
            if (problem.contains("end of stream") || problem.contains("document separator")) {
                return err(source, ctx, "引号没有闭合：从这里开始的 " + quote + " 直到文件末尾都没有配对的 " + quote,
                        "unclosed quote: the " + quote + " that starts here is never closed");
            }
            if (problem.contains("escape")) {
                return err(source, at, "双引号中的反斜杠“\\”是转义符，这里的转义无效；含反斜杠的值（如 Windows 路径）请改用单引号，或把“\\”写成“\\\\”",
                        "a backslash in double quotes starts an escape, and this one is invalid; put a value with backslashes "
                                + "(a Windows path) in single quotes, or write each \\ as \\\\");
            }
        }
        if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
            return err(source, ctx, "这一行缺少冒号；映射中的每一行应写成“键: 值”",
                    "a colon is missing; each line of a mapping is 'key: value'");
        }
        if (problem.contains("mapping values are not allowed")) {
            YNode.Loc tight = find(lines, TIGHT_COLON_KEY, at.line() - 2, at.line());
            if (tight != null) {
                return err(source, tight, "冒号后缺少空格；应写成“键: 值”（冒号后加一个空格）",
                        "no space after the colon; write 'key: value' (a space after the colon)");
            }
            String line = line(lines, at.line());
            int col = Math.min(line.length(), Math.max(0, at.column() - 1));
            if (line.substring(0, col).matches("^\\s*(?:-\\s+)?[^#]*?:\\s.*")) {
                return err(source, at, "值中含有“: ”（冒号加空格）；请给整个值加引号，如 title: \"甲: 乙\"",
                        "the value contains ': ' (a colon and a space); put the whole value in quotes, as in title: \"a: b\"");
            }
            int indent = line.length() - line.stripLeading().length();
            return err(source, new YNode.Loc(at.line(), indent + 1), "缩进有误：这一行缩进过深，与上面同一层的键不在同一列（同一层的键应从同一列开始）",
                    "bad indentation: this line is indented deeper than the keys it belongs with (keys of one mapping start in the same column)");
        }
        if (problem.startsWith("expected <block end>")) {
            if (problem.contains("found ']'") || problem.contains("found '}'")) {
                String b = problem.contains("found ']'") ? "]" : "}";
                String open = b.equals("]") ? "[" : "{";
                return err(source, at, "多了一个“" + b + "”：前面没有与之配对的“" + open + "”",
                        "an unmatched '" + b + "': no '" + open + "' before it opened it");
            }
            String line = line(lines, at.line());
            int col = Math.min(line.length(), Math.max(0, at.column() - 1));
            if (problem.contains("<scalar>") && line.substring(0, col).matches(".*[\"'].*")) {
                return err(source, at, "引号闭合后同一行还有内容；请把整个值都放进引号里",
                        "text after the closing quote; put the whole value inside the quotes");
            }
            return err(source, at, "缩进没有对齐：这一行从第 " + at.column() + " 列开始，而它所属的一层（第 " + ctx.line() + " 行起）从第 "
                            + ctx.column() + " 列开始",
                    "indentation does not line up: this line starts in column " + at.column() + ", the block it belongs to (from line "
                            + ctx.line() + ") in column " + ctx.column());
        }
        Matcher ex = EXPECTED_BUT.matcher(problem);
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            String open = context.contains("flow sequence") ? "[" : "{";
            String close = open.equals("[") ? "]" : "}";
            if (ex.find()) {
                String got = ex.group(2);
                if (got.contains("<stream end>")) {
                    return err(source, ctx, "“" + open + "”没有闭合：从这里开始，直到文件末尾都没有配对的“" + close + "”",
                            "unclosed '" + open + "': no '" + close + "' closes the one that starts here");
                }
                if (got.equals("]") || got.equals("}")) {
                    return err(source, ctx, "括号不配对：这里的“" + open + "”在第 " + at.line() + " 行第 " + at.column() + " 列被“" + got
                                    + "”闭合，应为“" + close + "”",
                            "mismatched brackets: the '" + open + "' here is closed by '" + got + "' at line " + at.line() + ", column "
                                    + at.column() + "; close it with '" + close + "'");
                }
                return err(source, at, "缺少逗号：" + open + close + " 中的各项要用半角逗号“,”分隔",
                        "a comma is missing: the entries of " + open + " " + close + " are separated by ','");
            }
        }
        Matcher start = Pattern.compile("found character '(.)' that cannot start any token").matcher(problem);
        if (start.find()) {
            return err(source, at, "值不能以“" + start.group(1) + "”开头；请给这个值加引号", "a value cannot start with '" + start.group(1)
                    + "'; put the value in quotes");
        }
        return generic(source, at, problem.isEmpty() ? m.getMessage() : problem);
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MarkedYAMLException m) return m;
        }
        return null;
    }

    private static YNode.Loc loc(Mark m) {
        return new YNode.Loc(m.getLine() + 1, m.getColumn() + 1);
    }

    private static YNode.Loc jacksonLoc(Exception e) {
        JsonLocation l = e instanceof JsonProcessingException jpe ? jpe.getLocation() : null;
        return l == null ? new YNode.Loc(1, 1) : new YNode.Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String line(String[] lines, int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }

    private static String charAt(String[] lines, YNode.Loc at) {
        String l = line(lines, at.line());
        return at.column() >= 1 && at.column() <= l.length() ? l.substring(at.column() - 1, at.column()) : "";
    }

    /** The last line in (from, to] whose text matches, at the pattern's group. */
    private static YNode.Loc find(String[] lines, Pattern p, int from, int to) {
        for (int n = to; n > Math.max(0, from); n--) {
            Matcher m = p.matcher(line(lines, n));
            if (m.find()) return new YNode.Loc(n, m.start(1) + 1);
        }
        return null;
    }

    private static RuleException err(String source, YNode.Loc at, String zh, String en) {
        return new RuleException(source, at, ZH + zh, EN + en);
    }

    /** The parser's own words, without the text it quotes from the file (never echo content). */
    private static RuleException generic(String source, YNode.Loc at, String message) {
        String msg = message == null ? "" : message.lines().findFirst().orElse("")
                .replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
        if (msg.length() > 120) msg = msg.substring(0, 120) + "…";
        return err(source, at, msg, msg);
    }
}
