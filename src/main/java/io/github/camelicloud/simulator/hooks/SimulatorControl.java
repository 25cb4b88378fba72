package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The test controls, shared by the Java API of {@code ICloudSimulator} and the {@code /_simulator/} hooks. */
public final class SimulatorControl {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorControl.class);

    private final SimulatorState state;

    public SimulatorControl(SimulatorState state) {
        this.state = state;
    }

    public void advanceClock(Duration amount) {
        state.clock().advance(amount);
        LOG.info("Simulator clock advanced by {}; now {}", amount, state.now());
    }

    /** Every web session and idmsa session issued so far stops working (421 on validate and CloudKit). */
    public int expireSessions() {
        int web = state.webSessions().expireAll();
        int auth = state.authSessions().expireAll();
        LOG.info("Expired {} web sessions and {} sign-in sessions", web, auth);
        return web;
    }

    /**
     * Ends every web session (cookies, what validate checks) but not the sign-ins behind them: their session
     * tokens still trade for a new web session through accountLogin, without SRP.
     */
    public int expireWebSessions() {
        int web = state.webSessions().expireAll();
        LOG.info("Expired {} web sessions", web);
        return web;
    }

    public void injectFault(Fault fault) {
        state.faults().add(fault);
        LOG.info("Fault injected: {} {} -> {} ({}x)", fault.method(), fault.path(), fault.typeName(), fault.count());
    }

    public void clearFaults() {
        state.faults().clear();
    }

    /** Accounts (with their fake passwords), session counts, trust expiries and pending faults. */
    public ObjectNode snapshot() {
        ObjectNode root = Json.object();
        root.put("baseUrl", state.baseUrl());
        root.put("now", state.now().toString());
        root.put("clockOffsetSeconds", state.clock().offset().toSeconds());
        ArrayNode accounts = root.putArray("accounts");
        for (AccountState account : state.accounts().all()) {
            ObjectNode entry = accounts.addObject();
            entry.put("email", account.email());
            entry.put("password", account.account().password());
            ArrayNode flags = entry.putArray("flags");
            account.account().flags().forEach(flag -> flags.add(flag.wireName()));
            entry.put("protocol", account.srp().preferred().wireName());
            entry.put("dsid", account.identity().dsid());
            state.trustGrants().latestExpiry(account).ifPresentOrElse(
                    expiry -> entry.put("trustExpiresAt", expiry.toString()), () -> entry.putNull("trustExpiresAt"));
        }
        ObjectNode sessions = root.putObject("sessions");
        sessions.put("web", state.webSessions().liveCount());
        sessions.put("signIn", state.authSessions().liveCount());
        ArrayNode faults = root.putArray("faults");
        for (Fault fault : state.faults().pending()) {
            faults.add(FaultJson.write(fault));
        }
        return root;
    }
}
