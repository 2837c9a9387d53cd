package dev.tokensmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CacheDirTest {
    private String saved;

    @BeforeEach
    void clearProperty() {
        saved = System.clearProperty(CacheDir.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (saved != null) {
            System.setProperty(CacheDir.PROPERTY, saved);
        }
    }

    @Test
    void optionComesFirst() {
        System.setProperty(CacheDir.PROPERTY, "/from/property");
        assertThat(CacheDir.resolve(Path.of("/from/option"), Map.of(CacheDir.ENV, "/from/env")::get))
                .isEqualTo(Path.of("/from/option"));
    }

    @Test
    void systemPropertyComesBeforeTheEnvironment() {
        System.setProperty(CacheDir.PROPERTY, "/from/property");
        assertThat(CacheDir.resolve(null, Map.of(CacheDir.ENV, "/from/env")::get))
                .isEqualTo(Path.of("/from/property"));
    }

    @Test
    void environmentVariableIsTheFallback() {
        assertThat(CacheDir.resolve(null, Map.of(CacheDir.ENV, "/from/env")::get))
                .isEqualTo(Path.of("/from/env"));
    }

    @Test
    void noneConfiguredIsNull() {
        assertThat(CacheDir.resolve(null, Map.<String, String>of()::get)).isNull();
    }
}
