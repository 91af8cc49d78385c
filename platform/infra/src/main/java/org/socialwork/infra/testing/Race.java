package org.socialwork.infra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import io.restassured.response.Response;

/**
 * Starts the same write from many threads at once (all released by one latch) and counts the
 * answers by status: the way to prove that a lost optimistic race is a 412, never a 500.
 */
public final class Race {

    private Race() {
    }

    /** Runs {@code write} (given the writer's number) from {@code writers} threads at once; statuses and their counts. */
    public static Map<Integer, Integer> statuses(int writers, IntFunction<Response> write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch ready = new CountDownLatch(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return write.apply(n).statusCode();
                }));
            }
            ready.await();
            go.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
