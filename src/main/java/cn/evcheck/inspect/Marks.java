package cn.evcheck.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether a document carries marks (标注): seed 000 (网上申报部分 二) lets any deployment document
 * serve as a 相关正式发文 "if the relevant work is marked in it". Counted while the document is
 * read, by kind:
 * <ul>
 * <li>{@code highlights}: highlighted passages — Word highlight (w:highlight, sprmCHighlight, UOF
 *     突出显示), PDF Highlight annotations, highlighter bands on a scan;</li>
 * <li>{@code shading}: shaded passages — Word character or paragraph shading (w:shd) outside tables;</li>
 * <li>{@code underlines}: coloured underlines of Word runs, PDF Underline, Squiggly and StrikeOut
 *     annotations, coloured underline strokes on a scan;</li>
 * <li>{@code comments}: Word comments (批注), PDF Text, FreeText and Caret annotations;</li>
 * <li>{@code drawn}: PDF Ink, Square, Circle, Line, Polygon and PolyLine annotations; coloured boxes,
 *     rings and strokes drawn on a scan.</li>
 * </ul>
 * A passage is a run of consecutive marked text (Word splits one marked phrase into many runs; it
 * counts once). Each count stops at {@link #MAX}.
 *
 * <p>{@code state} says whether marks could be judged at all: {@link State#MARKED} (at least one
 * mark), {@link State#NONE} (the file was read and carries none) or {@link State#NOT_JUDGEABLE},
 * with {@code why}: a scan on which nothing coloured was seen ({@link #NO_COLOUR} — pencil or
 * black-ink marks cannot be told from the text), a greyscale page ({@link #GREYSCALE}), a page that
 * is not a paper document ({@link #NOT_PAPER}), a file that could not be read ({@link #UNREAD}), or
 * a format whose marks evcheck does not read ({@link #NOT_READ}).
 *
 * @param pages  1-based pages where marks were seen (PDF and scans; at most {@link #MAX_PAGES}),
 *               empty for Word-family files
 * @param sample the first marked text (Word-family files) or the first note's text (PDF),
 *               stripped and cut to {@link #SAMPLE_CHARS} characters; "" when none
 * @param why    "" unless NOT_JUDGEABLE, then one of {@link #NO_COLOUR}, {@link #GREYSCALE},
 *               {@link #NOT_PAPER}, {@link #UNREAD}, {@link #NOT_READ}
 */
public record Marks(State state, int highlights, int shading, int underlines, int comments, int drawn,
                    List<Integer> pages, String sample, String why) {
    public enum State { MARKED, NONE, NOT_JUDGEABLE }

    /** Highest count kept per kind: counting stops there. */
    public static final int MAX = 1000;
    /** Pages listed at most. */
    public static final int MAX_PAGES = 20;
    /** Characters of {@link #sample} at most. */
    public static final int SAMPLE_CHARS = 30;

    /** A scan on which nothing coloured was seen: marks in pencil or black ink cannot be told from the text. */
    public static final String NO_COLOUR = "no_colour";
    /** A greyscale or black-and-white page: coloured marks cannot be seen. */
    public static final String GREYSCALE = "greyscale";
    /** The page is not a paper document (a photo, a screenshot): nothing to judge. */
    public static final String NOT_PAPER = "not_paper";
    /** The file could not be read (encrypted, damaged, too complex). */
    public static final String UNREAD = "unread";
    /** The format is read for its text only; its marks are not looked at. */
    public static final String NOT_READ = "not_read";

    public Marks {
        if (state == null) throw new IllegalArgumentException("state");
        pages = List.copyOf(pages);
        sample = sample == null ? "" : sample;
        why = why == null ? "" : why;
        if (Math.min(Math.min(highlights, shading), Math.min(Math.min(underlines, comments), drawn)) < 0) {
            throw new IllegalArgumentException("negative count");
        }
        boolean any = highlights + shading + underlines + comments + drawn > 0;
        if ((state == State.MARKED) != any) throw new IllegalArgumentException(state + (any ? " with marks" : " without a mark"));
        if ((state == State.NOT_JUDGEABLE) == why.isEmpty()) throw new IllegalArgumentException("why: " + why);
    }

    private static final Marks NONE_FOUND = new Marks(State.NONE, 0, 0, 0, 0, 0, List.of(), "", "");

    /** Read, and no marks. */
    public static Marks none() {
        return NONE_FOUND;
    }

    /** Marks cannot be judged, for the reason {@code why} (one of the constants). */
    public static Marks notJudgeable(String why) {
        return new Marks(State.NOT_JUDGEABLE, 0, 0, 0, 0, 0, List.of(), "", why);
    }

    /** The counts found: MARKED when any is positive, else NONE. Counts are capped at {@link #MAX}. */
    public static Marks of(int highlights, int shading, int underlines, int comments, int drawn,
                           List<Integer> pages, String sample) {
        int h = cap(highlights), s = cap(shading), u = cap(underlines), c = cap(comments), d = cap(drawn);
        boolean any = h + s + u + c + d > 0;
        return new Marks(any ? State.MARKED : State.NONE, h, s, u, c, d, any ? pages : List.of(),
                any ? cut(sample) : "", "");
    }

    public boolean marked() {
        return state == State.MARKED;
    }

    public boolean judgeable() {
        return state != State.NOT_JUDGEABLE;
    }

    /** All marks, at most {@link #MAX}. */
    public int total() {
        return Math.min(MAX, highlights + shading + underlines + comments + drawn);
    }

    /** The non-zero counts by kind ("highlight", "shading", "underline", "comment", "drawn"), in that order. */
    public Map<String, Integer> kinds() {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (highlights > 0) m.put("highlight", highlights);
        if (shading > 0) m.put("shading", shading);
        if (underlines > 0) m.put("underline", underlines);
        if (comments > 0) m.put("comment", comments);
        if (drawn > 0) m.put("drawn", drawn);
        return Collections.unmodifiableMap(m);
    }

    /**
     * One line for a message or a log: {@code highlight 3, comment 1 · p. 2, 5 · “开展关爱空巢老人”},
     * {@code no marks}, or {@code not judgeable: no_colour}.
     */
    public String summary() {
        return switch (state) {
            case NONE -> "no marks";
            case NOT_JUDGEABLE -> "not judgeable: " + why;
            case MARKED -> {
                List<String> parts = new ArrayList<>();
                kinds().forEach((k, n) -> parts.add(k + " " + n));
                StringBuilder s = new StringBuilder(String.join(", ", parts));
                if (!pages.isEmpty()) {
                    s.append(" · p. ");
                    for (int i = 0; i < pages.size(); i++) s.append(i == 0 ? "" : ", ").append(pages.get(i));
                }
                if (!sample.isEmpty()) s.append(" · “").append(sample).append('”');
                yield s.toString();
            }
        };
    }

    /**
     * Marks of two looks at one document (annotations and drawn marks): counts added, pages merged.
     * When one of them found no mark, the other is returned as it is.
     */
    public Marks plus(Marks o) {
        if (!o.marked()) return this;
        if (!marked()) return o;
        TreeSet<Integer> p = new TreeSet<>(pages);
        p.addAll(o.pages);
        List<Integer> merged = new ArrayList<>(p).subList(0, Math.min(MAX_PAGES, p.size()));
        return of(highlights + o.highlights, shading + o.shading, underlines + o.underlines, comments + o.comments,
                drawn + o.drawn, merged, sample.isEmpty() ? o.sample : sample);
    }

    /** A fill colour (0xRRGGBB, −1 for none or automatic) that shows on paper: not white or nearly white. */
    static boolean isVisibleFill(int rgb) {
        if (rgb < 0) return false;
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        int chroma = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        return chroma >= 24 || 299 * r + 587 * g + 114 * b < 232 * 1000;
    }

    /** A colour (0xRRGGBB, −1 for none or automatic) with a hue: not black, grey or white. */
    static boolean isHue(int rgb) {
        if (rgb < 0) return false;
        int r = rgb >> 16 & 0xFF, g = rgb >> 8 & 0xFF, b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) >= 40;
    }

    private static int cap(int n) {
        return Math.max(0, Math.min(MAX, n));
    }

    static String cut(String s) {
        if (s == null) return "";
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= SAMPLE_CHARS ? t : t.substring(0, SAMPLE_CHARS);
    }

    /**
     * Counts marks as a reader meets them: per kind, a passage is counted when it starts; text
     * without that mark (or a new paragraph) ends it. Not thread-safe; one per read.
     */
    static final class Counter {
        private final int[] counts = new int[5];
        private final boolean[] open = new boolean[5];
        private final TreeSet<Integer> pages = new TreeSet<>();
        private final StringBuilder sample = new StringBuilder();
        private boolean sampling;
        private boolean sampled;

        static final int HIGHLIGHT = 0, SHADING = 1, UNDERLINE = 2, COMMENT = 3, DRAWN = 4;

        /** One mark of a kind (an annotation, a drawn stroke, a comment). */
        void add(int kind, int page) {
            if (counts[kind] < MAX) counts[kind]++;
            if (page > 0 && pages.size() < MAX_PAGES) pages.add(page);
        }

        /** Text of a run, with the marks it carries. */
        void text(CharSequence text, boolean highlight, boolean shading, boolean underline) {
            if (text.toString().isBlank()) return;
            boolean any = highlight || shading || underline;
            span(HIGHLIGHT, highlight);
            span(SHADING, shading);
            span(UNDERLINE, underline);
            if (any && !sampled) {
                sampling = true;
                if (sample.length() < SAMPLE_CHARS * 2) sample.append(text, 0, Math.min(text.length(), SAMPLE_CHARS * 2));
            } else if (!any && sampling) {
                sampling = false;
                sampled = true;
            }
        }

        private void span(int kind, boolean on) {
            if (on && !open[kind] && counts[kind] < MAX) counts[kind]++;
            open[kind] = on;
        }

        /** A paragraph ends: marked passages end with it. */
        void paragraphEnd() {
            open[HIGHLIGHT] = open[SHADING] = open[UNDERLINE] = false;
            if (sampling) {
                sampling = false;
                sampled = true;
            }
        }

        /** Sets the sample when no marked text gave one (the text a comment is anchored to, a note). */
        void sampleIfNone(CharSequence s) {
            if (sample.toString().isBlank() && s != null) {
                sample.setLength(0);
                sample.append(s, 0, Math.min(s.length(), SAMPLE_CHARS * 2));
            }
        }

        void comments(int n) {
            counts[COMMENT] = Math.min(MAX, Math.max(0, n));
        }

        Marks marks() {
            return Marks.of(counts[HIGHLIGHT], counts[SHADING], counts[UNDERLINE], counts[COMMENT], counts[DRAWN],
                    new ArrayList<>(pages), sample.toString());
        }
    }
}
