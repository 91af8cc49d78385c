package org.socialwork.stations.station;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The six criteria of the building standard (有场地、有设备、有人员、有服务功能、有工作流程、有规章制度). */
public record Standard(
        @NotNull @Valid Assessment site,
        @NotNull @Valid Assessment equipment,
        @NotNull @Valid Assessment staff,
        @NotNull @Valid Assessment serviceFunctions,
        @NotNull @Valid Assessment workflow,
        @NotNull @Valid Assessment writtenRules) {

    public boolean allMet() {
        return site.met() && equipment.met() && staff.met() && serviceFunctions.met() && workflow.met()
                && writtenRules.met();
    }
}
