package vn.urbanorder.console.web.province;

import java.util.List;
import java.util.Map;
import vn.urbanorder.api.model.FieldErrorDto;

/**
 * One thing the API found wrong with (or worth a look in) a file of ward boundaries, by feature.
 *
 * @param feature its number in the file, from 1; 0 for the whole file
 * @param code the feature's code in the file, or empty
 * @param field the API's name for the part ({@code features[3].geometry})
 * @param message the API's message
 */
record WardProblem(int feature, String code, String field, String message) {

    static List<WardProblem> of(List<FieldErrorDto> errors, WardFile file) {
        return errors.stream()
                .map(error -> of(error.getField(), error.getMessage(), file))
                .toList();
    }

    static List<WardProblem> of(Map<String, String> errors, WardFile file) {
        return errors.entrySet().stream()
                .map(error -> of(error.getKey(), error.getValue(), file))
                .toList();
    }

    private static WardProblem of(String field, String message, WardFile file) {
        int feature = WardFile.featureNumber(field);
        return new WardProblem(feature, file.code(feature), field, message);
    }
}
