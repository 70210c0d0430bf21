package cn.evcheck.report;

import cn.evcheck.model.Report.UnitResult;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard's units as checked ({@code --shard K/N}, issue 14 part 5): every unit's items, findings and
 * records, before what depends on the whole drive (photos reused across units, waivers, the baseline),
 * with what {@code evcheck merge} needs to check that the shards belong together and to load their
 * rule set. A merge of all N shards renders the same bytes as one run over the drive.
 */
public final class ShardFile {
    private ShardFile() {}

    /** The file a shard writes into its output folder. */
    public static String name(int k, int n) {
        return "shard-" + k + "-of-" + n + ".json";
    }

    /**
     * @param rules   the rule set as given (a built-in id or a file), and {@code rulesBase} the folder it
     *                was resolved against (null for --rules)
     */
    public record Shard(int k, int n, String tool, String rules, String rulesBase, String rulesSha256, LocalDate asOf,
                        String packagePath, List<UnitResult> units) {}

    private static final ObjectMapper JSON = mapper();

    private static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule();
        m.addSerializer(LocalDate.class, ToStringSerializer.instance);
        m.addDeserializer(LocalDate.class, new StdDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        // Record components only: helper methods such as isX() are not state.
        return JsonMapper.builder().addModule(m).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS).build();
    }

    /** One unit's result as a shard holds it (for the unit results a run keeps, {@code check --cache}). */
    public static byte[] unit(UnitResult u) throws IOException {
        return JSON.writeValueAsBytes(u);
    }

    /** A unit's result written by {@link #unit(UnitResult)}, at {@code bytes[offset..offset+length)}. */
    public static UnitResult unit(byte[] bytes, int offset, int length) throws IOException {
        return JSON.readValue(bytes, offset, length, UnitResult.class);
    }

    public static byte[] write(Shard s) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("evcheck_shard", 1);
        root.put("shard", s.k() + "/" + s.n());
        root.put("tool", s.tool());
        root.put("rules", s.rules());
        root.put("rules_base", s.rulesBase());
        root.put("rules_sha256", s.rulesSha256());
        root.put("as_of", s.asOf().toString());
        root.put("package", s.packagePath());
        root.put("units", s.units());
        return JSON.writeValueAsBytes(root);
    }

    public static Shard read(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || root.path("evcheck_shard").asInt() != 1) throw new IOException("not an evcheck shard file (--shard K/N writes one)");
        String[] kn = root.path("shard").asText().split("/");
        UnitResult[] units = JSON.treeToValue(root.path("units"), UnitResult[].class);
        return new Shard(Integer.parseInt(kn[0]), Integer.parseInt(kn[1]), root.path("tool").asText(), root.path("rules").asText(),
                root.path("rules_base").isNull() ? null : root.path("rules_base").asText(), root.path("rules_sha256").asText(),
                LocalDate.parse(root.path("as_of").asText()), root.path("package").asText(), Arrays.asList(units));
    }

    /** Whether a unit (by name) belongs to shard {@code k} of {@code n}: by a hash of its name, stable across runs and machines. */
    public static boolean mine(String unit, int k, int n) {
        String sha = cn.evcheck.util.Hashes.sha256(unit.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Long.parseLong(sha.substring(0, 8), 16) % n == k - 1;
    }
}
