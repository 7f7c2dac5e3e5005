package org.factlab.runs;

import java.util.Optional;

/**
 * Who is submitting a run right now: the signed-in account's name, or empty when login is off or nobody is signed
 * in (the same role as Spring Data's {@code AuditorAware}). {@link RunService} records it as the run's owner.
 */
public interface RunOwner {
    Optional<String> current();
}
