/**
 * Closed forms of the queues lbsim simulates: M/M/1, M/M/c (Erlang C), Erlang B, M/M/c/K, E_k/M/1,
 * M/G/1 (Pollaczek–Khinchine), join-the-shortest-queue over two servers, and the mean-field limit
 * of power-of-d choices. The checks of the simulator and the window's theory panel use them.
 *
 * <p>Rates are per second: λ the arrival rate, μ the service rate of one worker. Depends on
 * Commons Math only; nothing in the model depends on it.
 */
package org.lbsim.theory;
