package dev.funnel.objection.service;

import dev.funnel.events.ObjectionCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The business's memory of bridges that worked: for one category, every bridge that resolved an objection,
 * grouped by its trimmed, case-folded text, those whose prospects were later won first.
 */
@ApplicationScoped
public class Playbook {

    /**
     * A prospect with an objection was open when it was raised, so a prospect that is won now was won after
     * the objection: "later won" needs no comparison of times. Ties go to the bridge used more, then to the
     * one used most recently. The wording shown is the most recent one of the group. Grouping by the digest
     * first matches the order of the index on (category, md5(bridge_key)); the key itself keeps groups exact.
     */
    private static final String BRIDGES = """
            select o.bridge_key,
                   (array_agg(o.bridge order by o.resolved_at desc, o.id desc))[1],
                   count(*),
                   count(distinct o.prospect_id) filter (where p.stage = 'WON'),
                   max(o.resolved_at)
              from objection o
              left join prospect_replica p on p.prospect_id = o.prospect_id
             where o.category = :category and o.resolved_at is not null
             group by md5(o.bridge_key), o.bridge_key
             order by 4 desc, 3 desc, 5 desc, 1
             limit :limit
            """;

    private final EntityManager entityManager;

    Playbook(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Bridge> bridges(ObjectionCategory category, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(BRIDGES)
                .setParameter("category", category.name())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Bridge(((String) row[1]).strip(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue(), instant(row[4])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /**
     * One bridge of the playbook.
     *
     * @param bridge its most recent wording, trimmed
     * @param timesUsed how many objections it resolved
     * @param prospectsWon how many of the prospects behind those objections were won
     * @param lastUsedAt when it last resolved one
     */
    public record Bridge(String bridge, long timesUsed, long prospectsWon, Instant lastUsedAt) {
    }
}
