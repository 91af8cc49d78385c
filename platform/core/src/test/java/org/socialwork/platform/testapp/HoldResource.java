package org.socialwork.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Requests that stay in the service until a test lets them go: what a slow database makes of a burst. */
@Path("/hold")
@Produces(MediaType.TEXT_PLAIN)
public class HoldResource {

    /** The latch the held requests wait on. */
    @ApplicationScoped
    public static class Gate {

        private volatile CountDownLatch latch = new CountDownLatch(0);

        public void close() {
            latch = new CountDownLatch(1);
        }

        public void open() {
            latch.countDown();
        }

        void pass() {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Inject
    Gate gate;

    @GET
    public String hold() {
        gate.pass();
        return "released";
    }

    @GET
    @Path("/fail")
    public String holdThenFail() {
        gate.pass();
        throw new IllegalStateException("held, then failed");
    }
}
