package org.socialwork.reporting.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Consumes the topics of personnel-service into the read models. */
@ApplicationScoped
public class PersonnelEventsConsumer extends ReadModelConsumer {

    @Override
    public String name() {
        return "personnel-read-model";
    }

    @Override
    public List<String> topics() {
        return Topics.PERSONNEL;
    }
}
