package org.socialwork.personnel;

import java.time.Period;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of personnel-service ({@code personnel.*}): the bureau rules that vary by province. */
@ConfigMapping(prefix = "personnel")
public interface PersonnelConfig {

    /**
     * Days after the start, change or end of an assignment within which it must be filed (备案)
     * with the bureau; a filing made later is marked late.
     */
    @WithDefault("7")
    int filingDeadlineDays();

    /** Days a departure notice must precede the planned leave date, unless a replacement is named. */
    @WithDefault("30")
    int noticeMinimumDays();

    /** Longest period between a departure notice and the planned leave date. */
    @WithDefault("P2M")
    Period noticeMaximum();

    /** How long a dishonesty listing (失信名单) bars a worker from employment and assignments. */
    @WithDefault("P2Y")
    Period dishonestyListingDuration();

    /**
     * How often expired dishonesty listings are looked for, so that the worker's snapshot is
     * published again with {@code dishonestyListed: false} on the day the listing lapses.
     */
    @WithDefault("1h")
    String dishonestyExpiryCheck();

    PayScale payScale();

    /** The pay scale within which an employment's post and grade must lie. */
    interface PayScale {

        /** Posts (岗位) of the scale, e.g. station lead, social worker, assistant, administrative. */
        @WithDefault("STATION_LEAD,SOCIAL_WORKER,ASSISTANT,ADMINISTRATIVE")
        List<String> posts();

        /** Number of grades (档) per post, numbered 1 to this value. */
        @WithDefault("11")
        int grades();
    }
}
