package dev.tokensmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.cli.bench.BenchEncoder.Library;
import dev.tokensmith.cli.bench.Disagreement;
import dev.tokensmith.cli.bench.EncoderResult;
import dev.tokensmith.cli.bench.Encoders;
import dev.tokensmith.cli.bench.Summary;
import dev.tokensmith.cli.bench.Threads;
import dev.tokensmith.cli.bench.Workload;
import dev.tokensmith.cli.bench.WorkloadResult;
import dev.tokensmith.core.format.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** What {@code bench encode} prints: the workloads, a row per workload and encoder, and notes. */
record BenchReport(
        String tokenizer, int threads, int warmup, int rounds, List<WorkloadResult> results, List<String> notes) {
    static final String UNIT = "MB/s = 10^6 bytes of UTF-8 input per second";
    static final String SPECIAL_TOKENS_NOTE = "special tokens: Tokensmith and HF match them in the text, as HF does;"
            + " JTokkit's encodeOrdinary reads them as plain text (this matters only for texts that contain them)";

    BenchReport {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("bench encode: ")
                .append(tokenizer)
                .append(", ")
                .append(threads == 1 ? "1 thread" : threads + " threads (batch throughput)")
                .append(", median of ")
                .append(rounds)
                .append(rounds == 1 ? " round" : " rounds")
                .append(" after ")
                .append(warmup)
                .append(" warm-up; ")
                .append(UNIT)
                .append('\n')
                .append("machine: ")
                .append(machine())
                .append("\n\n");

        TextTable workloads = new TextTable("workload", "source", "texts", "MB", "tokens").leftAligned(2);
        for (WorkloadResult r : results) {
            Workload w = r.workload();
            workloads.row(
                    w.name(),
                    w.source(),
                    Integer.toString(w.texts().size()),
                    String.format(Locale.ROOT, "%.3f", w.bytes() / 1e6),
                    Long.toString(r.tokens()));
        }
        sb.append(workloads).append('\n');

        TextTable table = new TextTable("workload", "encoder", "MB/s", "min-max", "vs jtokkit", "vs hf").leftAligned(2);
        for (WorkloadResult r : results) {
            for (EncoderResult e : r.results()) {
                Summary s = e.summary();
                boolean ours = e.library() == Library.TOKENSMITH && !Encoders.isOneThreadReference(e);
                table.row(
                        r.workload().name(),
                        e.encoder(),
                        speed(s.median()),
                        speed(s.min()) + "-" + speed(s.max()),
                        ours ? ratio(r.ratio(e, Library.JTOKKIT)) : "",
                        ours ? ratio(r.ratio(e, Library.HF)) : "");
                if (r.disagrees(e.encoder())) {
                    table.row(r.workload().name(), "! " + e.encoder() + ": counts differ", "-", "", "", "");
                }
            }
        }
        sb.append(table);

        List<String> all = allNotes();
        if (!all.isEmpty()) {
            sb.append("\nnotes:\n");
            for (String n : all) {
                sb.append("  ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    /** The given notes, then the agreement warnings and the workloads too small for all threads. */
    private List<String> allNotes() {
        List<String> all = new ArrayList<>(notes);
        boolean jtokkit =
                results.stream().flatMap(r -> r.results().stream()).anyMatch(e -> e.library() == Library.JTOKKIT);
        if (jtokkit) {
            all.add(SPECIAL_TOKENS_NOTE);
        }
        for (WorkloadResult r : results) {
            String reference = r.results().getFirst().encoder();
            for (Disagreement d : r.disagreements()) {
                all.add(String.format(
                        Locale.ROOT,
                        "WARNING %s: %s counts %d of %d texts differently from %s (first: text #%d, %d tokens,"
                                + " %s %d): its speed is not comparable",
                        r.workload().name(),
                        d.encoder(),
                        d.texts(),
                        r.workload().texts().size(),
                        reference,
                        d.firstText(),
                        d.actual(),
                        reference,
                        d.expected()));
            }
            r.scaling()
                    .forEach((encoder, scaling) -> all.add(String.format(
                            Locale.ROOT,
                            "%s: %s on %d threads runs %.2fx as fast as on 1 thread (both in this run)",
                            r.workload().name(),
                            encoder,
                            threads,
                            scaling)));
            int busy = Threads.busy(threads, r.workload().texts().size());
            if (busy < threads) {
                all.add(String.format(
                        Locale.ROOT,
                        "%s: %d text(s) keep at most %d of %d threads busy",
                        r.workload().name(),
                        r.workload().texts().size(),
                        busy,
                        threads));
            }
        }
        return all;
    }

    String json() {
        ObjectNode root = Json.object();
        root.put("tokenizer", tokenizer);
        root.put("threads", threads);
        root.put("warmupRounds", warmup);
        root.put("rounds", rounds);
        root.put("unit", UNIT);
        root.put("machine", machine());
        ArrayNode workloads = root.putArray("workloads");
        for (WorkloadResult r : results) {
            Workload w = r.workload();
            ObjectNode wn = workloads.addObject();
            wn.put("name", w.name());
            wn.put("source", w.source());
            wn.put("texts", w.texts().size());
            wn.put("bytes", w.bytes());
            wn.put("tokens", r.tokens());
            ArrayNode encoders = wn.putArray("encoders");
            for (EncoderResult e : r.results()) {
                Summary s = e.summary();
                ObjectNode en = encoders.addObject();
                en.put("encoder", e.encoder());
                en.put("library", e.library().name().toLowerCase(Locale.ROOT));
                en.put("operation", e.operation().name().toLowerCase(Locale.ROOT));
                en.put("median", s.median());
                en.put("min", s.min());
                en.put("max", s.max());
                ArrayNode samples = en.putArray("samples");
                for (double v : e.mbPerSecond()) {
                    samples.add(v);
                }
                if (e.library() == Library.TOKENSMITH && !Encoders.isOneThreadReference(e)) {
                    putRatio(en, "vsJtokkit", r.ratio(e, Library.JTOKKIT));
                    putRatio(en, "vsHf", r.ratio(e, Library.HF));
                }
                en.put("agrees", !r.disagrees(e.encoder()));
            }
            wn.set("threadScaling", Json.MAPPER.valueToTree(r.scaling()));
            wn.set("disagreements", Json.MAPPER.valueToTree(r.disagreements()));
        }
        ArrayNode notesNode = root.putArray("notes");
        allNotes().forEach(notesNode::add);
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putRatio(ObjectNode node, String field, OptionalDouble ratio) {
        if (ratio.isPresent()) {
            node.put(field, ratio.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }

    static String speed(double mbPerSecond) {
        return String.format(Locale.ROOT, mbPerSecond >= 100 ? "%.1f" : "%.2f", mbPerSecond);
    }

    static String ratio(OptionalDouble r) {
        return r.isPresent() ? String.format(Locale.ROOT, "%.2fx", r.getAsDouble()) : "-";
    }
}
