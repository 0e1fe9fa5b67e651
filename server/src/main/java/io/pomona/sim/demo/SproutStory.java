package io.pomona.sim.demo;

import static io.pomona.sim.demo.TeamStory.AVERY;
import static io.pomona.sim.demo.TeamStory.MATEO;
import static io.pomona.sim.demo.TeamStory.PRIYA;
import static io.pomona.sim.demo.TeamStory.internalTester;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.AppText;
import io.pomona.sim.demo.Story.BetaGroup;
import io.pomona.sim.demo.Story.Build;
import io.pomona.sim.demo.Story.Commerce;
import io.pomona.sim.demo.Story.Contact;
import io.pomona.sim.demo.Story.Identity;
import io.pomona.sim.demo.Story.Listing;
import io.pomona.sim.demo.Story.Localized;
import io.pomona.sim.demo.Story.Purchase;
import io.pomona.sim.demo.Story.Tester;
import io.pomona.sim.demo.Story.TesterDevice;
import io.pomona.sim.demo.Story.Text;
import io.pomona.sim.demo.Story.TestFlight;
import io.pomona.sim.demo.Story.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sprout Journal: a new iOS app that has never shipped. Its first version is being prepared, its
 * first build is in beta review for an external group, and a nightly build is for internal
 * testers only. No reviews yet.
 */
final class SproutStory {
  private SproutStory() {}

  static App app() {
    return new App(
        new Identity("sprout", "Sprout Journal", "com.pomona.demo.sprout", "SPROUT-JOURNAL-IOS", DemoPlatform.IOS,
            "17.0", "sprout.example.com",
            List.of("HEALTHKIT", "DATA_PROTECTION", "APPLE_ID_AUTH", "PUSH_NOTIFICATIONS"), false),
        new Listing("LIFESTYLE", List.of(), "HEALTH_AND_FITNESS", "FOUR_PLUS", texts()),
        testFlight(),
        List.of(new Version("1.0", VersionState.PREPARE_FOR_SUBMISSION, Optional.empty(), "MANUAL",
            Duration.ofDays(5), List.of())),
        new Commerce(List.of(new Purchase("Seed Vault", "seedvault", "NON_CONSUMABLE", "READY_TO_SUBMIT", true,
            "Unlocks the heirloom seed catalogue; restore via Settings > Restore Purchases.", List.of(
                new Localized("en-US", "Seed Vault", "Hundreds of heirloom varieties with sowing tips."),
                new Localized("de-DE", "Saatgut-Tresor", "Hunderte alter Sorten mit Aussaattipps."),
                new Localized("ja", "シードボールト", "数百種類の固定種と種まきのコツ。")))), List.of()),
        List.of());
  }

  private static List<AppText> texts() {
    return List.of(
        new AppText("en-US", "Sprout Journal", "A garden diary that grows",
            """
            Sprout Journal is a diary for gardeners: log what you sowed and where, snap a photo each week and watch \
            your beds grow on a timeline. Gentle reminders tell you when to water, thin and harvest.

            • Planting log with photos
            • Watering and harvest reminders
            • Sowing calendar for your climate zone
            • Counts your gardening minutes in Health""",
            "garden,journal,plants,vegetables,sowing,harvest,diary,reminders",
            "Plan your spring beds with the sowing calendar."),
        new AppText("de-DE", "Sprout Journal", "Das Gartentagebuch, das mitwächst",
            """
            Sprout Journal ist ein Tagebuch fürs Gärtnern: Notieren Sie, was Sie wo gesät haben, machen Sie jede \
            Woche ein Foto und sehen Sie Ihre Beete auf einer Zeitleiste wachsen. Sanfte Erinnerungen sagen Ihnen, \
            wann Sie gießen, vereinzeln und ernten sollten.

            • Pflanztagebuch mit Fotos
            • Erinnerungen zum Gießen und Ernten
            • Aussaatkalender für Ihre Klimazone
            • Zählt Ihre Gartenminuten in Health""",
            "Garten,Tagebuch,Pflanzen,Gemüse,Aussaat,Ernte,Erinnerungen",
            "Planen Sie Ihre Frühlingsbeete mit dem Aussaatkalender."),
        new AppText("ja", "Sprout Journal", "育てる庭の日記",
            """
            Sprout Journalはガーデナーのための日記です。何をどこにまいたかを記録し、毎週写真を撮って、\
            花壇の成長をタイムラインで振り返れます。水やり・間引き・収穫のタイミングもやさしくお知らせします。

            • 写真付きの栽培記録
            • 水やりと収穫のリマインダー
            • 地域に合わせた種まきカレンダー
            • ヘルスケアと連携してガーデニング時間を記録""",
            "ガーデニング,日記,植物,野菜,種まき,収穫,リマインダー",
            "種まきカレンダーで春の花壇を計画しよう。"));
  }

  private static TestFlight testFlight() {
    List<Build> builds = List.of(
        new Build("1.0", "14", BuildStage.IN_BETA_REVIEW, Duration.ofDays(6), false, List.of(
            new Text("en-US", "First public beta! Log a planting and tell us what's missing."),
            new Text("de-DE", "Die erste öffentliche Beta! Legt eine Pflanzung an und sagt uns, was fehlt."))),
        new Build("1.0", "15", BuildStage.INTERNAL_TESTING, Duration.ofDays(1), true, List.of(
            new Text("en-US", "Nightly: new sowing calendar, reminders rewritten."))));
    List<BetaGroup> groups = List.of(
        new BetaGroup("Core Team", true, false, false, List.of("14", "15"), List.of(
            internalTester(PRIYA, "INSTALLED", Optional.of(new TesterDevice("iPhone17,1", "IOS", "18.2", "15"))),
            internalTester(AVERY, "INSTALLED", Optional.of(new TesterDevice("iPhone16,2", "IOS", "18.1", "14"))),
            internalTester(MATEO, "INSTALLED", Optional.of(new TesterDevice("iPhone16,1", "IOS", "18.2", "15"))))),
        // External testers wait, uninvited, until the first build passes beta review.
        new BetaGroup("Garden Club", false, false, false, List.of(), List.of(
            new Tester("Mia", "Hoffmann", "mia.hoffmann@example.org", "EMAIL", "NOT_INVITED", Optional.empty()),
            new Tester("Lucas", "Moreau", "lucas.moreau@example.org", "EMAIL", "NOT_INVITED", Optional.empty()))));
    Contact contact = new Contact(PRIYA.firstName(), PRIYA.lastName(), "+1 415 555 0142", PRIYA.email(),
        Optional.of("review@sprout.example.com"), Optional.of("Sprout-Beta-1"),
        "HealthKit is optional; deny the prompt to test without it. The demo account has a full season of entries.");
    return new TestFlight(builds, List.of(), groups, contact, "beta@sprout.example.com");
  }
}
