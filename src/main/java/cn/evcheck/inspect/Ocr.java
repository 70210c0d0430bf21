package cn.evcheck.inspect;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Optical character recognition by Tesseract with the simplified-Chinese model (Debian:
 * tesseract-ocr, tesseract-ocr-chi-sim): through the command line, an image per process, the image
 * in a temporary file outside the package; or, opt-in, in this process through its library
 * ({@link TesseractLib}). Where Tesseract or chi_sim is missing, {@link #available()} is false and callers
 * fall back to other sources. The environment variable {@code EVCHECK_OCR=off} or the system
 * property {@code evcheck.ocr=off} (e.g. {@code -Devcheck.ocr=off}, as the default test run sets)
 * disables it; any other value, or none, means: use Tesseract where it is installed. Decided once
 * per JVM, at the first call. Thread-safe.
 */
public final class Ocr {
    private Ocr() {}

    /** Whether OCR can run here: yes, switched off on purpose, or Tesseract/chi_sim missing. */
    public enum Availability { AVAILABLE, DISABLED, MISSING }

    private static volatile Availability availability;

    public static boolean available() {
        return availability() == Availability.AVAILABLE;
    }

    public static Availability availability() {
        Availability a = availability;
        if (a == null) {
            synchronized (Ocr.class) {
                if (availability == null) {
                    availability = disabled() ? Availability.DISABLED : probe() ? Availability.AVAILABLE : Availability.MISSING;
                }
                a = availability;
            }
        }
        return a;
    }

    /**
     * Starts finding out {@link #availability()} on a thread of its own, for a caller that will ask
     * soon: the probe starts a process (0.13 s from a cold disk), which then overlaps the run's start.
     *
     * @param memoDir a folder where the probe's answer is kept between runs ({@link ProbeMemo}), or null
     */
    public static void probeAhead(Path memoDir) {
        if (availability != null) return;
        memo = memoDir;
        Thread t = new Thread(Ocr::availability, "evcheck-ocr-probe");
        t.setDaemon(true);
        t.start();
    }

    /** Where the probe's answer is kept between runs; null: nowhere (set before the first probe). */
    private static volatile Path memo;

    private static boolean disabled() {
        return "off".equalsIgnoreCase(System.getenv("EVCHECK_OCR")) || "off".equalsIgnoreCase(System.getProperty("evcheck.ocr"));
    }

    /**
     * Whether the command line lists chi_sim (a start without loading any model), else whether the
     * library loads with it. The library itself is loaded at the first read, so a run that reads no
     * scan (one answered from the facts cache) never loads the model.
     */
    private static boolean probe() {
        return probeCommand() || TesseractLib.available();
    }

    private static boolean probeCommand() {
        ProbeMemo.Key key = memo == null ? null : ProbeMemo.key();
        Boolean kept = key == null ? null : ProbeMemo.read(memo, key);
        if (kept != null) return kept;
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean chiSim = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && out.lines().anyMatch(l -> l.strip().equals("chi_sim"));
            if (key != null) ProbeMemo.write(memo, key, out, chiSim);
            return chiSim;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The text Tesseract reads in the image (spaces between Han characters removed), or "" on
     * failure. {@code psm} is Tesseract's page segmentation mode: 3 for a page region, 6 for a
     * single block such as the line of a 文号.
     */
    /** Seconds one Tesseract call may take (a header band takes about one). */
    static final int TIMEOUT_SECONDS = 30;

    public static String read(BufferedImage img, int psm) {
        if (!available()) return "";
        if (TesseractLib.available()) {
            String text = TesseractLib.read(img, psm);
            return text == null ? "" : joinHan(text);
        }
        return command(img, psm);
    }

    /** The same through the command-line program, one process per image (where the library cannot be loaded). */
    static String command(BufferedImage img, int psm) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("evcheck-ocr-", ".png");
            ImageIO.write(img, "png", tmp.toFile());
            ProcessBuilder pb = new ProcessBuilder(List.of("tesseract", tmp.toString(), "stdout", "-l", "chi_sim", "--psm", String.valueOf(psm)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // One thread per Tesseract: evcheck already runs a page per core, and OpenMP's threads on top
            // of that cost more CPU than they save.
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = pb.start();
            try {
                // Waited for with a deadline before its output is read (a band's text is far below the
                // pipe's buffer): a Tesseract that hangs is killed, and so is one whose file's read was
                // abandoned at the time budget (the interrupt), rather than left running.
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "";
                }
                return joinHan(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                return "";
            }
        } catch (IOException e) {
            return "";
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Tesseract puts spaces between Chinese characters; drop those, keep line breaks. */
    static String joinHan(String s) {
        return s.replaceAll("(?<=[\\p{IsHan}〔〕【】（）()\\[\\]★])[ \\t]+(?=[\\p{IsHan}〔〕【】（）()\\[\\]★\\d])", "")
                .replaceAll("(?<=\\d)[ \\t]+(?=[\\p{IsHan}〔〕】）)\\]])", "");
    }
}
