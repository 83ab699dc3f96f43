package vn.teleconsult.consult.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A correction or addition to a signed report. */
public record AddendumInput(@NotBlank @Size(max = 20000) String body) {}
