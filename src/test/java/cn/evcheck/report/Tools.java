package cn.evcheck.report;

import cn.evcheck.testkit.Fonts;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds and runs the real clients the report tests open reports with (Chromium, LibreOffice). */
public final class Tools {
    private Tools() {}

    /** The first of {@code names} on the PATH, or null. */
    public static Path find(String... names) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String n : names) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, n);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    public record Result(int code, String out, String err) {}

    /**
     * Runs a command with no input, a UTF-8 locale, the shipped test font as its only font (see
     * {@link Fonts#fontconfigFile()}) and a time limit; output is captured.
     */
    public static Result exec(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        return exec(cmd, timeoutSeconds, false);
    }

    /** As {@link #exec(List, int)}; with {@code systemFonts} the program sees the machine's fonts instead. */
    static Result exec(List<String> cmd, int timeoutSeconds, boolean systemFonts) throws IOException, InterruptedException {
        Path out = Files.createTempFile("evcheck-tool-", ".out");
        Path err = Files.createTempFile("evcheck-tool-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("LANG", "C.UTF-8");
            if (!systemFonts) pb.environment().put("FONTCONFIG_FILE", Fonts.fontconfigFile().toString());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new IOException(cmd.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
