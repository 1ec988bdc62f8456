package vn.urbanorder.photo;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The viewer copies of photos ({@link CopySize}): made in the background once the photos are
 * recorded, and made on the spot when a client asks for one that is missing (its background
 * making failed, or the photo predates copies). Either way the making goes through the copy
 * workers ({@link CopyWorkers}), and one photo's copies are made once however many ask at the
 * same moment.
 *
 * <p>A background making that fails (storage away, the workers busy) is tried {@value #RETRIES}
 * times more, waiting longer each time, and then left for the first request. A photo no decoder
 * here reads (HEIC, or damaged pixels) gets no copies: that is written down in memory, for the
 * {@value #REMEMBERED_UNDECODABLE} most recent such photos, so that neither the background nor
 * later requests decode it again. The memory is this instance's and goes with a restart; then one
 * more attempt finds the same, which costs one worker a moment. A marker in storage would save that
 * attempt but needs a way to store one (the storage keeps originals and copies only), and a HEIC,
 * the usual case, is known by its type without any attempt.
 */
@Service
public class PhotoCopies {

    static final int RETRIES = 3;
    static final int REMEMBERED_UNDECODABLE = 10_000;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(PhotoCopies.class);

    private final PhotoStorage storage;
    private final CopyWorkers workers;
    private final IncomingPhotos incoming;
    private final CopyPlaceholders placeholders;
    private final Map<String, Mono<Outcome>> making = new ConcurrentHashMap<>();
    private final Set<String> undecodable =
            Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_UNDECODABLE;
                }
            }));

    PhotoCopies(PhotoStorage storage, CopyWorkers workers, IncomingPhotos incoming, CopyPlaceholders placeholders) {
        this.storage = storage;
        this.workers = workers;
        this.incoming = incoming;
        this.placeholders = placeholders;
    }

    /** What making a photo's copies came to. */
    enum Outcome {
        MADE,
        /** No decoder here reads the original. */
        UNDECODABLE,
        /** Storage has no original of that hash. */
        NO_ORIGINAL
    }

    /**
     * The copy of the given size of a recorded photo: the stored one, made now if it is missing;
     * the placeholder when the original cannot be decoded here; empty when storage lost the original.
     * 503 when the copy is missing and the workers are busy.
     */
    public Mono<PhotoCopy> copy(Photo photo, CopySize size) {
        PhotoType type = typeOf(photo);
        if (knownUndecodable(photo.sha256(), type)) {
            return Mono.just(placeholders.of(size));
        }
        return storage.openCopy(photo.sha256(), size)
                .map(file -> PhotoCopy.of(size, file))
                .switchIfEmpty(Mono.defer(() -> make(photo.sha256(), type).flatMap(outcome -> switch (outcome) {
                    case MADE -> storage.openCopy(photo.sha256(), size).map(file -> PhotoCopy.of(size, file));
                    case UNDECODABLE -> Mono.just(placeholders.of(size));
                    case NO_ORIGINAL -> Mono.empty();
                })));
    }

    /** Whether the photo is known to get no copies, without trying: a 304 needs no more. */
    public boolean knownUnavailable(Photo photo) {
        return knownUndecodable(photo.sha256(), typeOf(photo));
    }

    /**
     * Starts making the copies of photos just recorded, in the background: call once their record
     * has committed. Never fails and never waits: what cannot be made is logged, and made when
     * first asked for.
     */
    void makeSoon(Collection<InspectedPhoto> photos) {
        try {
            startMaking(photos);
        } catch (RuntimeException unexpected) {
            log.warn("Viewer copies not started, left for the first request: {}", unexpected.toString());
        }
    }

    private void startMaking(Collection<InspectedPhoto> photos) {
        photos.stream()
                .filter(photo -> !knownUndecodable(photo.sha256(), photo.type()))
                .map(photo -> Map.entry(photo.sha256(), photo.type()))
                .distinct()
                .forEach(photo -> make(photo.getKey(), photo.getValue())
                        .retryWhen(Retry.backoff(RETRIES, FIRST_RETRY)
                                .doBeforeRetry(retry -> log.info(
                                        "Viewer copies of photo {} not made ({}); trying again",
                                        photo.getKey(),
                                        retry.failure().toString())))
                        .subscribe(
                                outcome -> log.debug("Viewer copies of photo {}: {}", photo.getKey(), outcome),
                                failure -> log.warn(
                                        "Viewer copies of photo {} not made after {} attempts, left for the first"
                                                + " request: {}",
                                        photo.getKey(),
                                        RETRIES + 1,
                                        failure.toString())));
    }

    /**
     * Makes the photo's copies, or joins the making already under way for the same hash. A failed
     * making is forgotten with its failure, so the next call tries again.
     */
    Mono<Outcome> make(String sha256, PhotoType type) {
        if (knownUndecodable(sha256, type)) {
            return Mono.just(Outcome.UNDECODABLE);
        }
        return making.computeIfAbsent(sha256, key -> workers.submit(() -> makeNow(key, type))
                .doFinally(signal -> making.remove(key))
                .cache());
    }

    private Mono<Outcome> makeNow(String sha256, PhotoType type) {
        return incoming.withScratchFile(original -> storage.download(sha256, original)
                .flatMap(found -> found
                        ? workers.compute(() -> CopyMaker.make(original, type))
                                .flatMap(copies -> storage.storeCopy(sha256, CopySize.THUMB, copies.thumb())
                                        .then(storage.storeCopy(sha256, CopySize.VIEW, copies.view()))
                                        .thenReturn(Outcome.MADE))
                                .onErrorResume(Undecodable.class, failure -> {
                                    log.info(
                                            "Photo {} cannot be decoded for viewer copies: {}",
                                            sha256,
                                            failure.getMessage());
                                    undecodable.add(sha256);
                                    return Mono.just(Outcome.UNDECODABLE);
                                })
                        : Mono.just(Outcome.NO_ORIGINAL)));
    }

    private boolean knownUndecodable(String sha256, PhotoType type) {
        return type == PhotoType.HEIC || undecodable.contains(sha256);
    }

    private static PhotoType typeOf(Photo photo) {
        // Every recorded photo has one of the types; an unknown one is not decoded.
        return PhotoType.ofContentType(photo.contentType()).orElse(PhotoType.HEIC);
    }
}
