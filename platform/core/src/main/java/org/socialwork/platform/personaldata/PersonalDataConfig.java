package org.socialwork.platform.personaldata;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Keys protecting personal data (resident ID numbers, phone numbers). In production they come
 * from the environment or a secret store, never from a file in the repository. Optional here so
 * that a service without personal data starts without them; the first use without keys fails.
 */
@ConfigMapping(prefix = "socialwork.personal-data")
public interface PersonalDataConfig {

    /**
     * AES-256 keys (Base64, 32 bytes) by key id. Old keys stay listed so that values encrypted
     * with them can still be read after a rotation.
     */
    Map<String, String> encryptionKeys();

    /** Id of the key that encrypts new values; one of {@link #encryptionKeys()}. */
    Optional<String> activeKeyId();

    /**
     * HMAC-SHA-256 key (Base64, at least 32 bytes) of the blind index: the keyed hash by which an
     * encrypted value is found (duplicate detection) without decrypting every row. Changing it
     * means recomputing every stored index.
     */
    Optional<String> blindIndexKey();
}
