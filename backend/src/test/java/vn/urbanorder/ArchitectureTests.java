package vn.urbanorder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.urbanorder.report.PastReports;
import vn.urbanorder.report.ReportPlacement;
import vn.urbanorder.report.StatusChanges;

/** The rules of DESIGN.md that a compiler does not check, and the module diagram in docs/modules. */
class ArchitectureTests {

    /** The code generated from the contract: an open module, outside the rules for our own code. */
    private static final String GENERATED = "vn.urbanorder.api";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.urbanorder");

    private static final ApplicationModules MODULES = ApplicationModules.of(UrbanOrderApplication.class);

    @Test
    void featuresHaveNoCyclesAndUseOnlyTheDependenciesTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void everyFeatureDeclaresItsDependenciesAndNullness() {
        List<String> features = MODULES.stream()
                .map(module -> module.getBasePackage().getName())
                .filter(name -> !name.equals(GENERATED))
                .toList();

        assertThat(features).allSatisfy(feature -> {
            ApplicationModule declared = packageInfo(feature).getAnnotation(ApplicationModule.class);
            assertThat(declared)
                    .as("%s declares @ApplicationModule(allowedDependencies = ...)", feature)
                    .isNotNull();
            assertThat(declared.allowedDependencies())
                    .as("%s lists the features it may use", feature)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
        List<String> ownPackages = MAIN.stream()
                .map(javaClass -> javaClass.getPackageName())
                .filter(name -> !name.equals("vn.urbanorder") && !name.startsWith(GENERATED))
                .distinct()
                .toList();
        assertThat(ownPackages).allSatisfy(name -> assertThat(packageInfo(name).isAnnotationPresent(NullMarked.class))
                .as("%s is @NullMarked in its package-info.java", name)
                .isTrue());
    }

    @Test
    void storesStayInsideTheirFeature() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .or()
                .haveSimpleNameEndingWith("Store")
                .should()
                .notBePublic()
                .because("a feature's tables are reached through its public services, never its stores")
                .check(MAIN);
    }

    /**
     * The three ways into a recorded report that skip intake's rules each have one user: only the
     * workflow changes a report's status, only the demo records past reports, only the locations
     * feature places reports at a location.
     */
    @Test
    void reportsChangeOnlyThroughTheFeatureThatDecides() {
        onlyUsedBy(StatusChanges.class, "vn.urbanorder.workflow..");
        onlyUsedBy(PastReports.class, "vn.urbanorder.demo..");
        onlyUsedBy(ReportPlacement.class, "vn.urbanorder.location..");
    }

    private static void onlyUsedBy(Class<?> service, String feature) {
        classes()
                .that()
                .belongToAnyOf(service)
                .should()
                .onlyBeAccessed()
                .byAnyPackage("vn.urbanorder.report..", feature)
                .check(MAIN);
    }

    @Test
    void apiModelsStayInTheWebPackages() {
        classes()
                .that()
                .resideInAPackage("vn.urbanorder.api..")
                .should()
                .onlyBeAccessed()
                .byAnyPackage("vn.urbanorder.api..", "..web..")
                .check(MAIN);
    }

    @Test
    void mainCodeNeverBlocks() {
        noClasses()
                .should()
                .callMethod(Mono.class, "block")
                .orShould()
                .callMethod(Mono.class, "block", java.time.Duration.class)
                .orShould()
                .callMethod(Flux.class, "blockFirst")
                .orShould()
                .callMethod(Flux.class, "blockLast")
                .orShould()
                .callMethod(Mono.class, "blockOptional")
                .because("the service is reactive end to end; blocking work runs on boundedElastic")
                .check(MAIN);
    }

    /**
     * Keeps docs/modules current: Spring Modulith's PlantUML diagrams and module canvases, and a
     * Mermaid graph of the features and their arrows that renders where the docs are read.
     */
    @Test
    void writesTheModuleDiagramIntoTheDocs() throws IOException {
        Path folder = Path.of("..", "docs", "modules");
        Documenter.DiagramOptions diagrams = Documenter.DiagramOptions.defaults()
                .withExclusions(module -> module.getBasePackage().getName().equals(GENERATED));
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases();
        try (var files = Files.list(folder)) {
            for (Path diagram :
                    files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
        Files.writeString(folder.resolve("README.md"), mermaidOverview());

        assertThat(folder.resolve("components.puml"))
                .content()
                .containsIgnoringCase("workflow")
                .containsIgnoringCase("demo");
    }

    /**
     * The diagram writer lists components and arrows in an order that shifts with unrelated
     * changes; sorted, the files change only when the modules do.
     */
    private static List<String> inStableOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (line.stripLeading().startsWith("Rel(") || line.stripLeading().startsWith("Component(")) {
                run.add(line);
                continue;
            }
            run.sort(null);
            sorted.addAll(run);
            run.clear();
            sorted.add(line);
        }
        run.sort(null);
        sorted.addAll(run);
        return sorted;
    }

    private static String mermaidOverview() {
        String arrows = MODULES.stream()
                .filter(module -> !module.getBasePackage().getName().equals(GENERATED))
                .sorted((a, b) -> a.getIdentifier().compareTo(b.getIdentifier()))
                .flatMap(module -> module.getDirectDependencies(MODULES)
                        .uniqueModules()
                        .filter(target -> !target.getBasePackage().getName().equals(GENERATED))
                        .map(target -> "    " + module.getIdentifier() + " --> " + target.getIdentifier())
                        .sorted())
                .collect(Collectors.joining("\n"));
        return """
                # The features and their arrows

                Written by `ArchitectureTests.writesTheModuleDiagramIntoTheDocs` on every test run; do not
                edit by hand. An arrow means "uses the public API of". Each feature's `package-info.java`
                declares the arrows it may have (`@ApplicationModule(allowedDependencies = ...)`), and the
                test fails on one it did not declare. The generated contract code (`vn.urbanorder.api`),
                which every web package uses, is left out. `components.puml` and `module-*.puml` are the
                same in PlantUML, with the beans; `module-*.adoc` are Spring Modulith's module canvases.

                ```mermaid
                graph LR
                %s
                ```
                """.formatted(arrows);
    }

    private static Package packageInfo(String name) {
        try {
            return Class.forName(name + ".package-info").getPackage();
        } catch (ClassNotFoundException missing) {
            throw new AssertionError(name + " has no package-info.java", missing);
        }
    }
}
