package vn.urbanorder.assignment.web;

import org.mapstruct.Mapper;
import vn.urbanorder.api.model.NewUnit;
import vn.urbanorder.assignment.AssignmentRule;
import vn.urbanorder.assignment.Unit;
import vn.urbanorder.assignment.UnitChanges;
import vn.urbanorder.assignment.UnitDraft;

@Mapper
interface AssignmentWebMapper {

    vn.urbanorder.api.model.Unit toApi(Unit unit);

    UnitDraft toDomain(NewUnit unit);

    UnitChanges toDomain(vn.urbanorder.api.model.UnitChanges changes);

    vn.urbanorder.api.model.AssignmentRule toApi(AssignmentRule rule);

    AssignmentRule toDomain(vn.urbanorder.api.model.AssignmentRule rule);
}
