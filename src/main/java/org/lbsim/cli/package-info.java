/**
 * The {@code lbsim} command line (picocli). Turns arguments into scenarios and runs, prints
 * results, and maps a user's mistake to exit status 2 with a message, never a stack trace.
 */
package org.lbsim.cli;
