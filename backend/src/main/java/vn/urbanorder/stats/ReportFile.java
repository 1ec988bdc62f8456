package vn.urbanorder.stats;

/** The month's report as a file, built in memory (some tens of kilobytes). */
public record ReportFile(byte[] content, String fileName, DocumentFormat format) {}
