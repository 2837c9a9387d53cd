package dev.tokensmith.core.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tokensmith.core.TokenizerFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the JSON form of a tiktoken encoding that js-tiktoken and the tiktoken npm package use, and in which
 * Anthropic released its Claude tokenizer ({@code claude.json}): {@code pat_str}, {@code special_tokens} (text to
 * id), {@code bpe_ranks} (rank text, usually in the compressed form, see {@link TiktokenRanksReader}) and an
 * optional {@code explicit_n_vocab}.
 *
 * <p>Anthropic's own counter applies NFKC to the text before encoding; that step is not part of the file and so
 * not part of the encoding read here.
 */
public final class TiktokenJson {
    private TiktokenJson() {}

    /**
     * Reads an encoding named after the file (its name without the extension).
     *
     * @throws TokenizerFormatException naming the file, the JSON path and, inside {@code bpe_ranks}, the line
     */
    public static TiktokenEncoding read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String name = dot > 0 ? fileName.substring(0, dot) : fileName;
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Json.MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new TokenizerFormatException(file.toString(), null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            return read(root, name, file.toString());
        } catch (TokenizerFormatException e) {
            throw e.inFile(file.toString());
        }
    }

    /**
     * Reads an encoding from a parsed JSON object.
     *
     * @param source the file name errors carry (may be null)
     */
    public static TiktokenEncoding read(JsonNode root, String name, String source) {
        JsonField f = JsonField.root(root);
        if (root == null || !root.isObject()) {
            throw f.error("expected a tiktoken encoding object");
        }
        String pattern = f.string("pat_str");
        Map<String, Integer> specials = new LinkedHashMap<>();
        JsonField specialField = f.get("special_tokens");
        if (!specialField.isNull()) {
            for (Map.Entry<String, JsonField> e : specialField.entries()) {
                int id = e.getValue().asInt();
                if (id < 0) {
                    throw e.getValue().error("special token id must not be negative, found " + id);
                }
                if (e.getKey().isEmpty()) {
                    throw e.getValue().error("empty special token");
                }
                specials.put(e.getKey(), id);
            }
        }
        JsonField ranksField = f.require("bpe_ranks");
        MergeableRanks ranks = new TiktokenRanksReader(source, ranksField.path()).readText(ranksField.asString());
        JsonField nVocab = f.get("explicit_n_vocab");
        OptionalInt explicit = nVocab.isNull() ? OptionalInt.empty() : OptionalInt.of(nVocab.asInt());
        return new TiktokenEncoding(name, pattern, ranks, specials, explicit);
    }
}
