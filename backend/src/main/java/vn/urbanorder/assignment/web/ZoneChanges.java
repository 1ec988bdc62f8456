package vn.urbanorder.assignment.web;

import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.urbanorder.api.model.FieldErrorDto;
import vn.urbanorder.api.model.ZoneChangeDto;
import vn.urbanorder.api.model.ZoneChangeWasDto;
import vn.urbanorder.api.model.ZonePreviewDto;
import vn.urbanorder.api.model.ZoneVersionDto;
import vn.urbanorder.api.model.ZoneVersionListDto;
import vn.urbanorder.assignment.ZoneChange;
import vn.urbanorder.assignment.ZonePreview;
import vn.urbanorder.assignment.ZoneVersion;

/** A map preview and the map's versions, as the API writes them. */
@Component
class ZoneChanges {

    ZonePreviewDto toApi(ZonePreview preview) {
        return new ZonePreviewDto()
                .mapVersion(preview.mapVersion())
                .zones(preview.zones())
                .segments(preview.segments())
                .added(changes(preview.added()))
                .changed(changes(preview.changed()))
                .removed(changes(preview.removed()))
                .unchanged(preview.unchanged())
                .errors(preview.errors().stream()
                        .map(problem ->
                                new FieldErrorDto().field(problem.field()).message(problem.message()))
                        .toList());
    }

    ZoneVersionListDto toApi(List<ZoneVersion> versions) {
        return new ZoneVersionListDto()
                .items(versions.stream()
                        .map(version -> new ZoneVersionDto()
                                .version(version.version())
                                .validFrom(version.validFrom().atOffset(ZoneOffset.UTC))
                                .validTo(
                                        version.validTo() == null
                                                ? null
                                                : version.validTo().atOffset(ZoneOffset.UTC))
                                .importedBy(version.importedBy())
                                .zones(version.zones())
                                .segments(version.segments())
                                .added(version.added())
                                .changed(version.changed())
                                .removed(version.removed()))
                        .toList());
    }

    private static List<ZoneChangeDto> changes(List<ZoneChange> changes) {
        return changes.stream()
                .map(change -> new ZoneChangeDto()
                        .code(change.code())
                        .kind(change.kind())
                        .name(change.name())
                        .unitCode(change.unitCode())
                        .bufferM(change.bufferM())
                        .feature(change.feature())
                        .changes(change.changes().stream()
                                .sorted()
                                .map(aspect -> ZoneChangeDto.ChangesEnum.fromValue(aspect.name()))
                                .toList())
                        .was(
                                change.was() == null
                                        ? null
                                        : new ZoneChangeWasDto()
                                                .name(change.was().name())
                                                .kind(change.was().kind())
                                                .unitCode(change.was().unitCode())
                                                .bufferM(change.was().bufferM())))
                .toList();
    }
}
