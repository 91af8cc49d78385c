package org.socialwork.reporting;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of reporting-service ({@code reporting.*}). */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    /** Periodic reports and their filing deadlines. */
    Reports reports();

    /** Rebuilds of the read models from the topics. */
    Rebuild rebuild();

    /** Thresholds and schedule of the warning rules. */
    Warnings warnings();

    /** The reconciliation of the read models with the producers' source totals. */
    Reconciliation reconciliation();

    interface Reconciliation {

        /** Base URL of stations-service, whose GET /api/v1/admin/source-totals gives the station totals. */
        @WithDefault("http://127.0.0.1:8081")
        URI stationsUrl();

        /** Base URL of personnel-service, whose GET /api/v1/admin/source-totals gives the worker totals. */
        @WithDefault("http://127.0.0.1:8082")
        URI personnelUrl();

        /** Base URL of projects-service, whose GET /api/v1/admin/source-totals gives the service-record totals. */
        @WithDefault("http://127.0.0.1:8083")
        URI projectsUrl();

        /**
         * Longest wait to connect to a producer and, again, for its answer; a producer slower than
         * this (after one retry) is reported UNAVAILABLE.
         */
        @WithDefault("PT5S")
        Duration timeout();
    }

    interface Warnings {

        /** How often the warning job compares the read models with the thresholds (a Quarkus scheduler interval). */
        @WithDefault("15m")
        String evaluateEvery();

        /** STATION_INACTIVE: an operating station without any service record for this many days. */
        @WithDefault("30")
        int inactiveDays();

        /** LOW_CERTIFIED_SHARE: share of a station's active workers holding a qualification below which it is warned (0..1). */
        @WithDefault("0.5")
        double minCertifiedShare();

        /** HIGH_TEAM_CHURN: team changes of a project in service at or above which its agency is warned. */
        @WithDefault("3")
        int maxTeamChanges();

        /**
         * PROJECT_BEHIND_TARGET: a project whose visits fall below this share of the pace its VISITS
         * target implies (target × elapsed share of the contract period) is warned (0..1).
         */
        @WithDefault("0.8")
        double minTargetPace();

        /**
         * LATE_FILING: days after an assignment starts within which it must be filed with the
         * bureau (备案); an active assignment still unfiled after them is warned.
         */
        @WithDefault("7")
        int filingDays();

        /** LATE_FILING: days during which an assignment filed after the deadline stays warned. */
        @WithDefault("30")
        int lateFilingShownDays();
    }

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
