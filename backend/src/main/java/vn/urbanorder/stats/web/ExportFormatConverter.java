package vn.urbanorder.stats.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.ExportFormatDto;

/** Reads {@code format=xlsx|csv|json} by the contract's lower-case values, not the enum's names. */
@Component
class ExportFormatConverter implements Converter<String, ExportFormatDto> {

    @Override
    public ExportFormatDto convert(String value) {
        return ExportFormatDto.fromValue(value);
    }
}
