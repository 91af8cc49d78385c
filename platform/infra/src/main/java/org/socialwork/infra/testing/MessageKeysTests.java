package org.socialwork.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message key a service throws through {@code Problems} exists in its Chinese and its
 * English bundle (or the platform's): otherwise a caller reads the raw key as the detail. Extend
 * it once per service; it reads the module's {@code src/main/java}.
 */
public abstract class MessageKeysTests {

    private static final Pattern CALL = Pattern.compile(
            "Problems\\.(conflict|rule|invalidField|forbidden|of)\\(\\s*(?:ProblemType\\.[A-Z_]+\\s*,\\s*)?\"([^\"]*)\"(?:\\s*,\\s*\"([^\"]*)\")?");

    @Test
    void everyThrownMessageKeyIsTranslatedInBothLanguages() {
        List<String> missing = new ArrayList<>();
        TreeSet<String> keys = thrownKeys(Path.of("src/main/java"));
        assertThat(keys).as("message keys thrown in src/main/java").isNotEmpty();
        for (String bundle : List.of("", "_en")) {
            Properties messages = new Properties();
            load(messages, "i18n/service" + bundle + ".properties");
            load(messages, "i18n/platform" + bundle + ".properties");
            for (String key : keys) {
                if (!messages.containsKey(key)) {
                    missing.add(key + " (bundle service" + bundle + ")");
                }
            }
        }
        assertThat(missing).as("keys without a message").isEmpty();
    }

    static TreeSet<String> thrownKeys(Path sources) {
        TreeSet<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(file));
                while (call.find()) {
                    keys.add("invalidField".equals(call.group(1)) && call.group(3) != null ? call.group(3) : call.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keys.removeIf(key -> !key.contains("."));
        return keys;
    }

    private static void load(Properties messages, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
