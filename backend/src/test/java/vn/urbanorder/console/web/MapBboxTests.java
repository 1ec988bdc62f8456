package vn.urbanorder.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only a sound bounding box goes on to the API, written anew. */
class MapBboxTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "105.878,21.038,105.894,21.053 | 105.878000,21.038000,105.894000,21.053000",
                "-200,-95,200,95 | -180.000000,-90.000000,180.000000,90.000000",
                "105.9,21.0,105.8,21.1 | none",
                "1,2,3 | none",
                "1,2,3,4&unitId=x | none",
                "NaN,1,2,3 | none",
                "a,b,c,d | none"
            })
    void aBoxIsFourNumbersInOrder(String asked, String passed) {
        assertThat(MapController.bbox(asked)).isEqualTo(passed);
    }
}
