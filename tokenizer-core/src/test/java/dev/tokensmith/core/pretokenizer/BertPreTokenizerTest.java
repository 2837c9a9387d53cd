package dev.tokensmith.core.pretokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.NormalizedString;
import dev.tokensmith.core.text.PreTokenizedString;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertPreTokenizerTest {
    @Test
    void dropsWhitespaceAndIsolatesPunctuation() {
        // HF bert.rs tests::basic
        assertThat(SplitsOf.run(new BertPreTokenizer(), "Hey friend!     How are you?!?")
                        .described())
                .containsExactly(
                        "Hey@0-3",
                        "friend@4-10",
                        "!@10-11",
                        "How@16-19",
                        "are@20-23",
                        "you@24-27",
                        "?@27-28",
                        "!@28-29",
                        "?@29-30");
    }

    @Test
    void spacesInsertedByNormalizationSeparateChineseCharacters() {
        // HF bert.rs tests::chinese_chars: a normalizer surrounded each CJK character with inserted spaces
        NormalizedString n = NormalizedString.of("野口里佳 Noguchi Rika");
        IntList cps = new IntList(32);
        IntList changes = new IntList(32);
        n.get().codePoints().forEach(c -> {
            if (c > 0x4E00) {
                cps.add(' ');
                changes.add(0);
                cps.add(c);
                changes.add(1);
                cps.add(' ');
                changes.add(1);
            } else {
                cps.add(c);
                changes.add(0);
            }
        });
        n.transform(cps.toArray(), changes.toArray(), cps.size(), 0);
        List<PreTokenizedString.Split> splits = new ArrayList<>();
        splits.add(new PreTokenizedString.Split(n, null));
        PreTokenizedString s = new PreTokenizedString("野口里佳 Noguchi Rika", splits);
        new BertPreTokenizer().preTokenize(s);
        List<String> described = new ArrayList<>();
        for (PreTokenizedString.Split split : s.splits()) {
            NormalizedString piece = split.normalized();
            described.add(piece.get() + "@" + piece.originalShift() + "-"
                    + (piece.originalShift() + piece.original().length()));
        }
        assertThat(described).containsExactly("野@0-1", "口@1-2", "里@2-3", "佳@3-4", "Noguchi@5-12", "Rika@13-17");
    }

    @Test
    void asciiSymbolsCountAsPunctuation() {
        assertThat(SplitsOf.run(new BertPreTokenizer(), "a$b+c^d`e|f~g").texts())
                .containsExactly("a", "$", "b", "+", "c", "^", "d", "`", "e", "|", "f", "~", "g");
    }

    @Test
    void unicodePunctuationUsesHfsUnicode8Table() {
        // U+2E43 (Unicode 9) is punctuation for Java but not for HF; U+166D was Po until Unicode 12.
        assertThat(SplitsOf.run(new BertPreTokenizer(), "a\u2E43b\u166Dc«d").texts())
                .containsExactly("a\u2E43b", "\u166D", "c", "«", "d");
    }
}
