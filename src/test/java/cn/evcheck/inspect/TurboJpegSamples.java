package cn.evcheck.inspect;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes the sample JPEGs TurboJpeg decodes both ways at first use
 * (src/main/resources/cn/evcheck/inspect/turbojpeg/): a 37×29 picture of hard colour edges and
 * gradients (odd sizes: the edges of the upsampling) as 4:2:0, 4:2:2, 4:4:4 and grey, by the JDK's
 * JPEG writer. Run: {@code java -cp target/test-classes:target/evcheck.jar cn.evcheck.inspect.TurboJpegSamples DIR}.
 */
public final class TurboJpegSamples {
    private TurboJpegSamples() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        Files.write(dir.resolve("420.jpg"), encode(picture(BufferedImage.TYPE_3BYTE_BGR), 0x22));
        Files.write(dir.resolve("422.jpg"), encode(picture(BufferedImage.TYPE_3BYTE_BGR), 0x21));
        Files.write(dir.resolve("444.jpg"), encode(picture(BufferedImage.TYPE_3BYTE_BGR), 0x11));
        Files.write(dir.resolve("grey.jpg"), encode(picture(BufferedImage.TYPE_BYTE_GRAY), 0));
    }

    /** Hard-edged colour blocks over gradients, 37×29. */
    static BufferedImage picture(int type) {
        BufferedImage img = new BufferedImage(37, 29, type);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int r = (x * 255) / 36;
                int g = (y * 255) / 28;
                int b = ((x + y) % 7) * 36;
                if ((x / 5 + y / 4) % 3 == 0) {
                    r = 230;
                    g = 20;
                    b = 30;
                }
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** JPEG of {@code img}; for colour, the luma sampled as {@code luma} (0x22, 0x21, 0x11), the chroma 1×1. */
    static byte[] encode(BufferedImage img, int luma) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.8f);
        IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
        if (luma != 0) {
            String f = "javax_imageio_jpeg_image_1.0";
            Element root = (Element) md.getAsTree(f);
            NodeList comps = root.getElementsByTagName("componentSpec");
            ((Element) comps.item(0)).setAttribute("HsamplingFactor", String.valueOf(luma >> 4));
            ((Element) comps.item(0)).setAttribute("VsamplingFactor", String.valueOf(luma & 0xF));
            for (int k = 1; k < comps.getLength(); k++) {
                ((Element) comps.item(k)).setAttribute("HsamplingFactor", "1");
                ((Element) comps.item(k)).setAttribute("VsamplingFactor", "1");
            }
            md.setFromTree(f, root);
        }
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bo)) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, md), p);
        }
        w.dispose();
        return bo.toByteArray();
    }
}
