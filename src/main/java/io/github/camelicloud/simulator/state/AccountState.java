package io.github.camelicloud.simulator.state;

import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.SimulatorAccount;
import io.github.camelicloud.simulator.library.PhotoLibraries;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** One account: its definition, derived identity and SRP record, plus the little state that outlives sessions. */
public final class AccountState {

    private final SimulatorAccount account;
    private final AccountIdentity identity;
    private final SrpCredentials srp;
    private final AtomicBoolean repaired = new AtomicBoolean();
    private final AtomicReference<Instant> firstCloudKitCall = new AtomicReference<>();

    public AccountState(SimulatorAccount account, AccountIdentity identity, SrpCredentials srp) {
        this.account = account;
        this.identity = identity;
        this.srp = srp;
    }

    public SimulatorAccount account() {
        return account;
    }

    public String email() {
        return account.email();
    }

    public AccountIdentity identity() {
        return identity;
    }

    public SrpCredentials srp() {
        return srp;
    }

    /** Who owns this account's photo library, and the name of its primary zone. */
    public PhotoLibraries.Owner libraryOwner() {
        return new PhotoLibraries.Owner(identity.ownerRecordName(), account.primaryZone());
    }

    public boolean has(AccountFlag flag) {
        return account.has(flag);
    }

    /** True once a {@code nomfa} account went through repair/complete; later sign-ins then answer 200. */
    public boolean repaired() {
        return repaired.get();
    }

    public void markRepaired() {
        repaired.set(true);
    }

    /** Records the first CloudKit call (the start of the not-ready window) and returns it. */
    public Instant firstCloudKitCall(Instant now) {
        firstCloudKitCall.compareAndSet(null, now);
        return firstCloudKitCall.get();
    }
}
