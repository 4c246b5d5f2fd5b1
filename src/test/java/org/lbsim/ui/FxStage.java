package org.lbsim.ui;

/**
 * The one JavaFX toolkit and primary stage that TestFX tests share in a JVM: test classes run
 * side by side, and two that drive a window at once would launch the toolkit twice and type
 * into each other's windows. Every class that uses {@code ApplicationExtension} holds
 * {@code @ResourceLock(FxStage.LOCK)}, and JUnit runs them one at a time.
 */
final class FxStage {

    static final String LOCK = "org.lbsim.ui.javafx-stage";

    private FxStage() {
    }
}
