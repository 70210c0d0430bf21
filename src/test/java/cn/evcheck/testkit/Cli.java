package cn.evcheck.testkit;

import cn.evcheck.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/** Runs the CLI in-process and captures its output. */
public final class Cli {
    private Cli() {}

    public record Run(int code, String out, String err) {}

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** "code[|file name or period][|category]" for the findings of one item. */
    public static Set<String> codes(JsonNode report, String item) {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : report.get("findings")) {
            if (!item.equals(f.get("item").asText())) continue;
            String where = f.get("file").isNull() ? (f.get("period").isNull() ? "" : "|" + f.get("period").asText())
                    : "|" + f.get("file").asText().replaceAll(".*/", "");
            String cat = f.get("data").has("category") ? "|" + f.get("data").get("category").asText() : "";
            out.add(f.get("code").asText() + where + cat);
        }
        return out;
    }

    /** "code|item|file-or-period[|category][|field]" for each finding of a JSON report. */
    public static Set<String> keys(JsonNode report) {
        Set<String> out = new TreeSet<>();
        for (JsonNode f : report.get("findings")) {
            String where = !f.get("file").isNull() ? f.get("file").asText() : f.get("period").isNull() ? "" : f.get("period").asText();
            String cat = f.get("data").has("category") ? "|" + f.get("data").get("category").asText() : "";
            String field = f.get("data").has("field") ? "|" + f.get("data").get("field").asText() : "";
            out.add(f.get("code").asText() + "|" + (f.get("item").isNull() ? "" : f.get("item").asText()) + "|" + where + cat + field);
        }
        return out;
    }
}
