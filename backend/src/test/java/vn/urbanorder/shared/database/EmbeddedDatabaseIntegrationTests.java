package vn.urbanorder.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import vn.urbanorder.UrbanOrderApplication;

/**
 * With no database configured the service runs on its own PostgreSQL, which keeps its data, and
 * keeps the trial's photos beside it unless told otherwise.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataRoot;

    @Test
    void dataSurvivesARestartPhotosLieBesideItAndTheTrialWarningIsLoggedOncePerStart(CapturedOutput output) {
        Path dataDir = dataRoot.resolve("postgres");

        try (var first = start(dataDir)) {
            assertThat(first.getEnvironment().getProperty("urbanorder.photos.folder"))
                    .as("the trial's photos lie beside its database")
                    .isEqualTo(dataRoot.resolve("photos").toAbsolutePath().toString());
            database(first)
                    .sql("INSERT INTO province (code, name) VALUES ('KEEP', 'Tỉnh Thử');"
                            + " INSERT INTO ward (province_id, code, name)"
                            + " SELECT id, 'KEEP', 'Phường Thử' FROM province WHERE code = 'KEEP'")
                    .then()
                    .block();
        }
        Path elsewhere = dataRoot.resolve("elsewhere");
        try (var second = start(dataDir, "--urbanorder.photos.folder=" + elsewhere)) {
            assertThat(second.getEnvironment().getProperty("urbanorder.photos.folder"))
                    .isEqualTo(elsewhere.toString());
            String name = database(second)
                    .sql("SELECT name FROM ward WHERE code = 'KEEP'")
                    .map(row -> row.get("name", String.class))
                    .one()
                    .block();
            assertThat(name).isEqualTo("Phường Thử");
        }

        assertThat(output.getOut().split("This mode is for trial use only", -1)).hasSize(3);
        assertThat(output).contains("data in " + dataDir.toAbsolutePath());
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--urbanorder.test.shared-database=false",
                "--urbanorder.database.embedded.data-dir=" + dataDir,
                "--server.port=0"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(UrbanOrderApplication.class).run(arguments.toArray(String[]::new));
    }

    private static DatabaseClient database(ConfigurableApplicationContext context) {
        return context.getBean(DatabaseClient.class);
    }
}
