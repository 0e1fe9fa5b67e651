package io.pomona.conformance;

import io.pomona.catalog.Operation;
import io.pomona.store.Store;
import io.pomona.testing.Documents;
import io.pomona.uploads.UploadVault;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The App Store media operations whose success needs more than sample resources: a commit needs a
 * real reservation whose part arrived (and nothing committed yet), and reordering a set names the
 * set's own assets.
 */
public final class MediaProbes implements ProbePlanner.DomainProbes {
  /** The uploadable App Store media types, whose reservations are made for real. */
  public static final Set<String> TYPES = Set.of("appScreenshots", "appPreviews", "appEventScreenshots",
      "appEventVideoClips", "appStoreReviewAttachments", "routingAppCoverages");
  /** The ordered sets: set type → its assets' relationship, and the asset's relationship back. */
  private static final Map<String, String[]> SETS = Map.of(
      "appScreenshotSets_appScreenshots_replaceToManyRelationship",
      new String[] {"appScreenshotSets", "appScreenshots", "appScreenshotSet"},
      "appPreviewSets_appPreviews_replaceToManyRelationship",
      new String[] {"appPreviewSets", "appPreviews", "appPreviewSet"});

  private final SweepFixtures fixtures;
  private final Store store;
  private final UploadVault vault;
  private ProbePlanner planner;

  public MediaProbes(SweepFixtures fixtures, Store store, UploadVault vault) {
    this.fixtures = fixtures;
    this.store = store;
    this.vault = vault;
  }

  /** The planner whose probe shapes these follow (set once both exist). */
  public void plannedBy(ProbePlanner planner) {
    this.planner = planner;
  }

  @Override
  public Optional<Probe> plan(Operation operation) {
    if (operation.id().endsWith("_updateInstance") && TYPES.contains(operation.type())) {
      return Optional.of(commit(operation));
    }
    String[] set = SETS.get(operation.id());
    return set == null ? Optional.empty() : Optional.of(reorder(operation, set[0], set[1], set[2]));
  }

  private Probe commit(Operation operation) {
    String asset = fixtures.fresh(operation.type(), Map.of("fileSize", 1), Map.of());
    String token = store.read(tx -> tx.get(fixtures.teamId(), operation.type(), asset)).orElseThrow()
        .attributes().get("assetToken").toString();
    vault.putPart(token, 1, 1, new ByteArrayInputStream(new byte[] {7}));
    return planner.probe(operation, asset, Optional.of(fixtures.body(operation, Optional.of(asset))));
  }

  private Probe reorder(Operation operation, String setType, String assetType, String backToSet) {
    String set = fixtures.fresh(setType, Map.of());
    String first = fixtures.fresh(assetType, Map.of(backToSet, List.of(set)));
    String second = fixtures.fresh(assetType, Map.of(backToSet, List.of(set)));
    return planner.probe(operation, set, Optional.of(Documents.linkage(assetType, second, first)));
  }
}
