package org.factlab.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text columns of the repositories: null stays null, unreadable JSON names its table. */
public final class JsonText {

    private final ObjectMapper json;
    private final String table;

    public JsonText(ObjectMapper json, String table) {
        this.json = json;
        this.table = table;
    }

    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T read(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in " + table + " table: " + e.getMessage(), e);
        }
    }
}
