package cn.evcheck.inspect;

import java.nio.ByteBuffer;
import java.nio.charset.*;
import java.util.Arrays;

/** Decoding metadata bytes whose encoding nobody declared: strict UTF-8 first, then GB18030. */
public final class TextDecoding {
    private TextDecoding() {}

    public static String utf8OrGb18030(byte[] bytes) {
        if (bytes == null) return null;
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) end--;
        return cn.evcheck.util.Text.utf8OrGb18030(Arrays.copyOf(bytes, end));
    }

    /** UTF-16LE as Windows writes XP* tags, trailing NULs dropped. */
    public static String utf16le(byte[] bytes) {
        if (bytes == null) return null;
        String s = new String(bytes, StandardCharsets.UTF_16LE);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') end--;
        return s.substring(0, end);
    }

    /** EXIF UserComment: an 8-byte character-code prefix, then the text. */
    public static String userComment(byte[] bytes) {
        if (bytes == null || bytes.length <= 8) return null;
        String code = new String(bytes, 0, 8, StandardCharsets.ISO_8859_1);
        byte[] rest = Arrays.copyOfRange(bytes, 8, bytes.length);
        if (code.startsWith("UNICODE")) {
            int zeroOdd = 0;
            int zeroEven = 0;
            for (int i = 0; i < rest.length; i++) {
                if (rest[i] == 0) {
                    if (i % 2 == 1) zeroOdd++;
                    else zeroEven++;
                }
            }
            String s = new String(rest, zeroEven > zeroOdd ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return s.replace("\0", "").strip();
        }
        if (code.startsWith("JIS")) return new String(rest, Charset.forName("Shift_JIS")).replace("\0", "").strip();
        String s = utf8OrGb18030(rest);
        return s == null ? null : s.replace("\0", "").strip();
    }
}
