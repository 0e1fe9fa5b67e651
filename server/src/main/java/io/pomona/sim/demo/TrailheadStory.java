package io.pomona.sim.demo;

import static io.pomona.sim.demo.TeamStory.MATEO;
import static io.pomona.sim.demo.TeamStory.YUKI;
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
import io.pomona.sim.demo.Story.Response;
import io.pomona.sim.demo.Story.Review;
import io.pomona.sim.demo.Story.Subscription;
import io.pomona.sim.demo.Story.SubscriptionGroup;
import io.pomona.sim.demo.Story.TesterDevice;
import io.pomona.sim.demo.Story.Text;
import io.pomona.sim.demo.Story.TestFlight;
import io.pomona.sim.demo.Story.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Trailhead TV: a tvOS video app tested internally only, whose latest version was rejected in App
 * Review, with a subscription group.
 */
final class TrailheadStory {
  private TrailheadStory() {}

  static App app() {
    return new App(
        new Identity("trailhead", "Trailhead TV", "com.pomona.demo.trailhead.tv", "TRAILHEAD-TVOS", DemoPlatform.TV_OS,
            "17.0", "trailhead.example.com",
            List.of("IN_APP_PURCHASE", "ASSOCIATED_DOMAINS"), false),
        new Listing("TRAVEL", List.of(), "PHOTO_AND_VIDEO", "FOUR_PLUS", texts()),
        testFlight(),
        versions(),
        new Commerce(List.of(), List.of(subscriptions())),
        reviews());
  }

  private static List<AppText> texts() {
    return List.of(
        new AppText("en-US", "Trailhead TV", "Hiking films for the big screen",
            """
            Trailhead TV brings the world's great trails to your living room: 4K films of alpine ridges, desert \
            canyons and coastal paths, filmed by hikers who walked them.

            • New trail films every week
            • Ambient mode with natural sound only
            • Trail facts: distance, elevation, best season
            • Watch the full library with Trailhead+""",
            "hiking,trails,travel,nature,4K,outdoors,mountains,relax",
            "This month: the Dolomites' Alta Via 1 in five episodes."),
        new AppText("de-DE", "Trailhead TV", "Wanderfilme für den Fernseher",
            """
            Trailhead TV bringt die schönsten Wanderwege der Welt ins Wohnzimmer: 4K-Filme von Alpengraten, \
            Wüstencanyons und Küstenpfaden, gedreht von Wanderern, die sie selbst gegangen sind.

            • Jede Woche neue Wegfilme
            • Ambient-Modus nur mit Naturgeräuschen
            • Weginfos: Länge, Höhenmeter, beste Jahreszeit
            • Die ganze Bibliothek mit Trailhead+""",
            "Wandern,Wanderwege,Reisen,Natur,4K,Berge,Entspannung",
            "Diesen Monat: der Dolomiten-Höhenweg 1 in fünf Folgen."),
        new AppText("ja", "Trailhead TV", "大画面で楽しむハイキング映像",
            """
            Trailhead TVは世界の名トレイルをリビングへ届けます。アルプスの尾根、砂漠の峡谷、海沿いの小道を、\
            実際に歩いたハイカーが4Kで撮影しました。

            • 毎週新しいトレイル映像
            • 自然音だけのアンビエントモード
            • 距離・標高・ベストシーズンなどのトレイル情報
            • Trailhead+ですべてのライブラリを視聴""",
            "ハイキング,トレイル,旅行,自然,4K,山,癒し",
            "今月の特集：ドロミテ・アルタヴィア1を全5話で。"));
  }

  private static TestFlight testFlight() {
    List<Build> builds = List.of(
        new Build("3.0.1", "57", BuildStage.INTERNAL_TESTING, Duration.ofDays(40), false, List.of()),
        new Build("3.1.0", "61", BuildStage.INTERNAL_TESTING, Duration.ofDays(10), false, List.of(
            new Text("en-US", "German subtitles and a new trail-facts overlay."))),
        new Build("3.1.0", "62", BuildStage.READY_FOR_TESTING, Duration.ofDays(1), false, List.of(
            new Text("en-US", "Addresses App Review's note on the subscription sign-up screen."))));
    List<BetaGroup> groups = List.of(
        new BetaGroup("Internal Testers", true, false, true, List.of("57", "61", "62"), List.of(
            internalTester(MATEO, "INSTALLED", Optional.of(new TesterDevice("AppleTV14,1", "TV_OS", "18.1", "61"))),
            internalTester(YUKI, "ACCEPTED", Optional.empty()))));
    Contact contact = new Contact(MATEO.firstName(), MATEO.lastName(), "+34 91 555 0199", MATEO.email(),
        Optional.empty(), Optional.empty(), "All films play without an account; Trailhead+ is needed only for the archive.");
    return new TestFlight(builds, List.of(), groups, contact, "beta@trailhead.example.com");
  }

  private static List<Version> versions() {
    return List.of(
        new Version("3.0.1", VersionState.READY_FOR_DISTRIBUTION, Optional.of("57"), "AFTER_APPROVAL",
            Duration.ofDays(38), List.of(
                new Text("en-US", "Ambient mode now remembers your last trail."),
                new Text("de-DE", "Der Ambient-Modus merkt sich jetzt den letzten Weg."),
                new Text("ja", "アンビエントモードが最後に見たトレイルを記憶するようになりました。"))),
        new Version("3.1.0", VersionState.REJECTED, Optional.of("61"), "AFTER_APPROVAL",
            Duration.ofDays(8), List.of(
                new Text("en-US", "• German subtitles\n• Trail facts overlay"),
                new Text("de-DE", "• Deutsche Untertitel\n• Einblendung mit Weginfos"),
                new Text("ja", "• ドイツ語字幕\n• トレイル情報のオーバーレイ"))));
  }

  private static SubscriptionGroup subscriptions() {
    return new SubscriptionGroup("Trailhead+",
        List.of(new Text("en-US", "Trailhead+"), new Text("de-DE", "Trailhead+"), new Text("ja", "Trailhead+")),
        List.of(
            new Subscription("Trailhead+ Monthly", "plus.monthly", "ONE_MONTH", 1, "APPROVED", true,
                "Unlocks the archive of 300+ trail films.", List.of(
                    new Localized("en-US", "Trailhead+ (monthly)", "The full archive of trail films."),
                    new Localized("de-DE", "Trailhead+ (monatlich)", "Das ganze Archiv der Wegfilme."),
                    new Localized("ja", "Trailhead+（月額）", "すべてのトレイル映像が見放題。"))),
            new Subscription("Trailhead+ Yearly", "plus.yearly", "ONE_YEAR", 1, "APPROVED", true,
                "Unlocks the archive of 300+ trail films.", List.of(
                    new Localized("en-US", "Trailhead+ (yearly)", "The full archive, one year."),
                    new Localized("de-DE", "Trailhead+ (jährlich)", "Das ganze Archiv, ein Jahr lang."),
                    new Localized("ja", "Trailhead+（年額）", "1年間すべての映像が見放題。")))));
  }

  private static List<Review> reviews() {
    return List.of(
        new Review(5, "USA", "couchhiker", "Like a window to the mountains",
            "I leave the ambient mode on all day. The sound of the streams is wonderful.", 4, Optional.empty()),
        new Review(4, "DEU", "Gipfelstürmer", "Tolle Bilder",
            "Wunderschöne 4K-Aufnahmen. Untertitel auf Deutsch wären noch schön.", 9,
            Optional.of(new Response("Danke! Deutsche Untertitel kommen mit Version 3.1.", true))),
        new Review(2, "GBR", "fellwalker", "Buffering constantly",
            "The films keep buffering on my Apple TV even though my connection is fast.", 12,
            Optional.of(new Response(
                "Sorry to hear that! Which Apple TV model do you use? Please tell us at support@trailhead.example.com.",
                false))),
        new Review(5, "JPN", "山歩き", "癒やしの時間",
            "夜にアンビエントモードを流すと本当にリラックスできます。", 18, Optional.empty()),
        new Review(3, "AUS", "outback_ollie", "Needs more Australian trails",
            "Beautiful app but almost everything is in Europe or the US. Show us the Larapinta!", 27, Optional.empty()),
        new Review(5, "CHE", "Wanderfreund", "Herrlich",
            "Die Alpenfilme sind fantastisch gemacht. Mein liebstes Abendprogramm.", 35, Optional.empty()));
  }
}
