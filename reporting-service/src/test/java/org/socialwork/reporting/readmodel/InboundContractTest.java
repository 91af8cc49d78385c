package org.socialwork.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.time.BusinessClock;

import io.quarkus.test.junit.QuarkusTest;

/** Our inbound records read the producers' own contract examples, with every field we rely on. */
@QuarkusTest
class InboundContractTest {

    @Inject
    EventParser parser;

    @Inject
    BusinessClock clock;

    private ParsedEvent parse(String topic, String type, String module, String file) {
        byte[] data = Fixtures.example(module, file).toString().getBytes(StandardCharsets.UTF_8);
        return parser.parse(topic, new CloudEvent(UUID.randomUUID(), "urn:test", type, "x", clock.now(),
                CloudEvent.JSON, data));
    }

    @Test
    void stationsExamplesAreRead() {
        Inbound.Region region = (Inbound.Region) parse(Topics.REGION, "org.socialwork.region.changed.v1",
                "stations-service", "region-changed.v1.json").payload();
        assertThat(region.code()).isEqualTo("330481001");
        assertThat(region.level()).isEqualTo("TOWNSHIP");
        ParsedEvent station = parse(Topics.STATION, "org.socialwork.station.changed.v1", "stations-service",
                "station-changed.v1.json");
        Inbound.Station s = (Inbound.Station) station.payload();
        assertThat(station.version()).isEqualTo(3);
        assertThat(s.meetsStandard()).isTrue();
        assertThat(s.designations()).extracting(Inbound.Designation::kind).containsExactly("DEMONSTRATION");
        Inbound.Agency agency = (Inbound.Agency) parse(Topics.AGENCY, "org.socialwork.agency.changed.v1",
                "stations-service", "agency-changed.v1.json").payload();
        assertThat(agency.grade()).isEqualTo("4A");
    }

    @Test
    void personnelExamplesAreRead() {
        Inbound.Worker worker = (Inbound.Worker) parse(Topics.WORKER, "org.socialwork.worker.changed.v1",
                "personnel-service", "worker-changed.v1.json").payload();
        assertThat(worker.qualificationLevel()).isEqualTo("INTERMEDIATE");
        assertThat(worker.version()).isEqualTo(7);
        Inbound.Assignment assignment = (Inbound.Assignment) parse(Topics.ASSIGNMENT,
                "org.socialwork.assignment.changed.v1", "personnel-service", "assignment-changed.v1.json").payload();
        assertThat(assignment.stationRegionCode()).isEqualTo("330481001");
        assertThat(assignment.filing().late()).isTrue();
        Inbound.Training training = (Inbound.Training) parse(Topics.TRAINING, "org.socialwork.training.changed.v1",
                "personnel-service", "training-changed.v1.json").payload();
        assertThat(training.attendance()).hasSize(1);
        Inbound.Dispatch dispatch = (Inbound.Dispatch) parse(Topics.DISPATCH, "org.socialwork.dispatch.changed.v1",
                "personnel-service", "dispatch-changed.v1.json").payload();
        assertThat(dispatch.localTrainees()).isEqualTo(5);
        Inbound.Volunteer volunteer = (Inbound.Volunteer) parse(Topics.VOLUNTEER, "org.socialwork.volunteer.changed.v1",
                "personnel-service", "volunteer-changed.v1.json").payload();
        assertThat(volunteer.serviceHours()).isEqualByComparingTo("42.5");
    }

    @Test
    void projectsExamplesAreRead() {
        Inbound.Project project = (Inbound.Project) parse(Topics.PROJECT, "org.socialwork.project.changed.v1",
                "projects-service", "project-changed.v1.json").payload();
        assertThat(project.budgetFen()).isEqualTo(120000000L);
        assertThat(project.funding()).hasSize(2);
        assertThat(project.staffing().minFullTimeWorkers()).isEqualTo(3);
        Inbound.Client client = (Inbound.Client) parse(Topics.CLIENT, "org.socialwork.client.changed.v1",
                "projects-service", "client-changed.v1.json").payload();
        assertThat(client.riskLevel()).isEqualTo("KEY");
        assertThat(client.requiredVisitsPerMonth()).isEqualTo(2);
        Inbound.Need need = (Inbound.Need) parse(Topics.NEED, "org.socialwork.need.changed.v1", "projects-service",
                "need-changed.v1.json").payload();
        assertThat(need.regionCode()).isEqualTo("330481001001");
        Inbound.Evaluation evaluation = (Inbound.Evaluation) parse(Topics.EVALUATION,
                "org.socialwork.evaluation.changed.v1", "projects-service", "evaluation-changed.v1.json").payload();
        assertThat(evaluation.score()).isEqualByComparingTo("86.5");
        assertThat(evaluation.rectifications()).hasSize(1);
        ParsedEvent record = parse(Topics.SERVICE_RECORD, "org.socialwork.service-record.recorded.v1",
                "projects-service", "service-record-recorded.v1.json");
        assertThat(record.snapshot()).isFalse();
        Inbound.ServiceRecord r = (Inbound.ServiceRecord) record.payload();
        assertThat(r.revision()).isEqualTo(1);
        assertThat(r.durationMinutes()).isEqualTo(45);
        assertThat(r.serviceItemCategories()).containsExactly("ELDERLY");
    }

    @Test
    void anEventOfAnotherTypeIsRefused() {
        assertThatThrownBy(() -> parse(Topics.STATION, "org.socialwork.agency.changed.v1", "stations-service",
                "station-changed.v1.json")).hasMessageContaining("unexpected event type");
    }
}
