/**
 * Presenting results: the text tables, the JSON of the design, CSV, and the one chart factory
 * ({@link org.lbsim.report.Charts}) whose JFreeChart charts go to PNG/SVG files and to the UI.
 * Reads {@code metrics} records only; reporters iterate over the declared metrics.
 */
package org.lbsim.report;
