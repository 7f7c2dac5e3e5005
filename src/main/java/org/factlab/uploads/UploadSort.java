package org.factlab.uploads;

/**
 * The sorts of files the lab keeps for kinds to read: models ({@link ModelLibrary}) and tables ({@link
 * DatasetLibrary}).
 */
public enum UploadSort {
    MODEL,
    TABLE
}
