package org.socialwork.reporting.readmodel;

import java.util.List;

import jakarta.inject.Inject;

import org.socialwork.platform.events.CloudEvent;
import org.socialwork.platform.inbox.EventHandler;
import org.socialwork.platform.inbox.Inbox;

/**
 * Applies the events of a group of topics to every writable generation, through the inbox: an
 * event id is applied once, a snapshot never over a newer one. Each group gets its own consumer
 * thread, so a slow projects topic never delays station coverage; consecutive events of a partition
 * are applied in one transaction, so a county's rollup rows are written once per batch, not per record.
 */
abstract class ReadModelConsumer implements EventHandler {

    @Inject
    Inbox inbox;

    @Inject
    EventParser parser;

    @Inject
    ReadModelWriter writer;

    @Inject
    Generations generations;

    @Inject
    AppliedClock clock;

    @Override
    public void handle(String topic, CloudEvent event) {
        ParsedEvent parsed = parser.parse(topic, event);
        List<Integer> gens = generations.writable();
        Runnable effect = () -> gens.forEach(gen -> writer.write(gen, parsed.payload()));
        Inbox.Outcome outcome = parsed.snapshot()
                ? inbox.applySnapshot(event.id(), topic, parsed.aggregateType(), parsed.key(), parsed.version(), effect)
                : inbox.apply(event.id(), topic, effect);
        if (outcome == Inbox.Outcome.APPLIED) {
            clock.tick(name(), event.time());
        }
    }

    /** A poll's events of one partition share a transaction: their rollup changes are summed and written once. */
    @Override
    public boolean appliesInBatches() {
        return true;
    }

    @Override
    public void beforeCommit() {
        writer.flush();
        clock.flush();
    }
}
