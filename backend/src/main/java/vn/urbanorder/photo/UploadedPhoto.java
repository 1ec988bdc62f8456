package vn.urbanorder.photo;

import java.nio.file.Path;

/**
 * A photo as it arrived: a local file of this instance's that lives as long as its request, its
 * length, and the SHA-256 of its bytes, computed while they were written. Nothing of it is held
 * in memory.
 */
public record UploadedPhoto(Path file, long sizeBytes, String sha256) {}
