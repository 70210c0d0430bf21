package cn.evcheck.fix;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPIterator;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.IteratorOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import com.adobe.internal.xmp.properties.XMPPropertyInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits an XMP packet with Adobe's XMP core (the parser metadata-extractor reads captions with):
 * sets {@code dc:description}, removes the location properties ({@code exif:GPS*}).
 * The packet is serialised UTF-8, compact, without padding.
 */
final class XmpEdit {
    private XmpEdit() {}

    /** A packet that cannot be parsed or written back. */
    static final class Bad extends Exception {
        Bad(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Whether the packet holds a GPS property. */
    static boolean hasGps(byte[] packet) {
        try {
            return !gpsNames(XMPMetaFactory.parseFromBuffer(packet)).isEmpty();
        } catch (XMPException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The packet (null: a new one) with {@code description} set as dc:description (x-default) when
     * not null, and without GPS properties when {@code removeGps}.
     */
    static byte[] edit(byte[] packet, String description, boolean removeGps) throws Bad {
        try {
            XMPMeta meta = packet == null ? XMPMetaFactory.create() : XMPMetaFactory.parseFromBuffer(packet);
            if (description != null) {
                meta.setLocalizedText(XMPConst.NS_DC, "description", XMPConst.X_DEFAULT, XMPConst.X_DEFAULT, description);
            }
            if (removeGps) {
                for (String name : gpsNames(meta)) meta.deleteProperty(XMPConst.NS_EXIF, name);
            }
            SerializeOptions o = new SerializeOptions().setUseCompactFormat(true).setPadding(0).setOmitXmpMetaElement(false);
            return XMPMetaFactory.serializeToBuffer(meta, o);
        } catch (XMPException | RuntimeException e) {
            throw new Bad(e);
        }
    }

    private static List<String> gpsNames(XMPMeta meta) throws XMPException {
        List<String> names = new ArrayList<>();
        XMPIterator it = meta.iterator(XMPConst.NS_EXIF, null, new IteratorOptions().setJustChildren(true).setOmitQualifiers(true));
        while (it.hasNext()) {
            XMPPropertyInfo p = (XMPPropertyInfo) it.next();
            String path = p.getPath();
            if (path == null) continue;
            String local = path.substring(path.indexOf(':') + 1);
            if (local.startsWith("GPS") && !names.contains(local)) names.add(local);
        }
        return names;
    }
}
