package io.github.camelicloud.app.destination;

import io.github.camelicloud.sync.RecordFile;
import java.nio.file.Path;

/**
 * One record file per destination: {@code <directory>/<kind>-<hash>.delivered} (a file of the first format, one
 * delivery key a line, is read as it is and continued in the new one).
 */
record FileDeliveredState(Path directory) implements DeliveredState {

    @Override
    public DeliveredRecord open(String account, String library, Destination destination) {
        String name = DeliveredState.recordName(account, library, destination);
        Path file = directory.resolve(name + ".delivered");
        return new DeliveredRecord(name, file.toAbsolutePath().toString(), () -> new RecordFile(file));
    }

    @Override
    public String describe() {
        return "state directory " + directory;
    }
}
