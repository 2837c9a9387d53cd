package dev.tokensmith.core.testdata;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** The regular files of a (ustar, GNU or pax) tar stream, by name: just enough tar for the UDHR archive. */
final class TarEntries {
    private TarEntries() {}

    static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        byte[] header = new byte[512];
        String longName = null;
        while (readBlock(in, header)) {
            if (isZero(header)) {
                break;
            }
            String name = text(header, 0, 100);
            if (text(header, 257, 5).equals("ustar")) {
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            long size = octal(header, 124, 12);
            byte type = header[156];
            byte[] data = in.readNBytes(Math.toIntExact(size));
            if (data.length != size) {
                throw new EOFException("tar entry " + name + " is cut short");
            }
            in.skipNBytes((512 - size % 512) % 512);
            switch (type) {
                case 'L' -> longName = text(data, 0, data.length);
                case 'x' -> longName = paxPath(data, longName);
                case '0', 0 -> {
                    files.put(longName != null ? longName : name, data);
                    longName = null;
                }
                default -> longName = null;
            }
        }
        return files;
    }

    private static boolean readBlock(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        if (n == 0) {
            return false;
        }
        if (n != b.length) {
            throw new EOFException("tar header cut short");
        }
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] b, int from, int len) {
        int end = from;
        while (end < from + len && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int from, int len) {
        long v = 0;
        for (int i = from; i < from + len; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '7') {
                v = v * 8 + (c - '0');
            } else if (c != ' ' && c != 0) {
                throw new IllegalStateException("unsupported tar size field");
            }
        }
        return v;
    }

    /** The {@code path} record of a pax header ("LEN path=VALUE\n" records), else {@code previous}. */
    private static String paxPath(byte[] data, String previous) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int sp = record.indexOf(' ');
            if (sp > 0 && record.startsWith("path=", sp + 1)) {
                return record.substring(sp + 1 + "path=".length());
            }
        }
        return previous;
    }
}
