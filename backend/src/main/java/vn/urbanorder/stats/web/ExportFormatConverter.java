package vn.urbanorder.stats.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.ExportFormat;

/** Reads {@code format=xlsx|csv|json} by the contract's lower-case values, not the enum's names. */
@Component
class ExportFormatConverter implements Converter<String, ExportFormat> {

    @Override
    public ExportFormat convert(String value) {
        return ExportFormat.fromValue(value);
    }
}
