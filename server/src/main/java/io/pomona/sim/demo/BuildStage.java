package io.pomona.sim.demo;

import java.util.Optional;

/**
 * Where a build stands, as the states Apple shows for it together (api-facts.md §6.1): its
 * {@code processingState}, its {@code buildBetaDetails} internal and external states, the state of
 * its beta review submission if it was submitted, and whether its export compliance is answered.
 */
enum BuildStage {
  PROCESSING("PROCESSING", "PROCESSING", "PROCESSING", Optional.empty(), false),
  FAILED("FAILED", "PROCESSING_EXCEPTION", "PROCESSING_EXCEPTION", Optional.empty(), false),
  INVALID("INVALID", "PROCESSING_EXCEPTION", "PROCESSING_EXCEPTION", Optional.empty(), false),
  MISSING_EXPORT_COMPLIANCE("VALID", "MISSING_EXPORT_COMPLIANCE", "MISSING_EXPORT_COMPLIANCE", Optional.empty(), false),
  /** Its export compliance answer names a declaration Apple is still reviewing. */
  IN_EXPORT_COMPLIANCE_REVIEW("VALID", "IN_EXPORT_COMPLIANCE_REVIEW", "IN_EXPORT_COMPLIANCE_REVIEW", Optional.empty(),
      true),
  READY_FOR_TESTING("VALID", "READY_FOR_BETA_TESTING", "READY_FOR_BETA_SUBMISSION", Optional.empty(), true),
  INTERNAL_TESTING("VALID", "IN_BETA_TESTING", "READY_FOR_BETA_SUBMISSION", Optional.empty(), true),
  WAITING_FOR_BETA_REVIEW("VALID", "IN_BETA_TESTING", "WAITING_FOR_BETA_REVIEW", Optional.of("WAITING_FOR_REVIEW"), true),
  IN_BETA_REVIEW("VALID", "IN_BETA_TESTING", "IN_BETA_REVIEW", Optional.of("IN_REVIEW"), true),
  BETA_APPROVED("VALID", "IN_BETA_TESTING", "BETA_APPROVED", Optional.of("APPROVED"), true),
  BETA_REJECTED("VALID", "IN_BETA_TESTING", "BETA_REJECTED", Optional.of("REJECTED"), true),
  EXTERNAL_TESTING("VALID", "IN_BETA_TESTING", "IN_BETA_TESTING", Optional.of("APPROVED"), true),
  EXPIRED("VALID", "EXPIRED", "EXPIRED", Optional.of("APPROVED"), true);

  private final String processingState;
  private final String internalState;
  private final String externalState;
  private final Optional<String> betaReviewState;
  private final boolean exportComplianceAnswered;

  BuildStage(String processingState, String internalState, String externalState, Optional<String> betaReviewState,
      boolean exportComplianceAnswered) {
    this.processingState = processingState;
    this.internalState = internalState;
    this.externalState = externalState;
    this.betaReviewState = betaReviewState;
    this.exportComplianceAnswered = exportComplianceAnswered;
  }

  String processingState() {
    return processingState;
  }

  String internalState() {
    return internalState;
  }

  /** The external state; a build uploaded for internal testing only has none to show. */
  String externalState(boolean internalOnly) {
    return internalOnly && processingState.equals("VALID") ? "NOT_APPLICABLE" : externalState;
  }

  Optional<String> betaReviewState() {
    return betaReviewState;
  }

  /** Whether {@code usesNonExemptEncryption} has an answer (Apple asks once processing is done). */
  boolean exportComplianceAnswered() {
    return exportComplianceAnswered;
  }

  boolean expired() {
    return this == EXPIRED;
  }

  boolean testable() {
    return processingState.equals("VALID") && this != EXPIRED && this != MISSING_EXPORT_COMPLIANCE
        && this != IN_EXPORT_COMPLIANCE_REVIEW;
  }
}
