package vn.urbanorder.stats;

import java.util.List;

/**
 * The month's report as an administrative document in the format of Nghị định 30/2020/NĐ-CP,
 * independent of its file: the DOCX ({@link ReportDocx}) and the PDF ({@link ReportPdf}) are both
 * written from it.
 *
 * @param issuingBody the issuing body, a line each, upper case (top left)
 * @param number "Số: 15/BC-UBND", with room for the number when it is not yet given
 * @param placeAndDate "Gia Thụy, ngày 05 tháng 11 năm 2026" (italic, under the motto)
 * @param kind the document's kind, "BÁO CÁO"
 * @param subject what it reports on, under its kind
 * @param body headings, paragraphs and tables
 * @param recipients the lines after "Nơi nhận:", "- Lưu: VT." last
 * @param signature the signature block (bottom right)
 */
record ReportDocument(
        List<String> issuingBody,
        String number,
        String placeAndDate,
        String kind,
        String subject,
        List<Block> body,
        List<String> recipients,
        Signature signature) {

    /** The national title, upper case, over the motto (top right). */
    static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String RECIPIENTS = "Nơi nhận:";

    ReportDocument {
        issuingBody = List.copyOf(issuingBody);
        body = List.copyOf(body);
        recipients = List.copyOf(recipients);
    }

    /** A part of the body. */
    sealed interface Block permits Heading, Paragraph, Table {}

    /** A heading of the body ("I. KẾT QUẢ …", "1. Tiếp nhận phản ánh"), bold. */
    record Heading(String text) implements Block {}

    /** A paragraph of the body, justified, its first line indented. */
    record Paragraph(String text) implements Block {}

    /**
     * A table with a header row, its caption above it; cells after the first {@code textColumns}
     * are figures, centred. A last row {@code total} is bold.
     *
     * @param widths the columns' relative widths
     */
    record Table(
            String caption,
            List<String> headers,
            List<List<String>> rows,
            List<Integer> widths,
            int textColumns,
            boolean total)
            implements Block {

        Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            widths = List.copyOf(widths);
            if (widths.size() != headers.size()) {
                throw new IllegalArgumentException("a width for every column");
            }
        }
    }

    /**
     * @param authority "TM. ỦY BAN NHÂN DÂN"
     * @param title "CHỦ TỊCH"
     * @param name the signer's name, empty to be written by hand
     */
    record Signature(String authority, String title, String name) {}
}
