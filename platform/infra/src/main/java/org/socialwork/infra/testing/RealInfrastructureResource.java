package org.socialwork.infra.testing;

import java.util.HashMap;
import java.util.Map;

import org.socialwork.infra.kafka.KafkaBroker;
import org.socialwork.infra.postgres.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under test at a real Kafka broker and a fresh PostgreSQL database holding the
 * service's schema, owned by the service's own role. Init argument {@code schema} names the
 * schema (and so the role, {@code <schema>_svc}). The services' {@code %test} profile trusts the dev
 * key pair ({@code mp.jwt.verify.publickey.location=dev-keys/publicKey.pem}): it must be set at build
 * time, or smallrye-jwt generates an in-memory key pair for tests instead.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    private String schema = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.getOrDefault("schema", schema);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = TestInfrastructure.postgres();
        PostgresServer.ServiceDatabase db = postgres.provision(
                TestInfrastructure.freshDatabaseName(schema), schema, schema + "_svc", "test-" + schema);
        KafkaBroker kafka = TestInfrastructure.startKafka();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.username());
        config.put("quarkus.datasource.password", db.password());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // The broker and the server outlive one application start; TestInfrastructure stops them at JVM exit.
    }
}
