package org.socialwork.reporting.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Consumes the topics of projects-service into the read models. */
@ApplicationScoped
public class ProjectsEventsConsumer extends ReadModelConsumer {

    @Override
    public String name() {
        return "projects-read-model";
    }

    @Override
    public List<String> topics() {
        return Topics.PROJECTS;
    }
}
