package org.shebao.registry;

import java.util.List;

/** One page of results; {@code hasNext} tells whether another follows (no costly total count). */
public record Page<T>(List<T> items, int page, int size, boolean hasNext) {
}
