package org.factlab.studies;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code factlab.studies.*}.
 *
 * @param maxRuns the most runs (settings × seeds) one study may expand to
 */
@ConfigurationProperties("factlab.studies")
public record StudyProperties(@DefaultValue("200") int maxRuns) {}
