package cn.evcheck.rules;

import cn.evcheck.rules.Model.RuleSet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.*;
import java.util.*;
import java.util.stream.Stream;

/**
 * The rule sets shipped inside the jar under {@code /rules/ID.yaml} (copied from the repo's
 * {@code rules/} folder at build time), and resolution of a {@code --rules} argument: an
 * existing file path wins, else a built-in id.
 */
public final class BuiltinRules {
    private BuiltinRules() {}

    /** Ids of the built-in rule sets, sorted. */
    public static List<String> ids() {
        URL url = BuiltinRules.class.getResource("/rules");
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(fs.getPath("/rules"));
                }
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException | FileSystemAlreadyExistsException e) {
            return List.of();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    public static RuleSet load(String id) throws RuleException {
        try (InputStream in = BuiltinRules.class.getResourceAsStream("/rules/" + id + ".yaml")) {
            if (in == null) {
                throw new RuleException(id, new YNode.Loc(1, 1),
                        "找不到规则集“" + id + "”：既不是文件，也不是内置规则集（" + String.join("、", ids()) + "）"
                                + RuleLoader.suggestion(id, ids(), true),
                        "no rule set '" + id + "': neither a file nor a built-in id (" + String.join(", ", ids()) + ")"
                                + RuleLoader.suggestion(id, ids(), false));
            }
            return RuleLoader.load(in, "rules/" + id + ".yaml", "builtin:" + id);
        } catch (IOException e) {
            throw new RuleException(id, new YNode.Loc(1, 1), "无法读取内置规则集：" + e.getMessage(),
                    "cannot read the built-in rule set: " + e.getMessage());
        }
    }

    /** A path to an existing file, else a built-in id. Relative paths resolve against {@code base}. */
    public static RuleSet resolve(String nameOrPath, Path base) throws RuleException {
        Path p = base == null ? Path.of(nameOrPath) : base.resolve(nameOrPath);
        if (Files.isRegularFile(p)) return RuleLoader.load(p);
        Path q = Path.of(nameOrPath);
        if (Files.isRegularFile(q)) return RuleLoader.load(q);
        return load(nameOrPath);
    }

    /** The YAML text of a built-in rule set, as shipped (a start for one's own); null for no such id. */
    public static String text(String id) throws IOException {
        if (!ids().contains(id)) return null;
        try (InputStream in = BuiltinRules.class.getResourceAsStream("/rules/" + id + ".yaml")) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
