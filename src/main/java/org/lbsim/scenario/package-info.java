/**
 * Scenario files: YAML text to the cluster's immutable, validated description
 * ({@link org.lbsim.cluster.spec.Scenario} and the specs it holds), with units, defaults,
 * {@code --set} overrides and problems that name the file, line and column. Entry point:
 * {@link org.lbsim.scenario.ScenarioLoader}.
 *
 * <p>May depend on the JDK, Jackson's YAML parser (with the SnakeYAML options it is configured
 * with), Commons Math, the cluster's value types and the trace readers (to check a trace).
 */
package org.lbsim.scenario;
