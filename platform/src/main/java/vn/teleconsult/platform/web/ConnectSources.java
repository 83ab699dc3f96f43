package vn.teleconsult.platform.web;

import java.util.Set;

/**
 * Origins other than the application's own that its web pages must connect to (a module's CDI bean contributes them,
 * e.g. the media servers' WebSocket addresses); they are added to the Content-Security-Policy's {@code connect-src}.
 */
public interface ConnectSources {

    /** Origins such as {@code wss://janus1.example.vn} (scheme, host and port; no path). */
    Set<String> connectSources();
}
