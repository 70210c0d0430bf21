package cn.evcheck.scan;

import cn.evcheck.rules.Model.Kind;

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
 */
public record FileEntry(Path path, String rel, String name, String ext, long size, FileType type,
                        String itemId, Kind roleFolder, String category, String otherFolder, List<String> folders) {
    public FileEntry {
        folders = List.copyOf(folders);
    }

    public String stem() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
