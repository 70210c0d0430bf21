package cn.evcheck.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a package contains, sorted by relative path. {@code itemFolders} are the item ids that
 * have a folder; {@code sidecars} are caption sidecar files; {@code unreadable} are paths the
 * walk could not open (relative, with the reason); {@code links} and {@code special} count the
 * symbolic links and the FIFOs, devices and sockets the walk skipped.
 */
public record Inventory(Path root, List<FileEntry> files, List<FileEntry> sidecars, Set<String> itemFolders,
                        List<Unreadable> unreadable, int links, int special) {
    public record Unreadable(String rel, String reason) {}

    public Inventory {
        files = List.copyOf(files);
        sidecars = List.copyOf(sidecars);
        itemFolders = Set.copyOf(itemFolders);
        unreadable = List.copyOf(unreadable);
    }
}
