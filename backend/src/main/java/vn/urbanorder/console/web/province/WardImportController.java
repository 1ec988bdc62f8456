package vn.urbanorder.console.web.province;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.urbanorder.api.model.WardImportDto;
import vn.urbanorder.api.model.WardImportPreviewDto;
import vn.urbanorder.console.ApiProblem;
import vn.urbanorder.console.ConsoleApi;
import vn.urbanorder.console.web.FeatureFile;

/**
 * The province's wards imported at once from a GeoJSON FeatureCollection of boundaries (a code
 * and a name per feature): previewed first (the API's dry run: which wards are new, which change
 * and how, which stay, every error and warning by feature, drawn on a map), then applied with the
 * date the areas take effect. Applying sends the same file again, checked by its fingerprint.
 */
@Controller
class WardImportController {

    /** The API's limit for a file of ward boundaries. */
    private static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private static final String PAGE = "console/province/import";
    private static final String PREVIEW = "console/province/import :: preview";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ConsoleApi api;

    WardImportController(ConsoleApi api) {
        this.api = api;
        FeatureFile.digest();
    }

    /** What the preview section shows; all of it optional, so one template serves every outcome. */
    record Outcome(
            @Nullable WardImportPreviewDto preview,
            List<WardProblem> problems,
            List<WardProblem> warnings,
            @Nullable FeatureFile file,
            String effectiveFrom,
            @Nullable String notice) {

        static Outcome told(@Nullable String notice, @Nullable FeatureFile file, String effectiveFrom) {
            return new Outcome(null, List.of(), List.of(), file, effectiveFrom, notice);
        }

        public boolean applicable() {
            return preview != null && problems.isEmpty() && preview.getAdded() + preview.getChanged() > 0;
        }

        /** The problems of the feature numbered {@code number} (from 1). */
        public List<WardProblem> problemsOf(int number) {
            return problems.stream().filter(p -> p.feature() == number).toList();
        }
    }

    @GetMapping("/console/province/wards/import")
    Mono<Rendering> page() {
        return ProvinceAccess.admin().map(admin -> Rendering.view(PAGE)
                .modelAttribute("outcome", Outcome.told(null, null, ""))
                .build());
    }

    @PostMapping(path = "/console/province/wards/import/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> preview(
            ServerWebExchange exchange, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        return ProvinceAccess.admin()
                .then(exchange.getMultipartData())
                .flatMap(parts -> {
                    String from = AreaInput.text(parts, "effectiveFrom");
                    return upload(parts)
                            .flatMap(file -> file.isEmpty()
                                    ? Mono.just(Outcome.told("chooseFile", null, from))
                                    : dryRun(file.get(), from));
                })
                .onErrorResume(
                        DataBufferLimitException.class, tooLarge -> Mono.just(Outcome.told("tooLarge", null, "")))
                .map(outcome -> answer(outcome, htmx != null, HttpStatus.OK));
    }

    @PostMapping(path = "/console/province/wards/import/apply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> apply(
            ServerWebExchange exchange, @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        return ProvinceAccess.admin()
                .then(exchange.getMultipartData())
                .flatMap(parts -> {
                    String from = AreaInput.text(parts, "effectiveFrom");
                    String previewed = AreaInput.text(parts, "fileSha256");
                    String previewedFrom = AreaInput.text(parts, "previewedFrom");
                    return upload(parts).flatMap(file -> {
                        if (file.isEmpty() || !file.get().sha256().equals(previewed) || !from.equals(previewedFrom)) {
                            // Not the file (or date) previewed: preview again; nothing is sent.
                            return Mono.just(answer(
                                    Outcome.told("notPreviewed", file.orElse(null), from),
                                    htmx != null,
                                    HttpStatus.CONFLICT));
                        }
                        return importing(file.get(), from, htmx != null);
                    });
                })
                .onErrorResume(
                        DataBufferLimitException.class,
                        tooLarge -> Mono.just(answer(
                                Outcome.told("tooLarge", null, ""), htmx != null, HttpStatus.CONTENT_TOO_LARGE)));
    }

    private Mono<Outcome> dryRun(FeatureFile file, String from) {
        return api.exchange(
                        client -> client.post()
                                .uri(uri -> {
                                    uri.path("/api/v1/wards/import/preview");
                                    if (!from.isEmpty()) {
                                        uri.queryParam("effectiveFrom", from);
                                    }
                                    return uri.build();
                                })
                                .contentType(WardsPageController.GEO_JSON)
                                .bodyValue(file.bytes()),
                        WardImportPreviewDto.class)
                .map(preview -> new Outcome(
                        preview,
                        WardProblem.of(preview.getErrors(), file),
                        WardProblem.of(preview.getWarnings(), file),
                        file,
                        from,
                        null))
                .onErrorResume(ApiProblem.class, refused -> refusedFile(refused, file, from));
    }

    private Mono<Rendering> importing(FeatureFile file, String from, boolean htmx) {
        return api.exchange(
                        client -> client.post()
                                .uri(uri -> {
                                    uri.path("/api/v1/wards/import");
                                    if (!from.isEmpty()) {
                                        uri.queryParam("effectiveFrom", from);
                                    }
                                    return uri.build();
                                })
                                .contentType(WardsPageController.GEO_JSON)
                                .bodyValue(file.bytes()),
                        WardImportDto.class)
                .map(imported -> {
                    String done = "/console/province/wards?added=" + imported.getAdded() + "&changed="
                            + imported.getChanged() + "&unchanged=" + imported.getUnchanged() + "&from="
                            + imported.getEffectiveFrom().format(DAY);
                    return htmx
                            ? Rendering.view(PREVIEW)
                                    .modelAttribute("outcome", Outcome.told(null, null, from))
                                    .header("HX-Redirect", done)
                                    .build()
                            : Rendering.redirectTo(done)
                                    .status(HttpStatus.SEE_OTHER)
                                    .build();
                })
                .onErrorResume(ApiProblem.class, refused -> refusedFile(refused, file, from)
                        .map(outcome -> answer(outcome, htmx, HttpStatus.UNPROCESSABLE_CONTENT)));
    }

    /** What the API refused a file for: its field errors, or why it could not be read at all. */
    private static Mono<Outcome> refusedFile(ApiProblem refused, FeatureFile file, String from) {
        return switch (refused.status()) {
            case 400, 415, 422 -> {
                List<WardProblem> problems = refused.fieldErrors().isEmpty()
                        ? List.of(new WardProblem(0, "", "", refused.detail() == null ? "" : refused.detail()))
                        : WardProblem.of(refused.fieldErrors(), file);
                yield Mono.just(new Outcome(null, problems, List.of(), file, from, "unreadable"));
            }
            case 413 -> Mono.just(Outcome.told("tooLarge", file, from));
            default -> Mono.error(refused);
        };
    }

    private static Rendering answer(Outcome outcome, boolean htmx, HttpStatus status) {
        if (htmx) {
            // htmx swaps only a 2xx answer by default: the outcome says itself what went wrong.
            return Rendering.view(PREVIEW).modelAttribute("outcome", outcome).build();
        }
        return Rendering.view(PAGE)
                .modelAttribute("outcome", outcome)
                .status(status)
                .build();
    }

    /** The chosen file, read whole within the API's limit; empty when no file was chosen. */
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
}
