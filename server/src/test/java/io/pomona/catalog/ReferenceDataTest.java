package io.pomona.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  private static final ReferenceData DATA = ReferenceData.load(new ObjectMapper());

  /**
   * The 175 App Store storefronts, by Apple's regions; fixtures/README.md names each one. Written
   * out here so that adding or dropping a territory is a deliberate change to two places.
   */
  private static final Map<String, String> TERRITORIES_BY_REGION =
      Map.of(
          "Africa, Middle East, and India",
          "AFG DZA AGO BHR BEN BWA BFA CMR CPV TCD CIV COD EGY SWZ GAB GMB GHA GNB IND IRQ ISR JOR"
              + " KEN KWT LBN LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA OMN QAT COG RWA STP"
              + " SAU SEN SYC SLE ZAF TZA TUN UGA ARE YEM ZMB ZWE",
          "Asia Pacific",
          "AUS BTN BRN KHM CHN FJI HKG IDN JPN KAZ KOR KGZ LAO MAC MYS MDV FSM MNG MMR NRU NPL NZL"
              + " PAK PLW PNG PHL SGP SLB LKA TWN TJK THA TON TKM UZB VUT VNM",
          "Europe",
          "ALB ARM AUT AZE BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA GEO DEU GRC HUN ISL IRL ITA"
              + " XKS LVA LTU LUX MLT MDA MNE NLD MKD NOR POL PRT ROU RUS SRB SVK SVN ESP SWE CHE"
              + " TUR UKR GBR",
          "Latin America and the Caribbean",
          "AIA ATG ARG BHS BRB BLZ BMU BOL BRA VGB CYM CHL COL CRI DMA DOM ECU SLV GRD GTM GUY HND"
              + " JAM MEX MSR NIC PAN PRY PER KNA LCA VCT SUR TTO TCA URY VEN",
          "United States and Canada",
          "CAN USA");

  /** The ISO 4217 codes Apple prices App Store storefronts in. */
  private static final Set<String> APPLE_STOREFRONT_CURRENCIES =
      Set.of(
          "AED", "AUD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "EUR", "GBP",
          "HKD", "HUF", "IDR", "ILS", "INR", "JPY", "KRW", "KZT", "MXN", "MYR", "NGN", "NOK", "NZD",
          "PEN", "PHP", "PKR", "PLN", "QAR", "RON", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD",
          "TZS", "USD", "VND", "ZAR");

  /** Where each relationship in the fixtures points (the catalog knows this; the test restates it). */
  private static final Map<String, String> RELATIONSHIP_TARGETS =
      Map.of(
          "appCategories.parent", "appCategories",
          "appCategories.subcategories", "appCategories",
          "ciXcodeVersions.macOsVersions", "ciMacOsVersions",
          "ciMacOsVersions.xcodeVersions", "ciXcodeVersions");

  @Test
  void loadsAFileForEveryType() {
    assertThat(DATA.types()).containsExactlyElementsOf(ReferenceData.TYPES);
    for (String type : ReferenceData.TYPES) {
      assertThat(DATA.of(type)).as(type).isNotEmpty().allSatisfy(r -> assertThat(r.type()).isEqualTo(type));
    }
  }

  @Test
  void idsAreUniqueWithinEachType() {
    for (String type : ReferenceData.TYPES) {
      List<String> ids = DATA.of(type).stream().map(ReferenceResource::id).toList();
      assertThat(ids).as(type).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
    }
  }

  @Test
  void thereAre175TerritoriesExactlyTheStorefronts() {
    Set<String> expected =
        TERRITORIES_BY_REGION.values().stream()
            .flatMap(ids -> Stream.of(ids.split(" ")))
            .collect(Collectors.toSet());
    assertThat(expected).hasSize(175);
    assertThat(DATA.of("territories")).hasSize(175);
    assertThat(DATA.of("territories")).extracting(ReferenceResource::id).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void everyTerritoryCurrencyIsAnAppleStorefrontIso4217Code() {
    assertThat(DATA.of("territories"))
        .allSatisfy(t -> assertThat(t.attributes()).containsOnlyKeys("currency"))
        .extracting(t -> (String) t.attributes().get("currency"))
        .allSatisfy(currency -> assertThat(APPLE_STOREFRONT_CURRENCIES).contains(currency));
    // Every listed currency is in use, so the list cannot hide a stale code.
    assertThat(DATA.of("territories"))
        .extracting(t -> t.attributes().get("currency"))
        .containsAll(APPLE_STOREFRONT_CURRENCIES);
  }

  @Test
  void wellKnownTerritoriesHaveTheirLocalCurrency() {
    Map<String, String> expected =
        Map.of(
            "USA", "USD", "GBR", "GBP", "DEU", "EUR", "FRA", "EUR", "JPN", "JPY", "CHN", "CNY",
            "IND", "INR", "BRA", "BRL", "BGR", "EUR", "ARG", "USD");
    expected.forEach(
        (id, currency) ->
            assertThat(DATA.find("territories", id))
                .as(id)
                .hasValueSatisfying(t -> assertThat(t.attributes()).containsEntry("currency", currency)));
  }

  @Test
  void categoriesAre26TopLevelWithGamesAndStickersSubcategories() {
    List<ReferenceResource> categories = DATA.of("appCategories");
    assertThat(categories).hasSize(57);
    assertThat(categories.stream().filter(c -> c.related("parent").isEmpty()))
        .extracting(ReferenceResource::id)
        .hasSize(26)
        .contains("BOOKS", "DEVELOPER_TOOLS", "GAMES", "STICKERS", "WEATHER");
    assertThat(category("GAMES").related("subcategories"))
        .hasSize(16)
        .contains("GAMES_ACTION", "GAMES_ROLE_PLAYING", "GAMES_WORD");
    assertThat(category("STICKERS").related("subcategories"))
        .hasSize(15)
        .contains("STICKERS_ANIMALS", "STICKERS_EMOJI_AND_EXPRESSIONS", "STICKERS_SPORTS_AND_ACTIVITIES");
  }

  @Test
  void categoryParentAndSubcategoryLinksAreSymmetric() {
    for (ReferenceResource category : DATA.of("appCategories")) {
      assertThat(category.related("parent")).as(category.id()).hasSizeLessThanOrEqualTo(1);
      for (String parent : category.related("parent")) {
        assertThat(category(parent).related("subcategories")).as(category.id()).contains(category.id());
        assertThat(category.id()).startsWith(parent + "_");
      }
      for (String child : category.related("subcategories")) {
        assertThat(category(child).related("parent")).as(child).containsExactly(category.id());
        assertThat(category(child).related("subcategories")).as("depth is one").isEmpty();
      }
    }
  }

  @Test
  void stickersAreIosOnlyAndSubcategoriesRunWhereTheirParentRuns() {
    for (ReferenceResource category : DATA.of("appCategories")) {
      List<String> platforms = strings(category.attributes().get("platforms"));
      assertThat(platforms).as(category.id()).isNotEmpty().doesNotHaveDuplicates();
      if (category.id().startsWith("STICKERS")) {
        assertThat(platforms).as(category.id()).containsExactly("IOS");
      }
      for (String parent : category.related("parent")) {
        assertThat(strings(category(parent).attributes().get("platforms"))).containsAll(platforms);
      }
    }
  }

  @Test
  void xcodeAndMacOsVersionLinksAreSymmetric() {
    for (ReferenceResource xcode : DATA.of("ciXcodeVersions")) {
      assertThat(xcode.related("macOsVersions")).as(xcode.id()).isNotEmpty();
      for (String macOs : xcode.related("macOsVersions")) {
        assertThat(DATA.find("ciMacOsVersions", macOs).orElseThrow().related("xcodeVersions"))
            .as(macOs)
            .contains(xcode.id());
      }
    }
    for (ReferenceResource macOs : DATA.of("ciMacOsVersions")) {
      assertThat(macOs.related("xcodeVersions")).as(macOs.id()).isNotEmpty();
      for (String xcode : macOs.related("xcodeVersions")) {
        assertThat(DATA.find("ciXcodeVersions", xcode).orElseThrow().related("macOsVersions"))
            .as(xcode)
            .contains(macOs.id());
      }
    }
  }

  @Test
  void bothImageListsOfferApplesAliases() {
    for (String type : List.of("ciXcodeVersions", "ciMacOsVersions")) {
      assertThat(DATA.find(type, "latest:stable")).as(type)
          .hasValueSatisfying(v -> assertThat(v.attributes()).containsEntry("name", "Latest Release"));
      assertThat(DATA.find(type, "latest:all")).as(type)
          .hasValueSatisfying(v -> assertThat(v.attributes()).containsEntry("name", "Latest Beta or Release"));
    }
    assertThat(DATA.of("ciXcodeVersions"))
        .extracting(v -> v.attributes().get("name"))
        .contains("Xcode 15.4 (15F31d)", "Xcode 16.0 (16A242d)", "Xcode 16.4 (16F6)", "Xcode 26.0 beta (17A5241e)");
  }

  @Test
  void macDestinationsAreKindMacAndSimulatorsUseCoreSimulatorRuntimes() {
    for (ReferenceResource xcode : DATA.of("ciXcodeVersions")) {
      for (Object item : (List<?>) xcode.attributes().get("testDestinations")) {
        Map<?, ?> destination = (Map<?, ?>) item;
        String identifier = (String) destination.get("deviceTypeIdentifier");
        List<String> runtimeIds =
            ((List<?>) destination.get("availableRuntimes"))
                .stream().map(runtime -> (String) ((Map<?, ?>) runtime).get("runtimeIdentifier")).toList();
        assertThat(runtimeIds).as(identifier).isNotEmpty();
        if (identifier.startsWith("mac")) {
          assertThat(destination.get("kind")).as(identifier).isEqualTo("MAC");
          assertThat(runtimeIds.get(0)).isEqualTo("builder");
        } else {
          assertThat(destination.get("kind")).as(identifier).isEqualTo("SIMULATOR");
          assertThat(runtimeIds.get(0)).isEqualTo("default");
          assertThat(runtimeIds.subList(1, runtimeIds.size()))
              .isNotEmpty()
              .allSatisfy(id -> assertThat(id).startsWith("com.apple.CoreSimulator.SimRuntime."));
        }
      }
    }
  }

  @Test
  void everyLinkPointsToAnExistingResourceOfTheRightType() {
    List<String> dangling = new ArrayList<>();
    for (String type : ReferenceData.TYPES) {
      for (ReferenceResource resource : DATA.of(type)) {
        resource.relationships().forEach((name, ids) -> {
          String target = RELATIONSHIP_TARGETS.get(type + "." + name);
          assertThat(target).as("known relationship " + type + "." + name).isNotNull();
          ids.stream()
              .filter(id -> DATA.find(target, id).isEmpty())
              .forEach(id -> dangling.add(type + "/" + resource.id() + "." + name + " -> " + id));
        });
      }
    }
    assertThat(dangling).isEmpty();
  }

  @Test
  void loadedDataCannotBeChanged() {
    ReferenceResource games = category("GAMES");
    assertThatThrownBy(() -> DATA.of("appCategories").clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> games.attributes().put("platforms", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<Object>) games.attributes().get("platforms")).add("VISION_OS"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> games.related("subcategories").clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownTypesAndIdsAreAbsentNotNull() {
    assertThat(DATA.of("apps")).isEmpty();
    assertThat(DATA.find("territories", "ATA")).isEmpty();
    assertThat(DATA.find("apps", "USA")).isEmpty();
  }

  @Test
  void aRepeatedIdStopsTheLoad() {
    assertThatThrownBy(() -> loadBroken("duplicate", "territories"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reference-data-broken/duplicate/territories.json repeats the id USA");
  }

  @Test
  void anUnknownMemberStopsTheLoad() {
    assertThatThrownBy(() -> loadBroken("unknown-member", "territories"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot read reference data file reference-data-broken/unknown-member/territories.json")
        .hasCauseInstanceOf(UnrecognizedPropertyException.class)
        .cause()
        .hasMessageContaining("\"name\"");
  }

  @Test
  void aNullLinkageStopsTheLoad() {
    assertThatThrownBy(() -> loadBroken("null-linkage", "appCategories"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("reference-data-broken/null-linkage/appCategories.json has a null linkage in GAMES");
  }

  @Test
  void aMissingFileStopsTheLoad() {
    assertThatThrownBy(() -> loadBroken("duplicate", "appCategories"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Reference data file reference-data-broken/duplicate/appCategories.json is not on the classpath");
  }

  private static ReferenceData loadBroken(String directory, String type) {
    return ReferenceData.load(new ObjectMapper(), "reference-data-broken/" + directory, List.of(type));
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String.class::cast).toList();
  }

  private static ReferenceResource category(String id) {
    return DATA.find("appCategories", id).orElseThrow(() -> new AssertionError("no category " + id));
  }
}
