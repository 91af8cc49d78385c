package org.socialwork.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** Without the switch the console log stays the readable line format a developer tails. */
@QuarkusTest
class ReadableConsoleLogTest {

    @Test
    void theConsoleWritesReadableLines() {
        String line = ConsoleLog.line("站点已创建 station created");
        assertThat(line).contains("站点已创建 station created");
        assertThatThrownBy(() -> new ObjectMapper().readTree(line)).isInstanceOf(Exception.class);
    }
}
