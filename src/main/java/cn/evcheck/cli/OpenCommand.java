package cn.evcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evcheck open <package>}: what a clerk gets by dropping a package folder onto
 * {@code evcheck.cmd} or opening it with the desktop entry. It checks the folder, writes the HTML and
 * Excel reports into a folder beside it ({@code <package>-检查报告-<date>}; the user's home folder when
 * the package has no parent folder or it cannot be written), prints the text report, and opens the HTML
 * with the system's viewer. It is {@code check} with those options chosen: same exit codes.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"检查材料包，把 HTML 和 Excel 报告写到材料包旁边的文件夹（<材料包>-检查报告-<日期>），并打开 HTML 报告。"
                + "把材料包文件夹拖到 evcheck.cmd 上就是运行这个命令。",
                "Check a package, write HTML and Excel reports into a folder beside it and open the HTML "
                        + "(what dropping a folder onto evcheck.cmd does)."})
final class OpenCommand implements Callable<Integer> {
    @Spec
    Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PACKAGE", description = "材料包文件夹；不给出时弹出选择文件夹的对话框")
    Path pkg;

    @Option(names = "--rules", paramLabel = "ID|FILE", description = "规则集；默认取材料包中 evcheck.yaml 的 rules")
    String rules;
    @Option(names = "--as-of", paramLabel = "DATE", description = "截至日期 YYYY-MM-DD")
    String asOf;
    @Option(names = "--lang", paramLabel = "zh|en", description = "报告语言，默认 zh")
    String lang = "zh";
    @Option(names = "--by-unit", description = "多单位模式：每个一级文件夹是一个单位的材料包")
    boolean byUnit;
    @Option(names = "--no-open", description = "只写报告，不打开 (write the reports, do not open them)")
    boolean noOpen;
    @Option(names = "--open-with", paramLabel = "PROGRAM", description = "用这个程序打开 HTML 报告（默认用系统的默认程序）")
    String openWith;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        if (pkg == null) pkg = FolderChooser.choose(en);
        if (pkg == null) {
            err.println("evcheck: " + (en ? "no package folder given: drop the folder onto evcheck.cmd, or run: evcheck open FOLDER"
                    : "没有指定材料包文件夹：请把文件夹拖到 evcheck.cmd 上，或运行 evcheck open 文件夹"));
            return Main.USAGE;
        }
        Path out = reportFolder(pkg.toAbsolutePath().normalize(), en);
        List<String> args = new ArrayList<>(List.of(pkg.toString(), "--format", "text,html,xlsx", "--output", out.toString()));
        if (rules != null) args.addAll(List.of("--rules", rules));
        if (asOf != null) args.addAll(List.of("--as-of", asOf));
        args.addAll(List.of("--lang", lang));
        if (byUnit) args.add("--by-unit");
        CommandLine check = new CommandLine(new CheckCommand());
        check.setOut(spec.commandLine().getOut());
        check.setErr(err);
        check.setExitCodeExceptionMapper(t -> Main.FAILED);
        check.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("evcheck: " + ex.getMessage());
            return Main.USAGE;
        });
        int code = check.execute(args.toArray(String[]::new));
        Path html = out.resolve("report.html");
        if ((code == Main.OK || code == Main.FINDINGS) && Files.isRegularFile(html) && !noOpen) {
            if (!open(html, openWith)) {
                err.println("evcheck: " + (en ? "could not open the report; open it yourself: " : "无法自动打开报告，请手动打开：") + html);
            }
        }
        return code;
    }

    /**
     * The report folder beside the package, {@code <name>-检查报告-<date>} ({@code <name>-evcheck-report-<date>}
     * in English); under the user's home folder when the package is a drive's root or its parent folder
     * cannot be written (a read-only share).
     */
    static Path reportFolder(Path pkg, boolean en) {
        Path name = pkg.getFileName();
        String base = (name == null ? "evcheck" : name.toString()) + (en ? "-evcheck-report-" : "-检查报告-") + CheckCommand.today();
        Path parent = pkg.getParent();
        if (parent != null && Files.isWritable(parent)) return parent.resolve(base);
        return Path.of(System.getProperty("user.home")).resolve(base);
    }

    /** Opens {@code file} with {@code program}, else the system's default viewer; false when nothing could be started. */
    static boolean open(Path file, String program) {
        List<String> cmd;
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (program != null && !program.isBlank()) cmd = List.of(program, file.toString());
        else if (os.contains("win")) cmd = List.of("rundll32", "url.dll,FileProtocolHandler", file.toString());
        else if (os.contains("mac")) cmd = List.of("open", file.toString());
        else cmd = List.of("xdg-open", file.toString());
        try {
            // Started and left alone: the browser outlives evcheck.
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start().getOutputStream().close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The folder dialog of a desktop session (double-clicked evcheck.cmd, the menu entry); none without a display. */
    static final class FolderChooser {
        static Path choose(boolean en) {
            if (java.awt.GraphicsEnvironment.isHeadless() || Boolean.getBoolean("evcheck.noDialog")) return null;
            try {
                javax.swing.UIManager.setLookAndFeel(javax.swing.UIManager.getSystemLookAndFeelClassName());
            } catch (Exception ignored) {
                // the default look is fine
            }
            javax.swing.JFileChooser fc = new javax.swing.JFileChooser();
            fc.setFileSelectionMode(javax.swing.JFileChooser.DIRECTORIES_ONLY);
            fc.setDialogTitle(en ? "evcheck: choose the package folder to check" : "evcheck：选择要检查的材料包文件夹");
            int r = fc.showOpenDialog(null);
            return r == javax.swing.JFileChooser.APPROVE_OPTION ? fc.getSelectedFile().toPath() : null;
        }
    }
}
