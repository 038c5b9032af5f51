package dev.latchkey;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.problems.control.DomainException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of the application's compiled classes (the app module's own classes, not its
 * tests): package by feature, {@code dev.latchkey.<feature>.{boundary,control,entity}}.
 * <ul>
 *   <li>boundary → control → entity: a boundary may use controls and entities, a control
 *       entities, an entity neither (across features too);</li>
 *   <li>the one allowance: an entity may throw the shared domain exceptions of
 *       {@code problems.control} (subclasses of {@link DomainException}: the one error shape
 *       every layer speaks; {@code problems.control} depends on nothing of the application);</li>
 *   <li>no cycle between packages, and none between features (a feature is all of its
 *       packages, boundary included).</li>
 * </ul>
 * {@code JdepsCyclesTest} checks the same cycles with the JDK's {@code jdeps}.
 */
class LayeringTest {

    private static final String APP = "dev.latchkey";

    private static JavaClasses classes;

    @BeforeAll
    static void importAppClasses() throws URISyntaxException {
        Path appClasses = Path.of(Caller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        classes = new ClassFileImporter().importPath(appClasses);
    }

    private static DescribedPredicate<JavaClass> domainExceptions() {
        return resideInAPackage(APP + ".problems.control").and(assignableTo(DomainException.class))
                .as("domain exceptions");
    }

    @Test
    void importsTheApplication() {
        // Guards the rules below against passing on an empty import.
        org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 300, "classes imported: " + classes.size());
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain(Caller.class));
    }

    @Test
    void everyClassIsInALayerExceptTheLauncher() {
        classes().that().resideOutsideOfPackage(APP + ".launcher").and().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(APP + ".*.boundary", APP + ".*.control", APP + ".*.entity")
                .check(classes);
    }

    @Test
    void entitiesNeverDependOnControlOrBoundary() {
        noClasses().that().resideInAPackage(APP + ".*.entity")
                .should().dependOnClassesThat(resideInAnyPackage(APP + ".*.control", APP + ".*.boundary")
                        .and(not(domainExceptions())))
                .because("entities are the values every layer shares; they throw domain exceptions only")
                .check(classes);
    }

    @Test
    void boundaryThenControlThenEntity() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Boundary").definedBy(APP + ".*.boundary")
                .layer("Control").definedBy(APP + ".*.control")
                .layer("Entity").definedBy(APP + ".*.entity")
                .whereLayer("Boundary").mayNotBeAccessedByAnyLayer()
                .whereLayer("Control").mayOnlyBeAccessedByLayers("Boundary")
                .whereLayer("Entity").mayOnlyBeAccessedByLayers("Boundary", "Control")
                .ignoreDependency(resideInAPackage(APP + ".*.entity"), domainExceptions())
                .check(classes);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching(APP + ".(**)").namingSlices("$1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noCycleBetweenFeatures() {
        slices().matching(APP + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void sharedPlumbingKnowsNoCredentials() {
        // The request context, the error shape and the value types below every feature know
        // nothing of who is calling: that is the credentials feature's, which builds on them.
        noClasses().that().resideInAnyPackage(APP + ".http..", APP + ".problems..", APP + ".identifiers..",
                        APP + ".network..", APP + ".crypto..", APP + ".database..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".credentials..")
                .check(classes);
    }

    @Test
    void startupFailuresAreTheSharedErrorVocabulary() {
        // Features fail their start with problems.control.StartupFailedException, never with
        // another feature's control type; only the startup sequence knows every feature.
        noClasses().that().resideOutsideOfPackage(APP + ".startup..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".startup..")
                .check(classes);
    }
}
