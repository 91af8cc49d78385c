package org.socialwork.stations;

import org.socialwork.infra.testing.RealInfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real Kafka broker and PostgreSQL (schema "stations"). */
@QuarkusTestResource(value = RealInfrastructureResource.class, initArgs = @ResourceArg(name = "schema", value = "stations"))
public class RealInfrastructure {
}
