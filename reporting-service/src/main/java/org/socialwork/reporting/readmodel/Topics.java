package org.socialwork.reporting.readmodel;

import java.util.List;

/** The topics this service consumes (DESIGN.md §4) and the event types each carries. */
public final class Topics {

    public static final String REGION = "stations.region.v1";
    public static final String STATION = "stations.station.v1";
    public static final String AGENCY = "stations.agency.v1";
    public static final String WORKER = "personnel.worker.v1";
    public static final String ASSIGNMENT = "personnel.assignment.v1";
    public static final String TRAINING = "personnel.training.v1";
    public static final String DISPATCH = "personnel.dispatch.v1";
    public static final String VOLUNTEER = "personnel.volunteer.v1";
    public static final String PROJECT = "projects.project.v1";
    public static final String CLIENT = "projects.client.v1";
    public static final String NEED = "projects.need.v1";
    public static final String EVALUATION = "projects.evaluation.v1";
    public static final String SERVICE_RECORD = "projects.service-record.v1";

    public static final List<String> STATIONS = List.of(REGION, STATION, AGENCY);
    public static final List<String> PERSONNEL = List.of(WORKER, ASSIGNMENT, TRAINING, DISPATCH, VOLUNTEER);
    public static final List<String> PROJECTS = List.of(PROJECT, CLIENT, NEED, EVALUATION, SERVICE_RECORD);

    public static List<String> all() {
        return java.util.stream.Stream.of(STATIONS, PERSONNEL, PROJECTS).flatMap(List::stream).toList();
    }

    private Topics() {
    }
}
