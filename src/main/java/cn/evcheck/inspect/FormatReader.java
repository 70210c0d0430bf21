package cn.evcheck.inspect;

import cn.evcheck.scan.FileEntry;

import java.io.IOException;

/**
 * Reads one input format into {@link Facts}: one implementation per format (.docx, Word 97/WPS,
 * UOF, PDF, JPEG, sheets), chosen by {@link Inspector} from the file's sniffed type, its
 * extension's family ({@link cn.evcheck.scan.Formats}) and what the checks need. A reader
 * reports a bad file in the facts rather than throwing; whatever a library still throws is
 * caught by {@link Inspection}. Implementations are stateless and thread-safe.
 */
public interface FormatReader {
    /** Whether this reader reads the file, given what the checks will ask of it. */
    boolean reads(FileEntry f, Inspector.Needs needs);

    /** Reads the file once. */
    Facts read(FileEntry f, Inspector.Needs needs) throws IOException;

    /**
     * The heap the read may take at its peak, in MiB, estimated from the file's size and the
     * needs: {@link Inspection} admits reads in parallel only while their estimates fit its budget.
     */
    long heapMb(FileEntry f, Inspector.Needs needs);
}
