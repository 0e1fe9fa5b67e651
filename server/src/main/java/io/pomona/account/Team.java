package io.pomona.account;

import java.time.Instant;

/**
 * A team (an App Store Connect provider): the unit of isolation.
 *
 * @param id the 10-character team id (the App ID prefix and certificate OU), e.g. {@code 7X3K9P2Q8L}
 * @param issuerId the UUID that team keys put in the token's {@code iss}
 * @param name the team's name
 */
public record Team(String id, String issuerId, String name, Instant createdAt) {}
