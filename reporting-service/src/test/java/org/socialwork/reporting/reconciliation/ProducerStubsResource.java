package org.socialwork.reporting.reconciliation;

import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs with the producers' source totals served by {@link ProducerStubs}. */
@QuarkusTestResource(ProducerStubs.class)
public class ProducerStubsResource {
}
