package org.socialwork.stations.region;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Imports the division files found in a directory of the server, below the configured import root. */
public record ImportDirectoryRequest(@NotBlank @Size(max = 1000) String directory) {
}
