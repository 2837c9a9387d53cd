package dev.tokensmith.cli;

import dev.tokensmith.core.Tokenizer;
import dev.tokensmith.core.Tokenizers;
import dev.tokensmith.transplant.align.AlignmentReport;
import dev.tokensmith.transplant.align.AlignmentReportJson;
import dev.tokensmith.transplant.align.AlignmentReportText;
import dev.tokensmith.transplant.align.CanonicalVocab;
import dev.tokensmith.transplant.align.SpecialRole;
import dev.tokensmith.transplant.align.VocabAlignment;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tokensmith align}: which tokens two tokenizers share, add and drop, matched on the bytes they stand for. */
@Command(
        name = "align",
        description = {
            "Align two tokenizers' vocabularies on the raw bytes their tokens stand for.",
            "",
            "Tokens match across families (byte-level BPE, SentencePiece-style metaspace",
            "with byte fallback, WordPiece): GPT-2's \"Ġthe\", Llama 2's \"▁the\" and BERT's",
            "word-initial \"the\" all stand for \" the\". Special tokens match by role (bos,",
            "eos, pad, unk, cls, sep, mask), then by text; each keeps its own row.",
            "",
            "The report counts shared, new (only in --to) and dropped (only in --from)",
            "tokens by class, shows both number-tokenization schemes, and warns where a",
            "transplant from --from to --to loses something. See docs/transplant.md."
        })
final class AlignCommand implements Callable<Integer> {
    private static final String TOKENIZER_HELP = "A HF tokenizer.json, a tiktoken rank file, Anthropic's claude.json,"
            + " or a built-in name: r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base.";

    @ParentCommand
    TokensmithCommand root;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TOKENIZER",
            description = "The source (the model's)" + " tokenizer. " + TOKENIZER_HELP)
    String from;

    @Option(names = "--to", required = true, paramLabel = "TOKENIZER", description = "The target (new) tokenizer.")
    String to;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(
            names = "--special",
            paramLabel = "[from.|to.]ROLE=TOKEN",
            description = "Give a role's token (roles: bos, eos, pad, unk, cls, sep, mask) on the side that has"
                    + " the token, or on the side named; repeatable. E.g. --special to.eos='<|eot_id|>'.")
    List<String> specials = new ArrayList<>();

    @Override
    public Integer call() {
        Tokenizer source = Tokenizers.load(from);
        Tokenizer target = Tokenizers.load(to);
        Map<SpecialRole, String> fromRoles = new EnumMap<>(SpecialRole.class);
        Map<SpecialRole, String> toRoles = new EnumMap<>(SpecialRole.class);
        for (String spec : specials) {
            override(spec, source, target, fromRoles, toRoles);
        }
        VocabAlignment alignment =
                VocabAlignment.between(CanonicalVocab.of(source, fromRoles), CanonicalVocab.of(target, toRoles));
        AlignmentReport report = AlignmentReport.of(alignment, from, to);
        PrintWriter out = root.out();
        out.print(json ? AlignmentReportJson.render(report) : AlignmentReportText.render(report));
        out.flush();
        return 0;
    }

    /** Reads one {@code --special} value into the role maps of the sides it applies to. */
    static void override(
            String spec,
            Tokenizer source,
            Tokenizer target,
            Map<SpecialRole, String> fromRoles,
            Map<SpecialRole, String> toRoles) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new BadInputException("--special " + spec + ": expected [from.|to.]ROLE=TOKEN, e.g. eos=</s>");
        }
        String side = null;
        String role = spec.substring(0, eq);
        int dot = role.indexOf('.');
        if (dot >= 0) {
            side = role.substring(0, dot);
            role = role.substring(dot + 1);
            if (!side.equals("from") && !side.equals("to")) {
                throw new BadInputException("--special " + spec + ": the side must be from or to, not " + side);
            }
        }
        SpecialRole r;
        try {
            r = SpecialRole.parse(role);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--special " + spec + ": " + e.getMessage(), e);
        }
        String token = spec.substring(eq + 1);
        boolean inFrom = source.tokenToId(token) >= 0;
        boolean inTo = target.tokenToId(token) >= 0;
        if (side == null && !inFrom && !inTo) {
            throw new BadInputException("--special " + spec + ": neither tokenizer has the token " + token);
        }
        if (("from".equals(side) && !inFrom) || ("to".equals(side) && !inTo)) {
            throw new BadInputException("--special " + spec + ": the " + side + " tokenizer has no token " + token);
        }
        if ("from".equals(side) || (side == null && inFrom)) {
            fromRoles.put(r, token);
        }
        if ("to".equals(side) || (side == null && inTo)) {
            toRoles.put(r, token);
        }
    }
}
