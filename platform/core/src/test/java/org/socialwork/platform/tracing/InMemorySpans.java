package org.socialwork.platform.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The span exporter of the tests: Quarkus exports to every {@code SpanExporter} bean, so the spans of a
 * traced test can be read back. Unused while the SDK is disabled, as it is by default.
 */
@ApplicationScoped
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
