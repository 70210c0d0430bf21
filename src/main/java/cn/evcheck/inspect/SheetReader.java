package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;
import cn.evcheck.scan.FileType;

import java.io.IOException;

/**
 * Tables, in the two roles they play: a data sheet (indicator values, {@link Sheets}) or a caption
 * sidecar ({@link CaptionSheet}). Both are read by {@link Tables}; a table over its limits is
 * refused ({@link Facts#refused()}).
 */
final class SheetReader implements FormatReader {
    @Override
    public boolean reads(FileEntry f, Inspector.Needs needs) {
        return needs.sheet() || needs.captions();
    }

    @Override
    public Facts read(FileEntry f, Inspector.Needs needs) {
        java.util.List<String[]> rows;
        try {
            rows = Tables.read(f);
        } catch (TooComplex e) {
            return Facts.refused(f, e.getMessage());
        } catch (Tables.Encrypted | org.apache.poi.EncryptedDocumentException e) {
            return needs.captions() ? Facts.captions(f, CaptionSheet.failed("unreadable", "encrypted"))
                    : Facts.sheet(f, SheetFacts.failed("encrypted", "password"));
        } catch (IOException | RuntimeException e) {
            return needs.captions() ? Facts.captions(f, CaptionSheet.failed("unreadable", Errors.oneLine(e)))
                    : Facts.sheet(f, SheetFacts.failed("unparseable", Errors.oneLine(e)));
        }
        return needs.captions() ? Facts.captions(f, CaptionSheet.of(rows)) : Facts.sheet(f, Sheets.of(rows));
    }

    @Override
    public long heapMb(FileEntry f, Inspector.Needs needs) {
        long mb = f.size() / (1024 * 1024);
        // xlsx: shared strings held whole; xls: HSSF's model; csv: only the rows kept.
        return f.type().isZip() ? 8 + 12 * mb : f.type() == FileType.OLE2 ? 4 + 10 * mb : 4 + 4 * mb;
    }
}
