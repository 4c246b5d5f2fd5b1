/**
 * Streaming readers of recorded request traces, for replaying real traffic: Apache and NGINX
 * access logs (common and combined formats) and CSV files, read line by line in constant memory
 * into one reused {@link org.lbsim.trace.TraceRecord}, and a decorator that spreads one-second
 * timestamps over their second.
 *
 * <p>It depends on nothing else in lbsim, only on the JDK: the simulation uses it, never the
 * reverse. A reader belongs to one thread. Malformed lines are skipped and counted with the
 * first few reasons, or, in strict mode, the first one stops the reading with its file, line and
 * column.
 */
package org.lbsim.trace;
