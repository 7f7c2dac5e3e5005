package org.factlab.choice;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A value a spec field may take, named by a stable id: the text the JSON API, stored specs and series names use
 * (a public contract, e.g. {@code "fact-geometric"}). Enums implement it; a spec record component of such an enum
 * type is a choice field whose allowed values are the constants' ids, in declaration order. This package depends
 * on nothing else in the project, so every layer may name its choices with it.
 *
 * <p>The id is the constant's name in lower case with '-' for '_' ({@code FACT_GEOMETRIC} → {@code
 * "fact-geometric"}), so renaming a constant renames a public value: override {@link #id()} to keep the old one
 * ({@code ChoiceIdsTest} pins every kind's ids).
 */
public interface Choice {

    /** The id, e.g. {@code "trace"}. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The ids of an enum's constants, in declaration order. */
    static <E extends Enum<E> & Choice> List<String> ids(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::id).toList();
    }

    /**
     * The constant with this id.
     *
     * @throws IllegalArgumentException naming the id and the allowed ones when no constant has it
     */
    static <E extends Enum<E> & Choice> E fromId(Class<E> type, String id) {
        for (E constant : type.getEnumConstants()) {
            if (constant.id().equals(id)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(
                "unknown " + type.getSimpleName() + " '" + id + "'; allowed: " + String.join(", ", ids(type)));
    }
}
