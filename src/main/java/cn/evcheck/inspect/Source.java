package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes that can be read from the start more than once: a file, or an array in tests. */
@FunctionalInterface
interface Source {
    InputStream open() throws IOException;

    /** A file of the package, opened through {@link FileEntry#open()} (no links, still the file scanned). */
    static Source of(FileEntry f) {
        return f::open;
    }

    /** A file outside any package (tests). */

    static Source of(Path path) {
        return () -> new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
    }

    static Source of(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }
}
