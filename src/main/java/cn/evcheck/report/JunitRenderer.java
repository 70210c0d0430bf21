package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.model.Report.ItemResult;
import cn.evcheck.model.Report.Status;
import cn.evcheck.model.Report.UnitResult;

import java.util.List;

/**
 * The report as JUnit XML for CI servers: one testsuite per unit, one testcase per item named
 * by its id and indicator (a complete item passes; the name never changes with the status, so CI
 * history follows an item from run to run), a {@code <failure>} per error-level finding (type = the finding code)
 * and the warnings and notes in {@code <system-out>}; files outside any item form one more
 * testcase. No timestamps. A pure function of the report.
 */
public final class JunitRenderer {
    private JunitRenderer() {}

    public static String render(Report r, boolean en) {
        StringBuilder sb = new StringBuilder(16 * 1024);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = 0, failures = 0;
        for (UnitResult u : r.units()) {
            tests += u.items().size() + (Sections.loose(u).isEmpty() ? 0 : 1);
            failures += (int) u.items().stream().filter(JunitRenderer::fails).count() + (loosFails(u) ? 1 : 0);
        }
        sb.append("<testsuites name=\"evcheck\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\">\n");
        for (UnitResult u : r.units()) {
            String suite = Sections.unitLabel(r, u);
            List<Finding> loose = Sections.loose(u);
            long fails = u.items().stream().filter(JunitRenderer::fails).count() + (loosFails(u) ? 1 : 0);
            sb.append("  <testsuite name=\"").append(x(suite)).append("\" tests=\"").append(u.items().size() + (loose.isEmpty() ? 0 : 1))
                    .append("\" failures=\"").append(fails).append("\" errors=\"0\" skipped=\"0\">\n");
            sb.append("    <properties>\n");
            prop(sb, "evcheck.version", r.toolVersion());
            prop(sb, "rules.id", r.rules().id());
            prop(sb, "rules.sha256", r.rules().sha256());
            prop(sb, "as_of", r.asOf().toString());
            prop(sb, "package", r.packagePath());
            if (!u.name().isEmpty()) prop(sb, "unit", u.name());
            sb.append("    </properties>\n");
            for (ItemResult ir : u.items()) {
                testcase(sb, suite, Sections.title(ir.item()), ir.findings(), en);
            }
            if (!loose.isEmpty()) testcase(sb, suite, en ? "files outside any item" : "未归入任何条目的文件", loose, en);
            sb.append("  </testsuite>\n");
        }
        sb.append("</testsuites>\n");
        return sb.toString();
    }

    private static boolean fails(ItemResult ir) {
        return ir.status() != Status.COMPLETE;
    }

    private static boolean loosFails(UnitResult u) {
        return Sections.loose(u).stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    private static void testcase(StringBuilder sb, String suite, String name, List<Finding> fs, boolean en) {
        sb.append("    <testcase classname=\"").append(x(suite)).append("\" name=\"").append(x(name)).append("\"");
        if (fs.isEmpty()) {
            sb.append("/>\n");
            return;
        }
        sb.append(">\n");
        StringBuilder out = new StringBuilder();
        for (Finding f : fs) {
            String where = (f.file() != null ? f.file() : "") + (f.period() != null ? (f.file() != null ? " " : "") + f.period() : "");
            if (f.severity() == Severity.ERROR) {
                sb.append("      <failure type=\"").append(x(f.code())).append("\" message=\"").append(x(f.message(en))).append("\">")
                        .append(xt("[" + f.code() + "] " + (where.isEmpty() ? "" : where + (en ? ": " : "：")) + f.message(en)))
                        .append("</failure>\n");
            } else {
                out.append('[').append(f.severity().label(en)).append("] ").append(f.code()).append(' ')
                        .append(where.isEmpty() ? "" : where + (en ? ": " : "：")).append(f.message(en)).append('\n');
            }
        }
        if (out.length() > 0) sb.append("      <system-out>").append(xt(out.toString())).append("</system-out>\n");
        sb.append("    </testcase>\n");
    }

    private static void prop(StringBuilder sb, String k, String v) {
        sb.append("      <property name=\"").append(x(k)).append("\" value=\"").append(x(v)).append("\"/>\n");
    }

    /** XML escaping for element text: line breaks stay as they are. */
    static String xt(String s) {
        return x(s).replace("&#10;", "\n").replace("&#9;", "\t");
    }

    /** XML escaping for attributes; characters XML 1.0 cannot carry become U+FFFD. */
    static String x(String s) {
        if (s == null) return "";
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> o.append("&amp;");
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '"' -> o.append("&quot;");
                case '\'' -> o.append("&apos;");
                case '\n' -> o.append("&#10;");
                case '\r' -> o.append("&#13;");
                case '\t' -> o.append("&#9;");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) o.append('\uFFFD');
                    else if (Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))) o.append('\uFFFD');
                    else if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) o.append('\uFFFD');
                    else o.append(c);
                }
            }
        }
        return o.toString();
    }
}
