package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingKeyDirectoryTest {
  private final AuthFixture fx = new AuthFixture();
  private final CountingDirectory source = new CountingDirectory(fx.directory);
  private final AtomicLong dataVersion = new AtomicLong(7);
  private final CachingKeyDirectory cached = new CachingKeyDirectory(source, dataVersion::get);

  @Test
  void unchangedDataIsReadFromTheSourceOnce() {
    for (int i = 0; i < 5; i++) {
      assertThat(cached.key(fx.teamKey.keyId())).contains(fx.teamKey);
      assertThat(cached.team(fx.team.id())).contains(fx.team);
    }

    assertThat(source.keyLookups.get()).isEqualTo(1);
    assertThat(source.teamLookups.get()).isEqualTo(1);
  }

  @Test
  void oneRequestsLookupsReadTheDataVersionOnce() {
    AtomicInteger versionReads = new AtomicInteger();
    CachingKeyDirectory counted = new CachingKeyDirectory(source, () -> {
      versionReads.incrementAndGet();
      return dataVersion.get();
    });
    int atStart = versionReads.get();

    KeyDirectory request = counted.forOneRequest();
    assertThat(request.key(fx.teamKey.keyId())).contains(fx.teamKey);
    assertThat(request.team(fx.team.id())).contains(fx.team);

    assertThat(versionReads.get() - atStart).isEqualTo(1);
  }

  @Test
  void aRequestStartedAfterAChangeSeesIt() {
    assertThat(cached.forOneRequest().key(fx.teamKey.keyId()).orElseThrow().active()).isTrue();

    fx.directory.revoke(fx.teamKey.keyId(), AuthFixture.START.plusSeconds(5));
    dataVersion.incrementAndGet();

    assertThat(cached.forOneRequest().key(fx.teamKey.keyId()).orElseThrow().active()).isFalse();
  }

  @Test
  void revocationIsSeenOnTheFirstLookupAfterTheDataVersionMoved() {
    assertThat(cached.key(fx.teamKey.keyId()).orElseThrow().active()).isTrue();

    fx.directory.revoke(fx.teamKey.keyId(), AuthFixture.START.plusSeconds(5));
    dataVersion.incrementAndGet();

    ApiKey after = cached.key(fx.teamKey.keyId()).orElseThrow();
    assertThat(after.active()).isFalse();
    assertThat(after.revokedAt()).contains(AuthFixture.START.plusSeconds(5));
  }

  @Test
  void withoutAVersionChangeTheRememberedAnswerStands() {
    cached.key(fx.teamKey.keyId());
    fx.directory.revoke(fx.teamKey.keyId(), AuthFixture.START.plusSeconds(5));

    // The source changed behind the version's back: only the version tells the cache to look again.
    assertThat(cached.key(fx.teamKey.keyId()).orElseThrow().active()).isTrue();
    assertThat(source.keyLookups.get()).isEqualTo(1);
  }

  @Test
  void unknownKeysAreRememberedAsAbsentUntilTheDataChanges() {
    assertThat(cached.key("NOSUCHKEY1")).isEmpty();
    assertThat(cached.key("NOSUCHKEY1")).isEmpty();
    assertThat(source.keyLookups.get()).isEqualTo(1);

    fx.directory.add(keyNamed("NOSUCHKEY1"));
    dataVersion.incrementAndGet();

    assertThat(cached.key("NOSUCHKEY1")).map(ApiKey::keyId).contains("NOSUCHKEY1");
  }

  @Test
  void madeUpKeyIdsBeyondTheBoundAreLookedUpEveryTime() {
    for (int i = 0; i < CachingKeyDirectory.MAX_ENTRIES + 10; i++) {
      cached.key("MADEUP" + i);
    }
    int before = source.keyLookups.get();

    cached.key("MADEUP" + (CachingKeyDirectory.MAX_ENTRIES + 5));
    cached.key("MADEUP" + (CachingKeyDirectory.MAX_ENTRIES + 5));

    assertThat(source.keyLookups.get()).isEqualTo(before + 2);
  }

  private ApiKey keyNamed(String keyId) {
    return new ApiKey(keyId, fx.teamKey.teamId(), "late", fx.teamKey.roles(), fx.teamKey.kind(),
        Optional.empty(), fx.teamKey.publicKeyPem(), AuthFixture.START, Optional.empty());
  }

  /** Counts the lookups that reach the real directory. */
  private static final class CountingDirectory implements KeyDirectory {
    final AtomicInteger keyLookups = new AtomicInteger();
    final AtomicInteger teamLookups = new AtomicInteger();
    private final KeyDirectory delegate;

    CountingDirectory(KeyDirectory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<ApiKey> key(String keyId) {
      keyLookups.incrementAndGet();
      return delegate.key(keyId);
    }

    @Override
    public Optional<Team> team(String teamId) {
      teamLookups.incrementAndGet();
      return delegate.team(teamId);
    }
  }
}
