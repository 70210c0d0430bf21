package cn.evcheck.bench;

import cn.evcheck.inspect.TextFacts;
import cn.evcheck.inspect.DocxReader;
import cn.evcheck.inspect.Word97Reader;
import cn.evcheck.testkit.Docs;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Words counted per second on .docx and .doc, against simply unzipping (docx) or reading the
 * WordDocument stream (doc) of the same files, in the same run. Not a unit test. Run:
 * {@code ./mvnw -q -DskipTests package test-compile &&
 * java -cp target/test-classes:target/evcheck.jar cn.evcheck.bench.WordCountBenchmark}
 */
public final class WordCountBenchmark {
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        List<byte[]> docx = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            String[] paras = new String[20];
            for (int k = 0; k < paras.length; k++) paras[k] = Docs.prose(40 + (i + k) % 20) + " GDP增长6.1% 2019年";
            docx.add(Docs.docx(paras));
        }
        byte[] doc;
        try (InputStream in = WordCountBenchmark.class.getResourceAsStream("/fixtures/report-2019.doc")) {
            doc = in.readAllBytes();
        }
        for (int warm = 0; warm < 3; warm++) {
            run(docx, doc, files, false);
        }
        run(docx, doc, files, true);
    }

    private static void run(List<byte[]> docx, byte[] doc, int files, boolean print) throws Exception {
        long t0 = System.nanoTime();
        long words = 0;
        for (byte[] b : docx) words += DocxReader.read(b).counts().words();
        long t1 = System.nanoTime();
        long inflated = 0;
        for (byte[] b : docx) inflated += unzip(b);
        long t2 = System.nanoTime();
        long docWords = 0;
        for (int i = 0; i < files; i++) {
            TextFacts t = Word97Reader.read(doc, "doc");
            docWords += t.counts().words();
        }
        long t3 = System.nanoTime();
        long streamBytes = 0;
        for (int i = 0; i < files; i++) streamBytes += wordStream(doc);
        long t4 = System.nanoTime();
        if (!print) return;
        double countMs = (t1 - t0) / 1e6;
        double unzipMs = (t2 - t1) / 1e6;
        double docMs = (t3 - t2) / 1e6;
        double streamMs = (t4 - t3) / 1e6;
        System.out.printf(Locale.ROOT, ".docx: %d files, %d words in %.1f ms = %.0f words/s (%.2f ms/file); unzip only %.1f ms (%d bytes): count = %.2f x unzip%n",
                files, words, countMs, words / (countMs / 1000), countMs / files, unzipMs, inflated, countMs / unzipMs);
        System.out.printf(Locale.ROOT, ".doc:  %d files, %d words in %.1f ms = %.0f words/s (%.2f ms/file); read WordDocument stream only %.1f ms: count = %.2f x read%n",
                files, docWords, docMs, docWords / (docMs / 1000), docMs / files, streamMs, docMs / streamMs);
    }

    private static long unzip(byte[] b) throws Exception {
        long n = 0;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            byte[] buf = new byte[65536];
            while ((e = z.getNextEntry()) != null) {
                if (!e.getName().equals("word/document.xml")) continue;
                int r;
                while ((r = z.read(buf)) > 0) n += r;
            }
        }
        return n;
    }

    private static long wordStream(byte[] b) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(b));
             DocumentInputStream in = fs.createDocumentInputStream("WordDocument")) {
            return in.readAllBytes().length;
        }
    }

    private WordCountBenchmark() {}
}
