package vn.urbanorder.stats;

/** The files the month's report (the báo cáo to sign and stamp) is written as. */
public enum DocumentFormat {
    DOCX(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF(".pdf", "application/pdf");

    private final String extension;
    private final String mediaType;

    DocumentFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }
}
