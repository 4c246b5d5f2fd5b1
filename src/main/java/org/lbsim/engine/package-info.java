/**
 * The discrete-event kernel: simulated time, the pending events and timers, and named random
 * streams.
 *
 * <p>It knows nothing of networks, requests or servers, and uses only the JDK and Commons RNG.
 * A {@link org.lbsim.engine.Simulation} belongs to one thread; other threads observe it only
 * through snapshots that the model publishes.
 */
package org.lbsim.engine;
