package org.socialwork.platform.security;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import javax.crypto.SecretKey;

import java.security.PrivateKey;
import java.security.PublicKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.NumericDate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The {@link JWTParser} Quarkus' bearer-token validator ({@code MpJwtValidator}) uses: it verifies a
 * token with smallrye-jwt's own parser once and then answers the same raw token from a bounded
 * Caffeine cache until the token's {@code exp}, so that RS256 is not checked on every request.
 *
 * <p>Only tokens that passed every check (signature, issuer, expiry) are kept; a refused, tampered or
 * unknown token always goes to the verifier. The key is the whole raw token, signature included, so
 * two tokens differing in any byte never share an entry. A cached token is served only strictly
 * before its {@code exp}, judged on the verifier's own clock (jose4j's), not the business clock: a
 * business day pinned for tests or demos must not stretch a token's life; past it the entry is
 * dropped and the verifier decides (and refuses).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final String CACHE_NAME = "socialwork-verified-tokens";

    @Inject
    DefaultJWTParser verifier;

    @Inject
    @CacheName(CACHE_NAME)
    Cache cache;

    @Inject
    TokenCacheConfig config;

    @Inject
    MeterRegistry registry;

    private CaffeineCache tokens;
    private Counter verifications;
    private Counter hits;

    @PostConstruct
    void init() {
        tokens = cache.as(CaffeineCache.class);
        tokens.setMaximumSize(config.maximumSize());
        verifications = Counter.builder("socialwork.token.verifications")
                .description("Bearer tokens whose signature and claims were verified (cache misses and refusals)")
                .register(registry);
        hits = Counter.builder("socialwork.token.cache.hits")
                .description("Requests whose bearer token was answered from the verified-token cache")
                .register(registry);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (!config.enabled()) {
            return verify(token);
        }
        CompletableFuture<JsonWebToken> cached = tokens.getIfPresent(token);
        if (cached != null) {
            JsonWebToken known = cached.getNow(null);
            if (known != null && unexpired(known)) {
                hits.increment();
                return known;
            }
            // the validator may run on the event loop: the invalidation must not be awaited there
            cache.invalidate(token).subscribe().with(done -> { });
        }
        JsonWebToken verified = verify(token);
        if (unexpired(verified)) {
            tokens.put(token, CompletableFuture.completedFuture(verified));
        }
        return verified;
    }

    private JsonWebToken verify(String token) throws ParseException {
        verifications.increment();
        return verifier.parse(token);
    }

    private static boolean unexpired(JsonWebToken token) {
        long exp = token.getExpirationTime();
        return exp > 0 && NumericDate.now().getValue() < exp;
    }

    /** Number of distinct tokens held now (after pending evictions). */
    public long size() {
        return tokens.keySet().size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
