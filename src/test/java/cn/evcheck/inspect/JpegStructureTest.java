package cn.evcheck.inspect;

import cn.evcheck.testkit.Jpegs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The marker walk judges a JPEG the way decoders do: stray bytes between segments are skipped, not fatal. */
class JpegStructureTest {
    @Test
    void strayBytesAfterASegmentAreSkippedLikeLibjpegDoes() {
        byte[] good = Jpegs.image(320, 240, 7, 0.8f);
        assertNull(JpegInspector.structure(good, true, new int[2]));
        // Two stray bytes after the first segment, as a metadata block whose length is 2 short leaves them
        // (metadata-extractor-images "Issue 308.jpg": an XMP APP1 ends with '?>' past its declared length).
        int first = 2 + 2 + (((good[4] & 0xFF) << 8) | (good[5] & 0xFF));
        byte[] stray = new byte[good.length + 2];
        System.arraycopy(good, 0, stray, 0, first);
        stray[first] = '?';
        stray[first + 1] = '>';
        System.arraycopy(good, first, stray, first + 2, good.length - first);
        int[] dims = new int[2];
        assertNull(JpegInspector.structure(stray, true, dims));
        assertArrayEquals(new int[]{320, 240}, dims);
    }

    @Test
    void garbageWithoutAnyMarkerIsStillBroken() {
        byte[] bytes = new byte[200];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        Arrays.fill(bytes, 2, bytes.length, (byte) 0x41);
        assertEquals("bad_marker", JpegInspector.structure(bytes, true, new int[2]));
        byte[] good = Jpegs.image(320, 240, 7, 0.8f);
        assertEquals("truncated", JpegInspector.structure(Arrays.copyOf(good, good.length - 200), true, new int[2]));
    }

    @Test
    void errorTextsCarryNoObjectIdentities() {
        RuntimeException e = new RuntimeException("Had unexpected type of entry for name: 1Table: "
                + "org.apache.poi.poifs.filesystem.DirectoryNode@44f187e\nsecond line");
        assertEquals("Had unexpected type of entry for name: 1Table: DirectoryNode", Errors.oneLine(e));
        assertEquals("contact me@example.com", Errors.oneLine(new RuntimeException("contact me@example.com")));
    }
}
