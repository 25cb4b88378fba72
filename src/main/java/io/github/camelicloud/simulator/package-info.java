/**
 * A fake iCloud for tests and demos, free of Camel and of our client. Public API: {@link
 * io.github.camelicloud.simulator.ICloudSimulator} (with its builder), {@link
 * io.github.camelicloud.simulator.SimulatorAccount}, {@link io.github.camelicloud.simulator.AccountFlag},
 * {@link io.github.camelicloud.simulator.SimulatorClock}, {@link io.github.camelicloud.simulator.Fault}, {@link
 * io.github.camelicloud.simulator.LibraryManifest} and {@link io.github.camelicloud.simulator.NewAsset} (the photo
 * library test controls) and the {@code simulator} command. The subpackages are its implementation: {@code http}
 * (server plumbing), {@code state} (accounts, sessions, trust), {@code idmsa}, {@code setup}, {@code cloudkit},
 * {@code content} (one package per Apple service), {@code library} (each account's photo library), {@code media}
 * (the bytes of generated files), {@code faults} and {@code hooks} (test controls).
 */
package io.github.camelicloud.simulator;
