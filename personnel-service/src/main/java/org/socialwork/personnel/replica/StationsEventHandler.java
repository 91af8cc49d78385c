package org.socialwork.personnel.replica;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.inbox.EventHandler;
import org.socialwork.platform.inbox.Inbox;
import org.socialwork.platform.time.BusinessClock;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the station and agency replicas from the stations-service snapshots, once per event and
 * never over a newer snapshot (the inbox records both in the same transaction).
 */
@ApplicationScoped
public class StationsEventHandler implements EventHandler {

    static final String STATION_TOPIC = "stations.station.v1";
    static final String AGENCY_TOPIC = "stations.agency.v1";
    private static final Logger LOG = Logger.getLogger(StationsEventHandler.class);

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    StationReplicaRepository stations;

    @Inject
    AgencyReplicaRepository agencies;

    @Inject
    BusinessClock clock;

    @Override
    public String name() {
        return "stations-replica";
    }

    @Override
    public List<String> topics() {
        return List.of(STATION_TOPIC, AGENCY_TOPIC);
    }

    @Override
    public void handle(String topic, CloudEvent event) {
        if (STATION_TOPIC.equals(topic)) {
            StationChanged s = read(event, StationChanged.class);
            if (s.id() == null || s.version() == null || s.regionCode() == null || s.status() == null) {
                throw new IllegalArgumentException("station snapshot lacks id, version, regionCode or status");
            }
            var outcome = inbox.applySnapshot(event.id(), topic, "station", s.id().toString(), s.version(), () -> apply(s));
            LOG.debugf("station %s v%d: %s", s.id(), s.version(), outcome);
        } else if (AGENCY_TOPIC.equals(topic)) {
            AgencyChanged a = read(event, AgencyChanged.class);
            if (a.id() == null || a.version() == null || a.registrationRegion() == null || a.status() == null) {
                throw new IllegalArgumentException("agency snapshot lacks id, version, registrationRegion or status");
            }
            var outcome = inbox.applySnapshot(event.id(), topic, "agency", a.id().toString(), a.version(), () -> apply(a));
            LOG.debugf("agency %s v%d: %s", a.id(), a.version(), outcome);
        }
    }

    private void apply(StationChanged s) {
        StationReplica found = stations.findById(s.id());
        StationReplica station = found == null ? new StationReplica() : found;
        station.id = s.id();
        station.name = s.name() == null ? "" : s.name();
        station.level = s.level() == null ? "" : s.level();
        station.regionCode = s.regionCode();
        station.status = s.status();
        station.operationMode = s.operationMode() == null ? "GOVERNMENT_RUN" : s.operationMode();
        station.agencyId = s.agencyId();
        station.version = s.version();
        station.updatedAt = s.updatedAt() == null ? clock.now() : s.updatedAt();
        if (found == null) {
            stations.persist(station);
        }
    }

    private void apply(AgencyChanged a) {
        AgencyReplica found = agencies.findById(a.id());
        AgencyReplica agency = found == null ? new AgencyReplica() : found;
        agency.id = a.id();
        agency.name = a.name() == null ? "" : a.name();
        agency.registrationRegion = a.registrationRegion();
        agency.status = a.status();
        agency.version = a.version();
        agency.updatedAt = a.updatedAt() == null ? clock.now() : a.updatedAt();
        if (found == null) {
            agencies.persist(agency);
        }
    }

    private <T> T read(CloudEvent event, Class<T> type) {
        try {
            return mapper.readValue(event.data(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + " payload: " + e.getMessage());
        }
    }
}
