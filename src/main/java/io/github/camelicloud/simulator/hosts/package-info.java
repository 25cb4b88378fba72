/**
 * How the simulator is reached: one plain-HTTP base URL (default, for tests) or Apple's own host names over HTTPS
 * (Apple-host mode, for unmodified third-party clients): the URLs it hands out, its cookies' Domain and Secure,
 * routing by {@code Host}, and the CA and certificate it makes at start.
 */
package io.github.camelicloud.simulator.hosts;
