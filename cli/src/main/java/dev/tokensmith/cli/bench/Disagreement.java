package dev.tokensmith.cli.bench;

/**
 * An encoder whose token counts differ from the reference's (the first encoder's) on some texts of a workload:
 * its speed is then not comparable.
 *
 * @param encoder the encoder that differs
 * @param texts how many texts it counts differently
 * @param firstText the index of the first such text
 * @param expected the reference's count of that text
 * @param actual this encoder's count of that text
 */
public record Disagreement(String encoder, int texts, int firstText, int expected, int actual) {}
