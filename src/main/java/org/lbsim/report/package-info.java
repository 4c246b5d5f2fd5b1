/**
 * Presenting results: the text summary table and the JSON of the design (CSV and charts come
 * with the experiments). Reads {@code metrics} records only.
 */
package org.lbsim.report;
