package org.socialwork.reporting.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Consumes the topics of stations-service into the read models. */
@ApplicationScoped
public class StationsEventsConsumer extends ReadModelConsumer {

    @Override
    public String name() {
        return "stations-read-model";
    }

    @Override
    public List<String> topics() {
        return Topics.STATIONS;
    }
}
