package dev.tokensmith.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokensmith.core.format.Json;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith inspect}: what a tokenizer is made of. */
@Command(
        name = "inspect",
        description = {
            "Describe what a tokenizer is made of.",
            "",
            "Model type, vocabulary size (with and without added tokens), merges (BPE), the pipeline stages",
            "(normalizer, pre-tokenizer, post-processor, decoder; nested for Sequence), special tokens with their",
            "ids, and the truncation and padding the file declares (which encode does not apply)."
        })
final class InspectCommand implements Callable<Integer> {
    private static final int SPECIAL_TOKENS_SHOWN = 20;

    @ParentCommand
    TokensmithCommand root;

    @Mixin
    TokenizerOption tokenizer;

    @Option(names = "--json", description = "Print the description as a JSON object.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        ObjectNode report = TokenizerReport.of(tokenizer.spec, tokenizer.load());
        PrintWriter out = root.out();
        if (json) {
            out.print(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            out.print('\n');
        } else {
            out.print(text(report));
        }
        out.flush();
        return 0;
    }

    static String text(ObjectNode r) {
        StringBuilder sb = new StringBuilder();
        JsonNode model = r.get("model");
        row(sb, "tokenizer", r.get("tokenizer").asText());
        row(sb, "model", model.get("type").asText());
        row(
                sb,
                "vocab size",
                model.get("vocab_size").asInt() + " ("
                        + model.get("vocab_size_with_added_tokens").asInt() + " with added tokens)");
        if (model.has("merges")) {
            row(sb, "merges", model.get("merges").asText());
        }
        if (!model.get("settings").isEmpty()) {
            row(sb, "model settings", settings(model.get("settings")));
        }
        stage(sb, "normalizer", r.get("normalizer"), 0);
        stage(sb, "pre-tokenizer", r.get("pre_tokenizer"), 0);
        stage(sb, "post-processor", r.get("post_processor"), 0);
        stage(sb, "decoder", r.get("decoder"), 0);
        JsonNode special = r.get("special_tokens");
        row(sb, "added tokens", r.get("added_tokens").asInt() + " (" + special.size() + " special)");
        int shown = 0;
        for (JsonNode s : special) {
            if (shown == SPECIAL_TOKENS_SHOWN) {
                row(sb, "", "... and " + (special.size() - shown) + " more (--json lists all)");
                break;
            }
            StringBuilder token = new StringBuilder();
            JsonText.string(
                    token.append(s.get("id").asInt()).append(' '),
                    s.get("content").asText());
            row(sb, shown == 0 ? "special tokens" : "", token.toString());
            shown++;
        }
        declared(sb, "truncation", r.get("truncation"));
        declared(sb, "padding", r.get("padding"));
        return sb.toString();
    }

    /** Truncation or padding: what the file declares, which encode leaves out. */
    private static void declared(StringBuilder sb, String label, JsonNode settings) {
        row(sb, label, settings.isNull() ? "none" : settings(settings) + " (encode does not apply it)");
    }

    private static void stage(StringBuilder sb, String label, JsonNode stage, int depth) {
        if (stage.isNull()) {
            row(sb, label, "none");
            return;
        }
        row(sb, label, "  ".repeat(depth) + stage.get("type").asText());
        JsonNode steps = stage.get("steps");
        if (steps != null) {
            for (JsonNode step : steps) {
                stage(sb, "", step, depth + 1);
            }
        }
    }

    /** {@code key=value, ...} with values as compact JSON. */
    private static String settings(JsonNode object) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-16s", label)).append(value).append('\n');
    }
}
