package vn.urbanorder.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.api.model.FieldErrorDto;
import vn.urbanorder.api.model.ZoneChangeDto;
import vn.urbanorder.api.model.ZoneFeatureCollectionDto;
import vn.urbanorder.api.model.ZonePreviewDto;
import vn.urbanorder.api.model.ZoneVersionDto;
import vn.urbanorder.api.model.ZoneVersionListDto;
import vn.urbanorder.testing.Fixtures;
import vn.urbanorder.testing.IntegrationTest;

/**
 * A zone file previewed before it is imported: the preview stores nothing, the import of the same
 * file against the same map version applies exactly what was previewed, an import against a map
 * changed since is refused, and every import is a version of the map with who made it.
 */
@IntegrationTest
class ZonePreviewIntegrationTests {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    /** WEST renamed and handed to VSMT, EAST's corner moved, S1 left out, NEW added. */
    static final String WEST_RENAMED = TestMap.WEST
            .replace("Tổ dân phố 1", "Tổ dân phố 1 mới")
            .replace("\"kind\": \"ZONE\"", "\"kind\": \"ZONE\", \"unitCode\": \"VSMT\"");

    static final String EAST_MOVED = TestMap.EAST.replace("[105.8900, 21.0501]", "[105.8901, 21.0501]");
    static final String NEW_SEGMENT = """
            {"type": "Feature", "properties": {"code": "S2", "name": "Tuyến mới", "kind": "SEGMENT"},
             "geometry": {"type": "LineString", "coordinates": [[105.8860, 21.0460], [105.8890, 21.0460]]}}""";

    @Autowired
    WebTestClient http;

    @Autowired
    Fixtures fixtures;

    UUID ward;
    String admin;

    @BeforeEach
    void aWardWithAMap() {
        ward = fixtures.ward();
        admin = fixtures.bearer(fixtures.user(ward, "WARD_ADMIN"));
        for (String unit : new String[] {"DCXD", "VSMT"}) {
            http.post()
                    .uri("/api/v1/units")
                    .header("Authorization", admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"code\": \"" + unit + "\", \"name\": \"Đơn vị " + unit + "\", \"kind\": \"OTHER\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        put(TestMap.collection(TestMap.WEST, TestMap.EAST, TestMap.SEGMENT), null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(1);
    }

    @Test
    void aPreviewTellsWhatChangesAndStoresNothingAndTheSameFileAppliesExactlyThat() {
        String file = TestMap.collection(WEST_RENAMED, EAST_MOVED, NEW_SEGMENT);
        String before = currentMap();

        ZonePreviewDto preview = preview(file);

        assertThat(preview.getMapVersion()).isEqualTo(1);
        assertThat(preview.getErrors()).isEmpty();
        assertThat(preview.getZones()).isEqualTo(2);
        assertThat(preview.getSegments()).isEqualTo(1);
        assertThat(preview.getAdded()).singleElement().satisfies(added -> {
            assertThat(added.getCode()).isEqualTo("S2");
            assertThat(added.getFeature()).isEqualTo(2);
            assertThat(added.getBufferM()).as("the default buffer").isEqualTo(15.0);
        });
        assertThat(preview.getChanged())
                .extracting(ZoneChangeDto::getCode, ZoneChangeDto::getChanges)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "WEST",
                                java.util.List.of(ZoneChangeDto.ChangesEnum.NAME, ZoneChangeDto.ChangesEnum.UNIT)),
                        org.assertj.core.groups.Tuple.tuple(
                                "EAST", java.util.List.of(ZoneChangeDto.ChangesEnum.GEOMETRY)));
        assertThat(preview.getChanged().get(0).getWas().getName()).isEqualTo("Tổ dân phố 1");
        assertThat(preview.getRemoved()).extracting(ZoneChangeDto::getCode).containsExactly("S1");
        assertThat(preview.getUnchanged()).isZero();

        // Nothing stored: the same map, the same version, the same history.
        assertThat(currentMap()).isEqualTo(before);
        assertThat(versions()).hasSize(1);

        // The same file, against the version previewed: exactly what the preview said.
        put(file, "\"1\"")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2);
        ZoneFeatureCollectionDto after = zones();
        assertThat(after.getFeatures())
                .extracting(feature -> feature.getProperties().getCode())
                .containsExactly("EAST", "WEST", "S2");
        assertThat(after.getFeatures().get(1).getProperties().getName()).isEqualTo("Tổ dân phố 1 mới");
        assertThat(after.getFeatures().get(1).getProperties().getUnitCode()).isEqualTo("VSMT");
        assertThat(preview(file).getAdded())
                .as("previewed again, nothing left to do")
                .isEmpty();

        ZoneVersionDto latest = versions().get(0);
        assertThat(latest.getVersion()).isEqualTo(2);
        assertThat(latest.getImportedBy()).isNotBlank();
        assertThat(latest.getAdded()).isEqualTo(1);
        assertThat(latest.getChanged()).isEqualTo(2);
        assertThat(latest.getRemoved()).isEqualTo(1);
        assertThat(latest.getZones()).isEqualTo(2);
        assertThat(latest.getSegments()).isEqualTo(1);
        assertThat(latest.getValidTo()).isNull();
        assertThat(versions().get(1).getValidTo()).isEqualTo(latest.getValidFrom());
    }

    @Test
    void theSameShapeDrawnFromAnotherCornerIsUnchanged() {
        String turned = """
                {"type": "Feature", "properties": {"code": "WEST", "name": "Tổ dân phố 1", "kind": "ZONE"},
                 "geometry": {"type": "Polygon", "coordinates": [[[105.8850, 21.0398], [105.8860, 21.0505],
                   [105.8805, 21.0510], [105.8790, 21.0400], [105.8850, 21.0398]]]}}""";
        assertThat(turned).isNotEqualTo(TestMap.WEST);
        ZonePreviewDto preview = preview(TestMap.collection(turned, TestMap.EAST, TestMap.SEGMENT));
        assertThat(preview.getChanged()).isEmpty();
        assertThat(preview.getUnchanged()).isEqualTo(3);
    }

    @Test
    void aBrokenFileIsPreviewedWithEveryErrorAndStillChangesNothing() {
        String outside = """
                {"type": "Feature", "properties": {"code": "FAR", "name": "Xa", "kind": "ZONE"},
                 "geometry": {"type": "Polygon", "coordinates": [[[106.0, 21.0], [106.1, 21.0], [106.1, 21.1],
                   [106.0, 21.0]]]}}""";
        String unknownUnit = TestMap.SEGMENT.replace("\"DCXD\"", "\"NOPE\"");
        String before = currentMap();

        ZonePreviewDto preview = preview(TestMap.collection(TestMap.WEST, outside, unknownUnit));

        assertThat(preview.getErrors())
                .extracting(FieldErrorDto::getField)
                .containsExactly("features[1].geometry", "features[2].properties.unitCode");
        assertThat(preview.getAdded()).extracting(ZoneChangeDto::getCode).containsExactly("FAR");
        assertThat(preview.getChanged()).extracting(ZoneChangeDto::getCode).containsExactly("S1");
        assertThat(preview.getRemoved()).extracting(ZoneChangeDto::getCode).containsExactly("EAST");
        assertThat(currentMap()).isEqualTo(before);
        assertThat(versions()).hasSize(1);
    }

    @Test
    void anImportAgainstAMapChangedSinceItsPreviewIsRefusedAndChangesNothing() {
        String mine = TestMap.collection(WEST_RENAMED, TestMap.EAST);
        long previewed = preview(mine).getMapVersion();
        // Someone else imports first.
        put(TestMap.collection(TestMap.WEST, TestMap.EAST, TestMap.SEGMENT, NEW_SEGMENT), null)
                .expectStatus()
                .isOk();
        String theirs = currentMap();

        put(mine, "\"" + previewed + "\"")
                .expectStatus()
                .isEqualTo(412)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("phiên bản 2"));
        put(mine, "not-a-version").expectStatus().isEqualTo(412);

        assertThat(currentMap()).isEqualTo(theirs);
        assertThat(versions()).hasSize(2);
        http.get()
                .uri("/api/v1/zones")
                .header("Authorization", admin)
                .exchange()
                .expectHeader()
                .valueEquals("ETag", "\"2\"");
    }

    @Test
    void onlyTheWardAdminPreviewsAndReadsTheVersions() {
        String file = TestMap.collection(TestMap.WEST);
        for (String role : new String[] {"PATROL", "INSPECTOR"}) {
            String caller = fixtures.bearer(fixtures.user(ward, role));
            http.post()
                    .uri("/api/v1/zones/preview")
                    .header("Authorization", caller)
                    .contentType(GEO_JSON)
                    .bodyValue(file)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            http.get()
                    .uri("/api/v1/zones/versions")
                    .header("Authorization", caller)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        http.post()
                .uri("/api/v1/zones/preview")
                .contentType(GEO_JSON)
                .bodyValue(file)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.get()
                .uri("/api/v1/zones/versions?limit=0")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
        http.post()
                .uri("/api/v1/zones/preview")
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue("{\"type\": \"FeatureCollection\", \"features\": [")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private ZonePreviewDto preview(String file) {
        return http.post()
                .uri("/api/v1/zones/preview")
                .header("Authorization", admin)
                .contentType(GEO_JSON)
                .bodyValue(file)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ZonePreviewDto.class)
                .returnResult()
                .getResponseBody();
    }

    private WebTestClient.ResponseSpec put(String file, String ifMatch) {
        var request = http.put().uri("/api/v1/zones").header("Authorization", admin);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.contentType(GEO_JSON).bodyValue(file).exchange();
    }

    private ZoneFeatureCollectionDto zones() {
        return http.get()
                .uri("/api/v1/zones")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ZoneFeatureCollectionDto.class)
                .returnResult()
                .getResponseBody();
    }

    /** The map as the API writes it, ids and all: equal only if nothing was stored. */
    private String currentMap() {
        return http.get()
                .uri("/api/v1/zones")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private java.util.List<ZoneVersionDto> versions() {
        return http.get()
                .uri("/api/v1/zones/versions")
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(ZoneVersionListDto.class)
                .returnResult()
                .getResponseBody()
                .getItems();
    }
}
