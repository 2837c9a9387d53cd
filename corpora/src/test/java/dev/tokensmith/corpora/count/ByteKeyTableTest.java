package dev.tokensmith.corpora.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteKeyTableTest {
    private static Map<String, Long> contents(ByteKeyTable table) {
        Map<String, Long> out = new HashMap<>();
        long[] counts = table.counts();
        for (int e = 0; e < table.size(); e++) {
            String key = new String(
                    table.arena(), table.start(e), table.end(e) - table.start(e), StandardCharsets.ISO_8859_1);
            out.put(key, counts[e]);
        }
        return out;
    }

    @Test
    void countsLikeAHashMapThroughGrowth() {
        ByteKeyTable table = new ByteKeyTable(1);
        Map<String, Long> expected = new HashMap<>();
        Random random = new Random(11);
        byte[] buf = new byte[48];
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(random.nextBoolean() ? 4 : 40);
            for (int k = 0; k < length; k++) {
                buf[5 + k] = (byte) ('a' + random.nextInt(3));
            }
            if (length > 30) {
                buf[5] = (byte) 0xFF;
            }
            table.add(buf, 5, Math.min(length, 35), 2);
            expected.merge(new String(buf, 5, Math.min(length, 35), StandardCharsets.ISO_8859_1), 2L, Long::sum);
        }

        assertThat(table.size()).isEqualTo(expected.size());
        assertThat(contents(table)).isEqualTo(expected);
    }

    @Test
    void clearEmptiesAndShrinksPastTheKeptSize() {
        ByteKeyTable table = new ByteKeyTable(1 << 20);
        long initial = table.memoryBytes();
        for (int i = 0; i < 100_000; i++) {
            byte[] key = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            table.add(key, 0, key.length, 1);
        }
        assertThat(table.memoryBytes()).isGreaterThan(initial);

        table.clear(0);

        assertThat(table.isEmpty()).isTrue();
        assertThat(table.memoryBytes()).isEqualTo(initial);
        table.add(new byte[] {1}, 0, 1, 5);
        assertThat(table.counts()).containsExactly(5);
    }

    @Test
    void sortedSnapshotOrdersByUnsignedBytesAndRewritesByteLevelKeys() {
        ByteKeyTable table = new ByteKeyTable(1 << 16);
        for (String s : new String[] {" the", "the", "é", " the", "a"}) {
            byte[] key = s.getBytes(StandardCharsets.UTF_8);
            table.add(key, 0, key.length, 1);
        }
        SortedTable sorted = new SortedTable(table, true);
        StringBuilder out = new StringBuilder();
        while (sorted.next()) {
            out.append(new String(sorted.key(), sorted.keyFrom(), sorted.keyLength(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(sorted.count())
                    .append(' ');
        }
        // byte-level: ' ' is Ġ (C4 A0) and é's bytes C3 A9 are Ã©, so "a" < "the" < "Ã©" < "Ġthe"
        assertThat(out.toString()).isEqualTo("a=1 the=1 Ã©=1 Ġthe=2 ");
    }
}
