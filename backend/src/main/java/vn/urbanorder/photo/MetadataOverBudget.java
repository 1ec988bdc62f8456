package vn.urbanorder.photo;

/**
 * The photo's metadata would take more reading than its budget allows (a 422): too large, too
 * many entries, or values declared many times over the bytes that hold them.
 */
final class MetadataOverBudget extends RuntimeException {

    MetadataOverBudget(String reason) {
        super(reason, null, false, false);
    }
}
