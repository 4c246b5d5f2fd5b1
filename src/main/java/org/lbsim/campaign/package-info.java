/**
 * Campaigns: the runs of a replicated study (run with replications, compare, sweep) stored in an
 * SQLite file as each ends, so that a study resumes where it stopped, runs in shards on many
 * machines, and is merged and reported as if it had run in one process. Uses experiment for the
 * runs and their summaries, report for the JSON of a run, metrics and scenario; never cli or ui.
 */
package org.lbsim.campaign;
