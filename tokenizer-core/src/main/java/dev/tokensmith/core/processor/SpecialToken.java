package dev.tokensmith.core.processor;

import java.util.Arrays;
import java.util.List;

/**
 * A special token a {@link TemplateProcessing} can insert, registered under {@code id}: usually one token,
 * but it may stand for several ({@code ids} and {@code tokens} of equal length).
 */
public record SpecialToken(String id, int[] ids, List<String> tokens) {

    public SpecialToken {
        ids = ids.clone();
        tokens = List.copyOf(tokens);
        if (ids.length != tokens.size()) {
            throw new IllegalArgumentException("SpecialToken: ids and tokens must be of the same length");
        }
    }

    /** The common case: one token that is also its own id in the template. */
    public static SpecialToken of(String token, int id) {
        return new SpecialToken(token, new int[] {id}, List.of(token));
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    int idCount() {
        return ids.length;
    }

    int[] idsShared() {
        return ids;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecialToken t && id.equals(t.id) && Arrays.equals(ids, t.ids) && tokens.equals(t.tokens);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id.hashCode() + Arrays.hashCode(ids)) + tokens.hashCode();
    }

    @Override
    public String toString() {
        return "SpecialToken[id=" + id + ", ids=" + Arrays.toString(ids) + ", tokens=" + tokens + "]";
    }
}
