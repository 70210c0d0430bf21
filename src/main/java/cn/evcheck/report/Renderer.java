package cn.evcheck.report;

import cn.evcheck.model.Report;

import java.util.Map;

/**
 * One output format of {@code evcheck check}: its {@code --format} name, the file it is written to
 * under {@code --output}, and the rendering itself, a pure function of the report. The formats are
 * listed, in a fixed order, by {@link Renderers}; a new format is one more entry there.
 */
public interface Renderer {
    /** The {@code --format} name: {@code text}, {@code json}, {@code html} … */
    String name();

    /** The file written under {@code --output}: {@code report.txt}, {@code report.json} … */
    String fileName();

    /** Whether the report may be printed to standard output (UTF-8 text); binary formats need {@code --output}. */
    boolean toStdout();

    /** Whether {@link #render} shows photo thumbnails, so the caller must read them into {@link Options#thumbnails}. */
    default boolean usesThumbnails() {
        return false;
    }

    /** Whether the file written under {@code --output} starts with a UTF-8 byte-order mark (never standard output). */
    default boolean byteOrderMark() {
        return false;
    }

    /** The UTF-8 byte-order mark. */
    byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The report's bytes (UTF-8 for the text formats). */
    byte[] render(Report report, Options options);

    /**
     * What a run asks of every renderer; each uses what applies to it.
     *
     * @param english    English instead of Chinese
     * @param grouping   how the text, HTML, Markdown and Excel reports group items
     * @param thumbnails data URIs by {@link Thumbnails#key}, for renderers that {@link #usesThumbnails()}
     */
    record Options(boolean english, Grouping grouping, Map<String, String> thumbnails) {
        public Options {
            grouping = grouping == null ? Grouping.ITEM : grouping;
            thumbnails = thumbnails == null ? Map.of() : java.util.Collections.unmodifiableMap(thumbnails);
        }

        public Options(boolean english, Grouping grouping) {
            this(english, grouping, Map.of());
        }
    }
}
