/**
 * Scenario files: YAML text to the cluster's immutable, validated description
 * ({@link org.lbsim.cluster.spec.Scenario} and the specs it holds), with units, defaults,
 * {@code --set} overrides and problems that name the file, line and column. Entry point:
 * {@link org.lbsim.scenario.ScenarioLoader}. Each section declares its keys once ({@code Key},
 * {@code MapRule}, {@code ValueRule}); the binders read keys through those declarations, and
 * {@link org.lbsim.scenario.ScenarioSchema} walks them to generate the JSON Schema of scenario
 * files. {@link org.lbsim.scenario.ScenarioWriter} writes a scenario back as YAML.
 *
 * <p>May depend on the JDK, Jackson (its YAML parser, with the SnakeYAML options it is configured
 * with, and its JSON tree for the schema), Commons Math, the cluster's value types and the trace
 * readers (to check a trace).
 */
package org.lbsim.scenario;
