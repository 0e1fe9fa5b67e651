package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.Certificate;
import io.pomona.sim.demo.Story.Device;
import io.pomona.sim.demo.Story.Person;
import io.pomona.sim.demo.Story.Tester;
import io.pomona.sim.demo.Story.TesterDevice;
import io.pomona.sim.demo.Story.UdidFormat;
import java.util.List;
import java.util.Optional;

/**
 * The people and hardware of the demo team "Pomona Demo Ltd": its users with their roles, a
 * pending invitation, its registered devices and signing certificates. Emails use the reserved
 * {@code example.com} domain.
 */
final class TeamStory {
  static final String COMPANY = "Pomona Demo Ltd";

  static final Person AVERY = new Person("Avery", "Quinn", "avery.quinn@example.com",
      List.of("ACCOUNT_HOLDER", "ADMIN"), true, true, List.of());
  static final Person JORDAN = new Person("Jordan", "Lee", "jordan.lee@example.com",
      List.of("ADMIN"), true, true, List.of());
  static final Person PRIYA = new Person("Priya", "Natarajan", "priya.natarajan@example.com",
      List.of("APP_MANAGER"), false, false, List.of("pebble", "sprout"));
  // Provisioning access forces allAppsVisible on (api-facts.md §7).
  static final Person MATEO = new Person("Mateo", "García", "mateo.garcia@example.com",
      List.of("DEVELOPER", "GENERATE_INDIVIDUAL_KEYS"), true, true, List.of());
  static final Person HANNAH = new Person("Hannah", "Becker", "hannah.becker@example.com",
      List.of("DEVELOPER"), false, false, List.of("ledgerly"));
  static final Person YUKI = new Person("Yuki", "Tanaka", "yuki.tanaka@example.com",
      List.of("MARKETING", "CREATE_APPS"), false, false, List.of("pebble", "trailhead"));
  // Finance and sales roles see every app (api-facts.md §7).
  static final Person SAMUEL = new Person("Samuel", "Okafor", "samuel.okafor@example.com",
      List.of("FINANCE"), true, false, List.of());
  static final Person CHLOE = new Person("Chloé", "Martin", "chloe.martin@example.com",
      List.of("CUSTOMER_SUPPORT"), false, false, List.of("pebble", "ledgerly", "trailhead"));
  static final Person NOAH = new Person("Noah", "Fischer", "noah.fischer@example.com",
      List.of("SALES"), true, false, List.of());

  /** Invited three days ago minus a few hours: the invitation has not expired yet. */
  static final Person INVITED = new Person("Lena", "Vogel", "lena.vogel@example.com",
      List.of("DEVELOPER"), false, false, List.of("ledgerly", "sprout"));

  private TeamStory() {}

  static List<Person> users() {
    return List.of(AVERY, JORDAN, PRIYA, MATEO, HANNAH, YUKI, SAMUEL, CHLOE, NOAH);
  }

  /** A team member testing in an internal group, with their account's email. */
  static Tester internalTester(Person person, String state, Optional<TesterDevice> device) {
    return new Tester(person.firstName(), person.lastName(), person.email(), "EMAIL", state, device);
  }

  static List<Device> devices() {
    return List.of(
        new Device("Mateo's iPhone 15 Pro", "IOS", "IPHONE", "iPhone 15 Pro", UdidFormat.CHIP, "00008130", "ENABLED", 210),
        new Device("QA iPhone SE", "IOS", "IPHONE", "iPhone SE (3rd generation)", UdidFormat.CHIP, "00008110", "ENABLED", 340),
        new Device("QA iPhone 8", "IOS", "IPHONE", "iPhone 8", UdidFormat.LEGACY, "", "ENABLED", 700),
        new Device("Design iPad Pro", "IOS", "IPAD", "iPad Pro 11-inch (4th generation)", UdidFormat.CHIP, "00008112",
            "ENABLED", 260),
        // Retired: disabled after Sprout Journal's development profile listed it, so that profile is INVALID.
        new Device("Old test iPad", "IOS", "IPAD", "iPad Air 2", UdidFormat.LEGACY, "", "DISABLED", 1100),
        new Device("Living Room Apple TV", "IOS", "APPLE_TV", "Apple TV 4K (3rd generation)", UdidFormat.CHIP, "00008110",
            "ENABLED", 180),
        new Device("Priya's Apple Watch", "IOS", "APPLE_WATCH", "Apple Watch Series 9", UdidFormat.CHIP, "00008310",
            "ENABLED", 150),
        new Device("Vision Pro Lab", "IOS", "APPLE_VISION_PRO", "Apple Vision Pro", UdidFormat.CHIP, "00008112",
            "ENABLED", 90),
        new Device("Hannah's MacBook Pro", "MAC_OS", "MAC", "MacBook Pro (14-inch, 2023)", UdidFormat.MAC, "",
            "ENABLED", 300),
        new Device("Build Mac mini", "MAC_OS", "MAC", "Mac mini (2023)", UdidFormat.MAC, "", "ENABLED", 120));
  }

  /**
   * Each developer has an Apple Development certificate, Jordan still a legacy iOS one; the account
   * holder made the distribution and Developer ID ones (only the account holder may make Developer ID).
   */
  static List<Certificate> certificates() {
    return List.of(
        new Certificate("DEVELOPMENT", MATEO),
        new Certificate("DEVELOPMENT", HANNAH),
        new Certificate("IOS_DEVELOPMENT", JORDAN),
        new Certificate("DISTRIBUTION", AVERY),
        new Certificate("IOS_DISTRIBUTION", AVERY),
        new Certificate("MAC_INSTALLER_DISTRIBUTION", JORDAN),
        new Certificate("DEVELOPER_ID_APPLICATION_G2", AVERY));
  }
}
