package vn.urbanorder.category;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.urbanorder.testing.IntegrationTest;

@IntegrationTest
class CategoriesIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void anyoneCanReadTheThreeCategoriesWithTheirSubtypesInVietnamese() {
        List<Map<String, Object>> categories = http.get()
                .uri("/api/v1/categories")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofHours(1))
                        .cachePublic())
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(categories)
                .extracting(category -> category.get("code"))
                .containsExactly("SIDEWALK_ENCROACHMENT", "CONSTRUCTION", "SANITATION");
        assertThat(categories)
                .extracting(category -> category.get("name"))
                .containsExactly("Lấn chiếm vỉa hè, lòng đường", "Trật tự xây dựng", "Vệ sinh môi trường");
        assertThat(categories)
                .extracting(category -> category.get("defaultDeadlineHours"))
                .containsExactly(48, 120, 24);
        assertThat(categories).allSatisfy(category -> assertThat((List<?>) category.get("subtypes"))
                .hasSizeGreaterThanOrEqualTo(5));
    }

    @Test
    void theCatalogOffersEachSubtypeUnderItsOwnCategoryOnly(@Autowired CategoryCatalog catalog) {
        List<Category> categories = catalog.findAll().collectList().block();

        Category construction = categories.stream()
                .filter(category -> category.code().equals("CONSTRUCTION"))
                .findFirst()
                .orElseThrow();
        assertThat(construction.hasSubtype("NO_PERMIT")).isTrue();
        assertThat(construction.hasSubtype("ILLEGAL_DUMPING")).isFalse();
    }

    @Test
    void anUnacceptableMediaTypeIsAProblem() {
        http.get()
                .uri("/api/v1/categories")
                .accept(MediaType.APPLICATION_XML)
                .exchange()
                .expectStatus()
                .isEqualTo(406)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
