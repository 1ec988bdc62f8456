package vn.urbanorder.stats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.urbanorder.stats.PeriodFigures.AreaRow;
import vn.urbanorder.stats.PeriodFigures.CategoryRow;
import vn.urbanorder.stats.PeriodFigures.ComparedFigure;
import vn.urbanorder.stats.PeriodFigures.Figure;
import vn.urbanorder.stats.PeriodFigures.RepeatPoint;
import vn.urbanorder.stats.PeriodFigures.UnitRow;
import vn.urbanorder.stats.ReportDocument.Block;
import vn.urbanorder.stats.ReportDocument.Heading;
import vn.urbanorder.stats.ReportDocument.Paragraph;
import vn.urbanorder.stats.ReportDocument.Signature;
import vn.urbanorder.stats.ReportDocument.Table;

/**
 * The period's figures as the báo cáo a ward sends upward: the figures of the JSON document, in
 * the narrative of the ward's own reports ("kiểm tra 15 đợt … phát hiện 205 vụ vi phạm TTĐT trong
 * đó có 16 điểm tái phạm") and four tables, with the summary sentence of {@link SummaryText}.
 */
final class UpwardReport {

    static final String SUBJECT = "Kết quả tiếp nhận, xử lý phản ánh vi phạm trật tự đô thị ";

    /** Repeat points the narrative names, most violations first. */
    private static final int NAMED_REPEAT_POINTS = 3;

    private UpwardReport() {}

    static ReportDocument of(PeriodFigures figures, ReportSettings.Resolved settings) {
        ZoneId zone = figures.period().timeZone();
        LocalDate issued = LocalDate.ofInstant(figures.generatedAt(), zone);
        String period = inText(figures.period().label());
        List<Block> body = new ArrayList<>();
        body.add(new Paragraph("Thực hiện nhiệm vụ quản lý trật tự đô thị trên địa bàn, Ủy ban nhân dân "
                + settings.wardName() + " báo cáo kết quả tiếp nhận, xử lý phản ánh vi phạm trật tự đô thị "
                + period + " như sau:"));
        body.add(new Heading("I. KẾT QUẢ TIẾP NHẬN, XỬ LÝ PHẢN ÁNH"));
        body.add(new Heading("1. Tiếp nhận phản ánh"));
        body.add(new Paragraph(received(figures, period)));
        body.add(headline(figures));
        body.add(new Heading("2. Kết quả xử lý"));
        body.add(new Paragraph(handled(figures)));
        body.add(categories(figures));
        body.add(units(figures.byUnit()));
        body.add(new Heading("3. Điểm tái phạm"));
        body.add(new Paragraph(repeatPoints(figures)));
        body.add(zones(figures));
        body.add(new Heading("4. Công tác kiểm tra"));
        body.add(new Paragraph(rounds(figures)));
        body.add(new Heading("II. ĐÁNH GIÁ CHUNG"));
        body.add(new Paragraph(figures.summaryText()));
        body.add(new Paragraph("Trên đây là báo cáo kết quả tiếp nhận, xử lý phản ánh vi phạm trật tự đô thị " + period
                + " của Ủy ban nhân dân " + settings.wardName() + "./."));
        List<String> recipients = new ArrayList<>();
        settings.recipients().forEach(recipient -> recipients.add("- " + recipient + ";"));
        recipients.add("- Lưu: VT.");
        return new ReportDocument(
                settings.issuingBody(),
                "Số: " + (settings.number().isEmpty() ? "      " : settings.number()) + "/" + settings.symbol(),
                settings.place() + ", " + date(issued),
                "BÁO CÁO",
                SUBJECT + period,
                body,
                recipients,
                new Signature(settings.signerAuthority(), settings.signerTitle(), settings.signerName()));
    }

    /**
     * "ngày 05 tháng 11 năm 2026": days before the 10th and the months January and February with
     * a leading zero, as Nghị định 30 writes them.
     */
    static String date(LocalDate day) {
        int month = day.getMonthValue();
        return String.format(
                Locale.ROOT,
                "ngày %02d tháng %s năm %d",
                day.getDayOfMonth(),
                month <= 2 ? "0" + month : String.valueOf(month),
                day.getYear());
    }

    /** A period's label as the middle of a sentence writes it: "tháng 10/2026", "quý IV/2026". */
    static String inText(String label) {
        return label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1);
    }

    private static String received(PeriodFigures figures, String period) {
        ReportCounts totals = figures.totals();
        if (totals.received() == 0) {
            return "Trong " + period + ", không tiếp nhận phản ánh vi phạm trật tự đô thị nào.";
        }
        var text = new StringBuilder("Trong ")
                .append(period)
                .append(", qua lực lượng tuần tra khoán quản và các đợt kiểm tra, đã tiếp nhận ")
                .append(count(totals.received()))
                .append(" phản ánh");
        List<String> set = new ArrayList<>();
        if (totals.duplicates() > 0) {
            set.add(count(totals.duplicates()) + " phản ánh trùng lặp");
        }
        if (totals.rejected() > 0) {
            set.add(count(totals.rejected()) + " phản ánh không xử lý ("
                    + String.join(
                            ", ",
                            figures.rejectedByReason().stream()
                                    .filter(reason -> reason.count() > 0)
                                    .map(reason -> count(reason.count()) + " " + inText(reason.name()))
                                    .toList())
                    + ")");
        }
        if (!set.isEmpty()) {
            text.append(", trong đó ").append(String.join(", ", set));
        }
        text.append("; xác định ").append(count(totals.violations())).append(" vụ vi phạm trật tự đô thị");
        ComparedFigure violations = compared(figures, Figure.VIOLATIONS);
        if (violations.previous() != null && violations.difference() != null) {
            long difference = Math.round(violations.difference());
            text.append(" (so với ")
                    .append(inText(figures.comparison().previous().label()))
                    .append(difference == 0 ? ": không thay đổi" : (difference > 0 ? " tăng " : " giảm "))
                    .append(difference == 0 ? "" : count(Math.abs(difference)) + " vụ")
                    .append(")");
        }
        return text.append(". Các chỉ tiêu chính như Bảng 1.").toString();
    }

    private static String handled(PeriodFigures figures) {
        ReportCounts totals = figures.totals();
        if (totals.violations() == 0) {
            return "Không có vụ vi phạm phải xử lý.";
        }
        var text = new StringBuilder();
        if (totals.resolved() == 0) {
            text.append("Chưa xử lý xong vụ nào");
        } else {
            text.append("Đã xử lý xong ")
                    .append(count(totals.resolved()))
                    .append("/")
                    .append(count(totals.violations()))
                    .append(" vụ (")
                    .append(percent(totals.resolvedPercent()))
                    .append("%), trong đó ")
                    .append(count(totals.resolvedOnTime()))
                    .append(" vụ đúng hạn (")
                    .append(percent(totals.onTimePercent()))
                    .append("%)");
            if (totals.resolvedLate() > 0) {
                text.append(", ").append(count(totals.resolvedLate())).append(" vụ trễ hạn");
            }
        }
        if (totals.open() > 0) {
            text.append("; còn ").append(count(totals.open())).append(" vụ đang xử lý");
        }
        long openAtEnd = figures.byUnit().stream().mapToLong(UnitRow::openAtEnd).sum();
        long overdueAtEnd =
                figures.byUnit().stream().mapToLong(UnitRow::overdueAtEnd).sum();
        text.append(". Đến hết kỳ, các đơn vị còn ").append(count(openAtEnd)).append(" vụ chưa xử lý xong");
        if (overdueAtEnd > 0) {
            text.append(", trong đó ").append(count(overdueAtEnd)).append(" vụ quá hạn");
        }
        return text.append(". Kết quả theo lĩnh vực như Bảng 2, theo đơn vị như Bảng 3.")
                .toString();
    }

    private static String repeatPoints(PeriodFigures figures) {
        PeriodFigures.RepeatPoints points = figures.repeatPoints();
        if (points.active() == 0) {
            return "Trong kỳ không có điểm tái phạm có vi phạm. Kết quả theo tổ dân phố như Bảng 4.";
        }
        var text = new StringBuilder("Có ").append(count(points.active())).append(" điểm tái phạm có vi phạm trong kỳ");
        if (points.newInPeriod() > 0) {
            text.append(" (").append(count(points.newInPeriod())).append(" điểm mới phát sinh)");
        }
        text.append(", với ").append(count(points.repeatOffences())).append(" vụ tái phạm");
        List<String> named = new ArrayList<>();
        for (RepeatPoint point : points.listed()
                .subList(0, Math.min(NAMED_REPEAT_POINTS, points.listed().size()))) {
            String where = point.address() == null ? "chưa rõ địa chỉ" : point.address();
            named.add(where + (point.zoneName() == null ? "" : ", " + point.zoneName()) + " ("
                    + inText(point.categoryName()) + ", " + count(point.reportsInPeriod()) + " vụ)");
        }
        if (!named.isEmpty()) {
            text.append(". Các điểm có nhiều vụ nhất: ").append(String.join("; ", named));
        }
        return text.append(". Kết quả theo tổ dân phố như Bảng 4.").toString();
    }

    private static String rounds(PeriodFigures figures) {
        PeriodFigures.Rounds rounds = figures.inspectionRounds();
        if (rounds.count() == 0 && rounds.reportsFound() == 0) {
            return "Trong kỳ không tổ chức đợt kiểm tra.";
        }
        String organised = rounds.count() == 0
                ? "Trong kỳ không bắt đầu đợt kiểm tra mới"
                : "Tổ chức " + count(rounds.count()) + " đợt kiểm tra";
        return organised + "; qua kiểm tra phát hiện " + count(rounds.reportsFound()) + " phản ánh, xác định "
                + count(rounds.violationsFound()) + " vụ vi phạm.";
    }

    private static Table headline(PeriodFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        for (ComparedFigure figure : figures.comparison().figures()) {
            boolean share = figure.figure().share();
            rows.add(List.of(
                    figure.name(),
                    value(figure.current(), share),
                    value(figure.previous(), share),
                    difference(figure.difference(), share)));
        }
        return new Table(
                "Bảng 1. Các chỉ tiêu chính",
                List.of(
                        "Chỉ tiêu",
                        figures.period().label(),
                        figures.comparison().previous().label(),
                        "Tăng (+), giảm (-)"),
                rows,
                List.of(40, 20, 20, 20),
                1,
                false);
    }

    private static Table categories(PeriodFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        int number = 1;
        for (CategoryRow category : figures.byCategory()) {
            rows.add(counted(String.valueOf(number++), category.name(), category.counts()));
        }
        rows.add(counted("", "Cộng", figures.totals()));
        return new Table(
                "Bảng 2. Kết quả theo lĩnh vực",
                List.of("STT", "Lĩnh vực", "Phản ánh", "Vụ vi phạm", "Đã xử lý", "Đúng hạn", "Tỷ lệ xử lý (%)"),
                rows,
                List.of(8, 36, 11, 11, 11, 11, 12),
                2,
                true);
    }

    private static List<String> counted(String number, String name, ReportCounts counts) {
        return List.of(
                number,
                name,
                count(counts.received()),
                count(counts.violations()),
                count(counts.resolved()),
                count(counts.resolvedOnTime()),
                percent(counts.resolvedPercent()));
    }

    private static Table units(List<UnitRow> units) {
        List<List<String>> rows = new ArrayList<>();
        int number = 1;
        long assigned = 0;
        long resolved = 0;
        long onTime = 0;
        long open = 0;
        long overdue = 0;
        for (UnitRow unit : units) {
            if (unit.unitId() == null && unit.assigned() == 0 && unit.openAtEnd() == 0) {
                continue;
            }
            rows.add(List.of(
                    String.valueOf(number++),
                    unit.name(),
                    count(unit.assigned()),
                    count(unit.resolved()),
                    count(unit.resolvedOnTime()),
                    count(unit.openAtEnd()),
                    count(unit.overdueAtEnd())));
            assigned += unit.assigned();
            resolved += unit.resolved();
            onTime += unit.resolvedOnTime();
            open += unit.openAtEnd();
            overdue += unit.overdueAtEnd();
        }
        rows.add(List.of("", "Cộng", count(assigned), count(resolved), count(onTime), count(open), count(overdue)));
        return new Table(
                "Bảng 3. Kết quả xử lý của các đơn vị",
                List.of("STT", "Đơn vị", "Vụ được giao", "Đã xử lý", "Đúng hạn", "Tồn cuối kỳ", "Quá hạn cuối kỳ"),
                rows,
                List.of(8, 36, 11, 11, 11, 11, 12),
                2,
                true);
    }

    /** The zones where something was reported, and a total over all of them. */
    private static Table zones(PeriodFigures figures) {
        List<List<String>> rows = new ArrayList<>();
        int number = 1;
        for (AreaRow zone : figures.byZone()) {
            if (zone.counts().received() == 0) {
                continue;
            }
            ReportCounts counts = zone.counts();
            rows.add(List.of(
                    String.valueOf(number++),
                    zone.name(),
                    count(counts.received()),
                    count(counts.violations()),
                    count(counts.resolved()),
                    count(counts.repeatOffences())));
        }
        ReportCounts totals = figures.totals();
        rows.add(List.of(
                "",
                "Cộng",
                count(totals.received()),
                count(totals.violations()),
                count(totals.resolved()),
                count(totals.repeatOffences())));
        return new Table(
                "Bảng 4. Kết quả theo tổ dân phố",
                List.of("STT", "Tổ dân phố", "Phản ánh", "Vụ vi phạm", "Đã xử lý", "Vụ tái phạm"),
                rows,
                List.of(9, 39, 13, 13, 13, 13),
                2,
                true);
    }

    private static ComparedFigure compared(PeriodFigures figures, Figure which) {
        return figures.comparison().figures().stream()
                .filter(figure -> figure.figure() == which)
                .findFirst()
                .orElseThrow();
    }

    private static String count(long value) {
        return VietnameseNumbers.count(value);
    }

    /** A share, or a dash where there is nothing to share. */
    private static String percent(@Nullable Double value) {
        return value == null ? "-" : VietnameseNumbers.percent(value);
    }

    private static String value(@Nullable Double value, boolean share) {
        if (value == null) {
            return "-";
        }
        return share ? VietnameseNumbers.percent(value) : VietnameseNumbers.count(Math.round(value));
    }

    private static String difference(@Nullable Double value, boolean share) {
        if (value == null) {
            return "-";
        }
        String shown = value(Math.abs(value), share);
        return value > 0 ? "+" + shown : value < 0 ? "-" + shown : shown;
    }
}
