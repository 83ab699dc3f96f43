package vn.teleconsult.scheduling.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.db.LocalTransaction;
import vn.teleconsult.scheduling.repository.BookingRepository;
import vn.teleconsult.scheduling.repository.BookingRepository.NewBooking;
import vn.teleconsult.scheduling.repository.BookingRepository.Outcome;

/**
 * Writes new bookings in batches (group commit, decision 0016): a request hands its booking over and waits; a writer
 * thread takes every booking waiting, writes them with one booking statement ({@link BookingRepository#insertBatch})
 * and their audit entries with one more, and commits once for all. While a batch is written, the next one gathers, so
 * the batch grows with the load and one booking costs a fraction of a commit. When a batch fails as a whole (an
 * idempotency key inserted meanwhile by another transaction, a deadlock with another replica's batch), its bookings are
 * written one by one, each in a transaction of its own.
 */
@ApplicationScoped
public class BookingWriter {

    /** Most bookings in one statement. */
    static final int MAX_BATCH = 256;

    /** Longest a request waits for its batch: far beyond the pool's acquisition timeout plus a statement's run. */
    private static final Duration WAIT = Duration.ofMinutes(2);

    /** A booking handed over, with its audit entry and what its request waits for. */
    record Pending(NewBooking booking, AuditTrail.Stamped audit, CompletableFuture<Outcome> outcome) {
        Pending(NewBooking booking, AuditTrail.Stamped audit) {
            this(booking, audit, new CompletableFuture<>());
        }
    }

    private final AgroalDataSource dataSource;
    private final BookingRepository bookings;
    private final AuditTrail audit;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private final int writerCount;
    private volatile boolean stopped;

    public BookingWriter(
            AgroalDataSource dataSource, BookingRepository bookings, AuditTrail audit, SchedulingSettings settings) {
        this.dataSource = dataSource;
        this.bookings = bookings;
        this.audit = audit;
        this.writerCount = settings.bookingWriters();
        if (writerCount < 1 || writerCount > 16) {
            throw new IllegalArgumentException(
                    "teleconsult.scheduling.booking-writers: between 1 and 16, not " + writerCount + ".");
        }
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < writerCount; i++) {
            var thread = new Thread(this::run, "booking-writer-" + i);
            thread.setDaemon(true);
            writers.add(thread);
            thread.start();
        }
    }

    /**
     * Writes the booking and its audit entry (committed together, with other bookings' or not at all) and answers
     * what became of it. Blocks until its batch has committed or rolled back.
     */
    public Outcome write(NewBooking booking, AuditTrail.Stamped entry) {
        if (stopped) {
            throw new IllegalStateException("The application is stopping; bookings are no longer written.");
        }
        var pending = new Pending(booking, entry);
        queue.add(pending);
        if (stopped && queue.remove(pending)) {
            throw new IllegalStateException("The application is stopping; bookings are no longer written.");
        }
        try {
            return pending.outcome().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("The booking could not be written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the booking was written", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The booking was not written within " + WAIT, e);
        }
    }

    private void run() {
        var batch = new ArrayList<Pending>(MAX_BATCH);
        while (!stopped) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException | Error e) {
                Log.errorf("Booking writer: a batch failed: %s", e.toString());
                batch.forEach(p -> p.outcome().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.outcome().completeExceptionally(new IllegalStateException("The application is stopping."));
        }
    }

    /** Writes one batch and settles each booking's outcome (what a writer thread does with the bookings it took). */
    void write(List<Pending> pending) {
        // a second booking with a key already in the batch is left to the full path (which finds the first by its key)
        var keys = new HashSet<String>();
        var batch = new ArrayList<Pending>(pending.size());
        for (Pending p : pending) {
            var b = p.booking().booking();
            if (b.idempotencyKey != null && !keys.add(b.bookedBy + "\n" + b.idempotencyKey)) {
                p.outcome().complete(Outcome.UNDECIDED);
            } else {
                batch.add(p);
            }
        }
        // one order for every batch, so that two batches never wait on each other's rows in a cycle
        batch.sort(Comparator.comparing((Pending p) -> p.booking().resourceId())
                .thenComparing(p -> p.booking().booking().startAt));
        List<Outcome> outcomes;
        try {
            outcomes = writeTogether(batch);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                settle(batch.get(0), e);
                return;
            }
            Log.infof("Booking writer: a batch of %d failed (%s); writing them one by one", batch.size(), state(e));
            batch.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome().complete(outcomes.get(i));
        }
    }

    private List<Outcome> writeTogether(List<Pending> batch) throws SQLException {
        return LocalTransaction.run(dataSource, connection -> {
            List<Outcome> outcomes = bookings.insertBatch(
                    connection, batch.stream().map(Pending::booking).toList());
            var entries = new ArrayList<AuditTrail.Stamped>();
            for (int i = 0; i < batch.size(); i++) {
                if (outcomes.get(i) == Outcome.WRITTEN) {
                    entries.add(batch.get(i).audit());
                }
            }
            audit.recordOn(connection, entries);
            return outcomes;
        });
    }

    private void writeAlone(Pending p) {
        try {
            p.outcome().complete(writeTogether(List.of(p)).get(0));
        } catch (SQLException | RuntimeException e) {
            settle(p, e);
        }
    }

    /** A booking written alone failed: its idempotency key was inserted meanwhile (the full path answers), or worse. */
    private static void settle(Pending p, Exception e) {
        if (e instanceof SQLException s && "23505".equals(s.getSQLState())) {
            p.outcome().complete(Outcome.UNDECIDED);
        } else {
            p.outcome()
                    .completeExceptionally(
                            e instanceof RuntimeException r
                                    ? r
                                    : new IllegalStateException("The booking could not be written", e));
        }
    }

    private static String state(Exception e) {
        return e instanceof SQLException s
                ? "SQL state " + s.getSQLState()
                : e.getClass().getSimpleName();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        for (Thread thread : writers) {
            thread.interrupt();
        }
        for (Thread thread : writers) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
