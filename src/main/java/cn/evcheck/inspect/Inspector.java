package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;

/**
 * Reads one file once and turns it into {@link Facts}: JPEG structure and metadata, Word-family
 * text and counts. Reads only what the checks need: files above {@link #MAX_IN_MEMORY} are not
 * loaded whole (a JPEG's headers are read from its first MiB). Never throws for a bad file; the
 * problem is in the facts. Thread-safe.
 */
public final class Inspector {
    private Inspector() {}

    static final long MAX_IN_MEMORY = 64L * 1024 * 1024;
    private static final Set<String> WORD_EXT = Set.of("doc", "docx", "wps", "uof", "uot", "dot", "dotx", "wpt");

    public static Facts inspect(FileEntry f) {
        try {
            return switch (f.type()) {
                case JPEG -> photo(f);
                case ZIP -> isWordLike(f) ? new Facts(f, null, null, bounded(f, WordText::fromZip)) : none(f);
                case OLE2 -> isWordLike(f) ? new Facts(f, null, null,
                        bounded(f, b -> WordText.fromOle2(b, f.ext()))) : none(f);
                case XML -> f.ext().equals("uof") ? new Facts(f, null, null, bounded(f, WordText::fromUofXml)) : none(f);
                default -> none(f);
            };
        } catch (IOException e) {
            return new Facts(f, WordText.oneLine(e), null, null);
        } catch (RuntimeException e) {
            // A library choking on a hostile file is that file's problem, not the run's.
            return new Facts(f, WordText.oneLine(e), null, null);
        } catch (OutOfMemoryError e) {
            return new Facts(f, null, null, TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "out of memory"));
        }
    }

    private static boolean isWordLike(FileEntry f) {
        return WORD_EXT.contains(f.ext()) || f.roleFolder() == cn.evcheck.rules.Model.Kind.REPORT;
    }

    private static Facts none(FileEntry f) {
        return new Facts(f, null, null, null);
    }

    private static Facts photo(FileEntry f) throws IOException {
        if (f.size() <= MAX_IN_MEMORY) {
            byte[] b = Files.readAllBytes(f.path());
            return new Facts(f, null, JpegInspector.inspect(b, true), null);
        }
        try (InputStream in = Files.newInputStream(f.path())) {
            byte[] head = in.readNBytes(1024 * 1024);
            return new Facts(f, null, JpegInspector.inspect(head, false), null);
        }
    }

    private static TextFacts bounded(FileEntry f, java.util.function.Function<byte[], TextFacts> reader) throws IOException {
        if (f.size() > MAX_IN_MEMORY) {
            return TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "larger than " + MAX_IN_MEMORY + " bytes");
        }
        return reader.apply(Files.readAllBytes(f.path()));
    }

    public static boolean isTextType(FileType t) {
        return t == FileType.ZIP || t == FileType.OLE2 || t == FileType.XML;
    }
}
