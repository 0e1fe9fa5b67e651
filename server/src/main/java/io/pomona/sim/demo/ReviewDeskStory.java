package io.pomona.sim.demo;

import static io.pomona.sim.demo.TeamStory.AVERY;
import static io.pomona.sim.demo.TeamStory.HANNAH;
import static io.pomona.sim.demo.TeamStory.SAMUEL;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.AppText;
import io.pomona.sim.demo.Story.Build;
import io.pomona.sim.demo.Story.Commerce;
import io.pomona.sim.demo.Story.Contact;
import io.pomona.sim.demo.Story.Identity;
import io.pomona.sim.demo.Story.Listing;
import io.pomona.sim.demo.Story.Person;
import io.pomona.sim.demo.Story.TestFlight;
import io.pomona.sim.demo.Story.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Three small new apps whose first versions stand at the review desk, so that the demo shows a
 * version in every state of App Review (issue 7): Tide Tables is added to a submission not sent
 * yet ({@code READY_FOR_REVIEW}), Metronome Pro is being reviewed ({@code IN_REVIEW}), and Pocket
 * Atlas was withdrawn by its developer ({@code DEVELOPER_REJECTED}). Each has one processed build,
 * tested by nobody yet, and no customer reviews (they never shipped).
 */
final class ReviewDeskStory {
  private ReviewDeskStory() {}

  static List<App> apps() {
    return List.of(
        app(new Identity("tides", "Tide Tables", "com.pomona.demo.tides", "TIDE-TABLES-IOS", DemoPlatform.IOS, "17.0",
                "tides.example.com", List.of("PUSH_NOTIFICATIONS"), false),
            new Listing("WEATHER", List.of(), "NAVIGATION", "FOUR_PLUS", List.of(
                new AppText("en-US", "Tide Tables", "High and low water, at a glance",
                    "Tide Tables shows high and low water for 4,000 harbours, with sunrise, moon phase and a "
                        + "reminder before the tide turns.",
                    "tide,tides,harbour,sailing,fishing,surf,coast,moon", "Plan your next sail with tide alerts."),
                new AppText("de-DE", "Tide Tables", "Hoch- und Niedrigwasser im Blick",
                    "Tide Tables zeigt Hoch- und Niedrigwasser für 4.000 Häfen, mit Sonnenaufgang, Mondphase und "
                        + "einer Erinnerung, bevor die Tide kippt.",
                    "Gezeiten,Tide,Hafen,Segeln,Angeln,Küste,Mond", "Planen Sie Ihren nächsten Törn mit Tidenalarm."),
                new AppText("ja", "Tide Tables", "満潮と干潮をひと目で",
                    "Tide Tablesは4,000の港の満潮・干潮を、日の出や月齢とともに表示し、潮が変わる前にお知らせします。",
                    "潮汐,潮見表,港,セーリング,釣り,海岸,月齢", "潮のアラートで次のセーリングを計画しよう。"))),
            "1.0", "3", VersionState.READY_FOR_REVIEW, AVERY, "+1 206 555 0117"),
        app(new Identity("metronome", "Metronome Pro", "com.pomona.demo.metronome", "METRONOME-PRO-IOS",
                DemoPlatform.IOS, "17.0", "metronome.example.com", List.of("IN_APP_PURCHASE"), false),
            new Listing("MUSIC", List.of(), "EDUCATION", "FOUR_PLUS", List.of(
                new AppText("en-US", "Metronome Pro", "Keep time, practise better",
                    "Metronome Pro keeps a steady beat from 20 to 300 BPM, with accents, subdivisions and a practice "
                        + "log that tracks your tempo over weeks.",
                    "metronome,tempo,bpm,practice,music,rhythm,drums,piano", "New: tap tempo with the side button."),
                new AppText("de-DE", "Metronome Pro", "Im Takt bleiben, besser üben",
                    "Metronome Pro hält einen festen Takt von 20 bis 300 BPM, mit Betonungen, Unterteilungen und "
                        + "einem Übungstagebuch, das Ihr Tempo über Wochen verfolgt.",
                    "Metronom,Tempo,BPM,Üben,Musik,Rhythmus,Schlagzeug,Klavier", "Neu: Tempo per Seitentaste tippen."),
                new AppText("ja", "Metronome Pro", "正確なテンポで上達しよう",
                    "Metronome Proは20〜300BPMの安定したビートを刻み、アクセントや細分化、テンポの推移を記録する練習ログを備えています。",
                    "メトロノーム,テンポ,BPM,練習,音楽,リズム,ドラム,ピアノ", "新機能：サイドボタンでタップテンポ。"))),
            "1.0", "11", VersionState.IN_REVIEW, HANNAH, "+49 30 555 0163"),
        app(new Identity("atlas", "Pocket Atlas", "com.pomona.demo.atlas.tv", "POCKET-ATLAS-TVOS", DemoPlatform.TV_OS,
                "17.0", "atlas.example.com", List.of("ASSOCIATED_DOMAINS"), false),
            new Listing("EDUCATION", List.of(), "REFERENCE", "FOUR_PLUS", List.of(
                new AppText("en-US", "Pocket Atlas", "The world on your TV",
                    "Pocket Atlas turns your TV into a globe: fly to any country, compare flags and capitals, and "
                        + "play the weekly geography quiz with the family.",
                    "atlas,globe,geography,maps,quiz,countries,flags,capitals", "This week's quiz: rivers of Africa."),
                new AppText("de-DE", "Pocket Atlas", "Die Welt auf dem Fernseher",
                    "Pocket Atlas macht Ihren Fernseher zum Globus: Fliegen Sie in jedes Land, vergleichen Sie "
                        + "Flaggen und Hauptstädte und spielen Sie mit der Familie das Wochenquiz.",
                    "Atlas,Globus,Geografie,Karten,Quiz,Länder,Flaggen", "Das Quiz dieser Woche: Flüsse Afrikas."),
                new AppText("ja", "Pocket Atlas", "テレビで世界を旅しよう",
                    "Pocket Atlasはテレビを地球儀に変えます。好きな国へ飛び、国旗や首都を比べ、家族で毎週の地理クイズに挑戦できます。",
                    "地図帳,地球儀,地理,地図,クイズ,国旗,首都", "今週のクイズ：アフリカの川。"))),
            "1.0", "7", VersionState.DEVELOPER_REJECTED, SAMUEL, "+44 20 5550 0148"));
  }

  /** A new app with one processed build, attached to its first version in {@code state}. */
  private static App app(Identity identity, Listing listing, String versionString, String buildNumber,
      VersionState state, Person contact, String phone) {
    Build build = new Build(versionString, buildNumber, BuildStage.READY_FOR_TESTING, Duration.ofDays(4), true,
        List.of());
    Contact reviewContact = new Contact(contact.firstName(), contact.lastName(), phone, contact.email(),
        Optional.empty(), Optional.empty(), "No account needed; every feature works offline.");
    return new App(identity, listing,
        new TestFlight(List.of(build), List.of(), List.of(), reviewContact, "beta@" + identity.domain()),
        List.of(new Version(versionString, state, Optional.of(buildNumber), "MANUAL", Duration.ofDays(3), List.of())),
        new Commerce(List.of(), List.of()),
        List.of());
  }
}
