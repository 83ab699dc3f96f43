package vn.teleconsult.identity.service;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** How many failed sign-ins are allowed, within what window, and how long a pause follows. */
@ConfigMapping(prefix = "teleconsult.login")
public interface LoginSettings {
    int maxFailuresPerUser();

    int maxFailuresPerAddress();

    Duration failureWindow();

    Duration lockout();
}
