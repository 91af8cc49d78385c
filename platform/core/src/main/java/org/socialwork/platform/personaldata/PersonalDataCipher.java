package org.socialwork.platform.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encrypts personal data at rest (AES-256-GCM, a random 96-bit nonce per value) and computes its
 * blind index (HMAC-SHA-256). A stored value reads {@code <keyId>:<base64(nonce | ciphertext | tag)>};
 * the column name is bound as associated data, so a value copied into another column does not
 * decrypt.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey indexKey;

    @Inject
    public PersonalDataCipher(PersonalDataConfig config) {
        this.keys = config.encryptionKeys().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> aesKey(e.getKey(), e.getValue())));
        this.activeKeyId = config.activeKeyId().orElse(null);
        this.indexKey = config.blindIndexKey().map(PersonalDataCipher::hmacKey).orElse(null);
        if (activeKeyId != null && !keys.containsKey(activeKeyId)) {
            throw new IllegalStateException("socialwork.personal-data.active-key-id names no configured key: " + activeKeyId);
        }
    }

    /** Encrypts {@code plaintext} for column {@code field} (e.g. {@code worker.id_number}); null stays null. */
    public String encrypt(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        if (activeKeyId == null) {
            throw new IllegalStateException("personal-data encryption keys are not configured (socialwork.personal-data.*)");
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** Decrypts a value written by {@link #encrypt} for the same {@code field}, with whichever key wrote it. */
    public String decrypt(String field, String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("a personal-data value was encrypted with a key that is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a personal-data value failed its integrity check", e);
        }
    }

    /** Whether {@code stored} was encrypted with another key than the active one (a rotation candidate). */
    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(activeKeyId + ":");
    }

    /**
     * The keyed hash by which a value is looked up: equal for equal values of the same kind, useless
     * without the key. {@code kind} separates namespaces (an ID number never matches a phone).
     */
    public String blindIndex(String kind, String normalizedValue) {
        if (normalizedValue == null) {
            return null;
        }
        if (indexKey == null) {
            throw new IllegalStateException("the blind-index key is not configured (socialwork.personal-data.blind-index-key)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("blind index failed", e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("personal-data key " + id + " must be 32 bytes (AES-256), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static SecretKey hmacKey(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length < 32) {
            throw new IllegalStateException("the blind-index key must be at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
