package dev.tokensmith.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text as {@code --lines} sees them: split on {@code '\n'} only, so a {@code '\r'} stays part of
 * its line (the tokenizer sees exactly the bytes of the file); the empty rest after a final {@code '\n'} is not
 * a line, so a file of n terminated lines has n lines.
 */
public final class Lines {
    private Lines() {}

    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int nl;
        while ((nl = text.indexOf('\n', start)) >= 0) {
            lines.add(text.substring(start, nl));
            start = nl + 1;
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
