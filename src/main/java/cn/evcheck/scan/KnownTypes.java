package cn.evcheck.scan;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Types sniffed from files on an earlier run, so that a re-run of an unchanged package opens none
 * of its files just to sniff them (issue 13: a warm re-run reads no photo bytes). A file counts as
 * unchanged when its absolute path, size, modification time and file key are the same.
 */
public interface KnownTypes {
    /** The type sniffed from this file before, when it is unchanged since; else null. */
    FileType get(Path file, BasicFileAttributes attrs);

    /** Keeps the type just sniffed from this file. */
    void put(Path file, BasicFileAttributes attrs, FileType type);

    /** Nothing known: every file is sniffed. */
    KnownTypes NONE = new KnownTypes() {
        @Override
        public FileType get(Path file, BasicFileAttributes attrs) {
            return null;
        }

        @Override
        public void put(Path file, BasicFileAttributes attrs, FileType type) {
            // not kept
        }
    };
}
