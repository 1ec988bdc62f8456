package vn.urbanorder.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tile server's origin is what the console's Content-Security-Policy lets images come from. */
class ConsoleMapPropertiesTests {

    @ParameterizedTest
    @CsvSource({
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png, https://tile.openstreetmap.org",
        "https://{s}.tile.example.vn/osm/{z}/{x}/{y}.png, https://*.tile.example.vn",
        "http://tiles.local:8081/{z}/{x}/{y}.png?key=1, http://tiles.local:8081"
    })
    void theOriginIsTheTileServersOwn(String tiles, String origin) {
        assertThat(new ConsoleMapProperties(tiles, "©").origins()).containsExactly(origin);
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void noTilesNoOrigin(String tiles) {
        assertThat(new ConsoleMapProperties(tiles, "").origins()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"tile.openstreetmap.org/{z}/{x}/{y}.png", "javascript:alert(1)", "data:image/png;base64,AA"})
    void anythingButAnHttpAddressIsRefusedAtStartUp(String tiles) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsoleMapProperties(tiles, ""));
    }
}
