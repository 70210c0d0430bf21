package cn.evcheck.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it, read streaming: a field that starts with a quote may hold commas, line
 * breaks and doubled quotes; records end at CRLF, LF or CR. Decoded UTF-8 when the bytes are UTF-8
 * (a BOM dropped), else GB18030 (what Excel saves on a Chinese Windows); UTF-16 when a BOM says
 * so. Limits as in {@link Tables}.
 */
final class CsvTable {
    private CsvTable() {}

    static List<String[]> read(Source source) throws IOException {
        Charset cs;
        int bom;
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                cs = StandardCharsets.UTF_8;
                bom = 3;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                cs = StandardCharsets.UTF_16LE;
                bom = 2;
            } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                cs = StandardCharsets.UTF_16BE;
                bom = 2;
            } else {
                cs = null;
                bom = 0;
            }
        }
        if (cs == null) cs = isUtf8(source) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        try (InputStream in = source.open()) {
            in.skipNBytes(bom);
            return parse(new InputStreamReader(new BufferedInputStream(in, 64 * 1024), cs));
        }
    }

    /** Whether every byte sequence is valid UTF-8; streams, keeps nothing. */
    private static boolean isUtf8(Source source) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(source.open(), strict)) {
            char[] buf = new char[16 * 1024];
            while (r.read(buf) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static List<String[]> parse(Reader r) throws IOException {
        return new Parser(r).records();
    }

    /** One pass over the characters; not thread-safe. */
    private static final class Parser {
        private final Reader in;
        private final char[] buf = new char[16 * 1024];
        private int pos;
        private int len;
        private int pushback = -1;

        Parser(Reader in) {
            this.in = in;
        }

        private int next() throws IOException {
            if (pushback >= 0) {
                int c = pushback;
                pushback = -1;
                return c;
            }
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos++];
        }

        List<String[]> records() throws IOException {
            Tables.Rows rows = new Tables.Rows();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            boolean pending = false;   // the current record has begun
            int c;
            while ((c = next()) >= 0) {
                if (quoted) {
                    if (c != '"') {
                        append(cell, (char) c);
                        continue;
                    }
                    int after = next();
                    if (after == '"') {
                        append(cell, '"');
                    } else {
                        quoted = false;   // anything up to the next comma is kept as written
                        pushback = after;
                    }
                    continue;
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                    pending = true;
                } else if (c == ',') {
                    if (row.size() < Tables.MAX_COLUMNS) row.add(cell.toString());
                    cell.setLength(0);
                    fieldStart = true;
                    pending = true;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int after = next();
                        if (after != '\n') pushback = after;
                    }
                    if (row.size() < Tables.MAX_COLUMNS) row.add(cell.toString());
                    rows.add(row);
                    row.clear();
                    cell.setLength(0);
                    fieldStart = true;
                    pending = false;
                } else {
                    append(cell, (char) c);
                    fieldStart = false;
                    pending = true;
                }
            }
            if (pending) {
                if (row.size() < Tables.MAX_COLUMNS) row.add(cell.toString());
                rows.add(row);
            }
            return rows.list;
        }

        private static void append(StringBuilder cell, char c) {
            if (cell.length() < Tables.MAX_CELL_CHARS) cell.append(c);
        }
    }
}
