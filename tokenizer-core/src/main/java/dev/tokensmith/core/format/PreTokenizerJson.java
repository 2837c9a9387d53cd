package dev.tokensmith.core.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.pretokenizer.PreTokenizer;

/** Placeholder until the component branch lands (merge: take the branch version of this file). */
public final class PreTokenizerJson {
    private PreTokenizerJson() {}

    public static PreTokenizer read(JsonField f) {
        throw f.error("stub");
    }

    public static ObjectNode write(PreTokenizer x) {
        return null;
    }
}
