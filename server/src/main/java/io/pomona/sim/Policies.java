package io.pomona.sim;

import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.error.Errors;
import io.pomona.store.Store;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy of every declared process, as it stands now. At start-up each comes from, in
 * increasing precedence: the process's default, the policy an operator set at run time before a
 * restart (kept in the store), and the configuration ({@code --policy name=...}; the name {@value
 * #EVERY_PROCESS} stands for every process, a process's own name wins over it). At run time the
 * operator changes them through {@link Simulation#setPolicy}.
 */
public final class Policies {
  /** The configuration key that sets the policy of every process. */
  public static final String EVERY_PROCESS = "*";

  static final String SETTING_PREFIX = "policy.";

  private static final Logger log = LoggerFactory.getLogger(Policies.class);

  private final Behaviours behaviours;
  private final Map<String, Policy> current = new ConcurrentHashMap<>();

  /**
   * @param configured policies by process name (or {@value #EVERY_PROCESS}); an unknown name is a
   *     configuration mistake ({@link IllegalArgumentException})
   */
  public Policies(Behaviours behaviours, Store store, Map<String, Policy> configured) {
    this.behaviours = behaviours;
    configured.keySet().stream()
        .filter(name -> !name.equals(EVERY_PROCESS) && behaviours.process(name).isEmpty())
        .findFirst()
        .ifPresent(name -> {
          throw new IllegalArgumentException("no process is named '" + name + "'; processes: "
              + behaviours.processes().stream().map(Process::name).toList());
        });
    Map<String, String> persisted = store.read(tx -> tx.settings(SETTING_PREFIX));
    for (Process process : behaviours.processes()) {
      Policy policy = process.defaultPolicy();
      String kept = persisted.get(SETTING_PREFIX + process.name());
      if (kept != null) {
        policy = Policy.parse(kept, process.name());
      }
      // A dated process (a build expiring) follows the clock, not Apple's decisions: '*' leaves it be.
      Policy everyProcess = process.isDated() ? policy : configured.getOrDefault(EVERY_PROCESS, policy);
      policy = configured.getOrDefault(process.name(), everyProcess);
      current.put(process.name(), policy);
    }
    persisted.keySet().stream()
        .map(key -> key.substring(SETTING_PREFIX.length()))
        .filter(name -> behaviours.process(name).isEmpty())
        .forEach(name -> log.info("ignoring the kept policy of '{}': no such process any more", name));
  }

  /** The policy of a process; 404 if there is no such process. */
  public Policy of(String process) {
    Policy policy = current.get(process);
    if (policy == null) {
      throw Errors.notFound("processes", process);
    }
    return policy;
  }

  /** Every process's policy, by process name in declaration order. */
  public Map<String, Policy> all() {
    Map<String, Policy> all = new LinkedHashMap<>();
    behaviours.processes().forEach(process -> all.put(process.name(), current.get(process.name())));
    return all;
  }

  void set(String process, Policy policy) {
    of(process);
    current.put(process, policy);
  }
}
