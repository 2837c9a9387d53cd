package dev.tokensmith.math;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small NumPy {@code .npy} array (version 1 or 2, C order, little-endian {@code f4}, {@code f8}, {@code i4}
 * or {@code i8}) with its values widened to double: how fixtures and side-by-side harnesses exchange data
 * with numpy. Not for big tables (the values are held as doubles).
 *
 * <pre>{@code
 * FloatMatrix d = NpyArray.load(Path.of("dictionary.npy")).toMatrix();
 * }</pre>
 */
public record NpyArray(String name, int[] shape, double[] values) {
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?)([fi])([48])'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** Reads a file; a malformed one fails naming it. */
    public static NpyArray load(Path file) {
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a class-path resource (an absolute resource name). */
    public static NpyArray load(String resource) {
        try (InputStream in = NpyArray.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + ": not on the class path");
            }
            return parse(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }

    public static NpyArray parse(String name, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N' || bytes[2] != 'U') {
            throw new IllegalArgumentException(name + ": not a .npy file");
        }
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) {
            throw new IllegalArgumentException(name + ": Fortran order is not supported");
        }
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find() || d.group(1).equals(">")) {
            throw new IllegalArgumentException(name + ": unsupported header " + header.trim());
        }
        int[] shape = Arrays.stream(s.group(1).split(","))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
        int count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (bytes.length < headerStart + headerLength + (long) count * Integer.parseInt(d.group(3))) {
            throw new IllegalArgumentException(
                    name + ": truncated (" + bytes.length + " bytes for shape " + Arrays.toString(shape) + ")");
        }
        double[] values = new double[count];
        int at = headerStart + headerLength;
        boolean floating = d.group(2).equals("f");
        int width = Integer.parseInt(d.group(3));
        for (int i = 0; i < count; i++, at += width) {
            values[i] = floating
                    ? (width == 4 ? buf.getFloat(at) : buf.getDouble(at))
                    : (width == 4 ? buf.getInt(at) : buf.getLong(at));
        }
        return new NpyArray(name, shape, values);
    }

    public FloatMatrix toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException(name + ": expected 2 dimensions, got " + Arrays.toString(shape));
        }
        float[] data = new float[values.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) values[i];
        }
        return FloatMatrix.of(shape[0], shape[1], data);
    }

    public int[] toInts() {
        return Arrays.stream(values).mapToInt(v -> (int) v).toArray();
    }
}
