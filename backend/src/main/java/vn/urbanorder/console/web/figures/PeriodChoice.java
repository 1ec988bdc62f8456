package vn.urbanorder.console.web.figures;

import java.util.List;

/** A period in the list to choose from: its code in the address and its name. */
public record PeriodChoice(String code, String label) {

    /** Months, quarters, half years or years, under one heading of the list. */
    public record Group(String label, List<PeriodChoice> periods) {}
}
