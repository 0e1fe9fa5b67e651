package io.pomona.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.store.Tx;

/**
 * A part of a team's state kept outside resources and edges (the simulation's events and
 * scheduled transitions, for instance) that export, import and reset must carry along. Each
 * section is one member of the export document, named {@link #name()}. All methods run inside the
 * transaction of the whole export, import or reset.
 */
public interface StateSection {
  /** The member of the export document that holds this section, e.g. {@code events}. */
  String name();

  /** This team's part, as JSON (usually an array). */
  JsonNode export(Tx tx, String teamId);

  /**
   * Writes an exported part back for a team whose section is empty, exactly as exported.
   *
   * @throws io.pomona.error.ApiException 400 when {@code exported} is malformed
   */
  void restore(Tx tx, String teamId, JsonNode exported);

  /** Deletes this team's part; returns how many entries went. */
  long clear(Tx tx, String teamId);
}
