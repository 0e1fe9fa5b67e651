package io.pomona.sim.demo;

import static io.pomona.sim.demo.TeamStory.AVERY;
import static io.pomona.sim.demo.TeamStory.JORDAN;
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
import io.pomona.sim.demo.Story.Response;
import io.pomona.sim.demo.Story.Review;
import io.pomona.sim.demo.Story.Tester;
import io.pomona.sim.demo.Story.TesterDevice;
import io.pomona.sim.demo.Story.Text;
import io.pomona.sim.demo.Story.TestFlight;
import io.pomona.sim.demo.Story.Upload;
import io.pomona.sim.demo.Story.UploadStage;
import io.pomona.sim.demo.Story.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Pebble Puzzle: a mature iOS game. One version live, the next waiting for review with a
 * scheduled release, a third in TestFlight with builds processing, failed and waiting for beta
 * review and uploads failed or still awaiting their binary; in-app purchases of every type; many reviews; built by Xcode Cloud.
 */
final class PebblePuzzleStory {
  private PebblePuzzleStory() {}

  static App app() {
    return new App(
        new Identity("pebble", "Pebble Puzzle", "com.pomona.demo.pebblepuzzle", "PEBBLE-PUZZLE-IOS", DemoPlatform.IOS,
            "16.0", "pebblepuzzle.example.com",
            List.of("GAME_CENTER", "IN_APP_PURCHASE", "PUSH_NOTIFICATIONS"), false),
        new Listing("GAMES", List.of("GAMES_PUZZLE", "GAMES_CASUAL"), "ENTERTAINMENT", "FOUR_PLUS", texts()),
        testFlight(),
        versions(),
        new Commerce(purchases(), List.of()),
        reviews());
  }

  private static List<AppText> texts() {
    return List.of(
        new AppText("en-US", "Pebble Puzzle", "Relaxing stone-stacking puzzles",
            """
            Stack, slide and balance smooth river pebbles to solve hundreds of handcrafted puzzles. Pebble Puzzle \
            is calm by design: no timers, no pressure, just a satisfying click when every stone finds its place.

            • 600+ levels across 12 riverside worlds
            • A new Daily Challenge every morning
            • Play offline, anywhere
            • Gentle hints when you need them""",
            "puzzle,logic,relaxing,stones,zen,brain,casual,offline",
            "New: the Autumn Season Pass with 40 cozy levels."),
        new AppText("de-DE", "Pebble Puzzle", "Entspannende Steinrätsel",
            """
            Stapeln, schieben und balancieren Sie glatte Flusskiesel, um Hunderte handgemachter Rätsel zu lösen. \
            Pebble Puzzle ist bewusst ruhig: keine Timer, kein Druck – nur das befriedigende Klicken, wenn jeder \
            Stein seinen Platz findet.

            • Über 600 Level in 12 Flusswelten
            • Jeden Morgen eine neue Tagesherausforderung
            • Offline spielbar, überall
            • Sanfte Hinweise, wenn Sie sie brauchen""",
            "Rätsel,Logik,Entspannung,Steine,Zen,Denkspiel,offline",
            "Neu: der Herbst-Saisonpass mit 40 gemütlichen Leveln."),
        new AppText("ja", "ペブルパズル", "石を積むリラックスパズル",
            """
            なめらかな川石を積み、すべらせ、バランスをとって、数百の手作りパズルを解きましょう。タイマーもプレッシャーもなし。\
            すべての石がぴたりと収まる心地よさを楽しめます。

            • 12のワールドに600以上のステージ
            • 毎朝新しいデイリーチャレンジ
            • オフラインでどこでもプレイ
            • 困ったときのやさしいヒント""",
            "パズル,ロジック,リラックス,石,脳トレ,オフライン",
            "新登場：40の秋ステージを収録した秋のシーズンパス。"));
  }

  private static TestFlight testFlight() {
    List<Build> builds = List.of(
        new Build("2.2.1", "198", BuildStage.EXPIRED, Duration.ofDays(120), false, List.of()),
        new Build("2.3.0", "212", BuildStage.EXTERNAL_TESTING, Duration.ofDays(48), false, List.of(
            new Text("en-US", "Daily Challenge mode, 40 new levels in the Riverbank world."),
            new Text("de-DE", "Tagesherausforderung und 40 neue Level in der Welt „Flussufer“."))),
        new Build("2.4.0", "226", BuildStage.INVALID, Duration.ofDays(21), false, List.of()),
        new Build("2.4.0", "227", BuildStage.EXTERNAL_TESTING, Duration.ofDays(19), false, List.of(
            new Text("en-US", "Fixes the crash on level 214. Please replay levels 200–220."),
            new Text("de-DE", "Behebt den Absturz in Level 214. Bitte spielt die Level 200–220 erneut."))),
        new Build("2.5.0", "239", BuildStage.FAILED, Duration.ofDays(4), false, List.of()),
        new Build("2.5.0", "240", BuildStage.WAITING_FOR_BETA_REVIEW, Duration.ofDays(3), false, List.of(
            new Text("en-US", "Autumn Season Pass preview and a shorter hint cooldown. Tell us if 3 minutes feels right!"),
            new Text("de-DE", "Vorschau auf den Herbst-Saisonpass und kürzere Wartezeit für Hinweise."))),
        new Build("2.5.0", "241", BuildStage.PROCESSING, Duration.ofMinutes(20), false, List.of()));
    // 238 arrived corrupted (its checksum did not match) and was uploaded again as 239; 242 is an
    // upload from a laptop whose binary has not been sent yet.
    List<Upload> uploads = List.of(
        new Upload("2.5.0", "238", UploadStage.CHECKSUM_MISMATCH, Duration.ofDays(5)),
        new Upload("2.5.0", "242", UploadStage.AWAITING_FILE, Duration.ofMinutes(6)));
    List<BetaGroup> groups = List.of(
        new BetaGroup("Internal QA", true, false, true, List.of("212", "227", "240"), List.of(
            internalTester(AVERY, "INSTALLED", Optional.of(new TesterDevice("iPhone16,2", "IOS", "18.1", "240"))),
            internalTester(JORDAN, "ACCEPTED", Optional.empty()),
            internalTester(MATEO, "INSTALLED", Optional.of(new TesterDevice("iPhone16,1", "IOS", "18.2", "240"))),
            internalTester(PRIYA, "INSTALLED", Optional.of(new TesterDevice("iPad14,3", "IOS", "17.6", "227"))))),
        new BetaGroup("Friends & Family", false, true, false, List.of("212", "227"), List.of(
            new Tester("Olivia", "Brooks", "olivia.brooks@example.net", "EMAIL", "INSTALLED",
                Optional.of(new TesterDevice("iPhone16,1", "IOS", "17.5.1", "227"))),
            new Tester("Marcus", "Webb", "marcus.webb@example.net", "PUBLIC_LINK", "INSTALLED",
                Optional.of(new TesterDevice("iPhone14,7", "IOS", "18.1", "227"))),
            new Tester("Sofia", "Rossi", "sofia.rossi@example.net", "PUBLIC_LINK", "ACCEPTED", Optional.empty()),
            new Tester("Liam", "O'Connor", "liam.oconnor@example.net", "EMAIL", "INVITED", Optional.empty()))),
        new BetaGroup("Puzzle Club", false, false, false, List.of("227"), List.of(
            new Tester("Emma", "Schulz", "emma.schulz@example.org", "EMAIL", "INSTALLED",
                Optional.of(new TesterDevice("iPad13,4", "IOS", "17.4", "227"))),
            new Tester("Kenji", "Sato", "kenji.sato@example.org", "EMAIL", "ACCEPTED", Optional.empty()),
            new Tester("Ava", "Thompson", "ava.thompson@example.org", "EMAIL", "REVOKED", Optional.empty()))));
    Contact contact = new Contact(PRIYA.firstName(), PRIYA.lastName(), "+1 415 555 0142", PRIYA.email(),
        Optional.empty(), Optional.empty(),
        "No sign-in needed. The Daily Challenge unlocks after level 5; TestFlight builds can skip ahead under "
            + "Settings > Debug > Unlock all worlds.");
    return new TestFlight(builds, uploads, groups, contact, "beta@pebblepuzzle.example.com");
  }

  private static List<Version> versions() {
    return List.of(
        new Version("2.2.1", VersionState.REPLACED_WITH_NEW_VERSION, Optional.of("198"), "AFTER_APPROVAL",
            Duration.ofDays(118), List.of(
                new Text("en-US", "Bug fixes and performance improvements."),
                new Text("de-DE", "Fehlerbehebungen und Leistungsverbesserungen."),
                new Text("ja", "不具合の修正とパフォーマンスの改善。"))),
        new Version("2.3.0", VersionState.READY_FOR_DISTRIBUTION, Optional.of("212"), "AFTER_APPROVAL",
            Duration.ofDays(46), List.of(
                new Text("en-US", "• Daily Challenge: a fresh puzzle every morning\n• 40 new levels in the Riverbank world"),
                new Text("de-DE", "• Tagesherausforderung: jeden Morgen ein neues Rätsel\n• 40 neue Level in der Welt „Flussufer“"),
                new Text("ja", "• デイリーチャレンジ：毎朝新しいパズル\n• 「川辺」ワールドに40の新ステージ"))),
        new Version("2.4.0", VersionState.WAITING_FOR_REVIEW, Optional.of("227"), "SCHEDULED",
            Duration.ofDays(18), List.of(
                new Text("en-US", "• Fixed a crash on level 214\n• Smoother stone physics on older iPhones"),
                new Text("de-DE", "• Absturz in Level 214 behoben\n• Flüssigere Steinphysik auf älteren iPhones"),
                new Text("ja", "• ステージ214でのクラッシュを修正\n• 古いiPhoneでの石の動きをなめらかに"))));
  }

  private static List<Purchase> purchases() {
    return List.of(
        new Purchase("100 Gems", "gems100", "CONSUMABLE", "APPROVED", false,
            "Gems are added on the Shop screen right after purchase.", List.of(
                new Localized("en-US", "100 Gems", "A pouch of 100 gems for hints and skins."),
                new Localized("de-DE", "100 Edelsteine", "Ein Beutel mit 100 Edelsteinen für Hinweise und Designs."),
                new Localized("ja", "ジェム100個", "ヒントやスキンに使えるジェム100個。"))),
        new Purchase("600 Gems", "gems600", "CONSUMABLE", "APPROVED", false,
            "Gems are added on the Shop screen right after purchase.", List.of(
                new Localized("en-US", "600 Gems", "A chest of 600 gems, the best value."),
                new Localized("de-DE", "600 Edelsteine", "Eine Truhe mit 600 Edelsteinen zum Bestpreis."),
                new Localized("ja", "ジェム600個", "いちばんお得なジェム600個入りの宝箱。"))),
        new Purchase("Remove Ads", "removeads", "NON_CONSUMABLE", "APPROVED", true,
            "After purchase no banner or interstitial ads appear; restore via Settings > Restore Purchases.", List.of(
                new Localized("en-US", "Remove Ads", "Play without ads, forever."),
                new Localized("de-DE", "Werbung entfernen", "Für immer ohne Werbung spielen."),
                new Localized("ja", "広告を削除", "広告なしでずっと遊べます。"))),
        new Purchase("Autumn Season Pass", "seasonpass.autumn", "NON_RENEWING_SUBSCRIPTION", "WAITING_FOR_REVIEW",
            false, "The pass unlocks the Autumn world for 90 days; the remaining days show on the world map.", List.of(
                new Localized("en-US", "Autumn Season Pass", "40 cozy autumn levels for 90 days."),
                new Localized("de-DE", "Herbst-Saisonpass", "40 gemütliche Herbstlevel für 90 Tage."),
                new Localized("ja", "秋のシーズンパス", "90日間、秋の40ステージが遊べます。"))),
        new Purchase("Hint Bundle", "hints10", "CONSUMABLE", "MISSING_METADATA", false,
            "Ten hints, usable on any level.", List.of(
                new Localized("en-US", "10 Hints", "Ten hints for the trickiest levels."))));
  }

  private static List<Review> reviews() {
    return List.of(
        new Review(5, "USA", "cosmicmarble", "So calming",
            "I play a few levels before bed every night. No timers, no ads after the one-time purchase, just lovely "
                + "puzzles.", 2, Optional.empty()),
        new Review(5, "GBR", "Wren_plays", "Brilliant little puzzler",
            "The daily challenge is the first thing I open in the morning. Clever level design that ramps up gently.",
            5, Optional.empty()),
        new Review(4, "DEU", "Kieselkönigin", "Schön, aber zu kurz",
            "Die Welten sind wunderschön gestaltet, aber ich war nach einer Woche durch. Bitte mehr Level!", 7,
            Optional.of(new Response(
                "Danke für das Lob! Mit dem Herbst-Saisonpass kommen bald 40 neue Level dazu.", true))),
        new Review(2, "USA", "dan_the_dad", "Crashes on level 214",
            "Every time I place the last stone on 214 the game closes. iPhone 12, latest iOS.", 9,
            Optional.of(new Response(
                "Sorry about that! Version 2.4.0 fixes the crash on level 214 and is on its way to the App Store.",
                true))),
        new Review(5, "JPN", "いしころ好き", "癒やされます",
            "音と手触りがとても心地よいです。寝る前に数ステージ遊ぶのが日課になりました。", 11, Optional.empty()),
        new Review(3, "CAN", "maplepuzzler", "Hints are too slow",
            "Great puzzles, but waiting ten minutes for a hint is frustrating. Let me buy hints or lower the cooldown.",
            13, Optional.of(new Response(
                "Thanks for the feedback! The next update shortens the hint cooldown to three minutes.", false))),
        new Review(1, "AUS", "grumpywombat", "Lost my progress",
            "Switched phones and all my progress is gone. 400 levels down the drain.", 16,
            Optional.of(new Response(
                "We're sorry! Progress syncs through iCloud; please write to support@pebblepuzzle.example.com and "
                    + "we'll restore it.", true))),
        new Review(4, "FRA", "Caillou75", "Très relaxant",
            "Un jeu de réflexion apaisant et joli. Il manque juste un mode sombre.", 20, Optional.empty()),
        new Review(5, "AUT", "Bergkiesel", "Perfekt für die Bahnfahrt",
            "Offline spielbar und ohne Zeitdruck – genau richtig für den Weg zur Arbeit.", 24, Optional.empty()),
        new Review(5, "USA", "stone_cold_solver", "Best puzzle game this year",
            "Elegant, thoughtful, and the Remove Ads purchase is fairly priced. Highly recommend.", 30,
            Optional.empty()),
        new Review(4, "JPN", "パズル職人", "もっと難しいステージを",
            "とても良いゲームですが、上級者向けのステージがもっと欲しいです。", 37,
            Optional.of(new Response("ご意見ありがとうございます！次のアップデートで上級者向けステージを追加予定です。", true))),
        new Review(3, "CHE", "Zueri_Spieler", "Gut, aber Werbung nervt",
            "Die Rätsel sind toll, aber die Werbung nach jedem Level stört. Werbefrei kaufen ist mir zu teuer.", 44,
            Optional.empty()),
        new Review(4, "USA", "riverrock", "Good, but older levels felt samey",
            "Loved the first worlds. By world 9 the puzzles felt repetitive, hope the next update mixes it up.", 60,
            Optional.empty()));
  }
}
