package org.socialwork.projects;

import org.socialwork.infra.testing.RealInfrastructureResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real Kafka broker and PostgreSQL (schema "projects"). */
@QuarkusTestResource(value = RealInfrastructureResource.class, initArgs = @ResourceArg(name = "schema", value = "projects"))
public class RealInfrastructure {
}
