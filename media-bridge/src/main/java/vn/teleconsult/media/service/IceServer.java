package vn.teleconsult.media.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One entry of RTCConfiguration.iceServers as browsers take it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {}
