/**
 * Scenario files: YAML text to immutable, validated records ({@link org.lbsim.scenario.Scenario}
 * and the specs it holds), with units, defaults, {@code --set} overrides and problems that name
 * the file, line and column. Entry point: {@link org.lbsim.scenario.ScenarioLoader}.
 *
 * <p>May depend on the JDK, Jackson's YAML parser (with the SnakeYAML options it is configured
 * with) and Commons Math; nothing else in lbsim.
 */
package org.lbsim.scenario;
