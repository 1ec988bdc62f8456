/** Photos of reports: judged by their bytes, read for EXIF on the server, kept as evidence by hash. */
package vn.urbanorder.photo;
