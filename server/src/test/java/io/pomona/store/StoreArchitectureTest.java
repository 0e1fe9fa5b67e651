package io.pomona.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The store's arrows (style.md §2.1): the SPI names no database; nothing else uses JDBC; the shared
 * JDBC code ({@code store.jdbc}) serves the two stores and names neither them nor their drivers, so
 * whatever differs between the databases goes through its {@code Dialect}.
 */
@AnalyzeClasses(packages = "io.pomona", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreArchitectureTest {

  @ArchTest
  static final ArchRule spiDependsOnlyOnErrorAndAccount =
      classes()
          .that()
          .resideInAPackage("io.pomona.store")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.pomona.store", "io.pomona.error", "io.pomona.account", "java..");

  @ArchTest
  static final ArchRule spiNamesNoDatabase =
      noClasses()
          .that()
          .resideInAPackage("io.pomona.store")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..", "javax.sql..", "io.pomona.store.sqlite..", "io.pomona.store.postgres..");

  @ArchTest
  static final ArchRule jdbcOnlyInsideStoreImplementations =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.pomona.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..",
              "javax.sql..",
              "org.sqlite..",
              "org.postgresql..",
              "com.zaxxer.hikari..",
              "org.flywaydb..");

  @ArchTest
  static final ArchRule sharedJdbcCodeNamesNoDatabase =
      noClasses()
          .that()
          .resideInAPackage("io.pomona.store.jdbc..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.pomona.store.sqlite..",
              "io.pomona.store.postgres..",
              "org.sqlite..",
              "org.postgresql..");

  @ArchTest
  static final ArchRule sharedJdbcCodeServesOnlyTheStores =
      classes()
          .that()
          .resideInAPackage("io.pomona.store.jdbc..")
          .should()
          .onlyBeAccessed()
          .byClassesThat()
          .resideInAnyPackage(
              "io.pomona.store.jdbc..", "io.pomona.store.sqlite..", "io.pomona.store.postgres..");

  @ArchTest
  static final ArchRule storeImplementationsUseNoHigherLayer =
      noClasses()
          .that()
          .resideInAPackage("io.pomona.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.pomona.app..",
              "io.pomona.http..",
              "io.pomona.engine..",
              "io.pomona.behaviour..",
              "io.pomona.domain..",
              "io.pomona.jsonapi..",
              "io.pomona.auth..",
              "io.pomona.sim..");
}
