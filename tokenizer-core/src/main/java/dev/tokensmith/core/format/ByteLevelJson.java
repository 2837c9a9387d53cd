package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.pretokenizer.ByteLevelConfig;

/**
 * The fields of HF's {@code ByteLevel}, the same in its three roles: {@code add_prefix_space} and
 * {@code trim_offsets} are required, {@code use_regex} defaults to true (files from before it existed), and
 * the {@code "type"} must be {@code ByteLevel}.
 */
final class ByteLevelJson {
    static final String TYPE = "ByteLevel";

    private ByteLevelJson() {}

    static ByteLevelConfig read(JsonField f) {
        String type = f.type();
        if (!TYPE.equals(type)) {
            throw f.get("type").error("expected \"" + TYPE + "\", found \"" + type + "\"");
        }
        return new ByteLevelConfig(
                f.require("add_prefix_space").asBoolean(),
                f.require("trim_offsets").asBoolean(),
                // absent means true; an explicit null is an error, as for serde's default
                f.node().has("use_regex") ? f.get("use_regex").asBoolean() : true);
    }

    static ObjectNode write(ByteLevelConfig c) {
        ObjectNode n = Json.typed(TYPE);
        n.put("add_prefix_space", c.addPrefixSpace());
        n.put("trim_offsets", c.trimOffsets());
        n.put("use_regex", c.useRegex());
        return n;
    }
}
