package dev.latchkey.paging.control;

import java.util.List;
import java.util.function.Function;

/** Items of one page, newest first, and whether more follow. */
public record Page<E>(List<E> items, boolean hasMore) {

    public <V> Page<V> map(Function<E, V> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), hasMore);
    }
}
