package vn.teleconsult.imaging.service;

import java.nio.file.Path;

/** One received instance waiting in a temporary file, or why its part was refused before parsing. */
public record ReceivedPart(Path file, String refusal) {}
