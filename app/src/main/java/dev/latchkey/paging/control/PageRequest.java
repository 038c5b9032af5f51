package dev.latchkey.paging.control;

import dev.latchkey.problems.control.InvalidInputException;

/** One page of a list: at most {@code limit} items after the item {@code startingAfter}. */
public record PageRequest(int limit, String startingAfter) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String startingAfter) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            if (!limit.matches("\\d{1,3}")) {
                throw new InvalidInputException("limit", "limit must be a number between 1 and " + MAX_LIMIT);
            }
            size = Integer.parseInt(limit);
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, startingAfter == null || startingAfter.isBlank() ? null : startingAfter);
    }
}
