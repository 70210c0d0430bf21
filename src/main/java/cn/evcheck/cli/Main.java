package cn.evcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code evcheck} command. {@link #run} never exits the JVM, so tests drive the CLI
 * in-process and capture its output; only {@link #main} calls {@code System.exit}.
 */
@Command(name = "evcheck", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"检查创建文明城市网上申报材料包是否符合申报要求，输出缺口报告。",
                "Checks a civilised-city evidence package against the online submission rules."},
        exitCodeListHeading = "%n退出码 Exit codes:%n",
        exitCodeList = {
                "0:材料齐全：没有达到 --fail-on 级别的问题 (ready)",
                "1:发现达到 --fail-on 级别的问题 (findings at or above --fail-on)",
                "2:用法错误或规则/配置无效 (usage error, invalid rules or config)",
                "3:检查未能完成 (the check could not complete)"})
public final class Main {
    /** The commands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, FixCommand.class, OpenCommand.class, MergeCommand.class,
            ExplainCommand.class, RulesCommand.class, InitCommand.class);

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int FAILED = 3;

    public static void main(String[] args) {
        Logging.quiet();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        // The terminal's encoding (GBK on a Chinese Windows console), UTF-8 into pipes and files.
        System.exit(run(out, err, ConsoleText.forStdout(), args));
    }

    /** The value of --lang (or --lang=…) among raw arguments, or null. */
    static String langOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith("--lang=")) return args[i].substring(7);
        }
        return null;
    }

    /** Chinese for zh, English for en, both where the language is not known. */
    static String bilingual(String lang, String zh, String en) {
        if ("en".equals(lang)) return en;
        if ("zh".equals(lang)) return zh;
        return zh + "（" + en + "）";
    }

    public static int run(OutputStream out, OutputStream err, String... args) {
        return run(out, err, StandardCharsets.UTF_8, args);
    }

    /** @param console the encoding of what is printed (reports written to files are UTF-8 whatever it is) */
    public static int run(OutputStream out, OutputStream err, java.nio.charset.Charset console, String... args) {
        Logging.quiet();
        PrintWriter o = ConsoleText.writer(out, console);
        PrintWriter e = ConsoleText.writer(err, console);
        CommandLine cl = new CommandLine(new Main());
        // Only the command that runs is built (picocli reads every option of every command it is given,
        // about 0.1 s of a re-check's second); all of them when the first word names none, for help,
        // suggestions and errors.
        Class<?> only = args.length == 0 ? null : COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(args[0])).findFirst().orElse(null);
        boolean help = only == null || helpAsked(args);
        for (Class<?> c : COMMANDS) if (only == null || c == only) cl.addSubcommand(command(c, help));
        if (only == null) cl.addSubcommand(CommandLine.HelpCommand.class);
        cl.setOut(o);
        cl.setErr(e);
        cl.setExitCodeExceptionMapper(t -> FAILED);
        String lang = langOf(args);   // the command line may not parse, but its --lang usually does
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                // "evcheck chek": name what was not understood, and what was probably meant.
                String what = u.getUnmatched().get(0);
                w.println(bilingual(lang, "evcheck: 无法识别“" + what + "”", "evcheck: not understood: '" + what + "'"));
                List<String> close = u.getSuggestions();
                if (!close.isEmpty()) {
                    String list = String.join(", ", close.subList(0, Math.min(3, close.size())));
                    w.println(bilingual(lang, "是否想用：" + list + "？", "did you mean: " + list + "?"));
                }
            } else {
                w.println("evcheck: " + ex.getMessage());
            }
            w.println(bilingual(lang, "用 --help 查看用法", "see --help"));
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, pr) -> {
            c.getErr().println("evcheck: 检查未能完成 (the check could not complete): " + oneLine(ex));
            return FAILED;
        });
        // A locale that is not UTF-8 (LANG=C, POSIX) turns Chinese arguments into replacement characters
        // before evcheck sees them: nothing can recover them, so say what to do instead of failing on a path.
        for (String a : args) {
            if (a.indexOf('\uFFFD') >= 0 && !"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))) {
                e.println("evcheck: 系统区域设置不是 UTF-8（" + System.getProperty("sun.jnu.encoding") + "），命令行中的中文路径无法识别："
                        + "请用 evcheck 启动脚本运行，或先设置 LANG=C.UTF-8 (the locale is not UTF-8, so Chinese paths on the command "
                        + "line cannot be read: run the evcheck launcher, or set LANG=C.UTF-8)");
                return USAGE;
            }
        }
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) {
            // picocli's execution-exception handler sees Exceptions only; an Error (out of memory,
            // a missing class …) would otherwise escape as a stack trace and exit code 1.
            e.println("evcheck: 检查未能完成 (the check could not complete): " + oneLine(t));
            code = FAILED;
        }
        o.flush();
        e.flush();
        return code;
    }

    /**
     * A command's model, with its {@code modelTransformer} applied when help may be printed (picocli
     * applies it only to the subcommands an annotation lists, and these are added one by one).
     */
    private static CommandLine command(Class<?> c, boolean help) {
        CommandLine sub = new CommandLine(c);
        Class<? extends CommandLine.IModelTransformer> t = c.getAnnotation(Command.class).modelTransformer();
        // Only for help: check's describes --format from the renderers' registry, which loads every
        // renderer and the JSON library (0.1 s of a re-check whose reports are current).
        if (help && !t.getName().startsWith("picocli.")) {   // not picocli's own no-op
            try {
                t.getDeclaredConstructor().newInstance().transform(sub.getCommandSpec());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return sub;
    }

    /** Whether the arguments ask for help: -h or --help (also among clustered short options), or the help command. */
    static boolean helpAsked(String[] args) {
        if (args.length > 0 && args[0].equals("help")) return true;
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--help") || a.matches("-[A-Za-z]*h[A-Za-z]*")) return true;
        }
        return false;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"evcheck " + version()};
        }
    }

    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
