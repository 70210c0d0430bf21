package cn.evcheck.inspect;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Namespace-aware SAX parsing of untrusted XML: no DTDs, no external entities, secure processing
 * (entity expansion limits). Streams: nothing is buffered beyond the parser's own window.
 */
final class SafeXml {
    private SafeXml() {}

    static SAXParser parser() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f.newSAXParser();
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }

    /**
     * Parses the stream with the handler. The stream is not closed (the parser would otherwise
     * close a zip entry's archive). A {@link TooComplex} thrown by the stream comes out as itself.
     */
    static void parse(InputStream in, DefaultHandler h) throws SAXException, IOException {
        try {
            parser().parse(new InputSource(new FilterInputStream(in) {
                @Override
                public void close() {
                    // the caller owns the stream
                }
            }), h);
        } catch (SAXException e) {
            if (e.getException() instanceof TooComplex t) throw t;
            throw e;
        }
    }
}
