/**
 * The simulator's network model ({@code --network}): a round trip per request (more on a new connection), a
 * bandwidth cap per connection and a cap on the whole link, both token buckets, applied while bodies stream.
 */
package io.github.camelicloud.simulator.network;
