package cn.evcheck.inspect;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer of the last {@code tesseract --list-langs} (whether chi_sim is there), kept in the facts
 * cache's folder with what it depended on: the program the PATH finds (its path, size and time), the
 * TESSDATA_PREFIX setting, and the folder of models the program named (its time, which changes when a
 * model is added or removed). While all of these are as they were, the answer is taken from the file
 * (two file-attribute reads) instead of starting Tesseract, which loads some 40 libraries (30 MB read
 * from a cold disk) to say the same. Anything else — no such file, another build's, a folder that cannot
 * be written — and Tesseract is asked, as without a memo.
 */
final class ProbeMemo {
    private ProbeMemo() {}

    static final String FILE = "ocr-probe.txt";
    private static final String HEADER = "evcheck ocr probe 1";
    private static final Pattern TESSDATA = Pattern.compile("\"([^\"]+)\"");

    /** What the answer depends on that is known before Tesseract is asked: its program, as the PATH finds it. */
    record Key(Path program, long size, long modified, String prefix) {
        String line() {
            return program + "\t" + size + "\t" + modified + "\t" + prefix;
        }
    }

    /** The program named tesseract that the PATH finds, with its size and time; null when none is found. */
    static Key key() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            try {
                Path p = Path.of(dir, windows ? "tesseract.exe" : "tesseract");
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    String prefix = System.getenv("TESSDATA_PREFIX");
                    return new Key(p.toAbsolutePath(), Files.size(p), Files.getLastModifiedTime(p).toMillis(), prefix == null ? "-" : prefix);
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    /** The kept answer for {@code key}, when the models' folder is as it was; else null. */
    static Boolean read(Path dir, Key key) {
        try {
            Path f = dir.resolve(FILE);
            if (!Files.isRegularFile(f) || Files.size(f) > 64 * 1024) return null;
            String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\n", -1);
            if (lines.length < 4 || !lines[0].equals(HEADER) || !lines[1].equals(key.line())) return null;
            String[] models = lines[2].split("\t");
            if (models.length != 2 || !models[1].equals(String.valueOf(Files.getLastModifiedTime(Path.of(models[0])).toMillis()))) return null;
            return switch (lines[3]) {
                case "chi_sim" -> Boolean.TRUE;
                case "no chi_sim" -> Boolean.FALSE;
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps Tesseract's answer ({@code listing}: what it printed) for {@code key}; nothing when its models' folder is not named. */
    static void write(Path dir, Key key, String listing, boolean chiSim) {
        Matcher m = TESSDATA.matcher(listing.lines().findFirst().orElse(""));
        if (!m.find()) return;
        Path tmp = null;
        try {
            Path models = Path.of(m.group(1));
            String body = HEADER + "\n" + key.line() + "\n" + models + "\t" + Files.getLastModifiedTime(models).toMillis() + "\n"
                    + (chiSim ? "chi_sim" : "no chi_sim") + "\n";
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".ocr-probe-", ".tmp");
            Files.writeString(tmp, body, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // not kept: the next run asks Tesseract again
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left in the cache folder is harmless
                }
            }
        }
    }
}
