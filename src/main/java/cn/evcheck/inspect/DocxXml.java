package cn.evcheck.inspect;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** SAX handlers for the WordprocessingML parts {@link DocxReader} reads. */
final class DocxXml {
    private DocxXml() {}

    /**
     * word/document.xml: w:t in the body; skips text boxes, moved-from text and mc:Fallback
     * copies. In the first paragraphs it also notes large red runs and red borders or lines.
     * Marks in the body ({@link Marks}): highlighted runs, shaded runs, shaded paragraphs outside
     * tables, runs with a coloured underline, and the text comments are anchored to.
     */
    static final class BodyHandler extends DefaultHandler {
        static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        final StringBuilder body = new StringBuilder();
        final StringBuilder boxes = new StringBuilder();
        boolean redTitle;
        boolean redRule;
        int revisions;
        private int skip;
        private int inBox;
        private int inFallback;
        private boolean inText;
        private int paragraphs;
        private boolean runRed;
        private int runSize;
        private boolean inBorder;
        private int inLine;
        final Marks.Counter marks = new Marks.Counter();
        /** The text the first comments are anchored to (for {@link Marks#sample()}). */
        final StringBuilder commented = new StringBuilder();
        private int inTable;
        private boolean inPPr;
        private boolean inRPr;
        private int inChange;
        private boolean runHighlight;
        private boolean runShading;
        private boolean runUnderline;
        private boolean paraShading;
        private int inComment;
        private boolean commentedDone;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (paragraphs < RedText.HEADER_PARAGRAPHS) header(uri, local, a);
            if (W.equals(uri)) marks(local, a, true);
            if (W.equals(uri) && (local.equals("ins") || local.equals("del") || local.equals("moveFrom") || local.equals("moveTo"))) {
                revisions++;
            }
            if (local.equals("Fallback")) inFallback++;
            if (W.equals(uri) && local.equals("txbxContent") && inFallback == 0) inBox++;
            if (inBox > 0 && W.equals(uri) && local.equals("t")) inText = true;
            if (isSkipped(uri, local)) {
                skip++;
                return;
            }
            if (skip > 0) return;
            if (W.equals(uri)) {
                switch (local) {
                    case "t" -> inText = true;
                    case "tab" -> body.append(' ');
                    case "br", "cr" -> body.append('\n');
                    default -> { }
                }
            }
        }

        private void header(String uri, String local, Attributes a) {
            if (W.equals(uri)) {
                switch (local) {
                    case "r" -> {
                        runRed = false;
                        runSize = 0;
                    }
                    case "color" -> runRed = RedText.isRed(a.getValue(W, "val"));
                    case "sz" -> {
                        try {
                            runSize = Integer.parseInt(a.getValue(W, "val"));
                        } catch (NumberFormatException e) {
                            runSize = 0;
                        }
                    }
                    case "pBdr" -> inBorder = true;
                    case "top", "bottom" -> {
                        if (inBorder && RedText.isRed(a.getValue(W, "color"))) redRule = true;
                    }
                    default -> { }
                }
            } else if (local.equals("ln")) {
                inLine++;
            } else if (local.equals("srgbClr") && inLine > 0 && RedText.isRed(a.getValue("val"))) {
                redRule = true;
            } else if (local.equals("line") && RedText.isRed(hexOf(a.getValue("strokecolor")))) {
                redRule = true;
            }
        }

        /** Run and paragraph properties that mark text; old properties of a tracked format change are not read. */
        private void marks(String local, Attributes a, boolean start) {
            switch (local) {
                case "tbl" -> inTable += start ? 1 : inTable > 0 ? -1 : 0;
                case "pPr" -> inPPr = start;
                case "rPr" -> inRPr = start;
                case "rPrChange", "pPrChange" -> inChange += start ? 1 : inChange > 0 ? -1 : 0;
                case "commentRangeStart" -> {
                    if (start) inComment++;
                }
                case "commentRangeEnd" -> {
                    if (start && inComment > 0 && --inComment == 0 && !commented.isEmpty()) commentedDone = true;
                }
                default -> {
                    if (!start || inChange > 0) return;
                    boolean runProps = inRPr && !inPPr;
                    switch (local) {
                        case "p" -> paraShading = false;
                        case "r" -> runHighlight = runShading = runUnderline = false;
                        case "highlight" -> {
                            if (runProps) runHighlight = isHighlight(a.getValue(W, "val"));
                        }
                        case "shd" -> {
                            if (runProps) runShading = isShading(a);
                            else if (inPPr && !inRPr) paraShading = inTable == 0 && isShading(a);
                        }
                        case "u" -> {
                            if (runProps) runUnderline = isColouredUnderline(a);
                        }
                        default -> { }
                    }
                }
            }
        }

        static boolean isHighlight(String val) {
            return val != null && !val.isEmpty() && !val.equals("none") && !val.equals("white");
        }

        /**
         * w:shd that shows: a clear pattern over a fill that is visibly not white, or any other pattern
         * not all white. Near-white fills (F5F5F5 from pages saved as HTML) do not show on paper.
         */
        static boolean isShading(Attributes a) {
            String val = a.getValue(W, "val");
            String fill = a.getValue(W, "fill");
            if (val == null || val.equals("clear")) return Marks.isVisibleFill(rgbOf(fill));
            if (val.equals("nil")) return false;
            return !(isWhite(fill) && isWhite(a.getValue(W, "color")));
        }

        /** An underline (any style) in a colour — a hue, not black, grey or white. */
        static boolean isColouredUnderline(Attributes a) {
            String val = a.getValue(W, "val");
            return val != null && !val.equals("none") && Marks.isHue(rgbOf(a.getValue(W, "color")));
        }

        /** 0xRRGGBB of a six-digit hex colour, −1 for "auto", absent or malformed. */
        static int rgbOf(String hex) {
            if (hex == null || hex.length() != 6) return -1;
            try {
                return Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static boolean isWhite(String hex) {
            return hex != null && hex.equalsIgnoreCase("FFFFFF");
        }

        private static String hexOf(String vml) {
            if (vml == null) return null;
            return vml.startsWith("#") ? vml.substring(1) : vml;
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (local.equals("Fallback")) inFallback--;
            if (W.equals(uri) && local.equals("txbxContent") && inFallback == 0 && inBox > 0) inBox--;
            if (inBox > 0 && W.equals(uri)) {
                if (local.equals("t")) inText = false;
                else if (local.equals("p")) boxes.append('\n');
            }
            if (!W.equals(uri) && local.equals("ln") && inLine > 0) inLine--;
            if (W.equals(uri)) marks(local, null, false);
            if (W.equals(uri) && local.equals("pBdr")) inBorder = false;
            if (isSkipped(uri, local)) {
                skip--;
                return;
            }
            if (skip > 0) return;
            if (W.equals(uri)) {
                if (local.equals("t")) inText = false;
                else if (local.equals("p")) {
                    paragraphs++;
                    body.append('\n');
                    marks.paragraphEnd();
                } else if (local.equals("tc")) body.append('\n');
            }
        }

        private static boolean isSkipped(String uri, String local) {
            return (W.equals(uri) && (local.equals("txbxContent") || local.equals("moveFrom") || local.equals("del")))
                    || local.equals("Fallback") || local.equals("textbox");
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && inBox > 0 && inFallback == 0) {
                boxes.append(ch, start, length);
                return;
            }
            if (inText && skip == 0) {
                body.append(ch, start, length);
                CharSequence run = java.nio.CharBuffer.wrap(ch, start, length);
                marks.text(run, runHighlight, runShading || paraShading, runUnderline);
                if (inComment > 0 && !commentedDone && commented.length() < Marks.SAMPLE_CHARS * 2) commented.append(run);
                if (paragraphs < RedText.HEADER_PARAGRAPHS && runRed && runSize >= RedText.TITLE_HALF_POINTS
                        && !new String(ch, start, length).isBlank()) {
                    redTitle = true;
                }
            }
        }
    }

    /**
     * Any WordprocessingML part: the text of its w:t elements, paragraph by paragraph (tabs as
     * spaces; mc:Fallback copies of shapes skipped), and how many elements of one local name it
     * holds (the comments of word/comments.xml).
     */
    static final class PlainTextHandler extends DefaultHandler {
        final StringBuilder body = new StringBuilder();
        private final String counted;
        int count;
        private boolean inText;
        private int inFallback;

        PlainTextHandler() {
            this(null);
        }

        /** @param counted the local name of the WordprocessingML elements to count */
        PlainTextHandler(String counted) {
            this.counted = counted;
        }

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (local.equals("Fallback")) inFallback++;
            if (!BodyHandler.W.equals(uri)) return;
            if (local.equals(counted)) count++;
            if (inFallback > 0) return;
            if (local.equals("t")) inText = true;
            else if (local.equals("tab")) body.append(' ');
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (local.equals("Fallback")) inFallback--;
            if (BodyHandler.W.equals(uri) && local.equals("t")) inText = false;
            if (BodyHandler.W.equals(uri) && local.equals("p") && inFallback == 0) body.append('\n');
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && inFallback == 0) body.append(ch, start, length);
        }
    }

    /**
     * word/settings.xml: whether Word's 字数统计 leaves out text boxes, footnotes and endnotes
     * ({@code <w:doNotIncludeSubdocsInStats/>}, an on/off property: present and not "false", "0" or "off").
     */
    static final class SettingsHandler extends DefaultHandler {
        boolean subdocsExcluded;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (BodyHandler.W.equals(uri) && local.equals("doNotIncludeSubdocsInStats")) {
                String v = a.getValue(BodyHandler.W, "val");
                subdocsExcluded = v == null || !(v.equals("false") || v.equals("0") || v.equals("off"));
            }
        }
    }
}
