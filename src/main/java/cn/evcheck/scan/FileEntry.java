package cn.evcheck.scan;

import cn.evcheck.rules.Model.Kind;

import cn.evcheck.util.SafeOpen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * One file of the package as the scanner placed it.
 *
 * @param rel        path relative to the package, '/'-separated (what findings print)
 * @param itemId     the rule item whose folder holds the file, or null
 * @param roleFolder the role its folder names announce, or null
 * @param category   the item category its folders (or name) select, or null
 * @param otherFolder a sub-folder below the item/role that names no known category, or null
 * @param folders    folder names from the package root down to the file's parent
 * @param fileKey    the file's identity as the scan saw it ({@link java.nio.file.attribute.BasicFileAttributes#fileKey()}), or null
 * @param modified   its modification time as the scan saw it, in milliseconds since the epoch; -1 when not recorded
 *
 * <p>The bytes are read only through {@link #open()}, {@link #channel()} and {@link #readAll}:
 * {@link SafeOpen}, relative to the package, never through a link, only while the file is still
 * the regular file of this size (and key) that the scan saw.
 */
public record FileEntry(Path path, String rel, String name, String ext, long size, FileType type,
                        String itemId, Kind roleFolder, String category, String otherFolder, List<String> folders,
                        Object fileKey, long modified) {
    public FileEntry {
        folders = List.copyOf(folders);
    }

    /** An entry whose identity was not recorded (tests): only its size is checked when it is read. */
    public FileEntry(Path path, String rel, String name, String ext, long size, FileType type,
                     String itemId, Kind roleFolder, String category, String otherFolder, List<String> folders) {
        this(path, rel, name, ext, size, type, itemId, roleFolder, category, otherFolder, folders, null, -1);
    }

    /** The package folder the file was found in: {@link #path} without the parts of {@link #rel}. */
    public Path root() {
        Path r = path;
        for (int i = depth(); i > 0 && r != null; i--) r = r.getParent();
        return r == null ? Path.of("").toAbsolutePath() : r;
    }

    /** {@link #rel} as the path's own names (a name not valid in the platform encoding keeps its bytes). */
    public Path relPath() {
        int n = path.getNameCount();
        return path.subpath(Math.max(0, n - depth()), n);
    }

    private int depth() {
        return rel.split("/", -1).length;
    }

    public SafeOpen.Seen seen() {
        return new SafeOpen.Seen(fileKey, size);
    }

    /** The file's bytes, buffered ({@link SafeOpen#stream}). */
    public InputStream open() throws IOException {
        return SafeOpen.stream(root(), relPath(), seen());
    }

    /** A read-only channel on the file ({@link SafeOpen#channel}). */
    public SeekableByteChannel channel() throws IOException {
        return SafeOpen.channel(root(), relPath(), seen());
    }

    /** The whole file, at most {@code max} bytes ({@link SafeOpen#readAll}). */
    public byte[] readAll(long max) throws IOException {
        return SafeOpen.readAll(root(), relPath(), seen(), max);
    }

    /** That the file is still the one scanned, for a library that opens the path itself ({@link SafeOpen#verify}). */
    public void verify() throws IOException {
        SafeOpen.verify(root(), relPath(), seen());
    }

    public String stem() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
