package vn.urbanorder.console;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import vn.urbanorder.identity.DeskImageOrigins;

/**
 * The console's map ({@code urbanorder.console.map.*}). Its tile server's origin is the only
 * one besides the service's own that console pages may load images from.
 *
 * @param tiles the tile URL template ({@code {z}/{x}/{y}}, optionally {@code {s}} subdomains);
 *     empty for no tiles at all (the map still draws zones and reports on a plain background)
 * @param attribution the credit the tile server asks for, shown on the map
 */
@ConfigurationProperties("urbanorder.console.map")
public record ConsoleMapProperties(
        @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        String tiles,

        @DefaultValue("© OpenStreetMap") String attribution)
        implements DeskImageOrigins {

    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)");

    public ConsoleMapProperties {
        tiles = tiles.strip();
        if (!tiles.isEmpty() && !ORIGIN.matcher(tiles).find()) {
            throw new IllegalArgumentException(
                    "urbanorder.console.map.tiles must be an http(s) URL template, not " + tiles);
        }
    }

    /** The tile server's origin, with {@code {s}} subdomains as a wildcard; none without tiles. */
    @Override
    public List<String> origins() {
        var found = ORIGIN.matcher(tiles);
        return found.find() ? List.of(found.group(1).replace("{s}", "*")) : List.of();
    }
}
