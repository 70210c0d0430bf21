package cn.evcheck.fix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Edits an EXIF block (the TIFF structure inside a JPEG's APP1) in place, so that everything it
 * does not touch keeps its bytes and its offsets — maker notes included, whose private offsets a
 * rebuilt block would break:
 * <ul>
 * <li>Orientation set to 1 (the value is patched where it is);</li>
 * <li>the thumbnail (IFD1 and its JPEG) dropped: unlinked and zeroed, cut off when it is the block's tail;</li>
 * <li>GPS removed: the pointer taken out of IFD0, the GPS directory and its values zeroed;</li>
 * <li>XPComment (Windows 备注) set: IFD0 rewritten at the end of the block with the new entry, the
 *     header pointed at it, the old IFD0 zeroed (the values it pointed at stay where they are).</li>
 * </ul>
 * Anything malformed (an offset outside the block, a directory that does not fit) is {@link Bad}:
 * the caller then leaves the metadata as it was and says so.
 */
final class ExifEdit {
    static final int ORIENTATION = 0x0112;
    static final int GPS_POINTER = 0x8825;
    static final int XP_COMMENT = 0x9C9C;

    /** A block that cannot be edited safely. */
    static final class Bad extends Exception {
        Bad(String why) {
            super(why);
        }
    }

    private final byte[] b;
    private final ByteOrder order;

    private ExifEdit(byte[] tiff) throws Bad {
        if (tiff.length < 8) throw new Bad("short");
        if (tiff[0] == 'I' && tiff[1] == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (tiff[0] == 'M' && tiff[1] == 'M') order = ByteOrder.BIG_ENDIAN;
        else throw new Bad("byte order");
        b = tiff.clone();
        if (u16(2) != 42) throw new Bad("magic");
    }

    /** What to change. */
    record Changes(boolean orientationToOne, boolean dropThumbnail, boolean removeGps, String xpComment) {
        boolean any() {
            return orientationToOne || dropThumbnail || removeGps || xpComment != null;
        }
    }

    /** The Orientation of IFD0 (1–8), or 1 when absent or unreadable. */
    static int orientation(byte[] tiff) {
        try {
            ExifEdit e = new ExifEdit(tiff);
            int ifd0 = e.ifd0();
            for (int[] en : e.entries(ifd0)) {
                if (en[0] == ORIENTATION && en[1] == 3) {
                    int v = e.u16(en[3] + 8);
                    return v >= 1 && v <= 8 ? v : 1;
                }
            }
        } catch (Bad e) {
            return 1;
        }
        return 1;
    }

    /** Whether IFD0 points at a GPS directory. */
    static boolean hasGps(byte[] tiff) {
        try {
            ExifEdit e = new ExifEdit(tiff);
            for (int[] en : e.entries(e.ifd0())) if (en[0] == GPS_POINTER) return true;
            return false;
        } catch (Bad e) {
            return false;
        }
    }

    /** The block with {@code c} applied. */
    static byte[] apply(byte[] tiff, Changes c) throws Bad {
        return new ExifEdit(tiff).edit(c);
    }

    /** A new little-endian block holding only XPComment. */
    static byte[] minimal(String xpComment) {
        byte[] v = xp(xpComment);
        ByteBuffer bb = ByteBuffer.allocate(8 + 2 + 12 + 4 + v.length + (v.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        bb.putShort((short) 1);
        bb.putShort((short) XP_COMMENT).putShort((short) 1).putInt(v.length).putInt(8 + 2 + 12 + 4);
        bb.putInt(0);
        bb.put(v);
        return bb.array();
    }

    /** UTF-16LE with a terminating NUL, as Windows Explorer writes the XP* fields. */
    static byte[] xp(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    private int ifd0() throws Bad {
        return offset(u32(4));
    }

    private byte[] edit(Changes c) throws Bad {
        int ifd0 = ifd0();
        List<int[]> entries = entries(ifd0);   // {tag, type, count, entryPos}
        int n = entries.size();
        int nextPos = ifd0 + 2 + 12 * n;
        List<int[]> zero = new ArrayList<>();   // {from, to}
        List<int[]> keep = new ArrayList<>(entries);
        if (c.orientationToOne()) {
            for (int[] en : entries) {
                if (en[0] == ORIENTATION && en[1] == 3 && en[2] == 1) put16(en[3] + 8, 1);
            }
        }
        if (c.dropThumbnail()) {
            int ifd1 = (int) u32(nextPos);
            if (ifd1 != 0) {
                put32(nextPos, 0);
                try {
                    int p = offset(ifd1);
                    List<int[]> e1 = entries(p);
                    long at = -1;
                    long len = -1;
                    for (int[] en : e1) {
                        if (en[0] == 0x0201) at = value32(en);
                        if (en[0] == 0x0202) len = value32(en);
                        zeroValue(en, zero);
                    }
                    zero.add(new int[]{p, p + 2 + 12 * e1.size() + 4});
                    if (at >= 0 && len > 0 && at + len <= b.length) zero.add(new int[]{(int) at, (int) (at + len)});
                } catch (Bad ignored) {
                    // An unreadable IFD1 is simply no longer linked.
                }
            }
        }
        boolean rewrite = false;
        if (c.removeGps()) {
            for (int[] en : entries) {
                if (en[0] != GPS_POINTER) continue;
                keep.remove(en);
                rewrite = true;
                int g = offset(value32(en));
                List<int[]> ge = entries(g);
                for (int[] x : ge) zeroValue(x, zero);
                zero.add(new int[]{g, g + 2 + 12 * ge.size() + 4});
            }
        }
        byte[] xpValue = null;
        if (c.xpComment() != null) {
            keep.removeIf(en -> en[0] == XP_COMMENT);
            rewrite = true;
            xpValue = xp(c.xpComment());
        }
        // Entries of the old IFD0 are copied before it is zeroed.
        List<byte[]> raw = new ArrayList<>();
        List<Integer> tags = new ArrayList<>();
        for (int[] en : keep) {
            raw.add(Arrays.copyOfRange(b, en[3], en[3] + 12));
            tags.add(en[0]);
        }
        long next = u32(nextPos);
        if (rewrite) zero.add(new int[]{ifd0, nextPos + 4});
        for (int[] z : zero) Arrays.fill(b, Math.max(0, z[0]), Math.min(b.length, z[1]), (byte) 0);
        // Cut off zeroed ranges at the end of the block.
        int end = b.length;
        boolean cut = true;
        while (cut) {
            cut = false;
            for (int[] z : zero) {
                if (z[0] < end && z[1] >= end - 1 && z[0] >= 8) {
                    end = z[0];
                    cut = true;
                }
            }
        }
        byte[] out = Arrays.copyOf(b, end);
        if (!rewrite) return out;
        // The new IFD0 at the (word-aligned) end: entries sorted by tag, then the new XPComment value.
        int start = out.length + (out.length & 1);
        int count = raw.size() + (xpValue != null ? 1 : 0);
        int valueAt = start + 2 + 12 * count + 4;
        int total = valueAt + (xpValue == null ? 0 : xpValue.length + (xpValue.length & 1));
        ByteBuffer bb = ByteBuffer.allocate(total).order(order);
        bb.put(out);
        bb.position(start);
        List<byte[]> all = new ArrayList<>(raw);
        List<Integer> allTags = new ArrayList<>(tags);
        if (xpValue != null) {
            ByteBuffer e = ByteBuffer.allocate(12).order(order);
            e.putShort((short) XP_COMMENT).putShort((short) 1).putInt(xpValue.length).putInt(valueAt);
            all.add(e.array());
            allTags.add(XP_COMMENT);
        }
        Integer[] idx = new Integer[all.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingInt(allTags::get));
        bb.putShort((short) count);
        for (int i : idx) bb.put(all.get(i));
        bb.putInt((int) next);
        if (xpValue != null) bb.put(xpValue);
        byte[] result = bb.array();
        ByteBuffer.wrap(result).order(order).putInt(4, start);
        return result;
    }

    /** The entries of the directory at {@code p}: {tag, type, count, position of the entry}. */
    private List<int[]> entries(int p) throws Bad {
        if (p + 2 > b.length) throw new Bad("directory outside");
        int n = u16(p);
        if (p + 2 + 12L * n + 4 > b.length) throw new Bad("directory too long");
        List<int[]> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int e = p + 2 + 12 * i;
            long count = u32(e + 4);
            list.add(new int[]{u16(e), u16(e + 2), (int) Math.min(count, Integer.MAX_VALUE), e});
        }
        return list;
    }

    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    /** Adds the out-of-line value of an entry (when it has one inside the block) to {@code zero}. */
    private void zeroValue(int[] en, List<int[]> zero) {
        int size = en[1] < TYPE_SIZE.length ? TYPE_SIZE[en[1]] : 1;
        long bytes = (long) size * en[2];
        if (bytes <= 4) return;
        long at = u32(en[3] + 8);
        if (at >= 8 && at + bytes <= b.length) zero.add(new int[]{(int) at, (int) (at + bytes)});
    }

    /** A LONG (or SHORT) value held in the entry itself. */
    private long value32(int[] en) {
        return en[1] == 3 ? u16(en[3] + 8) : u32(en[3] + 8);
    }

    private int offset(long v) throws Bad {
        if (v < 8 || v >= b.length) throw new Bad("offset outside");
        return (int) v;
    }

    private int u16(int p) {
        return ByteBuffer.wrap(b).order(order).getShort(p) & 0xFFFF;
    }

    private long u32(int p) {
        return ByteBuffer.wrap(b).order(order).getInt(p) & 0xFFFFFFFFL;
    }

    private void put16(int p, int v) {
        ByteBuffer.wrap(b).order(order).putShort(p, (short) v);
    }

    private void put32(int p, int v) {
        ByteBuffer.wrap(b).order(order).putInt(p, v);
    }
}
