package vn.teleconsult.identity.service;

/** A request to the token endpoint, parsed from its form body and client authentication. */
public record TokenRequest(
        String grantType,
        String username,
        String password,
        String refreshToken,
        String clientId,
        String clientSecret) {}
