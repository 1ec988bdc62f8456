package vn.urbanorder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The rules of DESIGN.md that a compiler does not check. */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.urbanorder");

    @Test
    void featuresHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
        ApplicationModules.of(UrbanOrderApplication.class).verify();
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
}
