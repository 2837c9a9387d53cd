package dev.tokensmith.core.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.format.Json;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DifferentialCheckTest {
    private static final List<String> TEXTS = List.of("abc", "hello world", "xyz", "😀 ok", "");

    private static final ReferenceTokenizer REFERENCE = new FakeTokenizer("ref");

    /** Ours: the id of every 'w' is off by one. */
    private static final ReferenceTokenizer WRONG_W = new FakeTokenizer(
            "ours",
            e -> {
                int[] ids = e.ids().clone();
                for (int i = 0; i < ids.length; i++) {
                    if (ids[i] == 'w') {
                        ids[i]++;
                    }
                }
                return new ReferenceTokenizer.Encoded(ids, e.offsets(), e.tokens());
            },
            s -> s);

    private static DifferentialResult run(
            ReferenceTokenizer ours, DifferentialCheck.Options options, List<String> texts) {
        return new DifferentialCheck(options).runTexts(ours, REFERENCE, texts);
    }

    private static DifferentialResult run(ReferenceTokenizer ours, List<String> texts) {
        return run(ours, DifferentialCheck.Options.defaults(), texts);
    }

    @Test
    void identicalTokenizersHaveNoMismatches() {
        DifferentialResult r = run(new FakeTokenizer("ours"), TEXTS);

        assertThat(r.passed()).isTrue();
        assertThat(r.mismatches()).isZero();
        assertThat(r.firstMismatch()).isNull();
        assertThat(r.inputs()).isEqualTo(5);
        assertThat(r.chars()).isEqualTo(3 + 11 + 3 + 5);
        assertThat(r.tokens()).isEqualTo(3 + 11 + 3 + 4).isEqualTo(r.oursTokens());
        assertThat(r.report()).contains("OK").contains("mismatches: 0");
    }

    @Test
    void reportsTheInputAndTokenWhereIdsFirstDiffer() {
        DifferentialResult r = run(WRONG_W, TEXTS);

        assertThat(r.mismatches()).isEqualTo(1);
        Mismatch m = r.firstMismatch();
        assertThat(m.kind()).isEqualTo(MismatchKind.ID);
        assertThat(m.inputIndex()).isEqualTo(1);
        assertThat(m.inputLabel()).isEqualTo("#1");
        assertThat(m.tokenPosition()).isEqualTo(6);
        assertThat(m.textPosition()).isEqualTo(6);
        assertThat(m.textAround()).isEqualTo("hello ⟦w⟧orld");
        assertThat(r.report())
                .contains("ID mismatch in input #1")
                .contains("at token 6")
                .contains("[119:'w']");
    }

    @Test
    void windowsShowBothSidesAroundTheMismatch() {
        DifferentialResult r = run(WRONG_W, DifferentialCheck.Options.defaults().withWindow(2), TEXTS);

        Mismatch m = r.firstMismatch();
        assertThat(m.windowStart()).isEqualTo(4);
        assertThat(m.oursIds()).containsExactly('o', ' ', 'w' + 1, 'o', 'r');
        assertThat(m.referenceIds()).containsExactly('o', ' ', 'w', 'o', 'r');
        assertThat(m.referenceTokens()).containsExactly("o", " ", "w", "o", "r");
        assertThat(m.referenceOffsets()).containsExactly(4, 5, 5, 6, 6, 7, 7, 8, 8, 9);
    }

    @Test
    void aLongerSequenceAfterAnIdenticalPrefixIsALengthMismatch() {
        ReferenceTokenizer extra = new FakeTokenizer(
                "ours",
                e -> new ReferenceTokenizer.Encoded(
                        Arrays.copyOf(e.ids(), e.size() + 1),
                        Arrays.copyOf(e.offsets(), e.offsets().length + 2),
                        Arrays.copyOf(e.tokens(), e.size() + 1)),
                s -> s);

        Mismatch m = run(extra, List.of("abc")).firstMismatch();

        assertThat(m.kind()).isEqualTo(MismatchKind.LENGTH);
        assertThat(m.tokenPosition()).isEqualTo(3);
        assertThat(m.oursTokenCount()).isEqualTo(4);
        assertThat(m.referenceTokenCount()).isEqualTo(3);
        assertThat(m.textPosition()).isEqualTo(3);
    }

    @Test
    void differingOffsetsAreAnOffsetsMismatchOnlyWhenCompared() {
        ReferenceTokenizer shifted = new FakeTokenizer(
                "ours",
                e -> {
                    int[] off = e.offsets().clone();
                    if (off.length > 5) {
                        off[5]++;
                    }
                    return new ReferenceTokenizer.Encoded(e.ids(), off, e.tokens());
                },
                s -> s);

        DifferentialResult compared = run(shifted, List.of("abcd"));
        DifferentialResult ignored =
                run(shifted, DifferentialCheck.Options.defaults().withCompareOffsets(false), List.of("abcd"));

        assertThat(compared.firstMismatch().kind()).isEqualTo(MismatchKind.OFFSETS);
        assertThat(compared.firstMismatch().tokenPosition()).isEqualTo(2);
        assertThat(compared.firstMismatch().detail()).contains("ours (2, 4), reference (2, 3)");
        assertThat(ignored.passed()).isTrue();
    }

    @Test
    void offsetsAreNotComparedWhenOneSideHasNone() {
        ReferenceTokenizer noOffsets =
                new FakeTokenizer("ours", e -> ReferenceTokenizer.Encoded.idsOnly(e.ids()), s -> s);

        assertThat(run(noOffsets, TEXTS).passed()).isTrue();
    }

    @Test
    void differentDecodedTextIsADecodeMismatchOnlyWhenCompared() {
        ReferenceTokenizer upper = new FakeTokenizer("ours", e -> e, String::toUpperCase);

        DifferentialResult compared = run(upper, List.of("123", "ab"));
        DifferentialResult ignored =
                run(upper, DifferentialCheck.Options.defaults().withCompareDecode(false), List.of("123", "ab"));

        Mismatch m = compared.firstMismatch();
        assertThat(m.kind()).isEqualTo(MismatchKind.DECODE);
        assertThat(m.inputIndex()).isEqualTo(1);
        assertThat(m.decodePosition()).isZero();
        assertThat(m.oursDecoded()).isEqualTo("AB");
        assertThat(m.referenceDecoded()).isEqualTo("ab");
        assertThat(ignored.passed()).isTrue();
    }

    @Test
    void countsEveryMismatchButKeepsTheFirst() {
        DifferentialResult r = run(WRONG_W, List.of("a", "w", "b", "ww", "w"));

        assertThat(r.mismatches()).isEqualTo(3);
        assertThat(r.mismatchesByKind()).containsEntry(MismatchKind.ID, 3L);
        assertThat(r.firstMismatch().inputIndex()).isEqualTo(1);
        assertThat(r.inputs()).isEqualTo(5);
        assertThat(r.stoppedEarly()).isFalse();
    }

    @Test
    void stopsAtTheFirstMismatchWhenAsked() {
        DifferentialResult r = run(
                WRONG_W,
                DifferentialCheck.Options.defaults().withStopAtFirstMismatch(true),
                List.of("a", "w", "b", "ww", "w"));

        assertThat(r.mismatches()).isEqualTo(1);
        assertThat(r.inputs()).isEqualTo(2);
        assertThat(r.stoppedEarly()).isTrue();
        assertThat(r.report()).contains("stopped at the first mismatch");
    }

    @Test
    void anExceptionOnOurSideIsAnErrorMismatch() {
        ReferenceTokenizer throwing = new FakeTokenizer(
                "ours",
                e -> {
                    throw new IllegalStateException("boom");
                },
                s -> s);

        DifferentialResult r = run(throwing, List.of("abc"));

        assertThat(r.firstMismatch().kind()).isEqualTo(MismatchKind.ERROR);
        assertThat(r.firstMismatch().detail()).contains("IllegalStateException: boom");
        assertThat(r.report()).contains("ERROR mismatch in input #0");
    }

    @Test
    void anInputTheReferenceCannotEncodeIsNotComparableRatherThanAMismatch() {
        ReferenceTokenizer picky = new FakeTokenizer(
                "ref",
                e -> {
                    if (e.size() > 3) {
                        throw new IllegalArgumentException("too long for me");
                    }
                    return e;
                },
                s -> s);

        DifferentialResult r = new DifferentialCheck(DifferentialCheck.Options.defaults())
                .runTexts(WRONG_W, picky, List.of("abc", "hello world"));

        assertThat(r.mismatches()).isZero();
        assertThat(r.notComparable()).isEqualTo(1);
        assertThat(r.firstNotComparable()).contains("#1").contains("too long for me");
        assertThat(r.report()).contains("not comparable");
    }

    @Test
    void specialTokenFlagsReachBothSides() {
        AtomicInteger decodedWithBos = new AtomicInteger();
        ReferenceTokenizer ours = new FakeTokenizer("ours", e -> e, s -> {
            if (s.startsWith("<s>")) {
                decodedWithBos.incrementAndGet();
            }
            return s;
        });
        DifferentialCheck.Options options = DifferentialCheck.Options.defaults().withAddSpecialTokens(true);

        DifferentialResult kept = run(ours, options, List.of("ab"));
        DifferentialResult skipped = run(ours, options.withSkipSpecialTokensInDecode(true), List.of("ab"));

        assertThat(kept.tokens()).isEqualTo(3);
        assertThat(kept.passed()).isTrue();
        assertThat(skipped.passed()).isTrue();
        assertThat(decodedWithBos).hasValue(1);
    }

    @Test
    void theTextPositionIsInUtf16UnitsAndSkipsAddedTokens() {
        ReferenceTokenizer wrongK = new FakeTokenizer(
                "ours",
                e -> {
                    int[] ids = e.ids().clone();
                    ids[ids.length - 1]++;
                    return new ReferenceTokenizer.Encoded(ids, e.offsets(), e.tokens());
                },
                s -> s);

        Mismatch m = run(wrongK, DifferentialCheck.Options.defaults().withAddSpecialTokens(true), List.of("😀😀k"))
                .firstMismatch();

        assertThat(m.tokenPosition()).isEqualTo(3);
        assertThat(m.textPosition()).isEqualTo(4);
        assertThat(m.textAround()).isEqualTo("😀😀⟦k⟧");
    }

    @Test
    void withoutOffsetsTheTextPositionIsEstimatedFromTheDecodedPrefix() {
        ReferenceTokenizer idsOnly = new FakeTokenizer("ref", e -> ReferenceTokenizer.Encoded.idsOnly(e.ids()), s -> s);
        ReferenceTokenizer oursIdsOnly = new FakeTokenizer(
                "ours",
                e -> {
                    int[] ids = e.ids().clone();
                    ids[2]++;
                    return ReferenceTokenizer.Encoded.idsOnly(ids);
                },
                s -> s);

        Mismatch m = new DifferentialCheck(DifferentialCheck.Options.defaults())
                .runTexts(oursIdsOnly, idsOnly, List.of("a\nbc"))
                .firstMismatch();

        assertThat(m.textPosition()).isEqualTo(2);
        assertThat(m.textAround()).isEqualTo("a\\n⟦⟧bc");
        assertThat(m.detail()).contains("estimated");
    }

    @Test
    void theResultSerializesToJson() throws Exception {
        DifferentialResult r = run(WRONG_W, TEXTS);

        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(r));

        assertThat(json.get("mismatches").asLong()).isEqualTo(1);
        assertThat(json.get("mismatchesByKind").get("ID").asLong()).isEqualTo(1);
        assertThat(json.get("firstMismatch").get("kind").asText()).isEqualTo("ID");
        assertThat(json.get("firstMismatch").get("tokenPosition").asInt()).isEqualTo(6);
        assertThat(json.get("firstMismatch").get("referenceIds").isArray()).isTrue();
        assertThat(json.get("options").get("compareOffsets").asBoolean()).isTrue();
        assertThat(json.has("report")).isFalse();
    }

    @Test
    void reportsMakeInvisibleCharactersVisible() {
        assertThat(Visible.of("a\tb\n\u0000\u200B\\ é😀\uD800")).isEqualTo("a\\tb\\n\\u{0}\\u{200B}\\\\ é😀\\u{D800}");
    }
}
