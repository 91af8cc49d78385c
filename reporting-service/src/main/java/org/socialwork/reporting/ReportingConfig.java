package org.socialwork.reporting;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of reporting-service ({@code reporting.*}). */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    Reports reports();

    Rebuild rebuild();

    interface Reports {

        /** Days after the end of a period by which a county's report must be submitted to count as on time. */
        @WithDefault("5")
        int submissionGraceDays();
    }

    interface Rebuild {

        /**
         * Longest time a rebuild waits without receiving a record while it has not yet reached the
         * end offsets it captured when it started; after that it fails instead of hanging.
         */
        @WithDefault("PT60S")
        Duration stallTimeout();
    }
}
