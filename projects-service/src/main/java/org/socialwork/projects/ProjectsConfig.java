package org.socialwork.projects;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of projects-service ({@code projects.*}). */
@ConfigMapping(prefix = "projects")
public interface ProjectsConfig {

    Sync sync();

    Visits visits();

    interface Sync {

        /**
         * Most service records one batch may carry. The mobile app syncs a day of work at a time;
         * a bound keeps one request's transaction short enough not to hold locks for long.
         */
        @WithDefault("1000")
        int batchLimit();

        /** Most changes one page of {@code GET /api/v1/sync/changes} returns per kind of object. */
        @WithDefault("200")
        int changesPageSize();
    }

    interface Visits {

        /**
         * Required visits per month of a client whose record names none, by risk level: the
         * default rule of the bureaus (key clients at least twice a month, high-risk weekly).
         */
        @WithDefault("0")
        int normalPerMonth();

        /** Default required visits per month of a KEY client. */
        @WithDefault("2")
        int keyPerMonth();

        /** Default required visits per month of a HIGH_RISK client. */
        @WithDefault("4")
        int highRiskPerMonth();
    }
}
