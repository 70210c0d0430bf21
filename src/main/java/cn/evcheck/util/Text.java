package cn.evcheck.util;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Text whose encoding nobody declared: what Windows tools write in China. */
public final class Text {
    private Text() {}

    /**
     * Strict UTF-8 (a BOM dropped), else GB18030 — what Notepad's "ANSI" is on a Chinese Windows (GBK, of
     * which GB18030 is a superset). Valid UTF-8 of Chinese text is practically never valid-looking GBK
     * by accident the other way round, so UTF-8 is tried first.
     */
    public static String utf8OrGb18030(byte[] bytes) {
        byte[] b = bytes;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            b = Arrays.copyOfRange(b, 3, b.length);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("GB18030"));
        }
    }
}
