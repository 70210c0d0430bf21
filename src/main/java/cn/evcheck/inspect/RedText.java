package cn.evcheck.inspect;

/** What makes Word text a born-digital red header (红头): large red runs at the top of page 1. */
final class RedText {
    private RedText() {}

    /** Paragraphs at the top of page 1 that may hold a red header. */
    static final int HEADER_PARAGRAPHS = 15;
    /** 18 pt, in half-points: the 发文机关标志 is set far larger than body text. */
    static final int TITLE_HALF_POINTS = 36;

    /** A colour written as six hex digits (or "red") that is red. */
    static boolean isRed(String hex) {
        if (hex == null) return false;
        if (hex.equalsIgnoreCase("red")) return true;
        if (!hex.matches("[0-9A-Fa-f]{6}")) return false;
        int rgb = Integer.parseInt(hex, 16);
        return isRed((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    static boolean isRed(int r, int g, int b) {
        return r >= 0xB0 && g <= 0x70 && b <= 0x70;
    }
}
