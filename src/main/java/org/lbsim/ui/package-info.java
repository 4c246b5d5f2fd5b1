/**
 * The classroom UI (JavaFX 21): the architecture drawn live, its controls, and live charts.
 *
 * <p>It holds no model logic. The simulation runs on its own thread inside
 * {@link org.lbsim.experiment.LiveRun}; the UI reads immutable snapshots at most 30 times a
 * second and sends every action through the same control API a scenario's {@code events:}
 * use. Nothing the simulation does blocks the JavaFX thread.
 */
package org.lbsim.ui;
