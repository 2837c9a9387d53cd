package dev.tokensmith.core.diff;

import dev.tokensmith.core.testdata.AdversarialText;
import dev.tokensmith.core.testdata.ParityCorpus;
import dev.tokensmith.core.testdata.ReleasedTokenizers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the DJL oracle alone takes on the parity corpus ({@code tokensmith.parity.bytes}, default 20 MB):
 * this bounds how fast the parity suite can be. Prints wall and thread CPU time (DJL encodes on the calling
 * thread, so CPU time holds on a busy machine); asserts nothing. Run with
 * {@code -Dsurefire.excludedGroups=gpu -Dtest=DjlThroughputBench}.
 */
@Tag("bench")
class DjlThroughputBench {
    private static final long BYTES = Long.getLong("tokensmith.parity.bytes", 20_000_000L);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void djlOnTheParityCorpus() {
        long t0 = System.nanoTime();
        List<LabeledText> corpus = ParityCorpus.open().documents(BYTES);
        long bytes = ParityCorpus.totalBytes(corpus);
        System.out.printf(
                Locale.ROOT,
                "corpus: %,d documents, %,d bytes, sampled in %.1f s%n",
                corpus.size(),
                bytes,
                (System.nanoTime() - t0) / 1e9);
        for (String name : List.of("bert", "llama3")) {
            try (DjlReference djl = DjlReference.load(name, ReleasedTokenizers.path(name))) {
                for (int i = 0; i < Math.min(300, corpus.size()); i++) {
                    djl.encode(corpus.get(i).text(), true);
                }
                long[] tokens = {0};
                time(
                        name + " DJL encode (ids, tokens, spans)",
                        bytes,
                        corpus,
                        t -> tokens[0] += djl.djl().encode(t, true, false).getIds().length);
                time(name + " DjlReference.encode (+ UTF-16 offsets)", bytes, corpus, t -> djl.encode(t, true));
                time(
                        name + " encode + decode",
                        bytes,
                        corpus,
                        t -> djl.decode(djl.encode(t, true).ids(), false));
                System.out.printf(Locale.ROOT, "%s: %,d tokens%n", name, tokens[0]);
            }
        }
    }

    @Test
    void djlOnAdversarialText() {
        List<LabeledText> all = AdversarialText.all();
        long bytes = ParityCorpus.totalBytes(all);
        for (String name : ReleasedTokenizers.HF) {
            try (DjlReference djl = DjlReference.load(name, ReleasedTokenizers.path(name))) {
                time(name + " adversarial encode + decode", bytes, all, t -> {
                    try {
                        djl.decode(djl.encode(t, false).ids(), true);
                    } catch (IllegalArgumentException unpaired) {
                        // not comparable: DJL refuses unpaired surrogates
                    }
                });
            }
        }
    }

    private static void time(String what, long bytes, List<LabeledText> corpus, Consumer<String> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (LabeledText t : corpus) {
            work.accept(t.text());
        }
        double w = (System.nanoTime() - wall) / 1e9;
        double c = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: wall %.1f s (%.2f MB/s), cpu %.1f s (%.2f MB/s)%n",
                what,
                w,
                bytes / w / 1e6,
                c,
                bytes / c / 1e6);
    }
}
