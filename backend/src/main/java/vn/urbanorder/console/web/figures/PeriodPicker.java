package vn.urbanorder.console.web.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The periods a figures page offers to choose from, under their headings, with their names as
 * ward reports write them: the ward's figures page and the province's.
 */
@Component
public class PeriodPicker {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final MessageSource messages;

    PeriodPicker(MessageSource messages) {
        this.messages = messages;
    }

    /** The last two years' months, eight quarters, four half years and three years; and the chosen one. */
    public List<PeriodChoice.Group> choices(LocalDate today, FiguresPeriod chosen) {
        List<PeriodChoice.Group> groups = new ArrayList<>();
        groups.add(group("console.figures.choose.months", FiguresPeriod.choices(today, FiguresPeriod.Kind.MONTH, 24)));
        groups.add(
                group("console.figures.choose.quarters", FiguresPeriod.choices(today, FiguresPeriod.Kind.QUARTER, 8)));
        groups.add(
                group("console.figures.choose.halves", FiguresPeriod.choices(today, FiguresPeriod.Kind.HALF_YEAR, 4)));
        groups.add(group("console.figures.choose.years", FiguresPeriod.choices(today, FiguresPeriod.Kind.YEAR, 3)));
        boolean listed = groups.stream()
                .flatMap(group -> group.periods().stream())
                .anyMatch(choice -> choice.code().equals(chosen.code()));
        if (!listed) {
            groups.add(0, group("console.figures.choose.chosen", List.of(chosen)));
        }
        return groups;
    }

    /** "Tháng 10/2026", "Quý IV/2026". */
    public String label(FiguresPeriod period) {
        return text(period.labelKey(), period.labelArgs());
    }

    private PeriodChoice.Group group(String key, List<FiguresPeriod> periods) {
        return new PeriodChoice.Group(
                text(key),
                periods.stream()
                        .map(period -> new PeriodChoice(period.code(), label(period)))
                        .toList());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
