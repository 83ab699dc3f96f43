package vn.teleconsult.consult.service;

import java.util.List;
import java.util.Map;
import vn.teleconsult.consult.domain.ConsultState;

/** A page of a worklist, the total matching, and how many of the caller's consults are in each state. */
public record Worklist(String scope, List<ConsultSummary> items, long total, Map<ConsultState, Long> counts) {}
