package vn.urbanorder.category.web;

import org.mapstruct.Mapper;
import vn.urbanorder.api.model.Category;
import vn.urbanorder.api.model.Subtype;

@Mapper
interface CategoryWebMapper {

    Category toApi(vn.urbanorder.category.Category category);

    Subtype toApi(vn.urbanorder.category.Category.Subtype subtype);
}
