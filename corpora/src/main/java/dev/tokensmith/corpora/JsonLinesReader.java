package dev.tokensmith.corpora;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Documents from JSON Lines: one JSON object per line, the document in a top-level string field. Records where
 * the field is missing or null are skipped (but a field that no record has is an error, likely a typo); a
 * non-string value, or a string with an unpaired surrogate escape, is an error naming the line.
 */
final class JsonLinesReader implements DocumentReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build();

    private final JsonParser parser;
    private final String name;
    private final String field;
    private long records;
    private long found;

    JsonLinesReader(InputStream in, String name, String field) throws IOException {
        this.parser = FACTORY.createParser(in);
        this.name = name;
        this.field = field;
    }

    @Override
    public String next() throws IOException {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    if (records > 0 && found == 0) {
                        throw new CorpusException(
                                name + ": no record has the field \"" + field + "\" (" + records + " records)");
                    }
                    return null;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw error("expected a JSON object per line, found " + token);
                }
                records++;
                String document = readRecord();
                if (document != null && !document.isEmpty()) {
                    return document;
                }
            }
        } catch (StreamReadException e) {
            throw error("malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** The document of the record whose START_OBJECT was just read, or null when it has none. */
    private String readRecord() throws IOException {
        String document = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            boolean wanted = field.equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (!wanted) {
                parser.skipChildren();
                continue;
            }
            found++;
            if (value == JsonToken.VALUE_STRING) {
                document = parser.getText();
                checkSurrogates(document);
            } else if (value != JsonToken.VALUE_NULL) {
                throw error("field \"" + field + "\" is " + value + ", not a string");
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw error("malformed record");
        }
        return document;
    }

    private void checkSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("field \"" + field + "\" holds an unpaired surrogate (\\u" + Integer.toHexString(c)
                        + "), which is not valid Unicode text");
            }
        }
    }

    private CorpusException error(String problem) {
        return new CorpusException(name + ": line " + parser.currentLocation().getLineNr() + ": " + problem);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
