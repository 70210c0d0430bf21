package cn.evcheck.model;

import java.util.List;

/**
 * Photos that show the same picture (the same bytes, or a re-saved, resized, recompressed or
 * lightly cropped copy), as the duplicate check grouped them. {@code id} is "dup-N" in report
 * order; members come original first — the earliest-dated use, ties and undated uses by file
 * and page — then the copies in the same order.
 */
public record DuplicateGroup(String id, boolean identical, List<Member> members) {
    public DuplicateGroup {
        members = List.copyOf(members);
    }

    /** One use of the picture; {@code date} is the period it was counted for ("2019-03-05" or "2019-03"), or null. */
    public record Member(String file, Integer page, String item, String category, String date) {}
}
