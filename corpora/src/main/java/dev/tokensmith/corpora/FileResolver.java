package dev.tokensmith.corpora;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Turns a path or glob into files: a file is itself; a directory is every non-hidden file under it; a glob
 * ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}}; {@code **} crosses directories) is matched against the
 * paths under its longest directory prefix that has no glob characters. Files come sorted by their path
 * relative to that directory, compared as strings with '/' separators, so the order does not depend on the file
 * system. Hidden files and directories (names starting with '.') are left out of directory walks and globs.
 */
final class FileResolver {
    private FileResolver() {}

    static boolean isGlob(String pathOrGlob) {
        return pathOrGlob.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    static List<Path> resolve(String pathOrGlob) {
        if (isGlob(pathOrGlob)) {
            return glob(pathOrGlob);
        }
        return resolve(Path.of(pathOrGlob));
    }

    static List<Path> resolve(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.isDirectory(path)) {
            List<Path> files = walk(path, p -> true);
            if (files.isEmpty()) {
                throw new CorpusException(path + ": the directory holds no files");
            }
            return files;
        }
        throw new CorpusException(path + ": no such file or directory");
    }

    private static List<Path> glob(String glob) {
        String normalized = glob.replace('\\', '/');
        String[] segments = normalized.split("/", -1);
        int literal = 0;
        while (literal < segments.length - 1 && !isGlob(segments[literal])) {
            literal++;
        }
        String base = String.join("/", Arrays.copyOfRange(segments, 0, literal));
        String pattern = String.join("/", Arrays.copyOfRange(segments, literal, segments.length));
        Path root = base.isEmpty() ? Path.of(normalized.startsWith("/") ? "/" : ".") : Path.of(base);
        if (!Files.isDirectory(root)) {
            throw new CorpusException(glob + ": no such directory " + root);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> files = walk(root, relative -> matcher.matches(relative));
        if (files.isEmpty()) {
            throw new CorpusException(glob + ": matches no files");
        }
        return files;
    }

    /** Non-hidden regular files under {@code root} whose relative path the filter accepts, in a fixed order. */
    static List<Path> walk(Path root, Predicate<Path> relativeFilter) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(p -> {
                Path relative = root.relativize(p);
                for (Path part : relative) {
                    if (part.toString().startsWith(".")) {
                        return;
                    }
                }
                if (relativeFilter.test(relative)) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new CorpusException(root + ": cannot list: " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> slashed(root.relativize(p))));
        return files;
    }

    static String slashed(Path relative) {
        StringBuilder s = new StringBuilder();
        for (Path part : relative) {
            if (!s.isEmpty()) {
                s.append('/');
            }
            s.append(part);
        }
        return s.toString();
    }
}
