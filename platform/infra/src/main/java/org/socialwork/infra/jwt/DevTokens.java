package org.socialwork.infra.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints RS256 tokens with the development key pair that ships in this module. The matching public
 * key is what the services trust in tests and in the local stack only; production trusts the
 * province's identity provider instead.
 */
public final class DevTokens {

    /** The issuer the services expect from dev tokens ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://sso.socialwork.local/realms/dev";
    /** Classpath location of the public key, for {@code mp.jwt.verify.publickey.location}. */
    public static final String PUBLIC_KEY_LOCATION = "dev-keys/publicKey.pem";

    private static final PrivateKey PRIVATE_KEY = loadPrivateKey();

    private DevTokens() {
    }

    /** What a token says about its holder: roles and the scope claims of DESIGN.md §6. */
    public record Caller(String subject, Set<String> roles, String region, String agency, String worker) {

        public static Caller platformAdmin() {
            return new Caller("platform-admin", Set.of("platform-admin"), null, null, null);
        }

        public static Caller bureau(String role, String region) {
            return new Caller(role + "-" + region, Set.of(role), region, null, null);
        }

        public static Caller agencyAdmin(String agency) {
            return new Caller("agency-admin-" + agency, Set.of("agency-admin"), null, agency, null);
        }
    }

    public static String mint(Caller caller, Duration lifetime) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(caller.subject())
                .upn(caller.subject())
                .groups(caller.roles())
                .expiresIn(lifetime);
        if (caller.region() != null) {
            claims.claim("region", caller.region());
        }
        if (caller.agency() != null) {
            claims.claim("agency", caller.agency());
        }
        if (caller.worker() != null) {
            claims.claim("worker", caller.worker());
        }
        return claims.jws().keyId("dev").sign(PRIVATE_KEY);
    }

    public static String mint(Caller caller) {
        return mint(caller, Duration.ofHours(12));
    }

    private static PrivateKey loadPrivateKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/privateKey.pem")) {
            if (in == null) {
                throw new IllegalStateException("dev-keys/privateKey.pem is missing from platform-infra");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the dev private key", e);
        }
    }
}
