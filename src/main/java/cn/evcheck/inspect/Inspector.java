package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.Formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Reads one file once and turns it into {@link Facts}: JPEG structure and metadata (and, for
 * photos that count, a perceptual hash from a subsampled decode), Word-family text and counts,
 * the pages of a photo PDF. Reads only what the checks need: files above
 * {@link #MAX_IN_MEMORY} are not loaded whole. Never throws for a bad file; the problem is in
 * the facts. Thread-safe.
 */
public final class Inspector {
    private Inspector() {}

    /** What the checks will ask of a file, decided before it is read. */
    public record Needs(boolean photoHash, boolean pdfPages, boolean docScan, boolean sheet) {
        public static final Needs NONE = new Needs(false, false, false, false);
    }

    static final long MAX_IN_MEMORY = 64L * 1024 * 1024;

    public static Facts inspect(FileEntry f) {
        return inspect(f, Needs.NONE);
    }

    public static Facts inspect(FileEntry f, Needs needs) {
        try {
            if (needs.sheet()) {
                if (f.size() > MAX_IN_MEMORY) {
                    return new Facts(f, null, null, null, null, null, SheetFacts.failed("unparseable", "too large"));
                }
                return new Facts(f, null, null, null, null, null, Sheets.read(Files.readAllBytes(f.path()), f.ext()));
            }
            return switch (f.type()) {
                case JPEG -> photo(f, needs);
                case ZIP -> isWordLike(f) ? text(f, bounded(f, WordText::fromZip)) : none(f);
                case OLE2 -> isWordLike(f) ? text(f, bounded(f, b -> WordText.fromOle2(b, f.ext()))) : none(f);
                case XML -> f.ext().equals("uof") ? text(f, bounded(f, WordText::fromUofXml)) : none(f);
                case PDF -> needs.docScan() ? docPdf(f) : needs.pdfPages() ? pdf(f, needs.photoHash()) : none(f);
                default -> none(f);
            };
        } catch (IOException e) {
            return new Facts(f, WordText.oneLine(e), null, null, null, null, null);
        } catch (RuntimeException e) {
            // A library choking on a hostile file is that file's problem, not the run's.
            return new Facts(f, WordText.oneLine(e), null, null, null, null, null);
        } catch (OutOfMemoryError e) {
            return text(f, TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "out of memory"));
        }
    }

    private static boolean isWordLike(FileEntry f) {
        return Formats.isWordFamily(f.ext()) || f.roleFolder() == cn.evcheck.rules.Model.Kind.REPORT;
    }

    private static Facts none(FileEntry f) {
        return new Facts(f, null, null, null, null, null, null);
    }

    private static Facts text(FileEntry f, TextFacts t) {
        return new Facts(f, null, null, t, null, null, null);
    }

    private static Facts photo(FileEntry f, Needs needs) throws IOException {
        if (f.size() <= MAX_IN_MEMORY) {
            byte[] b = Files.readAllBytes(f.path());
            PhotoFacts pf = JpegInspector.inspect(b, true, needs.photoHash());
            DocFacts doc = null;
            if (needs.docScan()) {
                doc = pf.problem() != null ? DocFacts.failed("unparseable", pf.problem())
                        : DocInspector.jpeg(b, pf.width(), pf.height(), true);
            }
            return new Facts(f, null, pf, null, null, doc, null);
        }
        try (InputStream in = Files.newInputStream(f.path())) {
            byte[] head = in.readNBytes(1024 * 1024);
            PhotoFacts pf = JpegInspector.inspect(head, false, false);
            return new Facts(f, null, pf, null, null,
                    needs.docScan() ? DocFacts.failed("too_complex", "larger than " + MAX_IN_MEMORY + " bytes") : null, null);
        }
    }

    private static Facts docPdf(FileEntry f) throws IOException {
        if (f.size() > MAX_IN_MEMORY) {
            return new Facts(f, null, null, null, null, DocFacts.failed("too_complex", "larger than " + MAX_IN_MEMORY + " bytes"), null);
        }
        return new Facts(f, null, null, null, null, DocInspector.pdf(Files.readAllBytes(f.path()), true), null);
    }

    private static Facts pdf(FileEntry f, boolean hash) throws IOException {
        if (f.size() > MAX_IN_MEMORY) {
            return new Facts(f, null, null, null, PdfFacts.failed("too_complex", "larger than " + MAX_IN_MEMORY + " bytes"), null, null);
        }
        return new Facts(f, null, null, null, PdfInspector.pages(Files.readAllBytes(f.path()), hash), null, null);
    }

    private static TextFacts bounded(FileEntry f, java.util.function.Function<byte[], TextFacts> reader) throws IOException {
        if (f.size() > MAX_IN_MEMORY) {
            return TextFacts.failed(TextFacts.Status.TOO_COMPLEX, f.ext(), "larger than " + MAX_IN_MEMORY + " bytes");
        }
        return reader.apply(Files.readAllBytes(f.path()));
    }
}
