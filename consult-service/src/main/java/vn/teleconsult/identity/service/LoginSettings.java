package vn.teleconsult.identity.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How failed sign-ins slow down further attempts: how many are free, how the pause grows, and when counts start over.
 */
@ConfigMapping(prefix = "teleconsult.login")
public interface LoginSettings {

    /** Failures of one user name from one address before each further failure pauses that pair. */
    @WithDefault("3")
    int freeFailures();

    /** Failures from one address, across all user names, before that address is paused. */
    @WithDefault("30")
    int freeFailuresPerAddress();

    /** Failures of one user name, across all addresses, before that user name is slowed everywhere. */
    @WithDefault("100")
    int freeFailuresPerUser();

    /** The first pause; each further failure doubles it. */
    @WithDefault("PT1S")
    Duration firstDelay();

    /** The longest pause of a user name from one address, and of one address. */
    @WithDefault("PT15M")
    Duration maxDelay();

    /** The longest pause of a user name across all addresses: it slows a distributed attack, never locks for long. */
    @WithDefault("PT1M")
    Duration maxDelayPerUser();

    /** Counts start over after this long without a failure (or since the last pause ended). */
    @WithDefault("PT15M")
    Duration failureWindow();
}
