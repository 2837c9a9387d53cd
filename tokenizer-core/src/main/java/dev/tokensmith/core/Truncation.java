package dev.tokensmith.core;

/**
 * How encodings longer than {@code maxLength} are cut (HF's TruncationParams). Applied after encoding and before
 * post-processing, leaving room for the special tokens the post-processor adds.
 */
public record Truncation(Direction direction, int maxLength, Strategy strategy, int stride) {
    public enum Direction {
        LEFT,
        RIGHT
    }

    public enum Strategy {
        LONGEST_FIRST,
        ONLY_FIRST,
        ONLY_SECOND
    }

    public Truncation {
        if (maxLength < 0 || stride < 0) {
            throw new IllegalArgumentException("max_length and stride must be >= 0");
        }
    }

    /** Truncates a single encoding or a pair (second may be null); returns {first, second}. */
    Encoding[] apply(Encoding first, Encoding second, int maxLength) {
        boolean left = direction == Direction.LEFT;
        if (maxLength == 0) {
            return new Encoding[] {
                first.truncate(0, stride, left), second == null ? null : second.truncate(0, stride, left)
            };
        }
        int total = first.size() + (second == null ? 0 : second.size());
        if (total <= maxLength) {
            return new Encoding[] {first, second};
        }
        int toRemove = total - maxLength;
        switch (strategy) {
            case LONGEST_FIRST -> {
                if (second == null) {
                    return new Encoding[] {first.truncate(total - toRemove, stride, left), null};
                }
                int n1 = first.size();
                int n2 = second.size();
                boolean swap = n1 > n2;
                if (swap) {
                    int t = n1;
                    n1 = n2;
                    n2 = t;
                }
                n2 = n1 > maxLength ? n1 : Math.max(n1, maxLength - n1);
                if (n1 + n2 > maxLength) {
                    n1 = maxLength / 2;
                    n2 = n1 + maxLength % 2;
                }
                if (swap) {
                    int t = n1;
                    n1 = n2;
                    n2 = t;
                }
                return new Encoding[] {first.truncate(n1, stride, left), second.truncate(n2, stride, left)};
            }
            default -> {
                boolean onFirst = strategy == Strategy.ONLY_FIRST;
                if (!onFirst && second == null) {
                    throw new IllegalArgumentException("Truncation error: Second sequence not provided");
                }
                Encoding target = onFirst ? first : second;
                if (target.size() <= toRemove) {
                    throw new IllegalArgumentException(
                            "Truncation error: Sequence to truncate too short to respect the provided max_length");
                }
                Encoding cut = target.truncate(target.size() - toRemove, stride, left);
                return onFirst ? new Encoding[] {cut, second} : new Encoding[] {first, cut};
            }
        }
    }
}
