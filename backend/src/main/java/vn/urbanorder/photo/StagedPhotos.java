package vn.urbanorder.photo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.urbanorder.shared.RandomIds;

/**
 * The photos of one submission on their way into storage: each distinct file is staged under an
 * id of its own until the report that uses it is recorded or the submission is given up. Made by
 * {@link Photos#stageAndRun}, before anything is stored, so that a clean-up knows what to look for
 * even when the submission is abandoned halfway.
 *
 * @param ids the staging id of each distinct file, by its SHA-256
 */
record StagedPhotos(UUID wardId, List<InspectedPhoto> photos, Map<String, UUID> ids) {

    public StagedPhotos {
        photos = List.copyOf(photos);
        ids = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    static StagedPhotos of(UUID wardId, List<InspectedPhoto> photos) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (InspectedPhoto photo : photos) {
            ids.computeIfAbsent(photo.sha256(), sha256 -> RandomIds.uuid());
        }
        return new StagedPhotos(wardId, photos, ids);
    }

    Path fileOf(String sha256) {
        return Photos.fileOf(photos, sha256);
    }
}
