package dev.latchkey.problems.control;

/**
 * A request was refused because its credential lacks a permission or scope (a
 * {@link DomainException#lacksAuthority()} reached the error mapper). Fired so that the
 * credential's use is counted as refused without the error mapper knowing about credentials.
 */
public record AuthorityRefusal(ErrorCode code) {
}
