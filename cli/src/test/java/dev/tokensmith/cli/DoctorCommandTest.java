package dev.tokensmith.cli;

import static dev.tokensmith.cli.CliRun.cli;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoctorCommandTest {
    @Test
    void listsJavaAndTheMathBackends() {
        CliRun.Result r = cli().run("doctor");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("java " + System.getProperty("java.version"))
                .contains("cpu");
    }

    @Test
    void anUnknownBackendNameIsReported() {
        CliRun.Result r = cli().run("doctor", "--backend", "no-such-backend");
        assertThat(r.out() + r.err()).contains("no-such-backend");
    }
}
