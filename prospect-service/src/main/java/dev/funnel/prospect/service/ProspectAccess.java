package dev.funnel.prospect.service;

import dev.funnel.events.ContractFormats;
import dev.funnel.prospect.domain.Prospect;
import dev.funnel.prospect.domain.ProspectDraft;
import dev.funnel.prospect.domain.ProspectNotFoundException;
import dev.funnel.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Whose prospects the caller may register, see and move. A seller only their own ({@link Caller#onlyOwner()}); a
 * manager every owner's; an admin any prospect, for erasure. Asked before anything is changed or published.
 *
 * <p>Another seller's prospect is answered exactly as an unknown id is, 404: a 403 would tell a seller that the id
 * exists, and whose pipeline it is in, which is what limiting them to their own is meant to keep from them.
 */
@ApplicationScoped
class ProspectAccess {

    private final Caller caller;

    ProspectAccess(Caller caller) {
        this.caller = caller;
    }

    /**
     * The draft with its owner settled: a seller's prospect is theirs, whether they leave {@code owner} out or name
     * themselves; a seller naming someone else is refused. Whoever sees every owner's prospects says whose it is.
     */
    ProspectDraft claim(ProspectDraft draft) {
        Optional<String> onlyOwner = caller.onlyOwner();
        if (onlyOwner.isEmpty()) {
            if (draft.owner() == null) {
                throw new OwnerMissingException();
            }
            return draft;
        }
        String seller = onlyOwner.get();
        if (!ContractFormats.isOwner(seller)) {
            // The name comes from the identity provider, not from the request: one that no event may carry as an
            // owner (an e-mail address, capitals) is the provider's setup to fix, not a bad body.
            throw new OtherOwnerRefusedException("Your user name cannot own prospects: an owner "
                    + ContractFormats.OWNER_RULE + "; ask the identity provider's admin for such a user name");
        }
        if (draft.owner() != null && !draft.owner().equals(seller)) {
            throw new OtherOwnerRefusedException("A seller registers prospects for themselves: leave owner out or"
                    + " name yourself (" + seller + ")");
        }
        return draft.withOwner(seller);
    }

    /** The prospect, when the caller may reach it; otherwise the same 404 as for an id nobody has. */
    Prospect reachable(Prospect prospect) {
        if (!caller.mayReach(prospect.owner())) {
            throw new ProspectNotFoundException(prospect.id());
        }
        return prospect;
    }

    /** The owner to list: a seller's own (naming someone else is refused), or the one asked for, if any. */
    Optional<String> ownerToList(Optional<String> asked) {
        Optional<String> onlyOwner = caller.onlyOwner();
        if (onlyOwner.isEmpty()) {
            return asked;
        }
        String seller = onlyOwner.get();
        if (asked.isPresent() && !asked.get().equals(seller)) {
            throw new OtherOwnerRefusedException("A seller lists only their own prospects: leave owner out or name"
                    + " yourself (" + seller + ")");
        }
        return onlyOwner;
    }
}
