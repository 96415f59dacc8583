package dev.agentcron.api.key.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BootstrapKeyTest {

    @Test
    void aShortBootstrapKeyStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> BootstrapKey.validate("too-short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("agentcron.bootstrap-key must be at least 20 characters");
        assertThatCode(() -> BootstrapKey.validate("a-long-enough-bootstrap-secret"))
                .doesNotThrowAnyException();
    }
}
