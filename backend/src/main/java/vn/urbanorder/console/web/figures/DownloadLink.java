package vn.urbanorder.console.web.figures;

/** A report file to download from the page: the format's code, its name, and the console's address for it. */
public record DownloadLink(String format, String label, String href) {}
