package dev.latchkey.paging.boundary;

import dev.latchkey.paging.control.Page;
import java.util.List;
import java.util.function.Function;

/** A page on the wire: {@code {data, has_more, next_cursor}}. */
public record ListView<V>(List<V> data, boolean hasMore, String nextCursor) {

    public static <E, V> ListView<V> of(Page<E> page, Function<E, V> view, Function<E, String> id) {
        List<V> data = page.items().stream().map(view).toList();
        String cursor = page.hasMore() && !page.items().isEmpty()
                ? id.apply(page.items().get(page.items().size() - 1)) : null;
        return new ListView<>(data, page.hasMore(), cursor);
    }
}
