package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;

import java.io.IOException;
import java.io.InputStream;

/**
 * JPEG: structure and metadata ({@link JpegInspector}), a perceptual hash when the photo counts,
 * and, for a scanned page, what {@link DocInspector} sees on it. A JPEG too large to hold is
 * judged from its first MiB.
 */
final class JpegReader implements FormatReader {
    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        return f.type() == FileType.JPEG;
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) throws IOException {
        if (f.size() <= Inspector.MAX_FILE_BYTES) {
            byte[] b = f.readAll(Inspector.MAX_FILE_BYTES);
            PhotoFacts pf = JpegInspector.inspect(b, true, needs.photoHash());
            DocFacts doc = null;
            if (needs.docScan()) {
                doc = pf.problem() != null ? DocFacts.failed("unparseable", pf.problem())
                        : DocInspector.jpeg(b, pf.width(), pf.height(), true, needs.marks());
            }
            return Facts.photo(f, pf, doc);
        }
        try (InputStream in = f.open()) {
            byte[] head = in.readNBytes(1024 * 1024);
            PhotoFacts pf = JpegInspector.inspect(head, false, false);
            return Facts.photo(f, pf, needs.docScan()
                    ? DocFacts.failed("too_complex", "larger than " + Inspector.MAX_FILE_BYTES + " bytes") : null);
        }
    }

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        // The bytes twice (file and decoder), plus a page decoded 1600 px wide for a scan.
        return (needs.docScan() ? 48 : needs.photoHash() ? 8 : 2) + 2 * f.size() / (1024 * 1024);
    }
}
