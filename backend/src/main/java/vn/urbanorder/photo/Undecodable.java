package vn.urbanorder.photo;

/**
 * No decoder here reads the photo's pixels (HEIC, or damage past what the inspector reads): it
 * gets no viewer copies, and clients are answered with a placeholder. Trying again would not help.
 */
final class Undecodable extends RuntimeException {

    Undecodable(String reason) {
        super(reason, null, false, false);
    }
}
