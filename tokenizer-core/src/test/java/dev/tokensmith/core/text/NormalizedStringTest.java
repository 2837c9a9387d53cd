package dev.tokensmith.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alignment semantics of HF's NormalizedString (cases follow tokenizers/src/tokenizer/normalizer.rs tests). */
class NormalizedStringTest {

    private static List<String> alignments(NormalizedString n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.length(); i++) {
            out.add(n.alignedStart(i) + "-" + n.alignedEnd(i));
        }
        return out;
    }

    @Test
    void filterKeepsAlignmentsOfKeptCharacters() { // HF: remove_chars
        NormalizedString n = NormalizedString.of("élégant");
        n.filter(c -> c != 'n');
        assertThat(n.get()).isEqualTo("élégat");
        assertThat(alignments(n)).containsExactly("0-1", "1-2", "2-3", "3-4", "4-5", "6-7");
    }

    @Test
    void filterAtTheStartRemovesLeadingCharacters() { // HF: remove_at_beginning
        NormalizedString n = NormalizedString.of("     Hello");
        n.filter(c -> !Character.isWhitespace(c));
        assertThat(n.get()).isEqualTo("Hello");
        assertThat(n.toOriginal(1, n.length())).containsExactly(6, 10);
    }

    @Test
    void prependedTextTakesTheFirstCharactersAlignment() { // HF: prepend
        NormalizedString n = NormalizedString.of("there");
        n.prepend("Hey ");
        assertThat(n.get()).isEqualTo("Hey there");
        assertThat(alignments(n)).containsExactly("0-1", "0-1", "0-1", "0-1", "0-1", "1-2", "2-3", "3-4", "4-5");
        assertThat(n.toOriginal(0, 4)).containsExactly(0, 1);
    }

    @Test
    void appendedTextTakesTheLastCharactersAlignment() { // HF: append
        NormalizedString n = NormalizedString.of("Hey");
        n.append(" there");
        assertThat(n.get()).isEqualTo("Hey there");
        assertThat(n.toOriginal(3, 9)).containsExactly(2, 3);
    }

    @Test
    void insertionsAroundEdgesKeepTheMiddleAligned() { // HF: added_around_edges
        NormalizedString n = NormalizedString.of("Hello");
        int[] cps = " Hello ".codePoints().toArray();
        n.transform(cps, new int[] {1, 0, 0, 0, 0, 0, 1}, cps.length, 0);
        assertThat(n.get()).isEqualTo(" Hello ");
        int[] o = n.toOriginal(1, 6);
        assertThat(n.original().substring(o[0], o[1])).isEqualTo("Hello");
    }

    @Test
    void replaceHandlesLiteralsAndOverlaps() { // HF: replace
        NormalizedString a = NormalizedString.of(" Hello   friend ");
        a.replace(Patterns.literal(" "), "_");
        assertThat(a.get()).isEqualTo("_Hello___friend_");
        NormalizedString b = NormalizedString.of("aaaab");
        b.replace(Patterns.literal("aaa"), "b");
        assertThat(b.get()).isEqualTo("bab");
        NormalizedString c = NormalizedString.of(" Hello   friend ");
        c.replace(Patterns.regex(java.util.regex.Pattern.compile("\\s+")), "_");
        assertThat(c.get()).isEqualTo("_Hello_friend_");
    }

    @Test
    void replacementAlignsWithTheEndOfTheMatch() {
        NormalizedString n = NormalizedString.of("a  b");
        n.replace(Patterns.literal("  "), "▁");
        assertThat(n.get()).isEqualTo("a▁b");
        assertThat(n.toOriginal(1, 2)).containsExactly(2, 3);
    }

    @Test
    void splitFollowsEveryDelimiterBehaviour() { // HF: split
        NormalizedString s = NormalizedString.of("The-final--countdown");
        SplitPattern dash = Patterns.literal("-");
        assertThat(texts(s.split(dash, SplitBehavior.REMOVED))).containsExactly("The", "final", "countdown");
        assertThat(texts(s.split(dash, SplitBehavior.ISOLATED)))
                .containsExactly("The", "-", "final", "-", "-", "countdown");
        assertThat(texts(s.split(dash, SplitBehavior.MERGED_WITH_PREVIOUS)))
                .containsExactly("The-", "final-", "-", "countdown");
        assertThat(texts(s.split(dash, SplitBehavior.MERGED_WITH_NEXT)))
                .containsExactly("The", "-final", "-", "-countdown");
        assertThat(texts(s.split(dash, SplitBehavior.CONTIGUOUS)))
                .containsExactly("The", "-", "final", "--", "countdown");
    }

    @Test
    void slicesRememberWhereTheyCameFrom() {
        NormalizedString s = NormalizedString.of("ab cd");
        NormalizedString cd =
                s.split(Patterns.literal(" "), SplitBehavior.REMOVED).get(1);
        assertThat(cd.get()).isEqualTo("cd");
        assertThat(cd.toOriginal(0, 2)).containsExactly(3, 5);
    }

    @Test
    void supplementaryCharactersShareOneAlignment() {
        NormalizedString s = NormalizedString.of("a😀b");
        assertThat(alignments(s)).containsExactly("0-1", "1-3", "1-3", "3-4");
        s.map(c -> c == 'a' ? 'A' : c);
        assertThat(s.get()).isEqualTo("A😀b");
        assertThat(alignments(s)).containsExactly("0-1", "1-3", "1-3", "3-4");
    }

    @Test
    void stripUsesUnicodeWhiteSpace() { // HF: strip_unicode
        NormalizedString n = NormalizedString.of("  你好asa \n");
        n.strip(true, true);
        assertThat(n.get()).isEqualTo("你好asa");
        assertThat(n.toOriginal(0, n.length())).containsExactly(2, 7);
        NormalizedString nbsp = NormalizedString.of("\u00A0x\u00A0");
        nbsp.strip(true, true);
        assertThat(nbsp.get()).isEqualTo("x");
    }

    private static List<String> texts(List<NormalizedString> parts) {
        return parts.stream().map(NormalizedString::get).toList();
    }
}
