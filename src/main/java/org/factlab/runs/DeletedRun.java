package org.factlab.runs;

import java.time.Instant;

/**
 * What a study keeps of one of its runs after the run was deleted: which run it was, its setting and seed, and
 * when and by whom (null with login off) it was deleted.
 */
public record DeletedRun(String id, String name, int setting, long seed, Instant deletedAt, String deletedBy) {}
