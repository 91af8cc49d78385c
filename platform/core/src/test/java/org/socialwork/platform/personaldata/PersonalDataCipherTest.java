package org.socialwork.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final String OLD_KEY = "sVybBYYhOsYZ/KqT3P/eGF0r46NglgXC+mOn+IRXc3k=";
    private static final String NEW_KEY = "GYb1yOzCVxrvWRyEuyN0TgHwT+Xn5PJXbgijGs/flQ4=";
    private static final String INDEX_KEY = "5c+mRWPTMI5NZywQTQrzAcPuWgo6GCVtQ8aZqSFhMtQ=";

    private static PersonalDataCipher cipher(Map<String, String> keys, String active) {
        return new PersonalDataCipher(new PersonalDataConfig() {
            @Override
            public Map<String, String> encryptionKeys() {
                return keys;
            }

            @Override
            public Optional<String> activeKeyId() {
                return Optional.ofNullable(active);
            }

            @Override
            public Optional<String> blindIndexKey() {
                return Optional.of(INDEX_KEY);
            }
        });
    }

    @Test
    void roundTripsWithoutLeavingThePlaintextInTheStoredForm() {
        PersonalDataCipher cipher = cipher(Map.of("k1", OLD_KEY), "k1");
        String stored = cipher.encrypt("worker.id_number", "330481199001011236");
        assertThat(stored).startsWith("k1:").doesNotContain("330481").doesNotContain("1236");
        assertThat(cipher.decrypt("worker.id_number", stored)).isEqualTo("330481199001011236");
        assertThat(cipher.encrypt("worker.id_number", "330481199001011236")).isNotEqualTo(stored);
    }

    @Test
    void aValueMovedToAnotherColumnOrTamperedWithDoesNotDecrypt() {
        PersonalDataCipher cipher = cipher(Map.of("k1", OLD_KEY), "k1");
        String stored = cipher.encrypt("worker.phone", "13812345678");
        assertThatThrownBy(() -> cipher.decrypt("client.phone", stored)).isInstanceOf(IllegalStateException.class);
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt("worker.phone", tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesWrittenBeforeAKeyRotationStayReadable() {
        String old = cipher(Map.of("k1", OLD_KEY), "k1").encrypt("client.phone", "13900001111");
        PersonalDataCipher rotated = cipher(Map.of("k1", OLD_KEY, "k2", NEW_KEY), "k2");
        assertThat(rotated.decrypt("client.phone", old)).isEqualTo("13900001111");
        assertThat(rotated.needsReencryption(old)).isTrue();
        assertThat(rotated.needsReencryption(rotated.encrypt("client.phone", "13900001111"))).isFalse();
        assertThatThrownBy(() -> cipher(Map.of("k2", NEW_KEY), "k2").decrypt("client.phone", old))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBlindIndexMatchesEqualValuesOfOneKindOnly() {
        PersonalDataCipher cipher = cipher(Map.of("k1", OLD_KEY), "k1");
        String index = cipher.blindIndex("id-number", "330481199001011236");
        assertThat(index).hasSize(64).isEqualTo(cipher.blindIndex("id-number", "330481199001011236"));
        assertThat(cipher.blindIndex("id-number", "11010519491231002X")).isNotEqualTo(index);
        assertThat(cipher.blindIndex("phone", "330481199001011236")).isNotEqualTo(index);
    }

    @Test
    void refusesToEncryptWithoutKeysOrWithAWrongSizedKey() {
        assertThatThrownBy(() -> cipher(Map.of(), null).encrypt("f", "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher(Map.of("short", "c2hvcnQ="), "short")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
