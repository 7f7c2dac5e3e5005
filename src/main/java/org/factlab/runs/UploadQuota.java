package org.factlab.runs;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.factlab.uploads.UploadLibrary;
import org.springframework.stereotype.Component;

/**
 * The per-account upload quota ({@code factlab.quota.uploads}, {@code factlab.quota.upload-bytes}), counted over
 * the models and tables an account keeps. An account uploads one file at a time: the check and the keeping of a
 * file happen under its lease, so parallel uploads cannot together pass the quota. Without login there are no
 * accounts and no quota.
 */
@Component
public class UploadQuota {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final int maxUploads;
    private final long maxBytes;
    private final List<UploadLibrary<?>> libraries;
    private final Map<String, ReentrantLock> leases = new ConcurrentHashMap<>();

    UploadQuota(FactlabProperties properties, UploadLibraries libraries) {
        this.maxUploads = properties.quota().uploads();
        this.maxBytes = properties.quota().uploadBytes();
        this.libraries = List.of(libraries.models(), libraries.datasets());
    }

    /** A refused upload, with its HTTP status: 429 for the count or a concurrent upload, 413 for the bytes. */
    public static final class Refusal extends Exception {
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Held while an account's upload is read and kept; closing it lets the account's next upload in. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The lease for adding a file of {@code bytes} for {@code account} (null: no account, no quota), or a
     * {@link Refusal} naming the limit it would pass.
     */
    public Lease acquire(String account, long bytes) throws Refusal, IOException {
        if (account == null) {
            return () -> {};
        }
        ReentrantLock lock = leases.computeIfAbsent(account.toLowerCase(Locale.ROOT), k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new Refusal(
                    TOO_MANY_REQUESTS,
                    "another upload of " + account + " is in progress; " + "allowed: one upload at a time per account");
        }
        try {
            long count = 0;
            long kept = 0;
            for (UploadLibrary<?> library : libraries) {
                for (UploadLibrary.Described d : library.list()) {
                    if (d.owner() != null && d.owner().equalsIgnoreCase(account)) {
                        count++;
                        kept += d.bytes();
                    }
                }
            }
            if (count + 1 > maxUploads) {
                throw new Refusal(
                        TOO_MANY_REQUESTS,
                        account + " keeps " + count + " uploads; allowed: at " + "most " + maxUploads
                                + " (factlab.quota.uploads); delete some first");
            }
            if (kept + bytes > maxBytes) {
                throw new Refusal(
                        PAYLOAD_TOO_LARGE,
                        account + " keeps " + kept + " bytes of uploads; this file of " + bytes
                                + " bytes would pass the limit of " + maxBytes + " bytes "
                                + "(factlab.quota.upload-bytes); delete some first");
            }
        } catch (Refusal | IOException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
        return lock::unlock;
    }
}
