package dev.tokensmith.core.train;

import dev.tokensmith.core.model.Bpe;
import dev.tokensmith.core.text.IntList;
import dev.tokensmith.core.text.LongIntMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One training run, in HF's steps: special tokens, the alphabet, words as characters, pair counts, then
 * merges taken from the queue until the vocabulary is full, the queue runs dry or the best pair is rarer
 * than the minimum frequency.
 */
final class BpeMergeLoop {
    private final BpeTrainer config;
    private final PreTokenCounts counts;
    private final TrainingProgress progress;

    private final List<String> idToToken = new ArrayList<>();
    private final Map<String, Integer> tokenToId = new HashMap<>();
    private int[] charLength = new int[1024];

    private final TrainingWords words = new TrainingWords();
    private final LongIntMap pairSlots = new LongIntMap(1 << 16);
    private long[] pairCounts = new long[1 << 16];
    private int pairCount;

    /** Below this many words a merge step runs on the calling thread alone. */
    private static final int PARALLEL_MIN_WORDS = 2048;

    private ExecutorService workers;
    private PairChanges[] threadChanges;

    BpeMergeLoop(BpeTrainer config, PreTokenCounts counts, TrainingProgress progress) {
        this.config = config;
        this.counts = counts;
        this.progress = progress;
    }

    BpeTrainingResult run() {
        int threads = config.threads();
        if (threads <= 1) {
            return train();
        }
        workers = Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "bpe-merge");
            t.setDaemon(true);
            return t;
        });
        threadChanges = new PairChanges[threads];
        for (int i = 0; i < threads; i++) {
            threadChanges[i] = new PairChanges();
        }
        try {
            return train();
        } finally {
            workers.shutdownNow();
        }
    }

    private BpeTrainingResult train() {
        for (String special : config.specialTokens()) {
            addToken(special, special.codePointCount(0, special.length()));
        }
        int before = idToToken.size();
        addAlphabet();
        progress.stage("Tokenize words", counts.size());
        tokenizeWords();
        int alphabetSize = idToToken.size() - before;
        progress.stage("Count pairs", words.size());
        PairQueue queue = countPairs();
        progress.stage("Compute merges", Math.max(0, config.vocabSize() - idToToken.size()));
        List<long[]> merges = mergeUntilDone(queue);
        return result(merges, alphabetSize);
    }

    private int addToken(String token, int chars) {
        Integer id = tokenToId.get(token);
        if (id != null) {
            return id;
        }
        int newId = idToToken.size();
        idToToken.add(token);
        tokenToId.put(token, newId);
        if (newId == charLength.length) {
            charLength = Arrays.copyOf(charLength, newId * 2);
        }
        charLength[newId] = chars;
        return newId;
    }

    /** HF's compute_alphabet: count characters, force the initial alphabet, drop the rarest past the limit. */
    private void addAlphabet() {
        Map<Integer, Long> frequency = new HashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            long c = counts.count(i);
            String word = counts.token(i);
            for (int j = 0; j < word.length(); ) {
                int cp = word.codePointAt(j);
                frequency.merge(cp, c, BpeMergeLoop::saturatingAdd);
                j += Character.charCount(cp);
            }
        }
        for (int cp : config.initialAlphabet()) {
            frequency.put(cp, Long.MAX_VALUE);
        }
        List<Map.Entry<Integer, Long>> kept = new ArrayList<>(frequency.entrySet());
        Integer limit = config.limitAlphabet();
        int toRemove = limit == null ? 0 : Math.max(0, kept.size() - limit);
        if (toRemove > 0) {
            kept.sort(Map.Entry.<Integer, Long>comparingByValue()
                    .thenComparing(Map.Entry.<Integer, Long>comparingByKey().reversed()));
            kept = new ArrayList<>(kept.subList(toRemove, kept.size()));
        }
        kept.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Integer, Long> e : kept) {
            addToken(Character.toString(e.getKey()), 1);
        }
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /** Each pre-token becomes the ids of its characters; characters outside the alphabet are skipped. */
    private void tokenizeWords() {
        String prefix = config.continuingSubwordPrefix();
        String suffix = config.endOfWordSuffix();
        int[] symbols = new int[64];
        for (int i = 0; i < counts.size(); i++) {
            String word = counts.token(i);
            int length = 0;
            for (int j = 0; j < word.length(); ) {
                int cp = word.codePointAt(j);
                int next = j + Character.charCount(cp);
                String s = word.substring(j, next);
                if (tokenToId.containsKey(s)) {
                    if (j > 0 && prefix != null) {
                        s = prefix + s;
                    }
                    if (next == word.length() && suffix != null) {
                        s = s + suffix;
                    }
                    if (length == symbols.length) {
                        symbols = Arrays.copyOf(symbols, length * 2);
                    }
                    symbols[length++] = addToken(s, 1);
                }
                j = next;
            }
            words.add(symbols, length, counts.count(i));
            if ((i & 0xFFFF) == 0xFFFF) {
                progress.advance(0x10000);
            }
        }
        progress.advance(counts.size() & 0xFFFF);
    }

    private int pairSlot(long key) {
        int slot = pairSlots.get(key, -1);
        if (slot < 0) {
            slot = pairCount++;
            if (slot == pairCounts.length) {
                pairCounts = Arrays.copyOf(pairCounts, slot * 2);
            }
            pairSlots.put(key, slot, -1);
        }
        return slot;
    }

    /** HF's count_pairs: every adjacent pair with the words it occurs in, one queue entry per pair. */
    private PairQueue countPairs() {
        List<IntList> where = new ArrayList<>();
        long[] keys = new long[1024];
        for (int w = 0; w < words.size(); w++) {
            long c = words.count(w);
            int n = words.length(w);
            for (int i = 0; i + 1 < n; i++) {
                long key = PairChanges.key(words.symbol(w, i), words.symbol(w, i + 1));
                int slot = pairSlot(key);
                pairCounts[slot] += c;
                if (slot == where.size()) {
                    where.add(new IntList(4));
                    if (slot == keys.length) {
                        keys = Arrays.copyOf(keys, slot * 2);
                    }
                    keys[slot] = key;
                }
                IntList list = where.get(slot);
                if (list.isEmpty() || list.get(list.size() - 1) != w) {
                    list.add(w);
                }
            }
        }
        PairQueue queue = new PairQueue();
        for (int slot = 0; slot < where.size(); slot++) {
            if (pairCounts[slot] > 0) {
                queue.push(pairCounts[slot], keys[slot], where.get(slot));
            }
        }
        progress.advance(words.size());
        return queue;
    }

    /** The merges as {pair key, new id}, in the order HF's loop makes them (repeats included). */
    private List<long[]> mergeUntilDone(PairQueue queue) {
        int maxLength = config.maxTokenLength() == null ? Integer.MAX_VALUE : config.maxTokenLength() + 1;
        String prefix = config.continuingSubwordPrefix();
        List<long[]> merges = new ArrayList<>();
        PairChanges changes = new PairChanges();
        while (idToToken.size() < config.vocabSize() && !queue.isEmpty()) {
            long pair = queue.topPair();
            long stored = queue.topCount();
            IntList where = queue.topWords();
            queue.pop();
            long current = pairCounts[pairSlots.get(pair, -1)];
            if (stored != current) {
                queue.push(current, pair, where);
                continue;
            }
            if (current < 1 || config.minFrequency() > current) {
                break;
            }
            int left = PairChanges.left(pair);
            int right = PairChanges.right(pair);
            String partB = idToToken.get(right);
            if (prefix != null && partB.startsWith(prefix)) {
                partB = partB.substring(prefix.length());
            }
            int merged = addToken(idToToken.get(left) + partB, charLength[left] + charLength[right]);
            merges.add(new long[] {pair, merged});
            mergeWords(where, left, right, merged, maxLength, changes);
            for (int i = 0; i < changes.size(); i++) {
                int slot = pairSlot(changes.pair(i)); // may grow pairCounts: look the array up after
                pairCounts[slot] += changes.delta(i);
            }
            for (int i = 0; i < changes.size(); i++) {
                IntList formed = changes.formedIn(i);
                if (formed != null) {
                    long count = pairCounts[pairSlots.get(changes.pair(i), -1)];
                    if (count > 0) {
                        queue.push(count, changes.pair(i), formed);
                    }
                }
            }
            changes.clear();
            progress.advance(1);
        }
        return merges;
    }

    /** Merges the pair in every listed word, in parallel when there are many (the words are distinct). */
    private void mergeWords(IntList where, int left, int right, int merged, int maxLength, PairChanges changes) {
        int[] lengths = charLength;
        int n = where.size();
        if (workers == null || n < PARALLEL_MIN_WORDS) {
            for (int i = 0; i < n; i++) {
                words.merge(where.get(i), left, right, merged, lengths, maxLength, changes);
            }
            return;
        }
        int chunks = threadChanges.length;
        List<Future<?>> pending = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            PairChanges local = threadChanges[c];
            pending.add(workers.submit(() -> {
                for (int i = from; i < to; i++) {
                    words.merge(where.get(i), left, right, merged, lengths, maxLength, local);
                }
            }));
        }
        int firstEnd = n / chunks;
        for (int i = 0; i < firstEnd; i++) {
            words.merge(where.get(i), left, right, merged, lengths, maxLength, changes);
        }
        for (int c = 1; c < chunks; c++) {
            try {
                pending.get(c - 1).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("merging failed: " + e.getCause(), e.getCause());
            }
            changes.absorb(threadChanges[c]);
            threadChanges[c].clear();
        }
    }

    private BpeTrainingResult result(List<long[]> merges, int alphabetSize) {
        // HF keeps merges in a map from pair to rank: a pair merged again keeps only its last rank.
        Map<Long, Integer> lastRank = new LinkedHashMap<>();
        for (int i = 0; i < merges.size(); i++) {
            lastRank.put(merges.get(i)[0], i);
        }
        List<Bpe.Merge> rules = new ArrayList<>(lastRank.size());
        for (int i = 0; i < merges.size(); i++) {
            long pair = merges.get(i)[0];
            if (lastRank.get(pair) == i) {
                rules.add(new Bpe.Merge(idToToken.get(PairChanges.left(pair)), idToToken.get(PairChanges.right(pair))));
            }
        }
        return new BpeTrainingResult(
                idToToken,
                rules,
                config.specialTokens(),
                alphabetSize,
                merges.size() - rules.size(),
                config.continuingSubwordPrefix(),
                config.endOfWordSuffix());
    }
}
