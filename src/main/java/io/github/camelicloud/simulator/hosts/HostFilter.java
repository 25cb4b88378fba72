package io.github.camelicloud.simulator.hosts;

import io.github.camelicloud.simulator.http.Interceptor;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import java.util.Optional;

/**
 * Apple-host mode: each host name serves its own part of the protocol only (idmsa the sign-in, setup the
 * account, {@code pNN-ckdatabasews} CloudKit, {@code cvws.icloud-content.com} the bytes), so a client that sends
 * a call to the wrong host fails here as it would at Apple. A host the simulator does not serve gets 421.
 */
public final class HostFilter implements Interceptor {

    @Override
    public Optional<Response> intercept(Request request) {
        String host = request.header("Host").orElse(null);
        Optional<AppleHosts.Host> served = AppleHosts.lookup(host);
        if (served.isEmpty()) {
            return Optional.of(Response.text(421, Response.ICLOUD_HTML, "Misdirected Request"));
        }
        if (!served.get().role().serves(request.path())) {
            return Optional.of(Response.text(404, Response.ICLOUD_HTML, "Not Found"));
        }
        return Optional.empty();
    }
}
