package org.factlab.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Set;
import org.factlab.studies.StudyRequest;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies of the launch calls ({@code POST /api/runs}, {@code POST /api/studies}) refuse keys they do not
 * know: a misspelt {@code "nmae"} is answered 400 naming it instead of being silently ignored. Other JSON the server
 * reads keeps ignoring unknown keys.
 */
@Configuration
class StrictRequestBodies {

    private static final Set<Class<?>> STRICT = Set.of(RunsController.LaunchRequest.class, StudyRequest.class);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseUnknownLaunchKeys() {
        return builder -> builder.postConfigurer(mapper -> mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(
                    DeserializationContext ctxt,
                    JsonParser p,
                    JsonDeserializer<?> deserializer,
                    Object beanOrClass,
                    String propertyName)
                    throws java.io.IOException {
                Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
                if (STRICT.contains(type)) {
                    Collection<Object> known = deserializer.getKnownPropertyNames();
                    throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName, known);
                }
                return false;
            }
        }));
    }
}
