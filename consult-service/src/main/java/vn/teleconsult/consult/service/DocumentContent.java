package vn.teleconsult.consult.service;

/** A document's bytes with its checked media type and file name, to send back as stored. */
public record DocumentContent(String fileName, String mediaType, byte[] content) {}
