package org.socialwork.platform.outbox;

import java.util.List;

/**
 * Told of every batch of outbox rows the relay has just published, inside the relay's transaction:
 * what it writes commits with the rows' "sent" mark, so each event is handed on once per commit.
 * A failure rolls the batch back and the rows are published (and handed on) again, so an
 * implementation must tolerate seeing an event twice.
 */
public interface PublishedEvents {

    void published(List<OutboxRecord> records);
}
