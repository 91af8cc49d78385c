package org.socialwork.reporting.readmodel;

/**
 * An inbound event understood: the payload record, and how the inbox recognises it (a snapshot of
 * {@code aggregateType}/{@code key} at {@code version}, or a fact).
 */
public record ParsedEvent(String aggregateType, String key, long version, boolean snapshot, Object payload) {
}
