package vn.urbanorder.deadline;

import java.time.LocalDate;

/** A public holiday the working calendar skips, e.g. a day of Tết. */
public record Holiday(LocalDate day, String name) {}
