package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * PDF, in the two roles it plays: a document scan (正式发文, 部门评价, 数据表格: first and last
 * page through {@link DocInspector}) or combined photo evidence (one photo per page through
 * {@link PdfInspector}). A PDF encrypted for certificate holders (/Adobe.PubSec) makes PDFBox
 * reach for BouncyCastle, which evcheck does not ship: the {@link LinkageError} that follows is
 * that PDF's "encrypted" problem.
 */
final class PdfReader implements FormatReader {
    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        return f.type() == FileType.PDF && (needs.docScan() || needs.pdfPages());
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) throws IOException {
        if (f.size() > Inspector.MAX_FILE_BYTES) {
            String why = "larger than " + Inspector.MAX_FILE_BYTES + " bytes";
            return needs.docScan() ? Facts.doc(f, DocFacts.failed("too_complex", why))
                    : Facts.pdf(f, PdfFacts.failed("too_complex", why));
        }
        byte[] bytes = f.readAll(Inspector.MAX_FILE_BYTES);
        if (needs.docScan()) {
            try {
                return Facts.doc(f, DocInspector.pdf(bytes, true, needs.marks()));
            } catch (LinkageError e) {
                if (!hasEncryptDictionary(bytes)) throw e;
                return Facts.doc(f, DocFacts.failed("encrypted", PUBLIC_KEY));
            }
        }
        try {
            return Facts.pdf(f, PdfInspector.pages(bytes, needs.photoHash()));
        } catch (LinkageError e) {
            if (!hasEncryptDictionary(bytes)) throw e;
            return Facts.pdf(f, PdfFacts.failed("encrypted", PUBLIC_KEY));
        }
    }

    static final String PUBLIC_KEY = "encrypted for certificate holders (public-key security)";

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        // The bytes, PDFBox's object graph, and one or two page images decoded or rendered small.
        return (needs.docScan() ? 64 : 32) + 4 * f.size() / (1024 * 1024);
    }

    /** The trailer (or cross-reference stream) names an /Encrypt dictionary; it is never compressed away. */
    static boolean hasEncryptDictionary(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        return s.contains("/Encrypt");
    }
}
