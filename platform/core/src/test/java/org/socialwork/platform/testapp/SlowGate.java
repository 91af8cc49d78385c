package org.socialwork.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** Holds a note whose text is "slow" until a test opens the gate: a request that is still running. */
@ApplicationScoped
public class SlowGate {

    private volatile CountDownLatch latch = new CountDownLatch(0);

    public void close() {
        latch = new CountDownLatch(1);
    }

    public void open() {
        latch.countDown();
    }

    void passIfSlow(String text) {
        if ("slow".equals(text)) {
            try {
                latch.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
