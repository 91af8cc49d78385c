package org.socialwork.platform.time;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the business clock that decides "today", "this month", deadlines and periods. */
@ConfigMapping(prefix = "socialwork.clock")
public interface ClockConfig {

    /**
     * The zone of the bureaus' day. Servers run in UTC; the business day, month and year are this
     * zone's, so a filing made at 07:00 China time on the 1st belongs to the 1st, not to the 31st.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /**
     * Pins the business clock: at start-up it reads this instant (with offset, e.g.
     * {@code 2026-03-03T10:00:00+08:00}) and runs on from it at the real rate, so that stored
     * instants keep their order and change feeds keep working. Unset in production: the clock is
     * then the system's. Tests and CI set it to prove the suite on chosen days and hours.
     */
    Optional<OffsetDateTime> start();
}
