package cn.evcheck.inspect;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tesseract in this process, through its C API (libtesseract 5, loaded with JNA), for
 * {@link Ocr}. Starting the command-line program costs about 0.15 s of CPU per image, nearly all
 * of it loading the chi_sim model — more than recognising a header band; here each engine loads
 * the model once and is reused, by one thread at a time; results never depend on the order of
 * the images (the LSTM recogniser keeps no state between images, and the engine learns nothing
 * from one: no adaptive templates, no document dictionary).
 *
 * <p>The default where the library loads; {@code EVCHECK_TESSERACT=cli} (or
 * {@code -Devcheck.tesseract=cli}) runs the command line instead. An engine per reading thread, up
 * to {@link #maxEngines()}. Measured on the benchmark package of 10,000 photos and 200 scans (2 cores,
 * page cache dropped, same report): 0.68 of the command line's CPU and 0.63–0.81 of its wall time at
 * the same peak RSS; on its 200 scans alone 0.57 of the CPU and 0.62 of the wall time. (One engine
 * shared by the workers, as first built, took 1.47 times the command line's wall time.) The images
 * given to Tesseract are evcheck's own pixel buffers (binarised bands), never a file for
 * Tesseract to parse.
 * Where the library or the chi_sim model cannot be loaded (Windows without Tesseract's DLLs on
 * the path, another major version), {@link #available()} is false and {@link Ocr} runs the
 * command line. Tesseract's diagnostics go to the null device, never to the
 * user's terminal. A recognition has a deadline ({@link Ocr#TIMEOUT_SECONDS}). Thread-safe.
 */
final class TesseractLib {
    private TesseractLib() {}

    /** The part of the C API evcheck uses ({@code tesseract/capi.h}). */
    interface Api extends Library {
        Pointer TessBaseAPICreate();

        int TessBaseAPIInit3(Pointer api, String datapath, String language);

        int TessBaseAPISetVariable(Pointer api, String name, String value);

        void TessBaseAPISetPageSegMode(Pointer api, int mode);

        void TessBaseAPISetImage(Pointer api, byte[] imagedata, int width, int height, int bytesPerPixel, int bytesPerLine);

        int TessBaseAPIRecognize(Pointer api, Pointer monitor);

        Pointer TessBaseAPIGetUTF8Text(Pointer api);

        void TessDeleteText(Pointer text);

        void TessBaseAPIClear(Pointer api);

        void TessBaseAPIDelete(Pointer api);

        Pointer TessMonitorCreate();

        void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);

        void TessMonitorDelete(Pointer monitor);

        String TessVersion();
    }

    /** The C library, to set the environment of this process before libtesseract (and its OpenMP) loads. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        int malloc_trim(long pad);
    }

    private static final String[] NAMES = {"tesseract", "libtesseract-5", "libtesseract-5.3", "tesseract53", "libtesseract"};

    private static volatile Boolean available;
    private static Api api;
    /** glibc, to give back what a recognition freed; null elsewhere. */
    private static LibC libc;
    /** The idle engines; its monitor guards them and {@link #engines}. */
    private static final Deque<Pointer> ENGINE = new ArrayDeque<>();

    /** Whether the library loads and an engine starts with chi_sim (decided once; the engine is kept). */
    static boolean available() {
        Boolean a = available;
        if (a == null) {
            synchronized (TesseractLib.class) {
                if (available == null) available = load();
                a = available;
            }
        }
        return a;
    }

    private static boolean load() {
        if ("cli".equalsIgnoreCase(System.getProperty("evcheck.tesseract", System.getenv("EVCHECK_TESSERACT")))) return false;
        // One thread per recognition, as the command line is run (OMP_THREAD_LIMIT=1): evcheck already
        // reads a file per core, and OpenMP's threads on top of that spin and cost more CPU than they
        // save. Tesseract asks for its threads by number, so only the limit, which libgomp reads from
        // the environment once, when it loads, holds them back.
        if (System.getenv("OMP_THREAD_LIMIT") == null && !System.getProperty("os.name", "").startsWith("Windows")) {
            try {
                libc = Native.load("c", LibC.class);
                libc.setenv("OMP_THREAD_LIMIT", "1", 0);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // another C library: OpenMP's default
            }
        }
        for (String name : NAMES) {
            try {
                Api lib = Native.load(name, Api.class);
                String version = lib.TessVersion();
                if (version == null || !version.startsWith("5")) continue;
                api = lib;
                break;
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // not this name, or not on this machine
            }
        }
        if (api == null) return false;
        Pointer first = create();
        if (first == null) {
            api = null;
            return false;
        }
        synchronized (ENGINE) {
            ENGINE.push(first);
            engines = 1;
        }
        return true;
    }

    /** A new engine with chi_sim loaded, or null. */
    private static Pointer create() {
        try {
            Pointer h = api.TessBaseAPICreate();
            if (h == null) return null;
            // Diagnostics ("Estimating resolution as …") would otherwise reach the user's terminal.
            api.TessBaseAPISetVariable(h, "debug_file", System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
            if (api.TessBaseAPIInit3(h, null, "chi_sim") != 0) {
                api.TessBaseAPIDelete(h);
                return null;
            }
            api.TessBaseAPISetVariable(h, "debug_file", System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
            // Nothing learnt from one image may reach the next: neither the adaptive classifier's
            // templates nor the words of the "document". Clearing both after each image, as first
            // built, rebuilt a template for each of chi_sim's 6,000 characters every time (0.8 of the
            // time per header band without it, same text on the scan corpus and the benchmark's scans).
            api.TessBaseAPISetVariable(h, "classify_enable_learning", "0");
            api.TessBaseAPISetVariable(h, "tessedit_enable_doc_dict", "0");
            return h;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /**
     * The raw text Tesseract reads in the image with page segmentation mode {@code psm}; null when it
     * could not read. An engine per reading thread, up to {@link #maxEngines()} (an engine with chi_sim
     * holds about 70 MB outside the heap): idle engines are kept and reused; a reader finding none idle
     * and the limit reached waits for one. One engine shared by two workers took 1.47 times the wall
     * time of a process per image on an OCR-heavy package.
     */
    static String read(BufferedImage img, int psm) {
        if (!available()) return null;
        Pixels8 px = pixels(img);
        Pointer h = take();
        if (h == null) return null;
        boolean trusted = true;
        Pointer monitor = null;
        try {
            api.TessBaseAPISetPageSegMode(h, psm);
            api.TessBaseAPISetImage(h, px.data, px.width, px.height, px.bytesPerPixel, px.width * px.bytesPerPixel);
            monitor = api.TessMonitorCreate();
            api.TessMonitorSetDeadlineMSecs(monitor, Ocr.TIMEOUT_SECONDS * 1000);
            if (api.TessBaseAPIRecognize(h, monitor) != 0) return null;
            Pointer text = api.TessBaseAPIGetUTF8Text(h);
            if (text == null) return null;
            try {
                return new String(text.getByteArray(0, (int) Math.min(text.indexOf(0, (byte) 0), 1 << 20)), StandardCharsets.UTF_8);
            } finally {
                api.TessDeleteText(text);
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            trusted = false;   // not used again: its place goes to a new one
            return null;
        } finally {
            if (monitor != null) api.TessMonitorDelete(monitor);
            if (trusted) {
                api.TessBaseAPIClear(h);
            }
            give(h, trusted);
            trim();
        }
    }

    /** Engines made and not given up. */
    private static int engines;

    /** The most engines at once: {@code -Devcheck.tesseractEngines=N} or {@code EVCHECK_TESSERACT_ENGINES}, else the number of cores (at most 4). */
    static int maxEngines() {
        String v = System.getProperty("evcheck.tesseractEngines", System.getenv("EVCHECK_TESSERACT_ENGINES"));
        try {
            if (v != null) return Math.max(1, Math.min(16, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            // the default
        }
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Engines made and in use or idle (tests). */
    static int enginesMade() {
        synchronized (ENGINE) {
            return engines;
        }
    }

    /** An idle engine, a new one while under the limit, else the next one given back; null when none can start. */
    private static Pointer take() {
        synchronized (ENGINE) {
            while (true) {
                Pointer idle = ENGINE.poll();
                if (idle != null) return idle;
                if (engines < maxEngines()) {
                    engines++;
                    break;
                }
                try {
                    ENGINE.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        Pointer made = create();   // outside the lock: loading the model takes a while
        if (made == null) {
            synchronized (ENGINE) {
                engines--;
                ENGINE.notifyAll();
            }
        }
        return made;
    }

    private static void give(Pointer h, boolean trusted) {
        synchronized (ENGINE) {
            if (trusted) ENGINE.push(h);
            else engines--;
            ENGINE.notifyAll();
        }
    }

    /**
     * Returns to the system what the recognition freed: glibc keeps freed memory in the arena of the
     * thread that used it, and each worker that ran Tesseract would otherwise hold its own.
     */
    private static void trim() {
        if (libc == null) return;
        try {
            libc.malloc_trim(0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            libc = null;   // not glibc
        }
    }

    private record Pixels8(byte[] data, int width, int height, int bytesPerPixel) {}

    /** 8-bit grey as it is, anything else as 24-bit RGB: what a PNG of the image would hold for the command line. */
    private static Pixels8 pixels(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (img.getType() == BufferedImage.TYPE_BYTE_GRAY && img.getRaster().getDataBuffer() instanceof DataBufferByte db
                && img.getRaster().getParent() == null && db.getData().length == w * h) {
            return new Pixels8(db.getData(), w, h, 1);
        }
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            Pixels.rgbRow(img, y, row);
            for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                int c = row[x];
                rgb[o] = (byte) (c >> 16);
                rgb[o + 1] = (byte) (c >> 8);
                rgb[o + 2] = (byte) c;
            }
        }
        return new Pixels8(rgb, w, h, 3);
    }
}
