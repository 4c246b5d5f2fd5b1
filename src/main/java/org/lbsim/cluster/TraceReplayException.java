package org.lbsim.cluster;

/**
 * A trace could not be replayed: a malformed line in strict mode, or a file that cannot be read.
 * The message names the file (and the line and column), as the user's input it is.
 */
public final class TraceReplayException extends RuntimeException {

    public TraceReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
