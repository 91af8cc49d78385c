package org.socialwork.platform.sql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the read-only sessions of GET requests ({@link ReadOnlyReads}). */
@ConfigMapping(prefix = "socialwork.read-only-reads")
public interface ReadOnlyReadsConfig {

    /**
     * Whether the Hibernate session of a GET or HEAD request loads its entities read-only: no
     * snapshot is kept and nothing loaded is dirty-checked or written back at commit, so a read
     * cannot change a row by touching an entity. Inserts by native SQL (the audit of unmasked reads)
     * are unaffected. Benchmarks switch it off to measure what it saves.
     */
    @WithDefault("true")
    boolean enabled();
}
