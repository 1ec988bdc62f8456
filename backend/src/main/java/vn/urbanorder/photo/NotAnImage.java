package vn.urbanorder.photo;

/**
 * The file does not parse as the image type its first bytes claim (a 415). The reason is for the
 * log, not for the client; no stack trace is taken, since hostile files are expected.
 */
final class NotAnImage extends RuntimeException {

    NotAnImage(String reason) {
        super(reason, null, false, false);
    }
}
