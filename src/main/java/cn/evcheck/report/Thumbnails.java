package cn.evcheck.report;

import cn.evcheck.model.*;
import cn.evcheck.model.Report.UnitResult;
import cn.evcheck.util.SafeOpen;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.*;

/**
 * Small embedded pictures of the photos a report complains about, for the HTML report: read from
 * the package (read-only), decoded subsampled, scaled to at most {@value #MAX} px and re-encoded
 * as JPEG without any metadata (so no GPS leaves the package through the report). Never the
 * originals. Files that are too large, declare too many pixels or do not decode get none.
 * Deterministic: the same files give the same bytes.
 */
public final class Thumbnails {
    private Thumbnails() {}

    public static final int MAX = 160;
    static final long MAX_FILE_BYTES = 40L * 1024 * 1024;
    static final long MAX_PIXELS = cn.evcheck.util.Limits.MAX_PIXELS;
    /** A bound on what one report embeds. */
    static final int MAX_THUMBNAILS = 400;

    private static final Set<String> SKIP = Set.of("photo.corrupt", "file.too_complex", "file.unreadable", "file.empty");

    public static String key(UnitResult u, String file) {
        return u.name() + "\u0000" + file;
    }

    /** Data URIs by {@link #key} for the photos named by photo findings (and duplicate groups). */
    public static Map<String, String> of(Report r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (UnitResult u : r.units()) {
            Set<String> files = new LinkedHashSet<>();
            for (Finding f : u.findings()) {
                if (!(f.code().startsWith("photo.") || f.code().equals("file.type_mismatch")) || SKIP.contains(f.code())) continue;
                if (f.file() != null && f.data().get("page") == null) files.add(f.file());
                if (f.data().get("files") instanceof List<?> l) {
                    for (Object o : l) if (o instanceof Map<?, ?> m && m.get("file") != null) files.add(m.get("file").toString());
                }
            }
            for (String rel : files) {
                if (out.size() >= MAX_THUMBNAILS) return out;
                String lower = rel.toLowerCase(Locale.ROOT);
                if (!(lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png"))) continue;
                String uri = dataUri(Path.of(u.path()), rel);
                if (uri != null) out.put(key(u, rel), uri);
            }
        }
        return out;
    }

    /**
     * A data: URI of a downscaled JPEG of the image {@code rel} in the package {@code root}, or
     * null. Opened through {@link SafeOpen}: never through a link, never a FIFO or device.
     */
    static String dataUri(Path root, String rel) {
        try (SeekableByteChannel ch = SafeOpen.channel(root, Path.of(rel), SafeOpen.Seen.ANY)) {
            if (ch.size() > MAX_FILE_BYTES || ch.size() == 0) return null;
            byte[] jpeg = thumbnail(Channels.newInputStream(ch));
            return jpeg == null ? null : "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
        } catch (Exception | OutOfMemoryError e) {
            return null;
        }
    }

    static byte[] thumbnail(java.io.InputStream is) throws Exception {
        BufferedImage src;
        try (ImageInputStream in = new MemoryCacheImageInputStream(is)) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) return null;
            ImageReader reader = it.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) return null;
                int sub = Math.max(1, Math.max(w, h) / (MAX * 2));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                src = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        if (src == null) return null;
        double scale = Math.min(1.0, (double) MAX / Math.max(src.getWidth(), src.getHeight()));
        int tw = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int th = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage dst = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
            writer.setOutput(out);
            ImageWriteParam wp = writer.getDefaultWriteParam();
            wp.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            wp.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(dst, null, null), wp);
        } finally {
            writer.dispose();
        }
        return bos.toByteArray();
    }
}
