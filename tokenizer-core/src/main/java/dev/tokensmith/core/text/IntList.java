package dev.tokensmith.core.text;

import java.util.Arrays;

/** A growable {@code int[]}: the pipeline's hot paths avoid boxing. */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    public void addAll(int[] src, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        if (size + n > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + n));
        }
        System.arraycopy(src, from, values, size, n);
        size += n;
    }

    public int get(int i) {
        return values[i];
    }

    public void set(int i, int v) {
        values[i] = v;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
