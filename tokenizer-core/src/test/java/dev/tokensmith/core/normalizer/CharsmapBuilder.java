package dev.tokensmith.core.normalizer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds small {@code precompiled_charsmap} blobs for tests: a darts-clone double array over the UTF-8 keys
 * (leaf values are offsets into the NUL-terminated replacement strings that follow the trie).
 */
final class CharsmapBuilder {
    private final Map<String, String> rules = new LinkedHashMap<>();

    /** Adds a rule: text {@code from} normalizes to {@code to}. */
    CharsmapBuilder rule(String from, String to) {
        rules.put(from, to);
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        Node root = new Node();
        for (Map.Entry<String, String> r : rules.entrySet()) {
            int offset = strings.size();
            strings.writeBytes(r.getValue().getBytes(StandardCharsets.UTF_8));
            strings.write(0);
            Node n = root;
            for (byte b : r.getKey().getBytes(StandardCharsets.UTF_8)) {
                n = n.children.computeIfAbsent(b & 0xFF, k -> new Node());
            }
            n.value = offset;
        }
        int[] units = new int[64];
        boolean[] used = new boolean[64];
        used[0] = true;
        Arrays.fill(units, 0);
        int[][] state = {units};
        boolean[][] usedState = {used};
        place(root, 0, state, usedState, new java.util.HashSet<>());
        units = state[0];
        int size = lastUsed(usedState[0]) + 1;
        ByteBuffer out = ByteBuffer.allocate(4 + size * 4 + strings.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(size * 4);
        for (int i = 0; i < size; i++) {
            out.putInt(units[i]);
        }
        out.put(strings.toByteArray());
        return out.array();
    }

    /** Places the children of the node at {@code pos} and writes that node's offset (its label is set by the parent). */
    private static void place(Node node, int pos, int[][] units, boolean[][] used, java.util.Set<Integer> bases) {
        boolean leaf = node.value >= 0;
        // Every node needs a base of its own, or a child of one could be read as a child of another.
        int base = 1;
        while (bases.contains(base) || !fits(node, base, leaf, used[0])) {
            base++;
        }
        bases.add(base);
        int offset = pos ^ base;
        if (offset >= (1 << 21)) {
            throw new IllegalStateException("test trie too large");
        }
        units[0][pos] |= offset << 10 | (leaf ? 1 << 8 : 0);
        if (leaf) {
            claim(base, units, used);
            units[0][base] = 0x80000000 | node.value;
        }
        for (Map.Entry<Integer, Node> child : node.children.entrySet()) {
            int at = base ^ child.getKey();
            claim(at, units, used);
            units[0][at] = child.getKey();
        }
        for (Map.Entry<Integer, Node> child : node.children.entrySet()) {
            place(child.getValue(), base ^ child.getKey(), units, used, bases);
        }
    }

    private static boolean fits(Node node, int base, boolean leaf, boolean[] used) {
        if (leaf && isUsed(used, base)) {
            return false;
        }
        for (int label : node.children.keySet()) {
            if (isUsed(used, base ^ label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUsed(boolean[] used, int i) {
        return i < used.length && used[i];
    }

    private static void claim(int i, int[][] units, boolean[][] used) {
        if (i >= used[0].length) {
            int n = Math.max(i + 1, used[0].length * 2);
            units[0] = Arrays.copyOf(units[0], n);
            used[0] = Arrays.copyOf(used[0], n);
        }
        used[0][i] = true;
    }

    private static int lastUsed(boolean[] used) {
        for (int i = used.length - 1; i >= 0; i--) {
            if (used[i]) {
                return i;
            }
        }
        return 0;
    }

    private static final class Node {
        final TreeMap<Integer, Node> children = new TreeMap<>();
        int value = -1;
    }
}
