package cn.evcheck.check;

import cn.evcheck.model.Code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.*;
import java.util.*;
import java.util.stream.Stream;

/**
 * The check registry: every concrete {@link Check} class in the packages below
 * {@code cn.evcheck.check} whose name ends in "Check", found on the class path (a directory or
 * the jar), instantiated once, in class-name order. Adding a check is adding its class. The code
 * registry is the union of the codes the checks declare. Immutable after class initialisation.
 */
public final class Checks {
    private Checks() {}

    private static final String PACKAGE = Checks.class.getPackageName().replace('.', '/');
    private static final List<Check> ALL = discover();
    private static final List<Code> CODES = collect(ALL);

    /** Every check, in class-name order. */
    public static List<Check> all() {
        return ALL;
    }

    /** Every code a check declares, sorted by id. */
    public static List<Code> codes() {
        return CODES;
    }

    /** The code with this id, or null. */
    public static Code code(String id) {
        return CODES.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private static List<Code> collect(List<Check> checks) {
        Map<String, Code> byId = new TreeMap<>();
        for (Check c : checks) {
            for (Code code : c.codes()) {
                Code before = byId.putIfAbsent(code.id(), code);
                if (before != null && !before.equals(code)) {
                    throw new IllegalStateException("code " + code.id() + " is declared twice, differently");
                }
            }
        }
        return List.copyOf(byId.values());
    }

    private static List<Check> discover() {
        List<String> names = new ArrayList<>();
        try {
            Path base = Path.of(Checks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(base)) {
                names.addAll(classes(base.resolve(PACKAGE), base));
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(base)) {
                    names.addAll(classes(jar.getPath("/" + PACKAGE), jar.getPath("/")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checks", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the checks", e);
        }
        List<Check> out = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            try {
                Class<?> c = Class.forName(name);
                if (!Check.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers())) continue;
                out.add((Check) c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load check " + name, e);
            }
        }
        if (out.isEmpty()) throw new IllegalStateException("no checks found under " + PACKAGE);
        return List.copyOf(out);
    }

    private static List<String> classes(Path dir, Path root) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith("Check.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
