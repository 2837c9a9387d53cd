package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.BenchEncoder.Operation;
import dev.tokensmith.cli.bench.Disagreement;
import dev.tokensmith.cli.bench.EncoderResult;
import dev.tokensmith.cli.bench.Workload;
import dev.tokensmith.cli.bench.WorkloadResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final Workload PROSE = Workload.of("prose", "test text", List.of("a b", "c"));

    private static WorkloadResult result(List<Disagreement> disagreements) {
        return new WorkloadResult(
                PROSE,
                3,
                List.of(
                        new EncoderResult("ts", Library.TOKENSMITH, Operation.ENCODE, new double[] {30, 10, 20}),
                        new EncoderResult("jt", Library.JTOKKIT, Operation.ENCODE, new double[] {5, 5, 5}),
                        new EncoderResult("hf", Library.HF, Operation.ENCODE, new double[] {2, 2, 2})),
                disagreements);
    }

    @Test
    void aRowShowsTheMedianTheRangeAndTokensmithsRatios() {
        String text = new BenchReport("cl100k_base", 1, 3, 3, List.of(result(List.of())), List.of()).text();
        assertThat(text)
                .contains("prose     ts       20.00  10.00-30.00       4.00x  10.00x\n")
                .contains("prose     jt        5.00    5.00-5.00\n")
                .contains(BenchReport.SPECIAL_TOKENS_NOTE)
                .doesNotContain("WARNING");
    }

    @Test
    void anEncoderThatDisagreesGetsAWarningRowAndNote() {
        String text = new BenchReport(
                        "cl100k_base", 1, 3, 3, List.of(result(List.of(new Disagreement("jt", 1, 1, 1, 2)))), List.of())
                .text();
        assertThat(text)
                .contains("\nprose     ! jt: counts differ      -")
                .contains("WARNING prose: jt counts 1 of 2 texts differently from ts (first: text #1, 2 tokens, ts 1):"
                        + " its speed is not comparable");
    }

    @Test
    void speedsAbove100ShowOneDecimal() {
        assertThat(BenchReport.speed(123.456)).isEqualTo("123.5");
        assertThat(BenchReport.speed(12.345)).isEqualTo("12.35");
    }
}
