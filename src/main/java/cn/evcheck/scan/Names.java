package cn.evcheck.scan;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file or folder name as evcheck shows and matches it. On Linux a name is bytes; one that is not
 * UTF-8 — a Chinese name written in GBK by a Windows zip tool or an old Samba share — reaches Java as
 * replacement characters ({@code ���˵��.docx}). Such a name is read back from its raw bytes and
 * shown in a recoverable form: its GB18030 (GBK) decoding when the bytes are valid GB18030
 * ({@code 情况说明.docx}), else the bytes that are not UTF-8 as {@code \xNN}. The file is still
 * opened by its real bytes (its {@link Path}); only what is shown and matched changes.
 */
public final class Names {
    private Names() {}

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The last element of {@code p}, recovered when the platform could not decode it. */
    public static String shown(Path p) {
        Path last = p.getFileName();
        String s = last == null ? p.toString() : last.toString();
        if (s.indexOf('\uFFFD') < 0) return s;
        byte[] raw = rawLast(p);
        if (raw == null) return s;
        String utf8 = strict(raw, StandardCharsets.UTF_8);
        if (utf8 != null) return utf8;       // a real U+FFFD in a UTF-8 name
        String gbk = strict(raw, GB18030);
        return gbk != null ? gbk : escaped(raw);
    }

    /** The raw bytes of the last element, from the path's URI (which percent-encodes them), or null. */
    static byte[] rawLast(Path p) {
        try {
            String path = p.toUri().getRawPath();
            if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
            String seg = path.substring(path.lastIndexOf('/') + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(seg.length());
            for (int i = 0; i < seg.length(); i++) {
                char c = seg.charAt(i);
                if (c == '%' && i + 2 < seg.length()) {
                    out.write(Integer.parseInt(seg.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return out.toByteArray();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String strict(byte[] b, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Valid UTF-8 kept, every other byte as {@code \xNN}. */
    static String escaped(byte[] b) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int len = utf8Length(b, i);
            if (len > 0) {
                out.append(new String(b, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                out.append(String.format("\\x%02x", b[i] & 0xFF));
                i++;
            }
        }
        return out.toString();
    }

    /** The length of the valid UTF-8 sequence starting at {@code i}, or 0. */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int n = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (n == 0 || i + n > b.length) return 0;
        return strict(java.util.Arrays.copyOfRange(b, i, i + n), StandardCharsets.UTF_8) != null ? n : 0;
    }
}
