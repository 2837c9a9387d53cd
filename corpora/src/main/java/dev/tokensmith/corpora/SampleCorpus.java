package dev.tokensmith.corpora;

/**
 * The small corpus embedded in this module: a few MB of licence-clean text in several natural languages, some
 * source code and a few English domains, xz-compressed in the jar. Its categories, sources and licences are
 * listed in {@code corpus.json} and {@code NOTICE.md} next to it; scripts/make-sample-corpus.py rebuilds it.
 *
 * <pre>{@code
 * Corpus sample = SampleCorpus.open();
 * try (Stream<String> docs = sample.category("nl/de").documents()) { ... }
 * }</pre>
 */
public final class SampleCorpus {
    /** Where the manifest lies on the class path. */
    public static final String MANIFEST_RESOURCE = "dev/tokensmith/corpora/sample/corpus.json";

    private SampleCorpus() {}

    /** The embedded sample corpus (read from the class path each time a category's documents are read). */
    public static Corpus open() {
        return CorpusManifest.readResource(SampleCorpus.class.getClassLoader(), MANIFEST_RESOURCE);
    }
}
