package cn.evcheck.inspect;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The caps on one archive evcheck unzips itself (a .docx or .uot read without POI's guard): no
 * entry inflates beyond {@link #MAX_RATIO} times the archive's size (at least 4 MiB) nor beyond
 * {@link #MAX_PART_BYTES}, and the entries read together stay within {@link #MAX_PART_BYTES}.
 * Exceeding a cap throws {@link TooComplex}. One instance per archive; not thread-safe.
 */
final class ZipCaps {
    /** Largest inflated XML part we read; a real report is a few hundred KB. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** Inflated bytes per compressed byte above which a zip is a bomb, not a document. */
    static final long MAX_RATIO = 200;

    private final long entryLimit;
    private long total;

    ZipCaps(long compressedSize) {
        this.entryLimit = Math.min(MAX_PART_BYTES, Math.max(4L * 1024 * 1024, compressedSize * MAX_RATIO));
    }

    /** The current entry of {@code zin} as a capped stream; closing it leaves {@code zin} open. */
    Entry entry(InputStream zin) {
        return new Entry(zin);
    }

    /** One entry being inflated within the caps. */
    final class Entry extends FilterInputStream {
        private long n;

        private Entry(InputStream zin) {
            super(zin);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int r = super.read(buf, off, len);
            if (r > 0) count(r);
            return r;
        }

        private void count(int r) throws TooComplex {
            n += r;
            total += r;
            if (n > entryLimit) throw new TooComplex("entry inflates beyond " + entryLimit + " bytes");
            if (total > MAX_PART_BYTES) throw new TooComplex("inflated content over " + MAX_PART_BYTES);
        }

        @Override
        public long skip(long k) throws IOException {
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, k))];
            int r = read(buf, 0, buf.length);
            return Math.max(0, r);
        }

        /**
         * Inflates the rest of the entry, keeping nothing, so a part that failed to parse still
         * meets the caps: a bomb is told as a bomb whatever its first bytes are.
         */
        void drain() throws IOException {
            byte[] buf = new byte[64 * 1024];
            while (read(buf, 0, buf.length) >= 0) {
                // counting is the point
            }
        }

        @Override
        public void close() {
            // the archive stays open for its next entry
        }
    }

    /** Inflated bytes of the entries passed over (pictures, fonts …) an archive may hold in all. */
    static final long MAX_SKIPPED_BYTES = 512L * 1024 * 1024;
    private long skipped;

    /**
     * Passes over the current entry of {@code zin} unread. The zip stream must inflate it to find the
     * next entry anyway; this does so here, within the per-entry cap and {@link #MAX_SKIPPED_BYTES}, so
     * an 8 GB entry of zeros in a part nobody reads is refused at the cap instead of costing seconds.
     */
    void skip(InputStream zin) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        for (int r; (r = zin.read(buf, 0, buf.length)) >= 0; ) {
            n += r;
            skipped += r;
            if (n > entryLimit) throw new TooComplex("an unread entry inflates beyond " + entryLimit + " bytes");
            if (skipped > MAX_SKIPPED_BYTES) throw new TooComplex("unread entries inflate beyond " + MAX_SKIPPED_BYTES + " bytes");
        }
    }

    /** The current entry of {@code zin}, whole, within the caps. */
    byte[] read(InputStream zin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        entry(zin).transferTo(out);
        return out.toByteArray();
    }

    /** {@code in}, refusing ({@link TooComplex}) to give more than {@code max} bytes of the named part. */
    static InputStream limit(InputStream in, long max, String what) {
        return new FilterInputStream(in) {
            private long n;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++n > max) throw new TooComplex(what + " inflates beyond " + max + " bytes");
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int r = super.read(buf, off, len);
                if (r > 0 && (n += r) > max) throw new TooComplex(what + " inflates beyond " + max + " bytes");
                return r;
            }
        };
    }
}
