package vn.teleconsult.scheduling.domain;

import java.time.Instant;

/** A half-open time range [start, end) in UTC. */
public record Interval(Instant start, Instant end) {

    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Interval other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }
}
