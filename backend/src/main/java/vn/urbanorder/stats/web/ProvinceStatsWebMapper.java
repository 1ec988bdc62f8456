package vn.urbanorder.stats.web;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import vn.urbanorder.api.model.ProvinceRankedWardDto;
import vn.urbanorder.api.model.ProvinceStatisticsDto;
import vn.urbanorder.api.model.ProvinceTotalFiguresDto;
import vn.urbanorder.api.model.ProvinceWardFiguresDto;
import vn.urbanorder.stats.ProvinceFigures;

/** A province's figures as the API shows them; counts and the period as the ward's ({@link StatsWebMapper}). */
@Mapper(uses = StatsWebMapper.class)
interface ProvinceStatsWebMapper {

    ProvinceStatisticsDto toApi(ProvinceFigures figures);

    ProvinceWardFiguresDto toApi(ProvinceFigures.WardRow row);

    ProvinceTotalFiguresDto toApi(ProvinceFigures.Total total);

    @Mapping(target = "rated", expression = "java(ward.rated())")
    ProvinceRankedWardDto toApi(ProvinceFigures.RankedWard ward);
}
