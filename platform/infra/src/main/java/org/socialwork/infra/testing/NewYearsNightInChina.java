package org.socialwork.infra.testing;

import java.time.LocalDate;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that pins a service's business clock at 00:30 on 1 January 2027 in China, when UTC
 * is still at 16:30 on 31 December 2026: day, month and year all differ between the two. Tests of
 * "the bureaus' day is China's" run under it, whatever moment CI pins for the other tests (a
 * profile's settings outrank the environment).
 */
public class NewYearsNightInChina implements QuarkusTestProfile {

    /** The business day under this profile. */
    public static final LocalDate CHINA_DAY = LocalDate.of(2027, 1, 1);

    /** The UTC date at the same instant. */
    public static final LocalDate UTC_DAY = CHINA_DAY.minusDays(1);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("socialwork.clock.start", "2027-01-01T00:30:00+08:00");
    }
}
