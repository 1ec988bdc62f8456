package vn.urbanorder.console.web.province;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ward's service area as the province admin gives it: a GeoJSON file chosen or text pasted,
 * holding a geometry, a feature, or a collection of one feature. Read here only as far as to
 * send the API its geometry; the API checks the shape itself (and says what is wrong with it).
 *
 * @param geometry the geometry to send, when one was found
 * @param problem the message key for what kept one from being found
 */
record AreaInput(
        @Nullable Map<String, Object> geometry, @Nullable String problem) {

    /** The API takes a ward's area up to this size (its GeoJSON limit for a ward file is larger). */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The file part {@code file} if one was chosen, else the text field {@code area}. */
    static Mono<AreaInput> from(MultiValueMap<String, Part> parts) {
        return upload(parts).map(file -> file.map(AreaInput::parse).orElseGet(() -> {
            String pasted = text(parts, "area");
            return pasted.isBlank()
                    ? new AreaInput(null, "console.province.area.missing")
                    : parse(pasted.getBytes(StandardCharsets.UTF_8));
        }));
    }

    /** The chosen file, read whole within the limit; empty when none was chosen. */
    static Mono<Optional<byte[]>> upload(MultiValueMap<String, Part> parts) {
        if (!(parts.getFirst("file") instanceof FilePart file)
                || file.filename().isBlank()) {
            return Mono.just(Optional.empty());
        }
        return DataBufferUtils.join(file.content(), MAX_BYTES * 4).map(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            DataBufferUtils.release(joined);
            return Optional.of(bytes);
        });
    }

    static String text(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field
                ? field.value().strip()
                : "";
    }

    @SuppressWarnings("unchecked")
    static AreaInput parse(byte[] bytes) {
        Object read;
        try {
            read = JSON.readValue(bytes, Object.class);
        } catch (JacksonException unreadable) {
            return new AreaInput(null, "console.province.area.unreadable");
        }
        if (!(read instanceof Map<?, ?> object)) {
            return new AreaInput(null, "console.province.area.unreadable");
        }
        Object type = object.get("type");
        if ("FeatureCollection".equals(type)) {
            if (!(object.get("features") instanceof List<?> features) || features.size() != 1) {
                return new AreaInput(null, "console.province.area.oneFeature");
            }
            return features.get(0) instanceof Map<?, ?> feature
                    ? parse(feature)
                    : new AreaInput(null, "console.province.area.unreadable");
        }
        return parse(object);
    }

    @SuppressWarnings("unchecked")
    private static AreaInput parse(Map<?, ?> object) {
        if ("Feature".equals(object.get("type"))) {
            return object.get("geometry") instanceof Map<?, ?> geometry
                    ? new AreaInput((Map<String, Object>) geometry, null)
                    : new AreaInput(null, "console.province.area.unreadable");
        }
        return object.get("type") instanceof String
                ? new AreaInput((Map<String, Object>) object, null)
                : new AreaInput(null, "console.province.area.unreadable");
    }
}
