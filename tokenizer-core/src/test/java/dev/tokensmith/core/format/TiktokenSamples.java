package dev.tokensmith.core.format;

import java.util.ArrayList;
import java.util.List;

/** Texts that exercise every branch of the tiktoken split patterns, for comparing encoders. */
final class TiktokenSamples {
    private TiktokenSamples() {}

    static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of(
                "",
                "hello world",
                "Hello, world! It's a test: don't, won't, they're, I'VE, WE'LL, she'd, O'Neil's.",
                "'s's's '''' 'quoted' 'S 'Ll 're've",
                "The year 2024 had 365 days; pi=3.14159 and 1234567890, 12345678901234567890.",
                "   leading spaces",
                "trailing spaces   ",
                "tabs\tand\t\ttabs",
                "line\nbreaks\n\n\nthree",
                "crlf\r\nline\r\n",
                "mixed \n \n  \t\n end",
                "today\n ",
                "today\n \n",
                "today\n  \n",
                " \u00850",
                "x\u00a0y\u2003z zero\u200bwidth",
                "caf\u00e9 na\u00efve r\u00e9sum\u00e9 cafe\u0301 \u00dcn\u00efc\u00f6d\u00e9",
                "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3068\u6f22\u5b57",
                "\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8",
                "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440!",
                "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
                "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e",
                "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u0e04\u0e23\u0e31\u0e1a",
                "\ud83d\udc4d\ud83c\udffd \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 \ud83c\uddef\ud83c\uddf5",
                "def f(x):\n    return x**2  # square\n",
                "if (a && b) { c++; } else { d--; }",
                "<div class=\"x\">text</div>",
                "https://example.com/path/to?q=1&r=2 a/b/c//d",
                "camelCaseIdentifiersLikeThis and SCREAMING_SNAKE_CASE and HTMLParser",
                "\u0663\u0664\u0665\u0666\u0667 \u096a\u096b\u096c \u00bd \u00be \u2460\u2461\u2462",
                "$$$ %%% ^^^ ~~~ ``` ... !!! ???",
                "Pneumonoultramicroscopicsilicovolcanoconiosis",
                "\n",
                " ",
                "   \n",
                "a  b   c    d",
                "end.\n\n"));
        for (int n = 1; n <= 17; n++) {
            texts.add("0".repeat(n));
        }
        return texts;
    }
}
