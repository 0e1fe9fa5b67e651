package io.pomona;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Guards the package arrows of style.md §2.1: dependencies point one way. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.pomona");

  @Test
  void layersDependOnlyDownward() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("app").definedBy("io.pomona.app..")
        .layer("http").definedBy("io.pomona.http..")
        .layer("operator").definedBy("io.pomona.operator..")
        .layer("sim").definedBy("io.pomona.sim..")
        .layer("domain").definedBy("io.pomona.domain..")
        .layer("engine").definedBy("io.pomona.engine..")
        .layer("uploads").definedBy("io.pomona.uploads..")
        .layer("behaviour").definedBy("io.pomona.behaviour..")
        .layer("jsonapi").definedBy("io.pomona.jsonapi..")
        .layer("store").definedBy("io.pomona.store..")
        .layer("query").definedBy("io.pomona.query..")
        .layer("auth").definedBy("io.pomona.auth..")
        .layer("account").definedBy("io.pomona.account..")
        .layer("catalog").definedBy("io.pomona.catalog..")
        .layer("error").definedBy("io.pomona.error..")
        .whereLayer("app").mayNotBeAccessedByAnyLayer()
        .whereLayer("http").mayOnlyBeAccessedByLayers("app")
        // The operator's control plane (admin API and CLI logic): used by app wiring and the admin HTTP shell.
        .whereLayer("operator").mayOnlyBeAccessedByLayers("app", "http")
        .whereLayer("sim").mayOnlyBeAccessedByLayers("app", "http", "operator")
        .whereLayer("domain").mayOnlyBeAccessedByLayers("app")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("app", "http", "sim", "operator")
        // Uploaded bytes: the part route (http) receives them, domain behaviours reserve and commit.
        .whereLayer("uploads").mayOnlyBeAccessedByLayers("app", "http", "domain")
        .whereLayer("behaviour").mayOnlyBeAccessedByLayers("app", "sim", "operator", "engine", "domain")
        .whereLayer("jsonapi").mayOnlyBeAccessedByLayers("app", "http", "engine", "sim", "operator")
        .whereLayer("store").mayOnlyBeAccessedByLayers("app", "sim", "operator", "engine", "behaviour", "domain")
        .whereLayer("query").mayOnlyBeAccessedByLayers("app", "http", "sim", "operator", "engine", "behaviour", "jsonapi", "store", "domain")
        .whereLayer("auth").mayOnlyBeAccessedByLayers("app", "http", "sim", "operator")
        .whereLayer("account").mayOnlyBeAccessedByLayers("app", "http", "sim", "operator", "engine", "behaviour", "store", "auth", "domain")
        .whereLayer("catalog").mayOnlyBeAccessedByLayers("app", "http", "sim", "operator", "engine", "behaviour", "jsonapi", "store", "query", "domain")
        .check(CLASSES);
  }

  @Test
  void onlyTheStoreUsesJdbc() {
    noClasses().that().resideOutsideOfPackage("io.pomona.store..")
        .should().dependOnClassesThat().resideInAPackage("java.sql..")
        .check(CLASSES);
  }

  @Test
  void onlyHttpUsesTheWebFramework() {
    noClasses().that().resideOutsideOfPackage("io.pomona.http..")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
        .check(CLASSES);
  }

  @Test
  void domainAreasDoNotDependOnEachOther() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("io.pomona.domain.(*)..")
        .should().notDependOnEachOther()
        .allowEmptyShould(true)
        .check(CLASSES);
  }
}
