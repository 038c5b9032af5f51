package dev.latchkey.paging.control;

import dev.latchkey.problems.control.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/**
 * Cursor pagination over any entity with an insertion sequence ({@code seq}) and a public
 * {@code id}: newest first, the cursor being the last id seen. Items added while a client
 * pages through never shift or repeat what it sees, as offsets would.
 */
@ApplicationScoped
public class Pages {

    @PersistenceContext
    EntityManager em;

    /**
     * @param where JPQL condition over alias {@code e} that limits the list (and the cursor)
     *              to what the caller may see, for example {@code e.teamId = :team}
     */
    public <E> Page<E> list(Class<E> type, String where, Map<String, Object> parameters, PageRequest request) {
        String entity = em.getMetamodel().entity(type).getName();
        String condition = where;
        Long after = null;
        if (request.startingAfter() != null) {
            after = cursorSequence(entity, where, parameters, request.startingAfter());
            condition = "(" + where + ") and e.seq < :afterSeq";
        }
        TypedQuery<E> query = em.createQuery("select e from " + entity + " e where " + condition
                + " order by e.seq desc", type);
        parameters.forEach(query::setParameter);
        if (after != null) {
            query.setParameter("afterSeq", after);
        }
        List<E> found = query.setMaxResults(request.limit() + 1).getResultList();
        boolean more = found.size() > request.limit();
        return new Page<>(more ? found.subList(0, request.limit()) : found, more);
    }

    private Long cursorSequence(String entity, String where, Map<String, Object> parameters, String cursor) {
        TypedQuery<Long> query = em.createQuery("select e.seq from " + entity + " e where (" + where
                + ") and e.id = :cursor", Long.class);
        parameters.forEach(query::setParameter);
        List<Long> found = query.setParameter("cursor", cursor).getResultList();
        if (found.isEmpty()) {
            throw new InvalidInputException("starting_after", "starting_after does not name an item of this list");
        }
        return found.get(0);
    }
}
