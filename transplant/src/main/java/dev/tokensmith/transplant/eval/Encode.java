package dev.tokensmith.transplant.eval;

import dev.tokensmith.core.train.TrainingProgress;
import dev.tokensmith.transplant.onnx.SentenceEncoder;
import java.util.List;

/** Sentence encoding in chunks, so that a progress bar can follow it. */
final class Encode {
    private static final int CHUNK = 128;

    private Encode() {}

    static float[][] ids(SentenceEncoder enc, List<int[]> ids, TrainingProgress progress, String stage) {
        progress.stage(stage, ids.size());
        float[][] out = new float[ids.size()][];
        for (int from = 0; from < ids.size(); from += CHUNK) {
            int to = Math.min(ids.size(), from + CHUNK);
            float[][] part = enc.encodeIds(ids.subList(from, to));
            System.arraycopy(part, 0, out, from, part.length);
            progress.advance(to - from);
        }
        return out;
    }
}
