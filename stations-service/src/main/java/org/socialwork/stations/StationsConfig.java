package org.socialwork.stations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of stations-service ({@code stations.*}). */
@ConfigMapping(prefix = "stations")
public interface StationsConfig {

    RegionImport regionImport();

    Batch batch();

    interface Batch {

        /**
         * The most items one {@code POST /api/v1/stations/batch} takes; a longer batch is refused
         * whole with 413, so that one request (one transaction) stays within seconds.
         */
        @WithDefault("1000")
        int maxItems();
    }

    interface RegionImport {

        /**
         * The only directory (and its subdirectories) from which an import may read files named by
         * path on the server; uploads are not affected. Keeps the admin endpoint from reading
         * arbitrary files.
         */
        @WithDefault("/var/lib/socialwork/imports")
        String serverRoot();
    }
}
