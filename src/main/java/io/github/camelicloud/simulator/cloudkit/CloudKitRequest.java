package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.WebSession;

/** A CloudKit call that passed the gate: who is asking, and which database. */
public record CloudKitRequest(Request http, WebSession session, CloudKitDatabase database) {

    public AccountState account() {
        return session.account();
    }

    /** CloudKit includes the top-level syncToken only when asked; clients spell the flag True or true. */
    public boolean wantsSyncToken() {
        return http.query("getCurrentSyncToken").map(v -> v.equalsIgnoreCase("true")).orElse(false);
    }
}
