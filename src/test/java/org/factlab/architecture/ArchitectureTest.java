package org.factlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The package rules of docs/architecture.md ("Packages"). */
@AnalyzeClasses(packages = "org.factlab", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** Production classes only, whatever the build folder is called (ArchUnit's own option knows only target/). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    private static final String[] CORE = {
        "org.factlab.math..",
        "org.factlab.nn..",
        "org.factlab.kernels..",
        "org.factlab.data..",
        "org.factlab.experiments..",
        "org.factlab.uploads.."
    };

    @ArchTest
    static final ArchRule coreIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta..", "java.sql..")
            .because("the numerical core stays free of Spring, Vaadin and JDBC");

    @ArchTest
    static final ArchRule nd4jStaysInTheCore = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.factlab.runs..",
                    "org.factlab.studies..",
                    "org.factlab.paperresults..",
                    "org.factlab.web..",
                    "org.factlab.ui..",
                    "org.factlab.access..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
            .because("experiments emit plain doubles and float[] with a shape");

    @ArchTest
    static final ArchRule nobodySetsGlobalDataTypes = noClasses()
            .should()
            .callMethod(
                    "org.nd4j.linalg.factory.Nd4j",
                    "setDefaultDataTypes",
                    "org.nd4j.linalg.api.buffer.DataType",
                    "org.nd4j.linalg.api.buffer.DataType")
            .because("runs execute concurrently: each array gets its data type explicitly");

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("app")
            .definedBy("org.factlab")
            .layer("ui")
            .definedBy("org.factlab.ui..")
            .layer("web")
            .definedBy("org.factlab.web..")
            .layer("access")
            .definedBy("org.factlab.access..")
            .layer("paperresults")
            .definedBy("org.factlab.paperresults..")
            .layer("studies")
            .definedBy("org.factlab.studies..")
            .layer("runs")
            .definedBy("org.factlab.runs..")
            .layer("experiments")
            .definedBy("org.factlab.experiments..")
            .layer("uploads")
            .definedBy("org.factlab.uploads..")
            .layer("nn")
            .definedBy("org.factlab.nn..")
            .layer("kernels")
            .definedBy("org.factlab.kernels..")
            .layer("data")
            .definedBy("org.factlab.data..")
            .layer("math")
            .definedBy("org.factlab.math..")
            .whereLayer("ui")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("web")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("access")
            .mayOnlyBeAccessedByLayers("web", "ui")
            .whereLayer("paperresults")
            .mayOnlyBeAccessedByLayers("web", "ui")
            .whereLayer("studies")
            .mayOnlyBeAccessedByLayers("paperresults", "web", "ui", "access")
            .whereLayer("runs")
            .mayOnlyBeAccessedByLayers("studies", "paperresults", "web", "ui", "access")
            .whereLayer("experiments")
            .mayOnlyBeAccessedByLayers("runs", "studies", "paperresults", "web", "ui")
            .whereLayer("uploads")
            .mayOnlyBeAccessedByLayers("experiments", "runs", "web", "ui")
            .whereLayer("nn")
            .mayOnlyBeAccessedByLayers("experiments", "uploads")
            .whereLayer("kernels")
            .mayOnlyBeAccessedByLayers("experiments")
            .whereLayer("data")
            .mayOnlyBeAccessedByLayers("experiments", "uploads")
            .whereLayer("math")
            .mayOnlyBeAccessedByLayers("nn", "kernels", "data", "experiments", "uploads");

    /** The sub-packages of experiments that are not a kind: what every kind shares. */
    private static final Set<String> SHARED_EXPERIMENTS = Set.of("sections", "paper", "sweep");

    /**
     * A class of one kind's own package, {@code experiments.<kind>..} (quadratic, parity, modular, mlp, inspect,
     * tabular, follow, cnn, rfm and any kind added later); not the SPI at experiments' top level, nor the shared
     * sections, paper and sweep.
     */
    private static final DescribedPredicate<JavaClass> KIND_PACKAGE =
            DescribedPredicate.describe("a class of a kind's own package (org.factlab.experiments.<kind>..)", c -> {
                String prefix = "org.factlab.experiments.";
                String name = c.getPackageName();
                return name.startsWith(prefix)
                        && !SHARED_EXPERIMENTS.contains(
                                name.substring(prefix.length()).split("\\.")[0]);
            });

    @ArchTest
    static final ArchRule kindsAreLocal = noClasses()
            .that()
            .resideInAnyPackage("org.factlab.ui..", "org.factlab.web..", "org.factlab.runs..")
            .should()
            .dependOnClassesThat(KIND_PACKAGE)
            .because("pages, controllers and the run platform know a kind only through ExperimentKind and the "
                    + "sections it declares: adding a kind touches its package and ExperimentKinds");

    /** The one class that calls native linear algebra and touches ND4J host buffers directly. */
    private static final String GATEWAY = "org.factlab.math.NativeLinearAlgebra";

    @ArchTest
    static final ArchRule onlyTheGatewayCallsLapack = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(GATEWAY)
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "a LAPACK routine (OpenBLAS LAPACKE_* or ND4J's " + "lapack())",
                    call -> call.getTargetOwner().getName().startsWith("org.bytedeco.openblas")
                                    && call.getName().startsWith("LAPACK")
                            || call.getName().equals("lapack")))
            .because("math.NativeLinearAlgebra owns every LAPACK call and its GPU host-buffer synchronisation");

    @ArchTest
    static final ArchRule onlyTheGatewaySynchronizesHostBuffers = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(GATEWAY)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.nd4j.linalg.api.concurrency.AffinityManager")
            .because("host and device copies of an array are kept in step in one place");

    @ArchTest
    static final ArchRule kernelsUseNoNativeMemory = noClasses()
            .that()
            .resideInAPackage("org.factlab.kernels..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.bytedeco..")
            .because("kernels solve and take roots through math (NativeLinearAlgebra, PsdMatrices)");

    @ArchTest
    static final ArchRule choicesDependOnNothing = classes()
            .that()
            .resideInAPackage("org.factlab.choice..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.factlab.choice..")
            .because("every layer names its spec choices with it");

    @ArchTest
    static final ArchRule noCycles =
            slices().matching("org.factlab.(*)..").should().beFreeOfCycles();
}
