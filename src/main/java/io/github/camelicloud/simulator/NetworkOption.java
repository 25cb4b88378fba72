package io.github.camelicloud.simulator;

import io.github.camelicloud.simulator.network.NetworkProfile;
import picocli.CommandLine.ITypeConverter;

/** {@code --network PROFILE}: a bad profile is a command-line error (exit 2) with the parser's message. */
final class NetworkOption implements ITypeConverter<NetworkProfile> {

    @Override
    public NetworkProfile convert(String value) {
        try {
            return NetworkProfile.parse(value);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
