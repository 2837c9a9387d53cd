package dev.tokensmith.core.diff;

import java.util.function.UnaryOperator;

/**
 * A reference tokenizer for testing the harness: one token per code point (id = code point, offsets = its UTF-16
 * range), decode = the code points back; each behaviour can be bent to disagree at a chosen place.
 */
final class FakeTokenizer implements ReferenceTokenizer {
    static final int BOS = -1;

    private final String name;
    private final UnaryOperator<Encoded> bend;
    private final UnaryOperator<String> bendDecode;

    FakeTokenizer(String name) {
        this(name, e -> e, s -> s);
    }

    FakeTokenizer(String name, UnaryOperator<Encoded> bend, UnaryOperator<String> bendDecode) {
        this.name = name;
        this.bend = bend;
        this.bendDecode = bendDecode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Encoded encode(String text, boolean addSpecialTokens) {
        int n = text.codePointCount(0, text.length()) + (addSpecialTokens ? 1 : 0);
        int[] ids = new int[n];
        int[] offsets = new int[2 * n];
        String[] tokens = new String[n];
        int k = 0;
        if (addSpecialTokens) {
            ids[k] = BOS;
            tokens[k++] = "<s>";
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = Character.charCount(cp);
            ids[k] = cp;
            offsets[2 * k] = i;
            offsets[2 * k + 1] = i + w;
            tokens[k++] = text.substring(i, i + w);
            i += w;
        }
        return bend.apply(new Encoded(ids, offsets, tokens));
    }

    @Override
    public String decode(int[] ids, boolean skipSpecialTokens) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) {
            if (id == BOS) {
                if (!skipSpecialTokens) {
                    b.append("<s>");
                }
            } else {
                b.appendCodePoint(id);
            }
        }
        return bendDecode.apply(b.toString());
    }
}
