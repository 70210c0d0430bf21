package cn.evcheck.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * What a ZIP archive is, told from the entry names in its central directory — never by
 * inflating anything: an OFD (GB/T 33190 §7.2: {@code OFD.xml} at the root), or an Office Open
 * XML package ({@code [Content_Types].xml} with {@code word/}, {@code xl/} or {@code ppt/}
 * parts). Reads at most the last {@link #TAIL} bytes and, for each of up to four end records
 * found there, {@link #MAX_DIRECTORY} bytes of directory, so a hostile archive costs a few reads; anything unexpected (no end record, a
 * directory outside the file, a truncated record) leaves the file a plain {@link FileType#ZIP}.
 * Pure apart from reading; thread-safe.
 */
public final class ZipDirectory {
    private ZipDirectory() {}

    /** End-of-central-directory record (22 bytes) plus the longest comment it may carry. */
    static final int TAIL = 22 + 65_535;
    /** Directory bytes read at most; a real document's directory is a few KB (about 80 bytes an entry). */
    static final int MAX_DIRECTORY = 1024 * 1024;

    /** End-record signatures tried, from the last: a comment may itself contain the signature. */
    private static final int MAX_TRIES = 4;

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;

    /**
     * The refined type of a ZIP file open on {@code ch} (its position is left anywhere);
     * {@link FileType#ZIP} when its directory says nothing more or cannot be read.
     */
    public static FileType classify(SeekableByteChannel ch) {
        try {
            return classifyOrThrow(ch);
        } catch (IOException | RuntimeException e) {
            return FileType.ZIP;
        }
    }

    static FileType classifyOrThrow(SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        int tailLen = (int) Math.min(size, TAIL);
        if (tailLen < 22) return FileType.ZIP;
        ByteBuffer tail = read(ch, size - tailLen, tailLen);
        int tries = 0;
        for (int i = tailLen - 22; i >= 0 && tries < MAX_TRIES; i--) {
            if (tail.getInt(i) != EOCD) continue;
            tries++;
            ByteBuffer dir = directory(ch, tail, i, size - tailLen + i);
            if (dir != null) return kind(dir);
        }
        return FileType.ZIP;
    }

    /** The central directory an end record at {@code eocdPos} points to (its first {@link #MAX_DIRECTORY} bytes), or null. */
    private static ByteBuffer directory(SeekableByteChannel ch, ByteBuffer tail, int at, long eocdPos) throws IOException {
        long cdSize = Integer.toUnsignedLong(tail.getInt(at + 12));
        long cdOffset = Integer.toUnsignedLong(tail.getInt(at + 16));
        if ((cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) && at >= 20 && tail.getInt(at - 20) == ZIP64_LOCATOR) {
            long recordPos = tail.getLong(at - 20 + 8);
            if (recordPos < 0 || recordPos > eocdPos - 56) return null;
            ByteBuffer z = read(ch, recordPos, 56);
            if (z == null || z.getInt(0) != ZIP64_EOCD) return null;
            cdSize = z.getLong(40);
            cdOffset = z.getLong(48);
            eocdPos = recordPos;
        }
        if (cdSize <= 0 || cdOffset < 0 || cdSize > eocdPos) return null;
        // Bytes before the archive (a self-extractor stub) shift every offset by the same amount.
        long shift = eocdPos - cdSize - cdOffset;
        if (shift < 0) return null;
        for (long start : shift == 0 ? new long[]{cdOffset} : new long[]{cdOffset + shift, cdOffset}) {
            ByteBuffer dir = read(ch, start, (int) Math.min(cdSize, MAX_DIRECTORY));
            if (dir != null && dir.getInt(0) == CENTRAL) return dir;
        }
        return null;
    }

    /** OFD, DOCX, XLSX, PPTX or ZIP, from the entry names of a directory (possibly cut short). */
    private static FileType kind(ByteBuffer dir) {
        boolean ofd = false;
        boolean contentTypes = false;
        boolean word = false;
        boolean xl = false;
        boolean ppt = false;
        int p = 0;
        int limit = dir.limit();
        while (p + 46 <= limit && dir.getInt(p) == CENTRAL) {
            int nameLen = Short.toUnsignedInt(dir.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(dir.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(dir.getShort(p + 32));
            if (p + 46 + nameLen > limit) break;
            byte[] raw = new byte[nameLen];
            dir.get(p + 46, raw);
            // The names that matter are ASCII; other bytes (GBK or UTF-8 names) only need to stay unequal.
            String name = new String(raw, StandardCharsets.ISO_8859_1);
            if (name.startsWith("/")) name = name.substring(1);
            if (name.equalsIgnoreCase("OFD.xml")) ofd = true;
            else if (name.equals("[Content_Types].xml")) contentTypes = true;
            else if (name.startsWith("word/")) word = true;
            else if (name.startsWith("xl/")) xl = true;
            else if (name.startsWith("ppt/")) ppt = true;
            p += 46 + nameLen + extraLen + commentLen;
        }
        if (ofd) return FileType.OFD;
        if (contentTypes && word) return FileType.DOCX;
        if (contentTypes && xl) return FileType.XLSX;
        if (contentTypes && ppt) return FileType.PPTX;
        return FileType.ZIP;
    }

    /** {@code len} bytes at {@code pos}, little-endian, or null when the file ends first. */
    private static ByteBuffer read(SeekableByteChannel ch, long pos, int len) throws IOException {
        if (pos < 0 || pos + len > ch.size()) return null;
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(pos);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) return null;
        }
        return b.flip();
    }
}
