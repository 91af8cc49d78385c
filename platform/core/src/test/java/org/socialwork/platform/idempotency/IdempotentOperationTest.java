package org.socialwork.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

class IdempotentOperationTest {

    @Path("/api/v1/workers/")
    static class Workers {
        @POST
        public void create() {
        }

        @POST
        @Path("{id: [0-9a-f-]{36}}/certificates")
        public void certify() {
        }

        @PUT
        @Path("/{id}/assignments/{assignment}/")
        public void move() {
        }
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Workers.class.getMethod(name);
    }

    @Test
    void theOperationIsTheHttpMethodAndTheResourcePath() throws Exception {
        assertThat(IdempotentInterceptor.operation(method("create"), Map.of(), Map.of())).isEqualTo("POST /api/v1/workers");
    }

    @Test
    void pathParametersAreFilledInSoOneKeyCannotServeTwoResources() throws Exception {
        assertThat(IdempotentInterceptor.operation(method("certify"), Map.of("id", "5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01"), Map.of()))
                .isEqualTo("POST /api/v1/workers/5f0c2a0e-8d3b-4c61-9a57-2b8e4f6d1a01/certificates");
        assertThat(IdempotentInterceptor.operation(method("move"), Map.of("id", "w1", "assignment", "a7"), Map.of()))
                .isEqualTo("PUT /api/v1/workers/w1/assignments/a7");
    }

    @Test
    void queryParametersCountByNameWhateverTheirOrder() throws Exception {
        assertThat(IdempotentInterceptor.operation(method("create"), Map.of(), Map.of("asOf", "2025-03-31", "dryRun", "true")))
                .isEqualTo("POST /api/v1/workers?asOf=2025-03-31&dryRun=true");
    }
}
