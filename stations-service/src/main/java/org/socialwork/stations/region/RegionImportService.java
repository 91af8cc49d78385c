package org.socialwork.stations.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.socialwork.platform.problem.Problems;
import org.socialwork.platform.time.BusinessClock;
import org.socialwork.stations.StationsConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Import jobs: created by a request, run one at a time on a worker thread (two imports of the
 * same list would only contend for the same rows), progress written as they go.
 */
@ApplicationScoped
public class RegionImportService {

    private static final Logger LOG = Logger.getLogger(RegionImportService.class);

    @Inject
    RegionImportJobRepository jobs;

    @Inject
    RegionImporter importer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    StationsConfig config;

    @Inject
    BusinessClock clock;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "region-import");
        thread.setDaemon(true);
        return thread;
    });

    /** Jobs a previous process left unfinished will never finish: say so instead of showing them running forever. */
    void failOrphans(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> jobs.update(
                "state = ?1, errorKey = ?2, finishedAt = ?3 where state in ?4", RegionImportState.FAILED,
                "region.import.interrupted", clock.now(),
                java.util.List.of(RegionImportState.QUEUED, RegionImportState.RUNNING)));
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Queues an import of {@code files}. {@code ownedDirectory} (uploads copied by the request) is
     * deleted when the job ends; a server-side directory is left alone.
     */
    @Transactional
    public RegionImportJob start(String source, Map<DivisionFile, Path> files, Path ownedDirectory) {
        if (files.isEmpty()) {
            throw Problems.rule("region.import.no-files");
        }
        RegionImportJob job = new RegionImportJob();
        job.id = UUID.randomUUID();
        job.state = RegionImportState.QUEUED;
        job.source = source;
        job.createdAt = clock.now();
        jobs.persist(job);
        UUID id = job.id;
        Map<DivisionFile, Path> copy = new EnumMap<>(files);
        // the worker must only see the job once it is committed
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.submit(() -> run(id, copy, ownedDirectory));
                } else {
                    delete(ownedDirectory);
                }
            }
        });
        return job;
    }

    @Transactional
    public RegionImportJob get(UUID id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> Problems.notFound("region-import", id));
    }

    /** The files of the division list found in {@code directory}, which must lie below the import root. */
    public Map<DivisionFile, Path> filesIn(String directory) {
        Path root;
        Path requested;
        try {
            root = Path.of(config.regionImport().serverRoot()).toAbsolutePath().normalize();
            requested = Path.of(directory).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw Problems.rule("region.import.directory-outside", directory);
        }
        if (!requested.isAbsolute() || !requested.startsWith(root)) {
            throw Problems.rule("region.import.directory-outside", directory);
        }
        try {
            // symbolic links must not lead out of the root either
            if (!Files.isDirectory(requested) || !requested.toRealPath().startsWith(root.toRealPath())) {
                throw Problems.rule("region.import.directory-outside", directory);
            }
        } catch (IOException e) {
            throw Problems.rule("region.import.directory-outside", directory);
        }
        Map<DivisionFile, Path> files = new EnumMap<>(DivisionFile.class);
        for (DivisionFile kind : DivisionFile.values()) {
            Path file = requested.resolve(kind.fileName());
            if (Files.isRegularFile(file)) {
                files.put(kind, file);
            }
        }
        return files;
    }

    private void run(UUID id, Map<DivisionFile, Path> files, Path ownedDirectory) {
        try {
            long total = RegionImporter.countRows(files);
            QuarkusTransaction.requiringNew().run(() -> {
                RegionImportJob job = jobs.findById(id);
                job.state = RegionImportState.RUNNING;
                job.startedAt = clock.now();
                job.rowsTotal = total;
            });
            RegionImporter.Result result;
            try (Connection progressConnection = dataSource.getConnection();
                    PreparedStatement progress = progressConnection.prepareStatement(
                            "update region_import_job set rows_done = ? where id = ?")) {
                result = importer.run(files, rows -> {
                    try {
                        progress.setLong(1, rows);
                        progress.setObject(2, id);
                        progress.executeUpdate();
                    } catch (SQLException e) {
                        LOG.warnf("could not record the progress of region import %s: %s", id, e.getMessage());
                    }
                });
            }
            QuarkusTransaction.requiringNew().run(() -> {
                RegionImportJob job = jobs.findById(id);
                job.state = RegionImportState.SUCCEEDED;
                job.rowsDone = result.rows();
                job.inserted = result.inserted();
                job.updated = result.updated();
                job.unchanged = result.unchanged();
                job.finishedAt = clock.now();
            });
            LOG.infof("region import %s: %d rows, %d inserted, %d updated", id, result.rows(), result.inserted(),
                    result.updated());
        } catch (RegionImportException e) {
            fail(id, e.key, e.args);
        } catch (Exception e) {
            LOG.errorf(e, "region import %s failed", id);
            fail(id, "region.import.internal", new String[] {e.getClass().getSimpleName()});
        } finally {
            delete(ownedDirectory);
        }
    }

    private void fail(UUID id, String key, String[] args) {
        QuarkusTransaction.requiringNew().run(() -> {
            RegionImportJob job = jobs.findById(id);
            job.state = RegionImportState.FAILED;
            job.errorKey = key;
            job.errorArgs = args;
            job.finishedAt = clock.now();
        });
    }

    static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
