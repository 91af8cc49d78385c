package org.socialwork.personnel.replica;

import java.util.UUID;

/** What this service knows of a station, as of the snapshot version it last applied. */
public record StationReplicaView(UUID id, String name, String level, String regionCode, String status,
        String operationMode, UUID agencyId, long version) {

    static StationReplicaView of(StationReplica s) {
        return new StationReplicaView(s.id, s.name, s.level, s.regionCode, s.status, s.operationMode, s.agencyId, s.version);
    }
}
