package com.wallet.apiaccess;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.wallet.apiaccess.client.ApiClient;
import com.wallet.apiaccess.user.WalletUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packages depend one way (docs/architecture.md): entry points on top, then the bearer check,
 * then the domain, then primitives. A wrong import fails here, naming the classes.
 */
@Tag("unit")
class ArchitectureTest {

    private static final String BASE = "com.wallet.apiaccess";
    private static JavaClasses classes;

    /** The compiled main classes; {@code -Darchitecture.classes=some.jar} checks another build instead. */
    @BeforeAll
    static void importMainClasses() throws IOException {
        String location = System.getProperty("architecture.classes", "target/classes");
        ClassFileImporter importer =
                new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        if (location.endsWith(".jar")) {
            try (JarFile jar = new JarFile(location)) {
                classes = importer.importJar(jar);
            }
        } else {
            classes = importer.importPath(Path.of(location));
        }
    }

    @Test
    void shouldLayerThePackagesOneWay() {
        ArchRule layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Entry points")
                .definedBy(packages("oauth", "console", "http"))
                .layer("Bearer check")
                .definedBy(packages("auth"))
                .layer("Domain")
                .definedBy(packages("session", "webhook", "client", "user", "wallet", "audit", "role"))
                .layer("Primitives")
                .definedBy(packages("crypto", "throttle", "database", "problem", "config"))
                .whereLayer("Entry points")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Bearer check")
                .mayOnlyBeAccessedByLayers("Entry points")
                .whereLayer("Domain")
                .mayOnlyBeAccessedByLayers("Entry points", "Bearer check")
                .whereLayer("Primitives")
                .mayOnlyBeAccessedByLayers("Entry points", "Bearer check", "Domain");
        layers.check(classes);
    }

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Within the domain: webhooks above the clients whose events they send, sign-in above users and
     * wallets, clients above wallets, the audit log below all that it records, roles at the bottom.
     */
    @Test
    void shouldOrderTheDomainPackages() {
        noClasses()
                .that()
                .resideInAPackage(BASE + ".role..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("session", "webhook", "client", "user", "wallet", "audit"))
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage(BASE + ".audit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages("session", "webhook", "client", "user", "wallet"))
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(packages("session", "client", "user", "wallet"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".webhook..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(packages("client", "user", "wallet"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".session..")
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(packages("user", "wallet"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".client..")
                .check(classes);
    }

    /** The admin API does not know the token endpoint. */
    @Test
    void shouldKeepTheAdminSideOffTheTokenEndpoint() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".oauth..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + ".oauth..")
                .check(classes);
    }

    /** One owner per table: the entities do not leave their packages. */
    @Test
    void shouldKeepEachEntityInItsPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + ".client..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(ApiClient.class)
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages(BASE + ".user..", BASE + ".wallet..", BASE + ".session..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(WalletUser.class)
                .check(classes);
    }

    /** No SQL on {@code api_client} outside {@code client/}, whatever client library it would use. */
    @Test
    void shouldWriteSqlOfApiClientOnlyInTheClientPackage() throws IOException {
        Path main = Path.of("src/main/java/com/wallet/apiaccess");
        List<String> elsewhere;
        try (Stream<Path> files = Files.walk(main)) {
            elsewhere = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !main.relativize(file).startsWith("client"))
                    .filter(file -> read(file).contains("api_client"))
                    .map(file -> main.relativize(file).toString())
                    .toList();
        }
        assertThat(elsewhere)
                .as("classes outside client/ that name the api_client table")
                .isEmpty();
    }

    private static String[] packages(String... names) {
        return Stream.of(names).map(name -> BASE + "." + name + "..").toArray(String[]::new);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
