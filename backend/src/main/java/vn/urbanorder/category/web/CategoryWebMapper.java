package vn.urbanorder.category.web;

import org.mapstruct.Mapper;
import vn.urbanorder.api.model.CategoryDto;
import vn.urbanorder.api.model.SubtypeDto;
import vn.urbanorder.category.Category;

@Mapper
interface CategoryWebMapper {

    CategoryDto toApi(Category category);

    SubtypeDto toApi(Category.Subtype subtype);
}
