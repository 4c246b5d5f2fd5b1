/**
 * The discrete-event kernel: simulated time, the event calendar and named random streams.
 *
 * <p>It knows nothing of networks, requests or servers, and may use only the JDK and Commons
 * Math's random generators. A {@link org.lbsim.engine.Simulation} belongs to one thread; other
 * threads observe it only through snapshots that the model publishes.
 */
package org.lbsim.engine;
