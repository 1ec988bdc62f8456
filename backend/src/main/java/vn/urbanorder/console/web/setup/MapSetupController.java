package vn.urbanorder.console.web.setup;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.ZoneImportDto;
import vn.urbanorder.api.model.ZonePreviewDto;
import vn.urbanorder.api.model.ZoneVersionDto;
import vn.urbanorder.api.model.ZoneVersionListDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.console.web.ConsoleZones;
import vn.urbanorder.console.web.FeatureFile;

/**
 * The ward's map, for its admin: the current map and its versions, a zone file previewed over it
 * (what it adds, changes and removes, and every error), then applied or let go. The preview asks
 * the API's dry run and stores nothing; applying sends the same file (its fingerprint is checked)
 * with the map version the preview was made against, so a map changed in between is refused.
 */
@Controller
class MapSetupController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    /** The API's limit for a zone file. */
    private static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    private static final String PAGE = "console/setup/map";
    private static final String PREVIEW = "console/setup/map :: preview";

    private final ConsoleApi api;
    private final ConsoleZones wardMaps;

    MapSetupController(ConsoleApi api, ConsoleZones zones) {
        this.api = api;
        this.wardMaps = zones;
        FeatureFile.digest();
    }

    /** What the preview section shows: all of it optional, so one template serves every outcome. */
    record Outcome(
            @Nullable ZonePreviewDto preview,
            List<MapProblem> problems,
            @Nullable FeatureFile file,
            @Nullable String notice) {

        static Outcome none() {
            return new Outcome(null, List.of(), null, null);
        }

        static Outcome told(String notice, @Nullable FeatureFile file) {
            return new Outcome(null, List.of(), file, notice);
        }

        public boolean applicable() {
            return preview != null && problems.isEmpty();
        }
    }

    @GetMapping("/console/setup/map")
    Mono<Rendering> page(
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable Long applied) {
        return SetupAccess.wardAdmin().then(versions()).map(versions -> {
            ZoneVersionDto shown = version == null
                    ? null
                    : versions.stream()
                            .filter(v -> v.getVersion().equals(version))
                            .findFirst()
                            .orElse(null);
            ZoneVersionDto appliedVersion = applied == null
                    ? null
                    : versions.stream()
                            .filter(v -> v.getVersion().equals(applied))
                            .findFirst()
                            .orElse(null);
            return page(versions, Outcome.none(), shown, appliedVersion, HttpStatus.OK);
        });
    }

    @PostMapping(path = "/console/setup/map/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> preview(
            ServerWebExchange exchange, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        return SetupAccess.wardAdmin()
                .then(exchange.getMultipartData())
                .flatMap(parts -> upload(parts)
                        .flatMap(file ->
                                file.isEmpty() ? Mono.just(Outcome.told("chooseFile", null)) : dryRun(file.get())))
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Mono.just(Outcome.told("tooLarge", null)))
                .flatMap(outcome -> answer(outcome, htmx != null, HttpStatus.OK));
    }

    @PostMapping(path = "/console/setup/map/apply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> apply(
            ServerWebExchange exchange, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        return SetupAccess.wardAdmin()
                .then(exchange.getMultipartData())
                .flatMap(parts -> {
                    Long version = number(field(parts, "mapVersion"));
                    String previewed = SetupForms.text(field(parts, "fileSha256"));
                    return upload(parts).flatMap(file -> {
                        if (file.isEmpty()
                                || version == null
                                || !file.get().sha256().equals(previewed)) {
                            // Not the file previewed (or none): preview again; nothing is sent.
                            return answer(
                                    Outcome.told("notPreviewed", file.orElse(null)), htmx != null, HttpStatus.CONFLICT);
                        }
                        return importing(file.get(), version, htmx != null);
                    });
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        tooLarge -> answer(Outcome.told("tooLarge", null), htmx != null, HttpStatus.CONTENT_TOO_LARGE));
    }

    /** A past version of the map (or the current one), passed through from the API for the page's map. */
    @GetMapping("/console/setup/map/zones.geojson")
    @ResponseBody
    Mono<ResponseEntity<String>> zones(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable
                    OffsetDateTime at) {
        return SetupAccess.wardAdmin()
                .then(api.get(
                        uri -> {
                            uri.path("/api/v1/zones");
                            if (at != null) {
                                uri.queryParam("at", at.toInstant().toString());
                            }
                            return uri.build();
                        },
                        String.class))
                .map(body -> ResponseEntity.ok()
                        .contentType(GEO_JSON)
                        .cacheControl(CacheControl.noStore())
                        .body(body));
    }

    private Mono<Outcome> dryRun(FeatureFile file) {
        return api.exchange(
                        client -> client.post()
                                .uri("/api/v1/zones/preview")
                                .contentType(GEO_JSON)
                                .bodyValue(file.bytes()),
                        ZonePreviewDto.class)
                .map(preview -> new Outcome(
                        preview,
                        preview.getErrors().stream()
                                .map(error -> MapProblem.of(error.getField(), error.getMessage(), file))
                                .toList(),
                        file,
                        null))
                .onErrorResume(ApiProblem.class, refused -> refusedFile(refused, file));
    }

    private Mono<Rendering> importing(FeatureFile file, long version, boolean htmx) {
        return api.exchange(
                        client -> client.put()
                                .uri("/api/v1/zones")
                                .header("If-Match", "\"" + version + "\"")
                                .contentType(GEO_JSON)
                                .bodyValue(file.bytes()),
                        ZoneImportDto.class)
                .flatMap(imported -> wardMaps.forget().thenReturn(imported))
                .map(imported -> {
                    String fresh = "/console/setup/map?applied=" + imported.getVersion();
                    return htmx
                            ? Rendering.view(PREVIEW)
                                    .modelAttribute("outcome", Outcome.none())
                                    .header("HX-Redirect", fresh)
                                    .build()
                            : Rendering.redirectTo(fresh)
                                    .status(HttpStatus.SEE_OTHER)
                                    .build();
                })
                .onErrorResume(
                        ApiProblem.class,
                        refused -> refused.status() == 412
                                ? answer(Outcome.told("changedSince", file), htmx, HttpStatus.PRECONDITION_FAILED)
                                : refusedFile(refused, file)
                                        .flatMap(outcome -> answer(outcome, htmx, HttpStatus.UNPROCESSABLE_CONTENT)));
    }

    /** What the API refused a file for: its field errors, or why it could not be read at all. */
    private static Mono<Outcome> refusedFile(ApiProblem refused, FeatureFile file) {
        return switch (refused.status()) {
            case 400, 422 -> {
                List<MapProblem> problems = refused.fieldErrors().isEmpty()
                        ? List.of(new MapProblem("", 0, null, "file", refused.detail() == null ? "" : refused.detail()))
                        : MapProblem.of(refused.fieldErrors(), file);
                yield Mono.just(new Outcome(null, problems, file, "unreadable"));
            }
            case 413 -> Mono.just(Outcome.told("tooLarge", file));
            default -> Mono.error(refused);
        };
    }

    private Mono<Rendering> answer(Outcome outcome, boolean htmx, HttpStatus status) {
        if (htmx) {
            // htmx swaps only a 2xx answer by default: the outcome says itself what went wrong.
            return Mono.just(
                    Rendering.view(PREVIEW).modelAttribute("outcome", outcome).build());
        }
        return versions().map(versions -> page(versions, outcome, null, null, status));
    }

    private Rendering page(
            List<ZoneVersionDto> versions,
            Outcome outcome,
            @Nullable ZoneVersionDto shown,
            @Nullable ZoneVersionDto applied,
            HttpStatus status) {
        long current = versions.isEmpty() ? 0 : versions.get(0).getVersion();
        ZoneVersionDto drawn = shown == null && !versions.isEmpty() ? versions.get(0) : shown;
        var page = Rendering.view(PAGE)
                .modelAttribute("versions", versions)
                .modelAttribute("currentVersion", current)
                .modelAttribute("past", drawn != null && drawn.getVersion() != current)
                .modelAttribute("outcome", outcome)
                .status(status);
        if (drawn != null) {
            page.modelAttribute("shown", drawn);
        }
        if (applied != null) {
            page.modelAttribute("applied", applied);
        }
        return page.build();
    }

    private Mono<List<ZoneVersionDto>> versions() {
        return api.get(
                        uri -> uri.path("/api/v1/zones/versions")
                                .queryParam("limit", 50)
                                .build(),
                        ZoneVersionListDto.class)
                .map(ZoneVersionListDto::getItems);
    }

    /** The chosen file, read whole (the API takes at most 5 MB); empty when no file was chosen. */
    private static Mono<Optional<FeatureFile>> upload(MultiValueMap<String, Part> parts) {
        if (!(parts.getFirst("file") instanceof FilePart file)
                || file.filename().isBlank()) {
            return Mono.just(Optional.empty());
        }
        return DataBufferUtils.join(file.content(), MAX_FILE_BYTES).map(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            DataBufferUtils.release(joined);
            return Optional.of(FeatureFile.of(file.filename(), bytes));
        });
    }

    private static @Nullable String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }

    private static @Nullable Long number(@Nullable String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
