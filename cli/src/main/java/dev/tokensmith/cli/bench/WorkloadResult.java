package dev.tokensmith.cli.bench;

import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.BenchEncoder.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every encoder's speed on one workload, and where encoders disagreed with the reference.
 *
 * @param workload what was encoded
 * @param tokens the reference encoder's total token count
 * @param results one per encoder, in the order they were given
 * @param disagreements encoders whose token counts differ from the reference's; empty when all agree
 */
public record WorkloadResult(
        Workload workload, long tokens, List<EncoderResult> results, List<Disagreement> disagreements) {
    public WorkloadResult {
        results = List.copyOf(results);
        disagreements = List.copyOf(disagreements);
    }

    /**
     * How many times faster {@code result} is than {@code other}'s counterpart, by medians: its encoder for the
     * same operation, else its full encoder. Empty when {@code other} has no encoder here.
     */
    public OptionalDouble ratio(EncoderResult result, Library other) {
        return counterpart(other, result.operation())
                .or(() -> counterpart(other, Operation.ENCODE))
                .map(c -> OptionalDouble.of(
                        result.summary().median() / c.summary().median()))
                .orElse(OptionalDouble.empty());
    }

    private Optional<EncoderResult> counterpart(Library library, Operation operation) {
        return results.stream()
                .filter(r -> r.library() == library && r.operation() == operation)
                .findFirst();
    }

    /**
     * With several threads, for each encoder measured also on one thread ({@link OneThread}): how many times
     * faster it ran on all threads than on one, in the same rounds, by medians; in encoder order.
     */
    public Map<String, Double> scaling() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (EncoderResult r : results) {
            find(r.encoder() + OneThread.SUFFIX)
                    .ifPresent(one -> out.put(
                            r.encoder(), r.summary().median() / one.summary().median()));
        }
        return out;
    }

    private Optional<EncoderResult> find(String encoder) {
        return results.stream().filter(r -> r.encoder().equals(encoder)).findFirst();
    }

    /** Whether {@code encoder} counted differently from the reference on some text. */
    public boolean disagrees(String encoder) {
        return disagreements.stream().anyMatch(d -> d.encoder().equals(encoder));
    }
}
