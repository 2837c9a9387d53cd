package dev.tokensmith.transplant.method;

import dev.tokensmith.math.FloatMatrix;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The donor-free baselines that ignore the token: zero rows, and the old vocabulary's mean (+ noise). */
final class ConstantMethods {
    private ConstantMethods() {}

    static final class Zero implements TransplantMethod {
        @Override
        public String name() {
            return "zero";
        }

        @Override
        public Map<String, Object> settings() {
            return Map.of();
        }

        @Override
        public Estimate estimate(TransplantProblem p, Table table, MethodContext context) {
            Ticker ticker = Ticker.start(context.progress(), Ticker.stage(name(), table), p.newIds().length);
            FloatMatrix out = FloatMatrix.zeros(p.newIds().length, p.hidden());
            ticker.finish();
            return Estimate.of(out);
        }
    }

    /** The mean row of the old vocabulary, plus Gaussian noise of standard deviation {@code noise} (seeded). */
    static final class Mean implements TransplantMethod {
        private final double noise;
        private final long seed;

        Mean(double noise, long seed) {
            if (!(noise >= 0)) {
                throw new IllegalArgumentException("noise must be >= 0, got " + noise);
            }
            this.noise = noise;
            this.seed = seed;
        }

        @Override
        public String name() {
            return "mean";
        }

        @Override
        public Map<String, Object> settings() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("noise", noise);
            s.put("seed", seed);
            return s;
        }

        @Override
        public Estimate estimate(TransplantProblem p, Table table, MethodContext context) {
            Ticker ticker = Ticker.start(context.progress(), Ticker.stage(name(), table), p.newIds().length);
            float[] mean = Rows.mean(p.base(table), p.oldIds());
            FloatMatrix out = FloatMatrix.zeros(p.newIds().length, p.hidden());
            Random random = new Random(seed + table.ordinal());
            float[] row = new float[mean.length];
            for (int i = 0; i < out.rows(); i++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = noise == 0 ? mean[c] : (float) (mean[c] + noise * random.nextGaussian());
                }
                out.setRow(i, row);
                ticker.tick();
            }
            ticker.finish();
            return Estimate.of(out);
        }
    }
}
