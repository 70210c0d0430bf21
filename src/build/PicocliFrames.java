import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A build step (run by the pom, in process-classes, as a single-file program): copies picocli's classes
 * into the build's classes folder as Java 8 class files with stack-map frames, so that the shaded jar
 * carries these instead of picocli's own.
 *
 * <p>Why: picocli is compiled for Java 5 (class-file version 49, no stack-map frames). Java 17 verifies
 * such classes with the old type-inferring verifier and leaves them out of the class-data archive that
 * the evcheck launcher writes (AppCDS), so every run loaded and verified its 170 classes from the jar:
 * about 0.04 s of a 0.38 s re-check of an unchanged package. The bytecode is not changed; only the
 * version is raised and frames are computed (ASM's COMPUTE_FRAMES, with picocli's own classes at hand
 * for the common super types).
 *
 * <p>Usage: {@code java -cp ASM_JAR PicocliFrames.java CLASSPATH OUTPUT_DIR STAMP}: CLASSPATH is the
 * compile class path (the entry holding picocli/CommandLine.class is used), STAMP a file naming the jar
 * done last, which spares the work when nothing changed.
 */
public final class PicocliFrames {
    public static void main(String[] args) throws IOException {
        if (args.length != 3) throw new IllegalArgumentException("usage: PicocliFrames CLASSPATH OUTPUT_DIR STAMP");
        Path jar = null;
        for (String entry : args[0].split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) continue;
            try (ZipFile z = new ZipFile(entry)) {
                if (z.getEntry("picocli/CommandLine.class") != null) {
                    jar = Path.of(entry);
                    break;
                }
            }
        }
        if (jar == null) throw new IllegalStateException("picocli is not on the class path: " + args[0]);
        Path out = Path.of(args[1]);
        Path stamp = Path.of(args[2]);
        String done = jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(done) && Files.isRegularFile(out.resolve("picocli/CommandLine.class"))) {
            return;
        }
        int n = 0;
        try (ZipFile z = new ZipFile(jar.toFile());
             URLClassLoader picocli = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            List<? extends ZipEntry> entries = new ArrayList<>(Collections.list(z.entries()));
            for (ZipEntry e : entries) {
                String name = e.getName();
                if (!name.startsWith("picocli/") || !name.endsWith(".class")) continue;
                byte[] in;
                try (var s = z.getInputStream(e)) {
                    in = s.readAllBytes();
                }
                Path target = out.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, retarget(in, picocli));
                n++;
            }
        }
        Files.createDirectories(stamp.toAbsolutePath().getParent());
        Files.writeString(stamp, done);
        System.out.println("picocli: " + n + " classes as Java 8 class files with frames, from " + jar.getFileName());
    }

    /** The class at version 52 (Java 8) at least, its frames computed; everything else as it was. */
    static byte[] retarget(byte[] in, ClassLoader loader) {
        ClassReader r = new ClassReader(in);
        // Not new ClassWriter(r, …): given the reader, ASM copies unchanged methods as they are, without frames.
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        r.accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                int major = version & 0xFFFF;
                super.visit(major < Opcodes.V1_8 ? Opcodes.V1_8 : version, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }
}
