package io.pomona.sim.demo;

import static io.pomona.sim.demo.TeamStory.AVERY;
import static io.pomona.sim.demo.TeamStory.HANNAH;
import static io.pomona.sim.demo.TeamStory.JORDAN;
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
import io.pomona.sim.demo.Story.Tester;
import io.pomona.sim.demo.Story.TesterDevice;
import io.pomona.sim.demo.Story.Text;
import io.pomona.sim.demo.Story.TestFlight;
import io.pomona.sim.demo.Story.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Ledgerly: a macOS bookkeeping app that uses non-exempt encryption (so its builds carry an
 * approved export compliance declaration). A version approved and waiting for a manual release,
 * builds missing export compliance, in export compliance review and rejected in beta review, and a
 * subscription group.
 */
final class LedgerlyStory {
  private LedgerlyStory() {}

  static App app() {
    return new App(
        new Identity("ledgerly", "Ledgerly", "com.pomona.demo.ledgerly", "LEDGERLY-MAC", DemoPlatform.MAC_OS, "13.0",
            "ledgerly.example.com",
            List.of("ICLOUD", "IN_APP_PURCHASE", "APP_GROUPS"), true),
        new Listing("PRODUCTIVITY", List.of(), "FINANCE", "FOUR_PLUS", texts()),
        testFlight(),
        versions(),
        new Commerce(List.of(), List.of(subscriptions())),
        reviews());
  }

  private static List<AppText> texts() {
    return List.of(
        new AppText("en-US", "Ledgerly", "Bookkeeping for freelancers",
            """
            Ledgerly turns receipts, invoices and bank exports into tidy books. Drag in a PDF and Ledgerly reads the \
            amount, the date and the VAT; reconcile a month in minutes and hand your accountant a clean export.

            • Invoices with your own templates
            • Bank CSV import with smart matching
            • VAT and sales-tax reports
            • iCloud sync across your Macs""",
            "bookkeeping,invoice,accounting,receipts,VAT,freelance,tax,finance",
            "Close your books faster with the new reconciliation view."),
        new AppText("de-DE", "Ledgerly", "Buchhaltung für Selbstständige",
            """
            Ledgerly macht aus Belegen, Rechnungen und Kontoauszügen eine ordentliche Buchhaltung. Ziehen Sie ein \
            PDF hinein, und Ledgerly liest Betrag, Datum und Umsatzsteuer; gleichen Sie einen Monat in Minuten ab \
            und übergeben Sie Ihrer Steuerberatung einen sauberen Export.

            • Rechnungen mit eigenen Vorlagen
            • CSV-Import von Kontoauszügen mit intelligentem Abgleich
            • Umsatzsteuer-Auswertungen
            • iCloud-Sync zwischen Ihren Macs""",
            "Buchhaltung,Rechnung,Belege,Umsatzsteuer,Freiberufler,Steuer,Finanzen",
            "Schneller zum Monatsabschluss mit der neuen Abgleichsansicht."),
        new AppText("ja", "Ledgerly", "フリーランスのための帳簿アプリ",
            """
            Ledgerlyは、領収書・請求書・銀行の明細を整った帳簿に変えます。PDFをドラッグするだけで金額・日付・消費税を読み取り、\
            1か月分の照合も数分で完了。税理士にはきれいなデータを渡せます。

            • 自分のテンプレートで請求書を作成
            • 銀行CSVの取り込みと自動照合
            • 消費税レポート
            • 複数のMacをiCloudで同期""",
            "帳簿,請求書,会計,領収書,消費税,フリーランス,確定申告",
            "新しい照合ビューで月次決算をもっと速く。"));
  }

  private static TestFlight testFlight() {
    List<Build> builds = List.of(
        new Build("1.8.2", "1082", BuildStage.EXTERNAL_TESTING, Duration.ofDays(65), false, List.of(
            new Text("en-US", "Faster PDF import; please try your oldest scanned receipts."))),
        new Build("1.9.0", "1090", BuildStage.BETA_APPROVED, Duration.ofDays(12), false, List.of(
            new Text("en-US", "New reconciliation view and support for the new bank CSV layout."),
            new Text("de-DE", "Neue Abgleichsansicht und Unterstützung für das neue CSV-Format der Banken."))),
        new Build("2.0.0", "1200", BuildStage.MISSING_EXPORT_COMPLIANCE, Duration.ofDays(2), false, List.of()),
        new Build("2.0.0", "1201", BuildStage.BETA_REJECTED, Duration.ofDays(1), false, List.of(
            new Text("en-US", "Ledgerly 2.0 preview: bank sync (Ledgerly Pro)."))),
        // Uses the bank sync encryption whose declaration Apple is still reviewing.
        new Build("2.0.0", "1202", BuildStage.IN_EXPORT_COMPLIANCE_REVIEW, Duration.ofHours(5), false, List.of()));
    List<BetaGroup> groups = List.of(
        new BetaGroup("Ledgerly Team", true, false, true, List.of("1082", "1090", "1201"), List.of(
            internalTester(HANNAH, "INSTALLED", Optional.of(new TesterDevice("Mac14,6", "MAC_OS", "15.1", "1201"))),
            internalTester(JORDAN, "INSTALLED", Optional.of(new TesterDevice("Mac15,3", "MAC_OS", "14.6.1", "1090"))),
            internalTester(AVERY, "ACCEPTED", Optional.empty()))),
        new BetaGroup("Accountants Beta", false, false, false, List.of("1082", "1090"), List.of(
            new Tester("Daniel", "Wright", "daniel.wright@example.net", "EMAIL", "INSTALLED",
                Optional.of(new TesterDevice("Mac14,9", "MAC_OS", "14.5", "1090"))),
            new Tester("Ingrid", "Larsen", "ingrid.larsen@example.net", "EMAIL", "ACCEPTED", Optional.empty()),
            new Tester("Ravi", "Kapoor", "ravi.kapoor@example.net", "EMAIL", "INVITED", Optional.empty()))));
    Contact contact = new Contact(HANNAH.firstName(), HANNAH.lastName(), "+49 30 5550 1234", HANNAH.email(),
        Optional.of("reviewer@ledgerly.example.com"), Optional.of("Demo-Books-2024"),
        "Sign in with the demo account: it holds sample invoices and bank exports for two fiscal years.");
    return new TestFlight(builds, List.of(), groups, contact, "beta@ledgerly.example.com");
  }

  private static List<Version> versions() {
    return List.of(
        new Version("1.8.2", VersionState.READY_FOR_DISTRIBUTION, Optional.of("1082"), "AFTER_APPROVAL",
            Duration.ofDays(60), List.of(
                new Text("en-US", "• Faster PDF import\n• Fixed rounding in VAT reports"),
                new Text("de-DE", "• Schnellerer PDF-Import\n• Rundung in Umsatzsteuer-Auswertungen korrigiert"),
                new Text("ja", "• PDFの読み込みを高速化\n• 消費税レポートの端数処理を修正"))),
        new Version("1.9.0", VersionState.PENDING_DEVELOPER_RELEASE, Optional.of("1090"), "MANUAL",
            Duration.ofDays(10), List.of(
                new Text("en-US", "• New reconciliation view\n• Supports the new CSV layout of many banks"),
                new Text("de-DE", "• Neue Abgleichsansicht\n• Unterstützt das neue CSV-Format vieler Banken"),
                new Text("ja", "• 新しい照合ビュー\n• 多くの銀行の新しいCSV形式に対応"))));
  }

  private static SubscriptionGroup subscriptions() {
    return new SubscriptionGroup("Ledgerly Pro",
        List.of(
            new Text("en-US", "Ledgerly Pro"),
            new Text("de-DE", "Ledgerly Pro"),
            new Text("ja", "Ledgerly Pro")),
        List.of(
            new Subscription("Pro Monthly", "pro.monthly", "ONE_MONTH", 2, "APPROVED", false,
                "Unlocks bank sync and multi-currency books; manage it in Settings > Subscription.", List.of(
                    new Localized("en-US", "Pro (monthly)", "Bank sync and multi-currency books."),
                    new Localized("de-DE", "Pro (monatlich)", "Bankabgleich und Bücher in mehreren Währungen."),
                    new Localized("ja", "Pro（月額）", "銀行同期と多通貨の帳簿。"))),
            new Subscription("Pro Yearly", "pro.yearly", "ONE_YEAR", 2, "APPROVED", false,
                "Same features as Pro Monthly, billed yearly.", List.of(
                    new Localized("en-US", "Pro (yearly)", "Bank sync and multi-currency books, two months free."),
                    new Localized("de-DE", "Pro (jährlich)", "Bankabgleich und Fremdwährungen, zwei Monate gratis."),
                    new Localized("ja", "Pro（年額）", "銀行同期と多通貨の帳簿。2か月分お得。"))),
            new Subscription("Business Yearly", "business.yearly", "ONE_YEAR", 1, "WAITING_FOR_REVIEW", false,
                "Adds a second user and accountant access; the demo account can switch plans freely.", List.of(
                    new Localized("en-US", "Business (yearly)", "Everything in Pro plus accountant access."),
                    new Localized("de-DE", "Business (jährlich)", "Alles aus Pro plus Zugang für die Steuerberatung."),
                    new Localized("ja", "Business（年額）", "Proの全機能に加えて税理士用アクセス。")))));
  }

  private static List<Review> reviews() {
    return List.of(
        new Review(5, "USA", "freelance_fern", "Finally, bookkeeping I don't dread",
            "The PDF import reads my receipts perfectly and the VAT report saves me hours every quarter.", 3,
            Optional.empty()),
        new Review(4, "DEU", "SteuerSusi", "Sehr gut für Freiberufler",
            "Endlich eine Mac-App, die die deutsche Umsatzsteuer richtig kann. Ein DATEV-Export wäre noch toll.", 6,
            Optional.of(new Response("Danke! Der DATEV-Export steht auf unserer Liste für Version 2.0.", true))),
        new Review(2, "GBR", "sole_trader_sam", "Bank import broke",
            "Since 1.8.2 my bank's CSV export isn't recognised any more. Had to enter a month by hand.", 8,
            Optional.of(new Response(
                "Sorry for the trouble! Version 1.9.0 supports the new CSV layout and will be out in a few days.",
                false))),
        new Review(5, "IRL", "ledger_love", "Worth every cent",
            "Clean design, fast, and the iCloud sync between my iMac and MacBook just works.", 15, Optional.empty()),
        new Review(3, "JPN", "個人事業主K", "確定申告向けの機能がほしい",
            "使いやすいですが、青色申告の帳票に対応してくれると助かります。", 19, Optional.empty()),
        new Review(1, "USA", "taxtime_terry", "Subscription only?",
            "I bought this app years ago and now everything useful needs Ledgerly Pro. Not happy.", 25,
            Optional.of(new Response(
                "We understand. Everything you bought before Ledgerly Pro stays free forever; Pro only adds bank sync.",
                true))),
        new Review(4, "AUT", "Buchhalterin_Wien", "Übersichtlich",
            "Schöne, übersichtliche App. Die Belegerkennung funktioniert meistens, bei Kassenzetteln manchmal nicht.",
            33, Optional.empty()),
        new Review(5, "CAN", "northern_invoice", "Invoices look professional",
            "My clients keep commenting on how good the invoices look. The templates are great.", 41,
            Optional.empty()));
  }
}
