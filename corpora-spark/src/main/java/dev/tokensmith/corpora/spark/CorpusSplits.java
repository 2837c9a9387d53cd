package dev.tokensmith.corpora.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Expands corpus paths (files, directories, globs; any file system Hadoop reaches: local, HDFS, S3, ...) into
 * splits on the driver. Plain files are cut into byte ranges so one large file still spreads over the cluster;
 * compressed files are read whole by one task.
 */
final class CorpusSplits {
    private CorpusSplits() {}

    static List<CorpusSplit> of(List<String> corpus, long splitBytes, Configuration conf) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("no corpus paths given");
        }
        if (splitBytes <= 0) {
            throw new IllegalArgumentException("split size must be positive, got " + splitBytes);
        }
        List<FileStatus> files = new ArrayList<>();
        for (String pattern : corpus) {
            files.addAll(expand(pattern, conf));
        }
        files.sort(Comparator.comparing(f -> f.getPath().toString()));
        List<CorpusSplit> splits = new ArrayList<>();
        String previous = null;
        for (FileStatus f : files) {
            String path = f.getPath().toString();
            if (path.equals(previous)) {
                continue; // named twice (a file and a glob that matches it): count it once
            }
            previous = path;
            CorpusSplit.Compression c = CorpusSplit.Compression.of(f.getPath().getName());
            if (c != CorpusSplit.Compression.NONE || f.getLen() <= splitBytes) {
                splits.add(new CorpusSplit(path, 0, Long.MAX_VALUE, c));
                continue;
            }
            for (long start = 0; start < f.getLen(); start += splitBytes) {
                long end = start + splitBytes >= f.getLen() ? Long.MAX_VALUE : start + splitBytes;
                splits.add(new CorpusSplit(path, start, end, c));
            }
        }
        return splits;
    }

    private static List<FileStatus> expand(String pattern, Configuration conf) {
        try {
            Path p = new Path(pattern);
            FileSystem fs = p.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(p);
            if (matches == null || matches.length == 0) {
                throw new IllegalArgumentException(
                        pattern + ": no such file or directory (or the glob matches nothing)");
            }
            List<FileStatus> out = new ArrayList<>();
            for (FileStatus m : matches) {
                addFiles(fs, m, out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(pattern + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static void addFiles(FileSystem fs, FileStatus status, List<FileStatus> out) throws IOException {
        if (status.isFile()) {
            out.add(status);
            return;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            String name = child.getPath().getName();
            // Hidden files and Hadoop's markers (_SUCCESS, .crc checksums) are not corpus text.
            if (!name.startsWith(".") && !name.startsWith("_")) {
                addFiles(fs, child, out);
            }
        }
    }
}
