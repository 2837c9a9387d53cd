package dev.tokensmith.corpora.count;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.normalizer.Normalizer;
import dev.tokensmith.core.pretokenizer.PreTokenizer;
import dev.tokensmith.core.text.PreTokenizedString;
import dev.tokensmith.core.text.Utf8;
import dev.tokensmith.core.train.PreTokens;
import java.util.List;

/**
 * The general pipeline, as HF's trainer feeds it: added tokens cut out and the rest normalized (a tokenizer's
 * {@code extract_and_normalize}; with bare stages, just the normalizer), then the pre-tokenizer; each split's
 * normalized string, as UTF-8, is a pre-token. The oracle the fast splitter is tested against.
 */
final class GeneralSplitter implements PreTokenSplitter {
    private final Tokenizer tokenizer;
    private final PreTokens bare;
    private final Utf8Scratch scratch = new Utf8Scratch();

    GeneralSplitter(Tokenizer tokenizer, Normalizer normalizer, PreTokenizer preTokenizer) {
        this.tokenizer = tokenizer;
        this.bare = PreTokens.of(normalizer, preTokenizer);
    }

    @Override
    public long split(String document, PieceSink sink) {
        String doc = Utf8Scratch.withoutLoneSurrogates(document);
        for (PreTokenizedString.Split split : splits(doc)) {
            String piece = split.normalized().get();
            int length = scratch.encode(piece, 0, piece.length());
            sink.piece(scratch.bytes, 0, length);
        }
        return Utf8.length(doc);
    }

    private List<PreTokenizedString.Split> splits(String doc) {
        if (tokenizer != null) {
            return tokenizer.preTokenize(doc);
        }
        return bare.splits(doc);
    }
}
