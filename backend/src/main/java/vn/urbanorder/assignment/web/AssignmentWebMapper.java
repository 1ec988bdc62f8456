package vn.urbanorder.assignment.web;

import org.mapstruct.Mapper;
import vn.urbanorder.api.model.AssignmentRuleDto;
import vn.urbanorder.api.model.NewUnitDto;
import vn.urbanorder.api.model.UnitChangesDto;
import vn.urbanorder.api.model.UnitDto;
import vn.urbanorder.assignment.AssignmentRule;
import vn.urbanorder.assignment.Unit;
import vn.urbanorder.assignment.UnitChanges;
import vn.urbanorder.assignment.UnitDraft;

@Mapper
interface AssignmentWebMapper {

    UnitDto toApi(Unit unit);

    UnitDraft toDomain(NewUnitDto unit);

    UnitChanges toDomain(UnitChangesDto changes);

    AssignmentRuleDto toApi(AssignmentRule rule);

    AssignmentRule toDomain(AssignmentRuleDto rule);
}
