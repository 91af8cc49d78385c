package org.socialwork.stations.benchmark;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Builds the application as {@code deploy/bench/api.sh} does ({@code -Dquarkus.profile=bench}):
 * a test profile's config profile is also the build profile that {@code @IfBuildProfile} reads.
 * {@code test} stays active for the test resources' settings.
 */
public class BenchBuildProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "bench,test";
    }
}
