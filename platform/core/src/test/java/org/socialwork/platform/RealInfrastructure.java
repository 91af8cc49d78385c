package org.socialwork.platform;

import org.socialwork.infra.testing.RealInfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The platform's tests run against a real Kafka broker and PostgreSQL (schema "platform_test"). */
@QuarkusTestResource(value = RealInfrastructureResource.class, initArgs = @ResourceArg(name = "schema", value = "platform_test"))
public class RealInfrastructure {
}
