package org.socialwork.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the cache of verified bearer tokens ({@link VerifiedTokenCache}). */
@ConfigMapping(prefix = "socialwork.token-cache")
public interface TokenCacheConfig {

    /**
     * Whether a verified token is kept for its remaining lifetime, so that the next request carrying
     * the same token skips the RS256 signature check (about a sixth of a GET's CPU). Off, every
     * request verifies its token again; benchmarks switch it off to measure what it saves.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * How many distinct tokens are kept at most; beyond it the least used are evicted and verified
     * again on their next use. A token costs about 2 KiB here, so the default bounds the cache near
     * 20 MiB while covering a province's concurrent dashboard users and phones.
     */
    @WithDefault("10000")
    long maximumSize();
}
