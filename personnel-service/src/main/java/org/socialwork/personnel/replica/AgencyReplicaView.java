package org.socialwork.personnel.replica;

import java.util.UUID;

/** What this service knows of an agency, as of the snapshot version it last applied. */
public record AgencyReplicaView(UUID id, String name, String registrationRegion, String status, long version) {

    static AgencyReplicaView of(AgencyReplica a) {
        return new AgencyReplicaView(a.id, a.name, a.registrationRegion, a.status, a.version);
    }
}
