package org.factlab.experiments;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Metadata of one spec record component: it drives the API's field list, the launch form and the
 * range checks of {@link SpecCodec}. Numbers outside [min, max] are rejected with a message that names
 * the field and the allowed range. {@code choices} restricts a String field to the listed values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface SpecField {
    String description();

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    /** True when min itself is not allowed (e.g. a rate that must be &gt; 0). */
    boolean minExclusive() default false;

    String[] choices() default {};
}
