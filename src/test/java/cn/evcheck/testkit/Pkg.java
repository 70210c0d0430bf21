package cn.evcheck.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes test packages and fingerprints them (to prove evcheck leaves them unchanged). */
public final class Pkg {
    private final Path root;

    public Pkg(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Pkg file(String rel, byte[] bytes) {
        try {
            Path p = root.resolve(rel);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Pkg text(String rel, String text) {
        return file(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    public Pkg dir(String rel) {
        try {
            Files.createDirectories(root.resolve(rel));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * rel path → sha256 of content and modification time, for every file and folder under the
     * root; a symbolic link as its target (never followed), a FIFO, device or socket as "special"
     * (never opened).
     */
    public static TreeMap<String, String> fingerprint(Path root) {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isSymbolicLink()) {
                    out.put(rel, "link -> " + Files.readSymbolicLink(p));
                } else if (a.isOther()) {
                    out.put(rel, "special " + a.lastModifiedTime().toMillis());
                } else if (a.isDirectory()) {
                    out.put(rel + "/", "dir");
                } else {
                    out.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                            + " " + Files.getLastModifiedTime(p).toMillis());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Makes a FIFO at {@code p} with mkfifo; false where there is no mkfifo (the caller assumes it). */
    public static boolean fifo(Path p) {
        try {
            Files.createDirectories(p.getParent());
            Process pr = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor() == 0 && Files.exists(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A .docx-named zip whose word/document.xml inflates to {@code mb} MiB of zeros. */
    public static byte[] zipBomb(int mb) {
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < mb; i++) z.write(chunk);
            z.closeEntry();
            z.finish();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tiny but valid one-page PDF. */
    public static byte[] minimalPdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
