package io.pomona.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Keeps a served Pomona's memory small without launch flags. With the JVM's defaults on a large
 * machine G1 starts with 1/64 of RAM as heap and grows it under request load: peak RSS was 1.5
 * GiB under the benchmark with 100k builds, though the live data is ~30 MB (bench/results.md).
 * Only the heap free ratios can be changed once the JVM runs (they are "manageable"), and G1
 * applies them when it shrinks the heap after a full collection. So after start-up, where the
 * catalog leaves much garbage behind, Pomona lowers them and collects once: the heap shrinks to
 * its live data plus headroom and grows from there only as the load needs.
 *
 * <p>Options given on the command line win: a flag the user set is never changed. For a hard
 * bound, {@code -Xmx} is still the tool (README, Configuration).
 */
final class HeapDefaults {
  /** Free heap kept after a collection, in percent: little, since Pomona's live data is small and steady. */
  static final Map<String, String> RATIOS = Map.of("MinHeapFreeRatio", "10", "MaxHeapFreeRatio", "30");

  private HeapDefaults() {}

  /** Applies the ratios the user did not set and collects once; returns the options changed. */
  static Map<String, String> apply() {
    Map<String, String> changed = new java.util.TreeMap<>();
    try {
      HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null || userSet(vm, "MinHeapFreeRatio") || userSet(vm, "MaxHeapFreeRatio")) {
        return changed;
      }
      // Min first: the JVM refuses a Max below the current Min.
      for (String name : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio"}) {
        vm.setVMOption(name, RATIOS.get(name));
        changed.put(name, RATIOS.get(name));
      }
    } catch (RuntimeException | LinkageError e) {
      // Not HotSpot, or no management module: the JVM's own sizing stays, as with any Java server.
      return changed;
    }
    System.gc();
    return changed;
  }

  private static boolean userSet(HotSpotDiagnosticMXBean vm, String name) {
    return vm.getVMOption(name).getOrigin() != VMOption.Origin.DEFAULT;
  }
}
