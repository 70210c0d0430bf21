package cn.evcheck.inspect;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** SAX handlers for the WordprocessingML parts {@link DocxReader} reads. */
final class DocxXml {
    private DocxXml() {}

    /**
     * word/document.xml: w:t in the body; skips text boxes, moved-from text and mc:Fallback
     * copies. In the first paragraphs it also notes large red runs and red borders or lines.
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

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (paragraphs < RedText.HEADER_PARAGRAPHS) header(uri, local, a);
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
                if (paragraphs < RedText.HEADER_PARAGRAPHS && runRed && runSize >= RedText.TITLE_HALF_POINTS
                        && !new String(ch, start, length).isBlank()) {
                    redTitle = true;
                }
            }
        }
    }

    /** Any WordprocessingML part: the text of its w:t elements, paragraph by paragraph. */
    static final class PlainTextHandler extends DefaultHandler {
        final StringBuilder body = new StringBuilder();
        private boolean inText;

        @Override
        public void startElement(String uri, String local, String q, Attributes a) {
            if (BodyHandler.W.equals(uri) && local.equals("t")) inText = true;
        }

        @Override
        public void endElement(String uri, String local, String q) {
            if (BodyHandler.W.equals(uri) && local.equals("t")) inText = false;
            if (BodyHandler.W.equals(uri) && local.equals("p")) body.append('\n');
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) body.append(ch, start, length);
        }
    }

    /** Counts WordprocessingML elements of one local name. */
    static final class CountingHandler extends DefaultHandler {
        private final String local;
        int count;

        CountingHandler(String local) {
            this.local = local;
        }

        @Override
        public void startElement(String uri, String l, String q, Attributes a) {
            if (BodyHandler.W.equals(uri) && l.equals(local)) count++;
        }
    }
}
