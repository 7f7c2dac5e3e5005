package org.factlab.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test of the slow lane (JUnit tag {@code slow}): it drives a browser, starts PostgreSQL clusters, or runs servers or
 * training loops in child processes (JVMs, Python). {@code mvn test} runs it; {@code mvn test -Pfast} leaves it out
 * (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("slow")
public @interface SlowTest {}
