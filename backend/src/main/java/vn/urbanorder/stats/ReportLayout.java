package vn.urbanorder.stats;

/**
 * The measures of the month's report, shared by its DOCX and its PDF, from Nghị định
 * 30/2020/NĐ-CP (Phụ lục I): A4; margins 20–25 mm top and bottom, 30–35 mm left, 15–20 mm right;
 * Times New Roman; the issuing body and the national title 12–13 pt bold, the motto 13–14 pt bold
 * with a rule as long as itself under it, the place and date 13–14 pt italic, the document's kind
 * and subject 14 pt bold with a rule under them, the body 13–14 pt, "Nơi nhận" 12 pt bold italic
 * and its list 11 pt.
 */
final class ReportLayout {

    static final double PAGE_WIDTH_MM = 210;
    static final double PAGE_HEIGHT_MM = 297;
    static final double TOP_MM = 20;
    static final double BOTTOM_MM = 20;
    static final double LEFT_MM = 30;
    static final double RIGHT_MM = 15;
    static final double TEXT_WIDTH_MM = PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM;

    /** The share of the text width the issuing body's column takes; the national title has the rest. */
    static final double HEADER_SPLIT = 0.4;

    static final double BODY_NAME_POINTS = 12;
    static final double NATIONAL_TITLE_POINTS = 12;
    static final double MOTTO_POINTS = 13;
    static final double TITLE_POINTS = 14;
    static final double BODY_POINTS = 13;
    static final double TABLE_POINTS = 12;
    static final double RECIPIENTS_TITLE_POINTS = 12;
    static final double RECIPIENTS_POINTS = 11;

    static final double FIRST_LINE_INDENT_MM = 10;
    static final double LINE_SPACING = 1.15;

    /** The room left for the signature and the seal, between the signer's title and name. */
    static final double SIGNATURE_ROOM_MM = 25;

    private static final double MM_PER_POINT = 25.4 / 72;

    private ReportLayout() {}

    /** The rule under the motto: as long as the motto. */
    static double mottoRuleMm() {
        return SerifFont.BOLD.width(ReportDocument.MOTTO, MOTTO_POINTS) * MM_PER_POINT;
    }

    /** The rule under the issuing body: a third of its last line, at least 15 mm. */
    static double issuerRuleMm(String lastLine) {
        return Math.max(15, SerifFont.BOLD.width(lastLine, BODY_NAME_POINTS) * MM_PER_POINT / 3);
    }

    /** The rule under the subject: a third of the text width. */
    static double subjectRuleMm() {
        return TEXT_WIDTH_MM / 3;
    }
}
