package org.lbsim.cli;

/** A mistake in the arguments that picocli cannot see (an unknown algorithm name, an unwritable file). */
final class UserInputException extends RuntimeException {
    UserInputException(String message) {
        super(message);
    }
}
