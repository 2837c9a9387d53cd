package dev.tokensmith.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MathBackendsTest {
    private static final MathBackendProvider GPU = new Fake("gpu", 200, false, "libcuda.so.1 not found");
    private static final MathBackendProvider CPU = new Fake("cpu", 100, true, "Vector API");
    private static final MathBackendProvider SCALAR = new Fake("cpu-scalar", 10, true, "scalar");
    private static final List<MathBackendProvider> ALL = List.of(SCALAR, GPU, CPU);

    @Test
    void withoutARequestTheBestRankedAvailableProviderIsChosenAndThePassedOverOnesSayWhy() {
        MathBackends.Selection s = MathBackends.choose(null, null, " ", ALL);
        assertThat(s.provider()).isSameAs(CPU);
        assertThat(s.source()).isEqualTo("best-ranked available");
        assertThat(s.passedOver()).containsExactly("gpu (rank 200) unavailable: libcuda.so.1 not found");
    }

    @Test
    void anExplicitNameWinsOverThePropertyWhichWinsOverTheEnvironment() {
        assertThat(MathBackends.choose("cpu-scalar", "cpu", "cpu", ALL).provider())
                .isSameAs(SCALAR);
        assertThat(MathBackends.choose(null, "cpu-scalar", "cpu", ALL).provider())
                .isSameAs(SCALAR);
        assertThat(MathBackends.choose(null, null, "CPU-Scalar ", ALL).provider())
                .isSameAs(SCALAR);
        assertThat(MathBackends.choose(null, "cpu-scalar", null, ALL).source())
                .isEqualTo("system property tokensmith.backend");
    }

    @Test
    void anUnknownNameFailsListingTheAvailableBackends() {
        assertThatThrownBy(() -> MathBackends.choose(null, null, "tpu", ALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown math backend 'tpu' (environment TOKENSMITH_BACKEND); available: cpu, cpu-scalar");
    }

    @Test
    void aNamedButUnavailableBackendFailsWithItsReason() {
        assertThatThrownBy(() -> MathBackends.choose("gpu", null, null, ALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("libcuda.so.1 not found")
                .hasMessageContaining("available: cpu, cpu-scalar");
    }

    @Test
    void noAvailableProviderIsAnError() {
        assertThatThrownBy(() -> MathBackends.choose(null, null, null, List.of(GPU)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no math backend is available");
    }

    @Test
    void doctorListsEveryProviderTheRequestAndTheChoice() {
        List<String> lines = MathBackends.doctor(null, null, null, ALL);
        assertThat(lines).first().isEqualTo("math backends (3 providers):");
        assertThat(lines).anyMatch(l -> l.contains("gpu") && l.contains("unavailable: libcuda.so.1 not found"));
        assertThat(lines).anyMatch(l -> l.contains("cpu-scalar") && l.contains("rank   10  available: scalar"));
        assertThat(lines).contains("chosen: cpu (best-ranked available)");
        assertThat(MathBackends.doctor("tpu", null, null, ALL))
                .last()
                .asString()
                .startsWith("chosen: none: unknown math backend 'tpu'");
    }

    @Test
    void theServiceLoaderFindsBothCpuBackendsAndPrefersTheVectorOne() {
        assertThat(MathBackends.providers())
                .extracting(MathBackendProvider::name)
                .containsExactly("cpu", "cpu-scalar");
        assertThat(MathBackends.select(null).name()).isEqualTo("cpu");
        assertThat(MathBackends.doctor(null)).anyMatch(l -> l.contains("Vector API"));
    }

    private record Fake(String name, int rank, boolean ok, String detail) implements MathBackendProvider {
        @Override
        public Availability availability() {
            return ok ? Availability.available(detail) : Availability.unavailable(detail);
        }

        @Override
        public MathBackend create() {
            throw new UnsupportedOperationException("not needed");
        }
    }
}
