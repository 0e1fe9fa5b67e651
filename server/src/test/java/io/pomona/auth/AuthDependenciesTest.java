package io.pomona.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package's own arrow from style.md §2.1, until the project-wide ArchitectureTest covers it. */
class AuthDependenciesTest {

  @Test
  void authDependsOnlyOnErrorAccountNimbusAndCaffeine() {
    JavaClasses auth =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.pomona.auth");

    classes()
        .that()
        .resideInAPackage("io.pomona.auth..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.pomona.auth..",
            "io.pomona.error..",
            "io.pomona.account..",
            "com.nimbusds..",
            "com.github.benmanes.caffeine..",
            "java..",
            "javax.crypto..")
        .check(auth);
  }
}
