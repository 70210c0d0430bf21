package cn.evcheck.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A zip rewritten with every entry at one fixed time, so the same report gives the same bytes. */
final class FixedTimeZip {
    private FixedTimeZip() {}

    /**
     * Rewrites {@code zip} with every entry stamped {@code when} (POI stamps the current time). Read
     * with commons-compress: the streaming workbook writer stores entries with data descriptors,
     * which java.util.zip.ZipInputStream does not follow.
     */
    static byte[] rewrite(byte[] zip, LocalDateTime when) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(zip.length + 1024);
        try (var in = new org.apache.commons.compress.archivers.zip.ZipArchiveInputStream(
                new ByteArrayInputStream(zip), "UTF-8", true, true);
             ZipOutputStream out = new ZipOutputStream(bos)) {
            out.setLevel(6);
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ZipEntry n = new ZipEntry(e.getName());
                n.setTimeLocal(when);
                out.putNextEntry(n);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        return bos.toByteArray();
    }
}
