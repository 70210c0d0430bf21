package cn.evcheck.check;

import java.util.List;

/**
 * A unit folder on a drive of units (--by-unit) and the unit it claims to be: its folder name, the
 * {@code unit:} its evcheck.yaml declares (null without one), and the drive's other folders that claim
 * the same unit name (a folder copied from another unit and not renamed inside).
 */
public record UnitClaim(String folder, String declared, List<String> sameName) {
    public UnitClaim {
        sameName = List.copyOf(sameName);
    }

    /** The declared name does not appear in the folder's name (spaces and width aside). */
    public boolean mismatched() {
        if (declared == null) return false;
        return !norm(folder).contains(norm(declared));
    }

    private static String norm(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
