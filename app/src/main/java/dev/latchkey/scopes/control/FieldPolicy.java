package dev.latchkey.scopes.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which fields one credential may see or write, right now. A field covered by any of the
 * site's scopes is restricted: visible only to credentials holding a covering scope.
 * Uncovered fields are visible to all; a credential created without scopes sees everything.
 */
public final class FieldPolicy {

    public static final FieldPolicy UNRESTRICTED = new FieldPolicy(List.of(), List.of(), true);

    private final List<ScopeEntry> restricting;
    private final List<ScopeEntry> held;
    private final boolean unrestricted;

    private FieldPolicy(List<ScopeEntry> restricting, List<ScopeEntry> held, boolean unrestricted) {
        this.restricting = restricting;
        this.held = held;
        this.unrestricted = unrestricted;
    }

    /**
     * @param siteEntries every entry of every scope of the site
     * @param heldEntries the entries of the scopes the credential holds
     */
    public static FieldPolicy of(List<ScopeEntry> siteEntries, List<ScopeEntry> heldEntries) {
        return new FieldPolicy(List.copyOf(siteEntries), List.copyOf(heldEntries), false);
    }

    public boolean visible(String type, String field) {
        if (unrestricted || restricting.stream().noneMatch(e -> e.covers(type, field))) {
            return true;
        }
        return held.stream().anyMatch(e -> e.covers(type, field));
    }

    /** The fields of {@code fields}, in order, that this credential may not see or write. */
    public List<String> hidden(String type, Collection<String> fields) {
        List<String> hidden = new ArrayList<>();
        for (String field : fields) {
            if (!visible(type, field)) {
                hidden.add(field);
            }
        }
        return hidden;
    }
}
