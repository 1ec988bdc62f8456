package vn.urbanorder.stats.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.ProvinceExportFormatDto;

/** Reads {@code format=xlsx|csv} by the contract's lower-case values, not the enum's names. */
@Component
class ProvinceExportFormatConverter implements Converter<String, ProvinceExportFormatDto> {

    @Override
    public ProvinceExportFormatDto convert(String value) {
        return ProvinceExportFormatDto.fromValue(value);
    }
}
