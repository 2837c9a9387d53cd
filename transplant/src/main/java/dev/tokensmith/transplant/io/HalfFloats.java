package dev.tokensmith.transplant.io;

/**
 * float32 to and from the two 16-bit float formats of model checkpoints, rounding to nearest, ties to even,
 * exactly as numpy ({@code astype(float16)}) and torch ({@code .to(torch.bfloat16)}) do.
 *
 * <pre>{@code
 * short h = HalfFloats.toF16(0.1f);   // 0x2E66
 * short b = HalfFloats.toBf16(0.1f);  // 0x3DCD
 * float back = HalfFloats.fromBf16(b); // 0.10009765625
 * }</pre>
 */
public final class HalfFloats {
    private HalfFloats() {}

    /** IEEE binary16, round to nearest even; overflow goes to infinity, NaN stays NaN. */
    public static short toF16(float f) {
        return Float.floatToFloat16(f);
    }

    public static float fromF16(short bits) {
        return Float.float16ToFloat(bits);
    }

    /**
     * bfloat16 (the top 16 bits of a float32), round to nearest even; every NaN becomes the quiet NaN 0x7FC0,
     * as torch writes it.
     */
    public static short toBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            return (short) 0x7FC0;
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    public static float fromBf16(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }
}
